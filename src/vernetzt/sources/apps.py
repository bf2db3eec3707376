from django.apps import AppConfig


class SourcesConfig(AppConfig):
    name = "vernetzt.sources"
    label = "sources"
