"""The rules every stored value follows, whichever way it came in (form, API, command line).

The model fields are the single source: their ``max_length``, ``choices`` and validators (number
ranges) say what may be stored. ``check_model_fields`` applies them, plus the rules no database column
states (text without control characters, dates within a sane range, bounded lists), before every save
of an owned row, so SQLite — which stores anything — and PostgreSQL — which answers a long value or a
NUL character with an error — refuse the same values, with a :class:`DataError` naming the field.
The API derives its request schemas from the same fields (``vernetzt.api.fields``), so it refuses
them with a 422 before a service is even called.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, URLValidator
from django.db import models
from django.utils.translation import gettext as _

from vernetzt.errors import DataError

_WEB_URL = URLValidator(schemes=["http", "https"])

# C0 control characters except tab, line feed and carriage return, and DEL. PostgreSQL cannot store NUL
# at all; the others have no business in a name or a note and can hide terminal escapes.
CONTROL_CHARACTERS = "\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\x7f"
_CONTROL = re.compile(f"[{CONTROL_CHARACTERS}\ud800-\udfff]")
# The same rule as a JSON-schema pattern for the API (surrogates cannot be sent as UTF-8 anyway).
NO_CONTROL_PATTERN = f"^[^{CONTROL_CHARACTERS}]*$"

# A text field without its own max_length (notes, descriptions) holds at most this many characters.
TEXT_LIMIT = 20_000
# A list of short texts (e-mail addresses, interests, snippets) holds at most this many entries of at
# most LIST_ITEM_LENGTH characters each.
LIST_ITEMS = 100
LIST_ITEM_LENGTH = 300
# Calendar dates (interactions, tasks, events, goals) lie within these years; date arithmetic far
# beyond them (a reminder 9999-12-31 plus a week) would overflow.
EARLIEST_DATE = date(1900, 1, 1)
LATEST_DATE = date(2199, 12, 31)


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


def check_text(value: str, *, field: str, max_length: int | None = None) -> str:
    """``value`` unchanged if it has no control characters and fits ``max_length``."""
    if _CONTROL.search(value):
        raise DataError(field, _("must not contain control characters (such as NUL)"))
    if max_length is not None and len(value) > max_length:
        message = _("at most %(limit)d characters (this has %(length)d)")
        raise DataError(field, message % {"limit": max_length, "length": len(value)})
    return value


def text_limit(field: models.Field) -> int | None:
    if isinstance(field, models.TextField):
        return field.max_length or TEXT_LIMIT
    return field.max_length


def integer_range(field: models.Field) -> tuple[int | None, int | None]:
    """The smallest and largest number the field's validators (its own and the column type's) allow."""
    low = [v.limit_value for v in field.validators if isinstance(v, MinValueValidator)]
    high = [v.limit_value for v in field.validators if isinstance(v, MaxValueValidator)]
    return (max(low) if low else None, min(high) if high else None)


def _check_list(field: models.Field, values: list) -> None:
    """A list of texts a person typed or imported (e-mail addresses, interests); lists of records the
    app keeps for itself (an import's row errors) are not bounded here."""
    if not all(isinstance(value, str) for value in values):
        return
    if len(values) > LIST_ITEMS:
        message = _("at most %(limit)d entries (this has %(count)d)")
        raise DataError(field.name, message % {"limit": LIST_ITEMS, "count": len(values)})
    for value in values:
        check_text(value, field=field.name, max_length=LIST_ITEM_LENGTH)


def _check_value(field: models.Field, value) -> None:
    if isinstance(value, str):
        check_text(value, field=field.name, max_length=text_limit(field))
        if field.choices and value not in {choice for choice, _label in field.flatchoices}:
            raise DataError(field.name, _("unknown value %(value)r") % {"value": value[:80]})
    elif isinstance(value, list) and isinstance(field, models.JSONField):
        _check_list(field, value)
    elif isinstance(value, int) and not isinstance(value, bool) and isinstance(field, models.IntegerField):
        try:
            for validator in field.validators:
                validator(value)
        except ValidationError as error:
            raise DataError(field.name, error.messages[0]) from None
    elif type(value) is date and not EARLIEST_DATE <= value <= LATEST_DATE:
        message = _("must lie between %(earliest)s and %(latest)s")
        raise DataError(field.name, message % {"earliest": EARLIEST_DATE, "latest": LATEST_DATE})


def check_model_fields(instance: models.Model, names: Iterable[str] | None = None) -> None:
    """Refuse the first value of ``instance`` (or of its fields ``names``) the rules above forbid."""
    wanted = None if names is None else set(names)
    for field in instance._meta.concrete_fields:
        if field.is_relation or (wanted is not None and field.name not in wanted):
            continue
        _check_value(field, getattr(instance, field.attname))
