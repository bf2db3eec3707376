"""Collects what a batch creates and changes, and stores it with the batch in bulk."""

from __future__ import annotations

from typing import Any

from django.db import connection, models
from django.utils import timezone

from vernetzt.transfer.models import ImportBatch, ImportChange
from vernetzt.transfer.rows import from_json, to_json

UPDATE_CHUNK = 500


class Recorder:
    def __init__(self, batch: ImportBatch) -> None:
        self.batch = batch
        self.created: dict[str, list[int]] = {}
        self.changes: list[ImportChange] = []

    def record_created(self, model: type[models.Model], ids: list[int]) -> None:
        if ids:
            self.created.setdefault(model._meta.label_lower, []).extend(ids)

    def record_update(self, model: type[models.Model], object_id: int, before: dict, after: dict) -> None:
        self.changes.append(
            ImportChange(
                owner_id=self.batch.owner_id,
                batch=self.batch,
                model=model._meta.label_lower,
                object_id=object_id,
                before={name: to_json(value) for name, value in before.items()},
                after={name: to_json(value) for name, value in after.items()},
            )
        )

    def record_delete(self, model: type[models.Model], object_id: int, snapshot: dict[str, Any]) -> None:
        self.changes.append(
            ImportChange(
                owner_id=self.batch.owner_id,
                batch=self.batch,
                model=model._meta.label_lower,
                object_id=object_id,
                action=ImportChange.Action.DELETE,
                before=snapshot,
            )
        )

    def save(self) -> None:
        self.batch.created = self.created
        self.batch.save(update_fields=["created", "counts", "errors"])
        ImportChange.objects.bulk_create(self.changes, batch_size=1000)


def update_rows(model: type[models.Model], updates: list[tuple[int, dict[str, Any]]]) -> None:
    """UPDATE many rows by id, one prepared statement per set of columns (no per-row ORM round trip).

    Values are Python values; a model with ``updated_at`` gets it stamped, as ``save`` would.
    """
    fields = {field.attname: field for field in model._meta.concrete_fields}
    stamp = "updated_at" in fields
    now = timezone.now()
    groups: dict[tuple[str, ...], list[list[Any]]] = {}
    for object_id, values in updates:
        names = tuple(sorted(values))
        row = [fields[name].get_db_prep_save(values[name], connection) for name in names]
        if stamp:
            row.append(fields["updated_at"].get_db_prep_save(now, connection))
        row.append(object_id)
        groups.setdefault(names, []).append(row)
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for names, rows in groups.items():
            columns = [fields[name].column for name in names] + (["updated_at"] if stamp else [])
            sql = "UPDATE {} SET {} WHERE {} = %s".format(
                quote(model._meta.db_table),
                ", ".join(f"{quote(column)} = %s" for column in columns),
                quote(model._meta.pk.column),
            )
            for start in range(0, len(rows), UPDATE_CHUNK):
                cursor.executemany(sql, rows[start : start + UPDATE_CHUNK])


def restore_values(model: type[models.Model], object_id: int, json_values: dict[str, Any]) -> None:
    fields = {field.attname: field for field in model._meta.concrete_fields}
    update_rows(model, [(object_id, {name: from_json(fields[name], v) for name, v in json_values.items()})])
