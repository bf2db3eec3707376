"""Undoing a batch (an import or a merge): all of it, or — when later changes conflict — nothing.

Decision: undo never overwrites what happened after the batch. It refuses, naming the conflicts,
when a row the batch changed has been changed again since (by hand, by a later import or merge), or
when a person the batch created has gathered history of its own since (an interaction, a target, an
attendance …) or was edited by hand. Undo the later batches first, newest first, or keep the batch.
Otherwise it deletes what the batch created, puts back the rows it removed (with their ids) and
writes back the values it replaced, in one transaction.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import models, transaction
from django.utils import timezone

from vernetzt.people.models import Organization, Person, Position
from vernetzt.research.freshness import mark_pool_stale
from vernetzt.transfer.merge import person_relations
from vernetzt.transfer.models import ImportBatch, ImportChange
from vernetzt.transfer.recording import restore_values
from vernetzt.transfer.rows import insert_snapshots, reset_sequences, to_json

# History of a person that undo must not destroy silently; derived or bookkeeping rows do not count.
IGNORED_APPS = frozenset({"transfer", "research"})
ID_CHUNK = 5000
SHOWN_CONFLICTS = 10


class UndoConflict(ValueError):
    def __init__(self, batch: ImportBatch, conflicts: list[str]):
        self.conflicts = conflicts
        shown = "; ".join(conflicts[:SHOWN_CONFLICTS])
        more = f" (and {len(conflicts) - SHOWN_CONFLICTS} more)" if len(conflicts) > SHOWN_CONFLICTS else ""
        super().__init__(
            f"batch {batch.pk} cannot be undone because things changed since: {shown}{more}. "
            "Undo later imports and merges first."
        )


@dataclass
class UndoResult:
    batch_id: int
    deleted: dict[str, int] = field(default_factory=dict)
    restored: int = 0
    reinserted: int = 0

    def as_dict(self) -> dict:
        return {
            "batch_id": self.batch_id,
            "deleted": self.deleted,
            "restored": self.restored,
            "reinserted": self.reinserted,
        }


def _chunks(ids: list[int]):
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]


def _person_name(person_id: int) -> str:
    return (
        Person.objects.filter(pk=person_id).values_list("display_name", flat=True).first() or f"#{person_id}"
    )


def find_conflicts(batch: ImportBatch) -> list[str]:
    conflicts: list[str] = []
    updates: dict[str, list[ImportChange]] = defaultdict(list)
    for change in batch.changes.all():
        if change.action == ImportChange.Action.UPDATE:
            updates[change.model].append(change)
        elif apps.get_model(change.model)._base_manager.filter(pk=change.object_id).exists():
            conflicts.append(f"{change.model} {change.object_id} exists again")
    for label, changes in updates.items():
        model = apps.get_model(label)
        names = sorted({name for change in changes for name in change.after})
        current = {}
        ids = [change.object_id for change in changes]
        for chunk in _chunks(ids):
            for row in model._base_manager.filter(pk__in=chunk).values("pk", *names):
                current[row["pk"]] = row
        for change in changes:
            row = current.get(change.object_id)
            if row is None:
                conflicts.append(f"{label} {change.object_id} was deleted")
                continue
            differing = [name for name, value in change.after.items() if to_json(row[name]) != value]
            if differing:
                what = _person_name(change.object_id) if model is Person else f"{label} {change.object_id}"
                conflicts.append(f"{what}: {', '.join(differing)} changed")
    conflicts.extend(_later_batches(batch))
    conflicts.extend(_created_people_conflicts(batch))
    return conflicts


def _later_batches(batch: ImportBatch) -> list[str]:
    """Rows this batch created that a batch still in force changed (a later import or merge)."""
    later = ImportChange.objects.filter(batch__owner=batch.owner, batch__status=ImportBatch.Status.DONE)
    later = later.exclude(batch=batch)
    found = set()
    for label, ids in batch.created.items():
        for chunk in _chunks(ids):
            found |= set(later.filter(model=label, object_id__in=chunk).values_list("batch_id", flat=True))
    return [f"batch {batch_id} changed what this one created" for batch_id in sorted(found)]


def _created_people_conflicts(batch: ImportBatch) -> list[str]:
    created_people = batch.created.get("people.person", [])
    if not created_people:
        return []
    created_ids = {label: set(ids) for label, ids in batch.created.items()}
    conflicts = []
    for chunk in _chunks(created_people):
        edited = (
            Person.objects.filter(pk__in=chunk)
            .exclude(edited_fields=[])
            .values_list("display_name", flat=True)
        )
        conflicts.extend(f"{name}: edited by hand" for name in edited)
        for relation in person_relations():
            model = relation.related_model
            if model._meta.app_label in IGNORED_APPS:
                continue
            rows = model._base_manager.filter(**{f"{relation.field.name}__in": chunk})
            ours = created_ids.get(model._meta.label_lower, set())
            for pk, person_id in rows.values_list("pk", relation.field.attname):
                if pk not in ours:
                    conflicts.append(f"{_person_name(person_id)}: has a newer {model._meta.verbose_name}")
    return conflicts


# Children before parents, so nothing is deleted by cascade that undo still has to count.
_DELETE_ORDER = ["journal.interaction", "events.attendance", "people.education", "people.position"]


@transaction.atomic
def undo_batch(*, owner, batch_id: int) -> UndoResult:
    batch = ImportBatch.objects.for_user(owner).select_for_update().filter(pk=batch_id).first()
    if batch is None:
        raise LookupError(f"no import batch {batch_id}")
    if batch.status == ImportBatch.Status.UNDONE:
        raise ValueError(f"batch {batch_id} was already undone")
    conflicts = find_conflicts(batch)
    if conflicts:
        raise UndoConflict(batch, conflicts)
    result = UndoResult(batch_id=batch.pk)
    changes = list(batch.changes.all())
    reinserted_models: set[type[models.Model]] = set()
    for change in changes:
        if change.action == ImportChange.Action.DELETE:
            model = apps.get_model(change.model)
            insert_snapshots(model, [change.before])
            reinserted_models.add(model)
            result.reinserted += 1
    for change in reversed(changes):
        if change.action == ImportChange.Action.UPDATE:
            restore_values(apps.get_model(change.model), change.object_id, change.before)
            result.restored += 1
    labels = sorted(
        batch.created, key=lambda label: _DELETE_ORDER.index(label) if label in _DELETE_ORDER else 99
    )
    for label in labels:
        model = apps.get_model(label)
        ids = batch.created[label]
        if model is Organization:
            ids = _unused_organizations(ids)
        count = 0
        for chunk in _chunks(ids):
            count += (
                model._base_manager.filter(pk__in=chunk, owner=owner).delete()[1].get(model._meta.label, 0)
            )
        result.deleted[label] = count
    if reinserted_models:
        reset_sequences(reinserted_models)
    batch.status = ImportBatch.Status.UNDONE
    batch.undone_at = timezone.now()
    batch.save(update_fields=["status", "undone_at"])
    transaction.on_commit(lambda: mark_pool_stale(owner))
    return result


def _unused_organizations(ids: list[int]) -> list[int]:
    """Organizations the batch created stay when someone else's position now names them."""
    used = set()
    for chunk in _chunks(ids):
        used |= set(
            Position.objects.filter(organization_id__in=chunk).values_list("organization_id", flat=True)
        )
    return [pk for pk in ids if pk not in used]
