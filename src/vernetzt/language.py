"""Which language vernetzt speaks, decided in one place.

* ``account_language`` — outside a request (command line, background worker, digest e-mail, calendar
  feed): the language chosen in the account's settings, else the site default.
* ``request_language`` — inside a request (web pages and the JSON API): the language the middleware or
  the API's token authentication activated, i.e. the account's choice, else the browser's.
* ``message_language`` — a message to a person: the language they speak, whatever the interface speaks.
"""

from __future__ import annotations

from django.conf import settings
from django.utils import translation

from vernetzt.core import language as core


def account_language(user) -> str:
    """The account's language, "de" or "en"."""
    return core.normalize_language(getattr(user, "language", "") or settings.LANGUAGE_CODE)


def activate_account_language(user) -> None:
    """Speak the account's chosen language for the rest of this request (the web middleware and the
    API's token authentication); without a choice the browser's language stays."""
    if getattr(user, "language", ""):
        translation.activate(user.language)


def request_language(preferred: str | None = None) -> str:
    """The current request's language, "de" or "en"; ``preferred`` (an explicit ``lang`` parameter of
    the API) wins when it is one vernetzt speaks."""
    if preferred in core.LANGUAGES:
        return preferred
    return core.normalize_language(translation.get_language())


def message_language(person, *, fallback: str) -> str:
    """The language of a message to ``person``; ``fallback`` (the user's language) when nothing about
    the person tells."""
    return core.message_language(languages=person.languages, country=person.country, fallback=fallback)
