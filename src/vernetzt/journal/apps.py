from django.apps import AppConfig


class JournalConfig(AppConfig):
    name = "vernetzt.journal"
    label = "journal"
