from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "vernetzt.accounts"
    label = "accounts"
