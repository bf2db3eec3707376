from __future__ import annotations

from ninja.security import HttpBearer

from vernetzt.accounts.services import authenticate_api_token


class TokenAuth(HttpBearer):
    """``Authorization: Bearer vz_…`` with a personal API token from the settings page."""

    def authenticate(self, request, token: str):
        user = authenticate_api_token(token)
        if user is not None:
            request.user = user
        return user
