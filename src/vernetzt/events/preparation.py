"""Preparing an event (step 4 of the method): whom to meet, whose relationship to deepen, and how ready
the user is for the people on the must-meet list."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from vernetzt.core.playbook import TARGET_STAGES
from vernetzt.core.questions import MIN_FACTS, count_facts
from vernetzt.events.models import Attendance, Event
from vernetzt.goals.models import Goal, Target
from vernetzt.journal.briefing import build_dossiers
from vernetzt.journal.models import Benefit
from vernetzt.people.models import Person, Tier

_RESEARCHED = TARGET_STAGES.index("researched")
DEEPEN_LIMIT = 30
_TIER_ORDER = {"inner": 0, "key": 1, "developing": 2, "new": 3, "secondary": 4, "pool": 5}


@dataclass(frozen=True)
class PreparationStatus:
    must_meet: int
    researched: int
    with_questions: int
    with_benefit: int

    @property
    def ready(self) -> bool:
        return (
            self.must_meet > 0
            and self.must_meet == self.researched == self.with_questions == self.with_benefit
        )


@dataclass(frozen=True)
class GoalCandidates:
    goal: Goal
    candidates: list  # research.services.Candidate, attendees only


def preparation_status(*, owner, events: Iterable[Event], today: date) -> dict[int, PreparationStatus]:
    """Per event: how many must-meet people are researched, have prepared questions, have a benefit."""
    events = list(events)
    must: dict[int, list[int]] = defaultdict(list)
    for event_id, person_id in Attendance.objects.filter(
        owner=owner, event__in=events, must_meet=True
    ).values_list("event_id", "person_id"):
        must[event_id].append(person_id)
    ids = {pid for pids in must.values() for pid in pids}
    # No ORDER BY: sorting by name makes the database walk the whole name index for a dozen rows.
    people = list(Person.objects.for_user(owner).filter(pk__in=ids).order_by())
    dossiers = build_dossiers(owner=owner, people=people, today=today)
    researched_stage = set(
        Target.objects.for_user(owner)
        .filter(person_id__in=ids, stage__in=TARGET_STAGES[_RESEARCHED:])
        .values_list("person_id", flat=True)
    )
    researched = {pid for pid, (_, successes) in dossiers.items() if successes} | researched_stage
    with_questions = {
        pid for pid, (dossier, _) in dossiers.items() if count_facts(dossier, today=today) >= MIN_FACTS
    }
    with_benefit = set(
        Benefit.objects.for_user(owner)
        .filter(person_id__in=ids, direction=Benefit.Direction.OFFERED)
        .values_list("person_id", flat=True)
    )
    return {
        event.pk: PreparationStatus(
            must_meet=len(must[event.pk]),
            researched=len(researched.intersection(must[event.pk])),
            with_questions=len(with_questions.intersection(must[event.pk])),
            with_benefit=len(with_benefit.intersection(must[event.pk])),
        )
        for event in events
    }


def whom_to_meet(*, owner, event: Event, lang: str, limit: int = 15) -> list[GoalCandidates]:
    """For each active goal, the attendees the research ranking puts first."""
    from vernetzt.research.services import rank_for_goal

    goals = Goal.objects.for_user(owner).filter(status=Goal.Status.ACTIVE)
    return [
        GoalCandidates(
            goal=goal,
            candidates=rank_for_goal(
                owner=owner, goal=goal, lang=lang, event=event, only_event=True, limit=limit
            ),
        )
        for goal in goals
    ]


def relationships_to_deepen(*, owner, event: Event, limit: int = DEEPEN_LIMIT) -> list[Attendance]:
    """Attendees the user already has a relationship with, closest first."""
    rows = list(
        Attendance.objects.filter(owner=owner, event=event, person__is_me=False)
        .filter(~Q(person__tier=Tier.POOL) | Q(person__last_contact_on__isnull=False))
        .select_related("person")
    )
    rows.sort(key=lambda a: (_TIER_ORDER.get(a.person.tier, 9), a.person.display_name, a.pk))
    return rows[:limit]


def must_meet_list(*, owner, event: Event) -> list[Attendance]:
    return list(
        Attendance.objects.filter(owner=owner, event=event, must_meet=True)
        .select_related("person")
        .order_by("person__display_name", "id")
    )


def mark_must_meet(*, owner, event: Event, person: Person, must_meet: bool) -> Attendance:
    """Put an attendee on (or off) the must-meet list; someone not yet attending is added as attendee."""
    from vernetzt.events.services import add_attendee, set_must_meet

    if event.owner_id != owner.pk or person.owner_id != owner.pk or person.is_me:
        raise PermissionError("event and person must be yours")
    attendance, _ = add_attendee(event=event, person=person, source="must_meet")
    return set_must_meet(attendance=attendance, must_meet=must_meet)
