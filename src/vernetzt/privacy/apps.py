from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "vernetzt.privacy"
    label = "privacy"
