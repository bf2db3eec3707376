"""What the user should do today: the data behind the Today page, `vernetzt today` and the digest."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from vernetzt.core.birthdays import Birthday, birthdays_within
from vernetzt.events.models import Event
from vernetzt.events.preparation import PreparationStatus, preparation_status
from vernetzt.journal.facts import open_tasks
from vernetzt.journal.messages import TASK_DRAFTS
from vernetzt.journal.models import Task
from vernetzt.journal.services import run_calendar_playbook, task_reason
from vernetzt.people.models import Person

TASK_LOOKAHEAD_DAYS = 0
BIRTHDAY_LOOKAHEAD_DAYS = 7
EVENT_LOOKAHEAD_DAYS = 30


@dataclass(frozen=True)
class BirthdayItem:
    person: Person
    date: date
    days_until: int
    turns: int | None


@dataclass(frozen=True)
class TaskItem:
    task: Task
    reason: str
    overdue: bool
    draft_kind: str | None


@dataclass(frozen=True)
class EventItem:
    event: Event
    status: PreparationStatus


@dataclass
class Agenda:
    date: date
    tasks: list[TaskItem] = field(default_factory=list)
    birthdays: list[BirthdayItem] = field(default_factory=list)
    events: list[EventItem] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.tasks or self.birthdays or self.events)

    @property
    def overdue(self) -> list[TaskItem]:
        return [item for item in self.tasks if item.overdue]

    @property
    def due(self) -> list[TaskItem]:
        return [item for item in self.tasks if not item.overdue]


def build_agenda(*, owner, today: date, lang: str, run_playbook: bool = True) -> Agenda:
    """Overdue and due tasks, birthdays this week and upcoming events; runs the calendar rules first
    (once a day, see ``run_calendar_playbook``)."""
    if run_playbook:
        run_calendar_playbook(owner=owner, today=today)
    tasks = [
        TaskItem(
            task=task,
            reason=task_reason(task, lang),
            overdue=task.due < today,
            draft_kind=TASK_DRAFTS.get(task.kind) if task.person_id else None,
        )
        for task in open_tasks(owner)
        .filter(due__lte=today + timedelta(days=TASK_LOOKAHEAD_DAYS))
        .select_related("person", "goal")
        .order_by("due", "id")
    ]
    people = {
        p.pk: p
        for p in Person.objects.for_user(owner)
        .filter(is_me=False, birth_month__isnull=False, birth_day__isnull=False)
        .only("id", "display_name", "birth_day", "birth_month", "birth_year", "tier")
    }
    known = {}
    for pk, p in people.items():
        try:
            known[pk] = Birthday(p.birth_month, p.birth_day, p.birth_year)
        except ValueError:
            continue
    birthdays = [
        BirthdayItem(
            person=people[pk],
            date=when,
            days_until=days,
            turns=(when.year - people[pk].birth_year) if people[pk].birth_year else None,
        )
        for pk, when, days in birthdays_within(known, today=today, days=BIRTHDAY_LOOKAHEAD_DAYS)
    ]
    events = list(
        Event.objects.for_user(owner)
        .filter(starts_on__gte=today, starts_on__lte=today + timedelta(days=EVENT_LOOKAHEAD_DAYS))
        .order_by("starts_on", "id")
    )
    statuses = preparation_status(owner=owner, events=events, today=today)
    return Agenda(
        date=today,
        tasks=tasks,
        birthdays=birthdays,
        events=[EventItem(event=event, status=statuses[event.pk]) for event in events],
    )


def agenda_as_dict(agenda: Agenda) -> dict:
    """The binding JSON shape of `vernetzt today --json` (DESIGN §4); dates stay ``date`` objects here."""
    return {
        "date": agenda.date,
        "tasks": [
            {
                "id": item.task.pk,
                "kind": item.task.kind,
                "person_id": item.task.person_id,
                "person": item.task.person.display_name if item.task.person else None,
                "goal_id": item.task.goal_id,
                "due": item.task.due,
                "overdue": item.overdue,
                "title": item.task.title,
                "reason": item.reason,
                "draft": item.draft_kind,
            }
            for item in agenda.tasks
        ],
        "birthdays": [
            {
                "person_id": item.person.pk,
                "person": item.person.display_name,
                "date": item.date,
                "days_until": item.days_until,
                "turns": item.turns,
            }
            for item in agenda.birthdays
        ],
        "events": [
            {
                "id": item.event.pk,
                "name": item.event.name,
                "date": item.event.starts_on,
                "location": item.event.location,
                "must_meet": item.status.must_meet,
                "researched": item.status.researched,
                "with_questions": item.status.with_questions,
                "with_benefit": item.status.with_benefit,
            }
            for item in agenda.events
        ],
    }
