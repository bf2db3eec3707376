"""Request field types for the API, derived from the model fields and vernetzt.validation.

``model_field(Person, "formality")`` is the JSON-schema twin of the model's rule: a closed list
(``enum``) for choices, ``maxLength`` for text, ``minimum``/``maximum`` for numbers, a pattern that
refuses control characters. Pydantic checks them before a view runs, so a bad value is a 422 naming
the field, and the OpenAPI schema says exactly what is accepted.
"""

from __future__ import annotations

import contextlib
import re
from datetime import date
from typing import Annotated, Any, Literal

from django.db import models
from ninja import Field
from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

from vernetzt.validation import (
    EARLIEST_DATE,
    LATEST_DATE,
    LIST_ITEM_LENGTH,
    LIST_ITEMS,
    NO_CONTROL_PATTERN,
    integer_range,
    text_limit,
)

# Ids are positive 64-bit integers on both databases; a larger number is refused instead of overflowing.
MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
# Results per request (people, candidates): at most 1,000.
Limit = Annotated[int, Field(ge=1, le=1000)]
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DATE_RANGE = {"earliest": EARLIEST_DATE.isoformat(), "latest": LATEST_DATE.isoformat()}


def _iso_day(value: Any) -> Any:
    """Dates are written 2026-03-16 (pydantic would also read a number as seconds since 1970) and lie
    within the years vernetzt.validation allows."""
    if isinstance(value, str) and _ISO_DAY.fullmatch(value):
        with contextlib.suppress(ValueError):  # 2026-02-30: refused below like any non-date
            value = date.fromisoformat(value)
    if not isinstance(value, date):
        raise PydanticCustomError("date_parsing", "not a date like 2026-03-16")
    if not EARLIEST_DATE <= value <= LATEST_DATE:
        raise PydanticCustomError("date_range", "not between {earliest} and {latest}", DATE_RANGE)
    return value


Day = Annotated[date, BeforeValidator(_iso_day)]


def text(max_length: int) -> Any:
    return Annotated[str, Field(max_length=max_length, pattern=NO_CONTROL_PATTERN)]


def one_of(values) -> Any:
    return Literal[tuple(values)]


def text_list(max_length: int = LIST_ITEM_LENGTH) -> Any:
    return Annotated[list[text(max_length)], Field(max_length=LIST_ITEMS)]


def model_field(model: type[models.Model], name: str) -> Any:
    """The request type that accepts exactly what ``model.name`` may store."""
    field = model._meta.get_field(name)
    if field.choices:
        return one_of(choice for choice, _label in field.flatchoices)
    if isinstance(field, models.CharField | models.TextField):
        return text(text_limit(field))
    if isinstance(field, models.BooleanField):
        return bool
    if isinstance(field, models.DateField):
        return Day
    if isinstance(field, models.IntegerField):
        low, high = integer_range(field)
        return Annotated[int, Field(ge=low, le=high)]
    raise TypeError(f"no request type for {model.__name__}.{name} ({type(field).__name__})")
