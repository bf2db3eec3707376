"""What the user should do today: the data behind the Today page and `vernetzt today`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from vernetzt.core.birthdays import Birthday, birthdays_within
from vernetzt.events.models import Event
from vernetzt.journal.models import Task
from vernetzt.people.models import Person

TASK_LOOKAHEAD_DAYS = 7
BIRTHDAY_LOOKAHEAD_DAYS = 7
EVENT_LOOKAHEAD_DAYS = 30


@dataclass(frozen=True)
class BirthdayItem:
    person: Person
    date: date
    days_until: int
    turns: int | None


@dataclass
class Agenda:
    date: date
    tasks: list[Task] = field(default_factory=list)
    birthdays: list[BirthdayItem] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.tasks or self.birthdays or self.events)


def build_agenda(*, owner, today: date) -> Agenda:
    tasks = list(
        Task.objects.for_user(owner)
        .filter(done_at__isnull=True, skipped=False, due__lte=today + timedelta(days=TASK_LOOKAHEAD_DAYS))
        .select_related("person", "goal")
        .order_by("due", "id")
    )
    people = {
        p.pk: p
        for p in Person.objects.for_user(owner)
        .filter(is_me=False, birth_month__isnull=False, birth_day__isnull=False)
        .only("id", "display_name", "birth_day", "birth_month", "birth_year", "tier")
    }
    upcoming = birthdays_within(
        {pk: Birthday(p.birth_month, p.birth_day, p.birth_year) for pk, p in people.items()},
        today=today,
        days=BIRTHDAY_LOOKAHEAD_DAYS,
    )
    birthdays = [
        BirthdayItem(
            person=people[pk],
            date=when,
            days_until=days,
            turns=(when.year - people[pk].birth_year) if people[pk].birth_year else None,
        )
        for pk, when, days in upcoming
    ]
    events = list(
        Event.objects.for_user(owner)
        .filter(starts_on__gte=today, starts_on__lte=today + timedelta(days=EVENT_LOOKAHEAD_DAYS))
        .order_by("starts_on", "id")
    )
    return Agenda(date=today, tasks=tasks, birthdays=birthdays, events=events)
