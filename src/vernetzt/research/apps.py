from django.apps import AppConfig


class ResearchConfig(AppConfig):
    name = "vernetzt.research"
    label = "research"

    def ready(self) -> None:
        from vernetzt.research.freshness import connect_signals

        connect_signals()
