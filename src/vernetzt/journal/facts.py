"""Plain facts for the playbook rules, read from the database in a few bulk queries.

The rules in ``core.playbook`` know four cadence tiers; a person's stored tier maps onto them here.
``key`` contacts (people who matter for a goal) get the monthly rhythm of a developing relationship —
Ferrazzi's cadence for the relationships one is actively building — and ``pool`` (imported, not in touch
yet) gets no cadence at all: 30,000 LinkedIn connections must not turn into 30,000 reminders.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.utils import timezone

from vernetzt.core.birthdays import Birthday
from vernetzt.core.followup import likely_on_xing
from vernetzt.core.playbook import TARGET_STAGES, GoalFacts, PersonFacts
from vernetzt.core.titles import SENIORITY_LEVELS
from vernetzt.goals.models import Goal, Target
from vernetzt.journal.models import Benefit, Interaction, Task
from vernetzt.people.models import Person

CADENCE_TIERS: dict[str, str | None] = {
    "inner": "inner",
    "key": "developing",
    "developing": "developing",
    "new": "new",
    "secondary": "secondary",
    "pool": None,
}
_APPROACHED = TARGET_STAGES.index("approached")
_PERSON_FIELDS = (
    "id",
    "display_name",
    "tier",
    "formality",
    "birth_day",
    "birth_month",
    "birth_year",
    "linkedin_connected",
    "xing_connected",
    "xing_url",
    "country",
    "languages",
    "seniority",
    "last_contact_on",
)


def open_tasks(owner):
    """Open tasks; none about someone who asked not to be contacted (Today, the digest, the feed)."""
    # A subquery over the few do-not-contact people (a partial index), not a join with every task's
    # person: Today reads thousands of open tasks on every request.
    withheld = Person.objects.for_user(owner).filter(do_not_contact=True).values("pk")
    return (
        Task.objects.for_user(owner)
        .filter(done_at__isnull=True, skipped=False)
        .exclude(person_id__in=withheld)
    )


def _birthday(row: dict) -> Birthday | None:
    if row["birth_month"] is None or row["birth_day"] is None:
        return None
    try:
        return Birthday(row["birth_month"], row["birth_day"], row["birth_year"])
    except ValueError:  # e.g. 31 April typed by hand: no birthday rather than a crash every morning
        return None


def person_facts(owner, people) -> dict[int, PersonFacts]:
    """Facts for every person in the queryset ``people`` (already scoped to ``owner``), by id."""
    last_kind = Subquery(
        Interaction.objects.filter(person=OuterRef("pk")).order_by("-date", "-id").values("kind")[:1]
    )
    rows = list(
        people.annotate(
            n_interactions=Count("interactions", distinct=True),
            first_meeting=Min("interactions__date", filter=Q(interactions__kind="meeting")),
            last_kind=last_kind,
        ).values(*_PERSON_FIELDS, "n_interactions", "first_meeting", "last_kind")
    )
    ids = [row["id"] for row in rows]
    open_kinds: dict[int, set[str]] = defaultdict(set)
    for pid, kind in open_tasks(owner).filter(person_id__in=ids).values_list("person_id", "kind"):
        open_kinds[pid].add(kind)
    benefits = dict(
        Benefit.objects.for_user(owner)
        .filter(person_id__in=ids, direction=Benefit.Direction.OFFERED, status=Benefit.Status.PLANNED)
        .order_by("created_at", "id")
        .values_list("person_id", "description")
    )
    targeted = set(
        Target.objects.for_user(owner)
        .filter(person_id__in=ids, goal__status=Goal.Status.ACTIVE)
        .values_list("person_id", flat=True)
    )
    return {
        row["id"]: PersonFacts(
            person_id=row["id"],
            name=row["display_name"],
            tier=CADENCE_TIERS.get(row["tier"]),
            formality=row["formality"],
            birthday=_birthday(row),
            linkedin_connected=row["linkedin_connected"],
            xing_connected=row["xing_connected"],
            has_xing=likely_on_xing(
                xing_url=row["xing_url"],
                xing_connected=row["xing_connected"],
                country=row["country"],
                languages=row["languages"],
            ),
            last_interaction_date=row["last_contact_on"],
            last_interaction_kind=row["last_kind"],
            first_meeting_date=row["first_meeting"],
            interactions_count=row["n_interactions"],
            value=_value(row["seniority"], row["id"] in targeted),
            planned_benefit=benefits.get(row["id"]),
            open_task_kinds=frozenset(open_kinds[row["id"]]),
        )
        for row in rows
    }


def _value(seniority: str, targeted: bool) -> float:
    """Who to reconnect with first: people in an active goal's pipeline, then the more senior."""
    rank = SENIORITY_LEVELS.index(seniority) + 1 if seniority in SENIORITY_LEVELS else 0
    return (10.0 if targeted else 0.0) + rank


def calendar_people(owner):
    """The people the calendar rules can concern: a cadence tier, a birthday or any past contact."""
    return Person.objects.for_user(owner).filter(
        Q(birth_month__isnull=False) | Q(last_contact_on__isnull=False) | ~Q(tier="pool"),
        is_me=False,
        archived_at__isnull=True,
        do_not_contact=False,  # no birthday greeting, keep-in-touch or reconnect for them
    )


def goal_facts(owner, goals: Iterable[Goal] | None = None) -> list[GoalFacts]:
    goals = list(goals if goals is not None else Goal.objects.for_user(owner))
    ids = [g.pk for g in goals]
    approached = dict(
        Target.objects.for_user(owner)
        .filter(goal_id__in=ids, stage__in=TARGET_STAGES[_APPROACHED:])
        .values("goal_id")
        .annotate(n=Count("id"))
        .values_list("goal_id", "n")
    )
    open_kinds: dict[int, set[str]] = defaultdict(set)
    for gid, kind in open_tasks(owner).filter(goal_id__in=ids).values_list("goal_id", "kind"):
        open_kinds[gid].add(kind)
    zone = timezone.get_current_timezone()
    return [
        GoalFacts(
            goal_id=goal.pk,
            title=goal.text,
            created=goal.created_at.astimezone(zone).date(),
            approached_count=approached.get(goal.pk, 0),
            active=goal.status == Goal.Status.ACTIVE,
            open_task_kinds=frozenset(open_kinds[goal.pk]),
        )
        for goal in goals
    ]
