from __future__ import annotations

from ninja.security import HttpBearer

from vernetzt.accounts.services import authenticate_api_token
from vernetzt.accounts.throttle import record_failure, refuse_while_locked_out
from vernetzt.language import activate_account_language


class TokenAuth(HttpBearer):
    """``Authorization: Bearer vz_…`` with a personal API token from the settings page."""

    def authenticate(self, request, token: str):
        if refuse_while_locked_out(request):
            return None  # axes' middleware turns the 401 into the 429 lockout answer
        user = authenticate_api_token(token)
        if user is None:
            record_failure(request)
            return None
        request.user = user
        activate_account_language(user)
        return user
