from __future__ import annotations

from django.contrib.auth.middleware import LoginRequiredMiddleware as DjangoLoginRequiredMiddleware
from django.utils import translation

from vernetzt.language import activate_account_language


class UserLanguageMiddleware:
    """The account's language wins; without one, the browser's Accept-Language decides."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        translation.activate(translation.get_language_from_request(request))
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            activate_account_language(user)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        # After the view: the API's token authentication may have switched to the account's language.
        response.headers.setdefault("Content-Language", translation.get_language())
        response.headers.setdefault("Vary", "Accept-Language, Cookie")
        return response


class LoginRequiredMiddleware(DjangoLoginRequiredMiddleware):
    """Every page needs a login; the JSON API answers 401 itself instead of redirecting."""

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.path_info.startswith("/api/"):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)
