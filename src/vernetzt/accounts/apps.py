from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "vernetzt.accounts"
    label = "accounts"

    def ready(self) -> None:
        from vernetzt.accounts import audit  # noqa: F401  (connects the login signals)
