from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "vernetzt.events"
    label = "events"
