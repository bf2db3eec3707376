from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "vernetzt.people"
    label = "people"
