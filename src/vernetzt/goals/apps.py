from django.apps import AppConfig


class GoalsConfig(AppConfig):
    name = "vernetzt.goals"
    label = "goals"
