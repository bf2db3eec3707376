"""One way for web, API and CLI to find the user's source or candidate by an id they typed."""

from __future__ import annotations

from vernetzt.errors import DataError


def find_owned(queryset, *, owner, value, field: str, error: type[DataError] = DataError):
    """The owner's row with id ``value``; another account's id is as unknown as a missing one."""
    label = field.replace("_", " ")
    try:
        pk = int(value)
    except (TypeError, ValueError):
        raise error(field, f"{value!r} is not a {label} id") from None
    row = queryset.for_user(owner).filter(pk=pk).first()
    if row is None:
        raise error(field, f"no {label} with id {pk}")
    return row
