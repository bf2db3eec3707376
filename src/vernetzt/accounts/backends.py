from __future__ import annotations

from django.contrib.auth.backends import BaseBackend

from vernetzt.accounts.models import User
from vernetzt.accounts.services import authenticate_api_token


class ApiTokenBackend(BaseBackend):
    """DAV clients log in with the account name and a personal API token as the password.

    It answers only ``authenticate(request, username=…, token=…)``, so the login form keeps asking for
    the real password; going through ``django.contrib.auth.authenticate`` sends every failure through
    the ``user_login_failed`` signal, where login throttling counts it.
    """

    def authenticate(self, request, username: str | None = None, token: str | None = None, **kwargs):
        if not username or not token:
            return None
        user = authenticate_api_token(token)
        if user is None or user.get_username() != username:
            return None
        return user

    def get_user(self, user_id):
        return User.objects.filter(pk=user_id, is_active=True).first()
