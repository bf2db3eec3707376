"""When the cached ranking pool of a user is stale.

Every save or delete of a Person, Position, Organization, Education, Tie, Attendance or Interaction
bumps the owner's :class:`~vernetzt.research.models.PoolVersion` (one small UPDATE in the same
transaction, so a rolled-back change does not invalidate anything). Cached pools are keyed by that
version; reading it is one primary-key lookup per ranking request.

Bulk writes bypass model signals: ``bulk_create``, ``bulk_update``, ``QuerySet.update`` and raw SQL.
**Code that changes these tables that way must call** :func:`mark_pool_stale` **once afterwards**
(importers do, after a batch). ``QuerySet.delete`` sends the signals and needs nothing extra.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from vernetzt.research.models import PoolVersion


def mark_pool_stale(owner) -> None:
    """Invalidate every cached pool of ``owner`` (a user or a user id) in every process."""
    owner_id = getattr(owner, "pk", owner)
    if PoolVersion.objects.filter(owner_id=owner_id).update(version=F("version") + 1):
        return
    try:
        with transaction.atomic():
            PoolVersion.objects.create(owner_id=owner_id, version=1)
    except IntegrityError:  # created concurrently: bump that row instead
        PoolVersion.objects.filter(owner_id=owner_id).update(version=F("version") + 1)


def current_version(owner) -> int:
    owner_id = getattr(owner, "pk", owner)
    return PoolVersion.objects.filter(owner_id=owner_id).values_list("version", flat=True).first() or 0


def _on_save(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata: the fixture's owner may not exist yet
        return
    mark_pool_stale(instance.owner_id)


def _on_delete(sender, instance, **kwargs) -> None:
    # Only bump: while an account is deleted, its rows cascade after its PoolVersion is gone, and
    # creating a new one then would point at a user about to vanish. A user with rows always has a
    # PoolVersion already (created by the save that created them).
    PoolVersion.objects.filter(owner_id=instance.owner_id).update(version=F("version") + 1)


def _watched_models() -> list[type]:
    from vernetzt.events.models import Attendance
    from vernetzt.journal.models import Interaction
    from vernetzt.people.models import Education, Organization, Person, Position, Tie

    return [Person, Position, Organization, Education, Tie, Attendance, Interaction]


def connect_signals() -> None:
    for model in _watched_models():
        uid = f"research-pool-{model._meta.label}"
        post_save.connect(_on_save, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=uid + "-delete")
