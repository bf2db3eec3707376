from django.apps import AppConfig


class CardDavConfig(AppConfig):
    name = "vernetzt.carddav"
    label = "carddav"
