"""Rows as plain JSON values and back, with their ids: shared by undo, merge and backups.

Inserting goes through a plain INSERT rather than ``Model.save``/``bulk_create`` on purpose: those run
``auto_now``/``auto_now_add`` and would stamp restored rows with the current time.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.core.management.color import no_style
from django.db import connection, models

INSERT_CHUNK = 500


def to_json(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, bytes | memoryview):
        return {"base64": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def from_json(field: models.Field, value: Any) -> Any:
    if value is None or isinstance(field, models.JSONField):
        return value
    if isinstance(field, models.BinaryField):
        return base64.b64decode(value["base64"])
    if isinstance(field, models.DurationField):
        return timedelta(seconds=value)
    return field.to_python(value)


def concrete_fields(model: type[models.Model]) -> list[models.Field]:
    return list(model._meta.concrete_fields)


def row_of(obj: models.Model) -> dict[str, Any]:
    """Every stored column of ``obj`` by attname, as JSON values."""
    return {field.attname: to_json(getattr(obj, field.attname)) for field in concrete_fields(obj._meta.model)}


def iter_rows(queryset: models.QuerySet, *, chunk_size: int = 2000) -> Iterator[list[Any]]:
    """The rows of ``queryset`` as lists of JSON values in ``concrete_fields`` order, streamed."""
    names = [field.attname for field in concrete_fields(queryset.model)]
    for values in queryset.order_by("pk").values_list(*names).iterator(chunk_size=chunk_size):
        yield [to_json(value) for value in values]


def insert_rows(model: type[models.Model], columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> int:
    """INSERT ``rows`` (JSON values in ``columns`` order, ids included) as they are; returns the count."""
    fields = {field.attname: field for field in concrete_fields(model)}
    unknown = [name for name in columns if name not in fields]
    if unknown:
        raise ValueError(f"{model._meta.label}: unknown columns {', '.join(unknown)}")
    ordered = [fields[name] for name in columns]
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(field.column) for field in ordered),
        ", ".join(["%s"] * len(ordered)),
    )
    count = 0
    batch: list[list[Any]] = []
    with connection.cursor() as cursor:
        for row in rows:
            batch.append(
                [
                    field.get_db_prep_save(from_json(field, value), connection)
                    for field, value in zip(ordered, row, strict=True)
                ]
            )
            if len(batch) >= INSERT_CHUNK:
                cursor.executemany(sql, batch)
                count += len(batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
            count += len(batch)
    return count


def insert_snapshots(model: type[models.Model], snapshots: Sequence[dict[str, Any]]) -> int:
    """INSERT rows given as ``row_of`` dicts (each with every column)."""
    if not snapshots:
        return 0
    columns = list(snapshots[0])
    return insert_rows(model, columns, ([snapshot[name] for name in columns] for snapshot in snapshots))


def reset_sequences(models_: Iterable[type[models.Model]]) -> None:
    """After inserting explicit ids, PostgreSQL's sequences must move past them (SQLite needs nothing)."""
    statements = connection.ops.sequence_reset_sql(no_style(), list(models_))
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)
