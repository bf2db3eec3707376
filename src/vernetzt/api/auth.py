from __future__ import annotations

from ninja.security import HttpBearer

from vernetzt.accounts.services import authenticate_api_token
from vernetzt.language import activate_account_language


class TokenAuth(HttpBearer):
    """``Authorization: Bearer vz_…`` with a personal API token from the settings page."""

    def authenticate(self, request, token: str):
        user = authenticate_api_token(token)
        if user is not None:
            request.user = user
            activate_account_language(user)
        return user
