"""Contacts that vernetzt observed rather than the user typed in: e-mails and calendar meetings.

They arrive by the thousand (a mailbox read for the first time), so they are written in bulk: one
interaction per person, day and source, last-contact dates moved forward, targets marked approached,
and the thank-you task closed when a mail went to the person after the meeting it thanks for. The
follow-up playbook's per-interaction rules (a meeting's thank-you, lunch …) are left to
``log_interaction``, which the calendar calls for recent meetings one by one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from vernetzt.core.playbook import advance_target_stage
from vernetzt.goals.models import Target
from vernetzt.journal.models import Interaction, Task
from vernetzt.people.models import Person, Tier
from vernetzt.research.freshness import mark_relationships_changed

NOTES_LIMIT = 300


@dataclass(frozen=True)
class ObservedContact:
    person_id: int
    date: date
    kind: str  # an Interaction.Kind
    notes: str
    outgoing: bool  # the user wrote to (or invited) them


@dataclass
class ObservedResult:
    interactions: int = 0
    tasks_closed: int = 0


def _joined(notes: list[str]) -> str:
    text = "; ".join(dict.fromkeys(n for n in notes if n))
    return text if len(text) <= NOTES_LIMIT else text[: NOTES_LIMIT - 1] + "…"


@transaction.atomic
def record_observed_contacts(*, owner, contacts: Iterable[ObservedContact], source: str) -> ObservedResult:
    """Idempotent per (person, day, source): a day already recorded from this source gets only the
    subjects it does not hold yet."""
    grouped: dict[tuple[int, date], list[ObservedContact]] = {}
    for contact in contacts:
        grouped.setdefault((contact.person_id, contact.date), []).append(contact)
    result = ObservedResult()
    if not grouped:
        return result
    people = {
        p.pk: p
        for p in Person.objects.for_user(owner).filter(is_me=False, pk__in={pid for pid, _ in grouped})
    }
    grouped = {key: value for key, value in grouped.items() if key[0] in people}
    known = {
        (row.person_id, row.date): row
        for row in Interaction.objects.for_user(owner).filter(
            source=source, person_id__in=people, date__in={day for _, day in grouped}
        )
    }
    rows, extended = [], []
    for (person_id, day), items in sorted(grouped.items()):
        notes = [item.notes for item in items]
        existing = known.get((person_id, day))
        if existing is None:
            rows.append(
                Interaction(
                    owner=owner,
                    person_id=person_id,
                    kind=items[0].kind,
                    date=day,
                    notes=_joined(notes),
                    source=source,
                )
            )
        elif any(note and note not in existing.notes for note in notes):
            # The same day seen again (the sent folder after the inbox): one contact, both subjects.
            existing.notes = _joined([*existing.notes.split("; "), *notes])
            extended.append(existing)
    Interaction.objects.bulk_create(rows, batch_size=500)
    Interaction.objects.bulk_update(extended, ["notes"], batch_size=500)
    result.interactions = len(rows)
    _move_last_contact(people, grouped)
    _mark_targets_approached(owner, grouped)
    result.tasks_closed = _close_thank_you_tasks(owner, grouped)
    mark_relationships_changed(owner)
    return result


def _move_last_contact(people: dict[int, Person], grouped) -> None:
    latest: dict[int, date] = {}
    for person_id, day in grouped:
        latest[person_id] = max(day, latest.get(person_id, day))
    changed = []
    today = timezone.localdate()
    for person_id, day in latest.items():
        person = people[person_id]
        day = min(day, today)  # a meeting next week is no contact yet
        if person.last_contact_on is None or person.last_contact_on < day:
            person.last_contact_on = day
            if person.tier == Tier.POOL:
                person.tier = Tier.NEW
            changed.append(person)
    Person.objects.bulk_update(changed, ["last_contact_on", "tier"], batch_size=500)


def _mark_targets_approached(owner, grouped) -> None:
    """Contact after a person became a target means they were approached (stages never go back)."""
    latest: dict[int, date] = {}
    for person_id, day in grouped:
        latest[person_id] = max(day, latest.get(person_id, day))
    targets = list(Target.objects.for_user(owner).filter(person_id__in=latest))
    changed = []
    for target in targets:
        if latest[target.person_id] < timezone.localdate(target.created_at):
            continue
        stage = advance_target_stage(current_stage=target.stage, interaction_kind="email")
        if stage != target.stage:
            target.stage = stage
            changed.append(target)
    Target.objects.bulk_update(changed, ["stage"])


def _close_thank_you_tasks(owner, grouped) -> int:
    """A mail the user sent to the person on or after the meeting day is the thank-you mail."""
    sent: dict[int, date] = {}
    for (person_id, day), items in grouped.items():
        if any(item.outgoing and item.kind == Interaction.Kind.EMAIL for item in items):
            sent[person_id] = max(day, sent.get(person_id, day))
    if not sent:
        return 0
    tasks = Task.objects.for_user(owner).filter(
        kind=Task.Kind.THANK_YOU_EMAIL, person_id__in=sent, done_at__isnull=True, skipped=False
    )
    closed = []
    now = timezone.now()
    for task in tasks.select_related("interaction"):
        met_on = task.interaction.date if task.interaction else task.created_at.date()
        if sent[task.person_id] >= met_on:
            task.done_at = now
            closed.append(task)
    Task.objects.bulk_update(closed, ["done_at"])
    return len(closed)


@transaction.atomic
def note_meeting_scheduled(*, owner, person: Person, day: date) -> bool:
    """A meeting with the person is in the calendar: the date is fixed. Their targets reach
    "appointment agreed" (never back) and the open call to fix the date is done. True if anything moved."""
    from vernetzt.core.playbook import raise_target_stage
    from vernetzt.goals.services import set_target_stage

    moved = False
    for target in Target.objects.for_user(owner).filter(person=person):
        stage = raise_target_stage(target.stage, "appointment_agreed")
        if stage != target.stage:
            set_target_stage(target=target, stage=stage)
            moved = True
    calls = Task.objects.for_user(owner).filter(
        person=person,
        kind=Task.Kind.CALL_TO_SCHEDULE,
        done_at__isnull=True,
        skipped=False,
        created_at__date__lte=day,
    )
    return bool(calls.update(done_at=timezone.now())) or moved
