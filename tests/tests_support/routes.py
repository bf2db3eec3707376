"""Walking the URL configuration: shared by the isolation and accessibility tests."""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

# Routes that are not pages of the logged-in app (the login itself, the token-protected calendar feed,
# walked in tests/journal) or end the session.
SKIPPED_ROUTES = {"login", "login_link", "logout", "calendar_feed"}
# Parameters filled with a non-id value; every int parameter is filled with an id under test.
STRING_PARAMS = {"secret": "not-a-secret", "token": "not-a-token", "kind": "json"}


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if "api" in str(entry.pattern):
                continue  # the API is walked through its OpenAPI schema
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern)


def web_routes() -> list[tuple[str, str]]:
    return sorted((name, route) for name, route in _patterns(get_resolver()) if name not in SKIPPED_ROUTES)


def fill_route(route: str, value: int) -> str:
    def replace(match: re.Match) -> str:
        converter, name = match.group(1), match.group(2)
        if converter == "int":
            return str(value)
        return STRING_PARAMS.get(name, "x")

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", replace, route)
