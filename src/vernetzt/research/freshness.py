"""When the cached ranking pool of a user is stale, and how much of it.

Every save or delete of a Person, Position, Organization, Education, Tie, Success, Attendance or Interaction
bumps one of the owner's two :class:`~vernetzt.research.models.PoolVersion` counters (one small UPDATE
in the same transaction, so a rolled-back change does not invalidate anything):

- ``relationship`` for interactions and for a Person saved with ``update_fields`` naming only
  :data:`RELATIONSHIP_FIELDS` (what logging a conversation changes): only the pool's relationship
  columns (degree, relationship state, last contact, own strength) are recomputed;
- ``structure`` for everything else, person creation and deletion included: the pool is rebuilt.

Cached pools are keyed by both; reading them is one primary-key lookup per ranking request.

Bulk writes bypass model signals: ``bulk_create``, ``bulk_update``, ``QuerySet.update`` and raw SQL.
**Code that changes these tables that way must call** :func:`mark_pool_stale` **once afterwards**
(importers do, after a batch). ``QuerySet.delete`` sends the signals and needs nothing extra.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save

from vernetzt.research.models import PoolVersion

# The Person fields the relationship columns are computed from (see relationships.py), and
# connected_on, which feeds no column at all. Every other field feeds the structure.
RELATIONSHIP_FIELDS = frozenset(
    {"tier", "last_contact_on", "linkedin_connected", "xing_connected", "connected_on"}
)


class PoolVersions(NamedTuple):
    structure: int
    relationship: int


def _bump(owner_id: int, counter: str, *, create: bool = True) -> None:
    if PoolVersion.objects.filter(owner_id=owner_id).update(**{counter: F(counter) + 1}) or not create:
        return
    try:
        with transaction.atomic():
            PoolVersion.objects.create(owner_id=owner_id, **{counter: 1})
    except IntegrityError:  # created concurrently: bump that row instead
        PoolVersion.objects.filter(owner_id=owner_id).update(**{counter: F(counter) + 1})


def mark_pool_stale(owner) -> None:
    """Invalidate every cached pool of ``owner`` (a user or a user id) in every process: the next
    ranking rebuilds it from the database."""
    _bump(getattr(owner, "pk", owner), "structure")


def mark_relationships_changed(owner) -> None:
    """For bulk writers of interactions and last-contact dates (mail, calendar): only the pool's
    relationship columns are recomputed."""
    _bump(getattr(owner, "pk", owner), "relationship")


def current_versions(owner) -> PoolVersions:
    owner_id = getattr(owner, "pk", owner)
    row = PoolVersion.objects.filter(owner_id=owner_id).values_list("structure", "relationship").first()
    return PoolVersions(*row) if row else PoolVersions(0, 0)


def _counter(sender, kwargs) -> str:
    from vernetzt.journal.models import Interaction
    from vernetzt.people.models import Person

    if sender is Interaction:
        return "relationship"
    fields = kwargs.get("update_fields")
    if sender is Person and fields and not kwargs.get("created") and fields <= RELATIONSHIP_FIELDS:
        return "relationship"
    return "structure"


def _on_save(sender, instance, **kwargs) -> None:
    if kwargs.get("raw"):  # loaddata: the fixture's owner may not exist yet
        return
    _bump(instance.owner_id, _counter(sender, kwargs))


def _on_delete(sender, instance, **kwargs) -> None:
    # Only bump: while an account is deleted, its rows cascade after its PoolVersion is gone, and
    # creating a new one then would point at a user about to vanish. A user with rows always has a
    # PoolVersion already (created by the save that created them).
    _bump(instance.owner_id, _counter(sender, kwargs), create=False)


def _watched_models() -> list[type]:
    from vernetzt.events.models import Attendance
    from vernetzt.journal.models import Interaction
    from vernetzt.people.models import Education, Organization, Person, Position, Success, Tie

    return [Person, Position, Organization, Education, Tie, Success, Attendance, Interaction]


def connect_signals() -> None:
    for model in _watched_models():
        uid = f"research-pool-{model._meta.label}"
        post_save.connect(_on_save, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=uid + "-delete")
