from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "vernetzt.web"
    label = "web"
