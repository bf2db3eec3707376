"""Checks on values every write path shares."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from vernetzt.errors import DataError

_WEB_URL = URLValidator(schemes=["http", "https"])


def clean_web_url(value: str | None, *, field: str) -> str:
    """An http(s) address or ""; anything else (``javascript:``, ``data:``, a bare word) is refused,
    because stored addresses end up as links the user clicks."""
    value = (value or "").strip()
    if not value:
        return ""
    try:
        _WEB_URL(value)
    except ValidationError:
        message = f"{value[:80]!r} is not a web address starting with http:// or https://"
        raise DataError(field, message) from None
    return value
