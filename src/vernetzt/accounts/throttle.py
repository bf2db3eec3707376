"""Login protection through django-axes: every way in counts, per account and per client.

Wrong passwords go through Django's ``authenticate`` (axes' backend and signal see them). Login links
and API tokens never name an account before they are found, so their failures count for the client
(its address, as waitress set it from a trusted proxy) alone; a flood of guessed tokens or used links
from one address locks that address, not the account of whoever it pretends to be. Axes keeps the
attempts in the database, so several server processes share them. Failures older than the lockout
time are forgotten; each failure during a lockout starts it again.
"""

from __future__ import annotations

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

ACCOUNT_AND_CLIENT = ["username", "ip_address"]
CLIENT = ["ip_address"]


def lockout_parameters(request_or_attempt, credentials: dict | None = None) -> list[str]:
    """AXES_LOCKOUT_PARAMETERS: an attempt naming an account counts for it and for the client; one
    without (a token, a link) for the client only, never in a shared bucket of nameless attempts."""
    username = (credentials or {}).get("username") or getattr(request_or_attempt, "username", None)
    return ACCOUNT_AND_CLIENT if username else CLIENT


def _credentials(username: str | None) -> dict:
    return {"username": username} if username else {}


def is_locked_out(request: HttpRequest, *, username: str | None = None) -> bool:
    """Whether this client (or the named account) may not try again yet."""
    return not AxesProxyHandler.is_allowed(request, _credentials(username))


def record_failure(request: HttpRequest, *, username: str | None = None) -> None:
    """A wrong token or unusable login link: counted like a wrong password. When it reaches the
    limit, axes marks the request and its middleware answers with :func:`lockout_response`."""
    user_login_failed.send(sender=__name__, credentials=_credentials(username), request=request)


def refuse_while_locked_out(request: HttpRequest) -> bool:
    """Check before looking at a token or link: a locked-out client is refused without a look, and
    the attempt counts (so hammering keeps the lock closed). True when refused."""
    if not is_locked_out(request):
        return False
    record_failure(request)
    request.axes_locked_out = True
    return True


def unlock(*, username: str | None = None) -> int:
    """Lift the lockouts of one account (with its clients' failures for it), or all; the number of
    recorded attempts removed."""
    if username:
        return AxesProxyHandler.reset_attempts(username=username)
    return AxesProxyHandler.reset_attempts()


def lockout_message() -> str:
    minutes = int(get_cool_off().total_seconds() // 60)
    return ngettext(
        "Too many failed attempts to log in. Try again in %(minutes)d minute, or ask the operator to run "
        "“vernetzt unlock”.",
        "Too many failed attempts to log in. Try again in %(minutes)d minutes, or ask the operator to run "
        "“vernetzt unlock”.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request: HttpRequest, original_response=None, credentials=None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: 429 with the message, as JSON for the API, as plain text for CardDAV, as
    a page elsewhere."""
    status = 429
    retry_after = str(int(get_cool_off().total_seconds()))
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"error": lockout_message()}, status=status)
    elif request.path_info.startswith("/dav/"):  # address book apps show a plain message, if any
        response = HttpResponse(lockout_message(), status=status, content_type="text/plain; charset=utf-8")
    else:
        response = render(
            request,
            "vernetzt/locked_out.html",
            {"message": lockout_message(), "title": _("Login locked")},
            status=status,
        )
    response["Retry-After"] = retry_after
    return response
