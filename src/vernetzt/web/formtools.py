"""Glue between HTML forms and services: a service's DataError becomes an error on the form field it
names, and a form with errors answers 422 so scripts and tests can tell it from success."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from vernetzt.errors import DataError

T = TypeVar("T")


def save_with(form, action: Callable[..., T], **kwargs: Any) -> T | None:
    try:
        return action(**kwargs)
    except DataError as error:
        form.add_error(error.field if error.field in form.fields else None, error.message)
        return None


def form_status(form) -> int:
    return 422 if form.is_bound and form.errors else 200
