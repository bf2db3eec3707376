"""Storage limitation (Art. 5 GDPR) for people nobody got in touch with: archived after a while (left
out of rankings, targets, network upward and Today; restorable with one click), deleted later.

Who it concerns: not the user, tier "not in touch yet", no contact ever (no interaction, no last-contact
date), on no goal's pipeline, on no event's must-meet list, no open task. Someone archived who no longer
fits (logged since, put on a pipeline) is restored by the next run. "Keep" restores a person and
restarts their clock, so they are not archived again the next day.

Deletion is privacy.erasure's: everything about the person goes (history, undo records, caches), but
without the digests an objection keeps, so a later import may bring them back. People marked "do not
contact" are left alone: deleting them would lose the objection a later import must honour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from vernetzt.accounts.audit import record
from vernetzt.accounts.privacy import claim_retention_day, privacy_settings
from vernetzt.core.retention import Cutoffs, retention_cutoffs
from vernetzt.events.models import Attendance
from vernetzt.goals.models import Target
from vernetzt.journal.models import Interaction, Task
from vernetzt.people.models import Person, Tier
from vernetzt.privacy.erasure import erase_people
from vernetzt.research.freshness import mark_pool_stale

PREVIEW_FIELDS = ("id", "display_name", "organization_name", "created_at", "archived_at")


@dataclass(frozen=True)
class RetentionPlan:
    cutoffs: Cutoffs
    archive: list[dict] = field(default_factory=list)  # PREVIEW_FIELDS of each person
    delete: list[dict] = field(default_factory=list)
    restore: list[dict] = field(default_factory=list)


def never_contacted(owner):
    """The people retention may concern (see the module's docstring), archived or not."""
    related = {"person": OuterRef("pk")}
    return (
        Person.objects.for_user(owner)
        .filter(is_me=False, do_not_contact=False, tier=Tier.POOL, last_contact_on__isnull=True)
        .exclude(Exists(Interaction.objects.filter(**related)))
        .exclude(Exists(Target.objects.filter(**related)))
        .exclude(Exists(Attendance.objects.filter(must_meet=True, **related)))
        .exclude(Exists(Task.objects.filter(done_at__isnull=True, skipped=False, **related)))
    )


def _cutoffs(owner, now: datetime) -> Cutoffs:
    privacy = privacy_settings(owner)
    return retention_cutoffs(
        now=now,
        archive_after_months=privacy.archive_after_months,
        delete_after_months=privacy.delete_after_months,
    )


def _rows(queryset, limit: int | None) -> list[dict]:
    rows = queryset.order_by("created_at", "id").values(*PREVIEW_FIELDS)
    return list(rows[:limit] if limit is not None else rows)


def plan_retention(*, owner, now: datetime, limit: int | None = None) -> tuple[RetentionPlan, dict]:
    """What a run at ``now`` would do (only reads): the plan (at most ``limit`` people per list) and
    the full counts."""
    cutoffs = _cutoffs(owner, now)
    untouched = never_contacted(owner)
    to_archive = untouched.filter(
        archived_at__isnull=True, created_at__lt=cutoffs.archive_added_before
    ).filter(Q(kept_at__isnull=True) | Q(kept_at__lt=cutoffs.archive_added_before))
    to_delete = untouched.filter(archived_at__lt=cutoffs.delete_archived_before)
    to_restore = (
        Person.objects.for_user(owner)
        .filter(archived_at__isnull=False)
        .exclude(pk__in=untouched.values("pk"))
    )
    plan = RetentionPlan(
        cutoffs=cutoffs,
        archive=_rows(to_archive, limit),
        delete=_rows(to_delete, limit),
        restore=_rows(to_restore, limit),
    )
    counts = {"archive": to_archive.count(), "delete": to_delete.count(), "restore": to_restore.count()}
    return plan, counts


def apply_retention(*, owner, now: datetime) -> tuple[RetentionPlan, dict]:
    """Archive, delete and restore as planned; returns what was done."""
    plan, counts = plan_retention(owner=owner, now=now)
    people = Person.objects.for_user(owner)
    with transaction.atomic():
        people.filter(pk__in=[row["id"] for row in plan.restore]).update(archived_at=None, kept_at=now)
        people.filter(pk__in=[row["id"] for row in plan.archive]).update(archived_at=now)
    if plan.archive or plan.restore:
        mark_pool_stale(owner)  # archived people leave the ranking pool; bulk updates send no signals
    # Outside the transaction above: the erasure rebuilds a SQLite file once it has committed.
    erase_people(owner=owner, people=people.filter(pk__in=[row["id"] for row in plan.delete]))
    return plan, counts


def keep_person(*, person: Person, now: datetime) -> Person:
    """Restore an archived person and restart their retention clock."""
    Person.objects.filter(pk=person.pk).update(archived_at=None, kept_at=now)
    person.archived_at, person.kept_at = None, now
    mark_pool_stale(person.owner_id)
    return person


def run_retention_for_all(*, now: datetime) -> dict[str, int]:
    """The worker's daily run over every active account that has retention on and has not had it
    today; counts summed."""
    from django.contrib.auth import get_user_model

    totals = {"archive": 0, "delete": 0, "restore": 0}
    for user in get_user_model().objects.filter(is_active=True).order_by("pk"):
        if not claim_retention_day(owner=user, today=timezone.localdate(now)):
            continue
        _plan, counts = apply_retention(owner=user, now=now)
        if any(counts.values()):
            record(user, "retention", {**counts, "via": "worker"})
        for key, value in counts.items():
            totals[key] += value
    return totals
