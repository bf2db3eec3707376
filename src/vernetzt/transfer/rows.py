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
from django.db import DEFAULT_DB_ALIAS, connection, connections, models

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


_PLAIN_TYPES = frozenset(
    {
        "AutoField",
        "BigAutoField",
        "BigIntegerField",
        "BooleanField",
        "CharField",
        "ForeignKey",
        "IntegerField",
        "PositiveIntegerField",
        "PositiveSmallIntegerField",
        "SmallIntegerField",
        "TextField",
    }
)


def _preparer(field: models.Field):
    """A value → database value function for ``field``, bound to the real connection object once
    (going through Django's per-thread connection proxy for every value costs more than the insert)."""
    kind = field.get_internal_type()
    if kind in _PLAIN_TYPES:
        return None
    real = connections[DEFAULT_DB_ALIAS]
    if kind == "JSONField":
        adapt, encoder = real.ops.adapt_json_value, field.encoder
        return lambda value: None if value is None else adapt(value, encoder)
    if kind == "DateField":
        return real.ops.adapt_datefield_value
    if kind == "DateTimeField":
        return real.ops.adapt_datetimefield_value
    return lambda value: field.get_db_prep_save(value, real)


def reserve_ids(model: type[models.Model], count: int) -> list[int]:
    """``count`` fresh primary keys for ``model``. Call inside the writing transaction: SQLite's
    IMMEDIATE transactions hold the write lock, and PostgreSQL's sequence never hands a number out twice."""
    if count == 0:
        return []
    table = model._meta.db_table
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, model._meta.pk.column, count],
            )
            return [row[0] for row in cursor.fetchall()]
        quote = connection.ops.quote_name
        cursor.execute(f"SELECT COALESCE(MAX({quote(model._meta.pk.column)}), 0) FROM {quote(table)}")
        highest = cursor.fetchone()[0]
        if connection.vendor == "sqlite":
            # AUTOINCREMENT never reuses the ids of deleted rows; neither may we.
            cursor.execute("SELECT seq FROM sqlite_sequence WHERE name = %s", [table])
            row = cursor.fetchone()
            highest = max(highest, row[0] if row else 0)
    return list(range(highest + 1, highest + 1 + count))


def insert_new(model: type[models.Model], rows: list[dict[str, Any]]) -> list[int]:
    """Insert new rows given as {attname: Python value} in one prepared statement executed many
    times; fills ids and ``auto_now``/``auto_now_add`` stamps and returns the ids.

    Django's ``bulk_create`` builds a fresh multi-row statement for every ~20 rows on SQLite and
    prepares each value through several layers; at 30,000 rows that costs more than the database.
    """
    if not rows:
        return []
    from django.utils import timezone

    ids = reserve_ids(model, len(rows))
    now = timezone.now()
    fields = concrete_fields(model)
    stamped = [
        f.attname for f in fields if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
    ]
    columns = [f for f in fields if f.attname != model._meta.pk.attname]
    preparers = [_preparer(field) for field in columns]
    defaults = {f.attname: f.get_default() for f in columns}
    values = []
    for pk, row in zip(ids, rows, strict=True):
        line = [pk]
        for field, prepare in zip(columns, preparers, strict=True):
            name = field.attname
            value = row[name] if name in row else now if name in stamped else defaults.get(name)
            line.append(value if prepare is None else prepare(value))
        values.append(line)
    quote = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(
        quote(model._meta.db_table),
        ", ".join(quote(f.column) for f in [model._meta.pk, *columns]),
        ", ".join(["%s"] * (len(columns) + 1)),
    )
    with connection.cursor() as cursor:
        for start in range(0, len(values), INSERT_CHUNK * 4):
            cursor.executemany(sql, values[start : start + INSERT_CHUNK * 4])
    return ids
