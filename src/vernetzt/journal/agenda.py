"""What the user should do on a day: the data behind the Today page, `vernetzt today` and the digest.

A read: it never creates tasks (the calendar rules run in the worker, see ``journal.worker``). Open
tasks are ranked by ``core.focus`` from a few narrow columns, so thousands of them cost one query and
a sort; only the handful shown are loaded as objects.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import NamedTuple

from django.db import connections

from vernetzt.core.birthdays import Birthday, birthdays_within
from vernetzt.core.focus import Ranked, TaskFacts, base_score, contenders, describe_why, rank_tasks
from vernetzt.core.playbook import TARGET_STAGES, TASK_KINDS, describe_task_kind
from vernetzt.events.models import Event
from vernetzt.events.preparation import PreparationStatus, preparation_status
from vernetzt.goals.models import Goal, Target
from vernetzt.journal.facts import open_tasks
from vernetzt.journal.messages import TASK_DRAFTS
from vernetzt.journal.models import JournalSettings, Task
from vernetzt.journal.services import playbook_settings, task_reason
from vernetzt.people.models import Person

LOOKAHEAD_DAYS = 7
LOOKAHEAD_PER_DAY = 3  # of each of the next days, the few that matter most
BIRTHDAY_LOOKAHEAD_DAYS = 7
BIRTHDAYS_SHOWN = 10
EVENT_LOOKAHEAD_DAYS = 30
LATER_PAGE_SIZE = 20
MAX_SIZE = 100
# What the pages show of a task and its person: narrow rows, not the whole person.
_SHOWN_FIELDS = (
    "id",
    "kind",
    "title",
    "due",
    "done_at",
    "skipped",
    "reason",
    "person_id",
    "goal_id",
    "person__display_name",
    "goal__text",
)


@dataclass(frozen=True)
class BirthdayItem:
    person: Person
    date: date
    days_until: int
    turns: int | None


@dataclass(frozen=True)
class TaskItem:
    task: Task
    label: str  # kind and whom it concerns, e.g. "Write a thank-you e-mail · Anna Weber"
    reason: str  # what the playbook asks for, e.g. "Meeting with Anna on 12 March – follow up …"
    why: str  # why it is on this list, one line
    overdue: bool
    draft_kind: str | None


@dataclass(frozen=True)
class EventItem:
    event: Event
    status: PreparationStatus


@dataclass(frozen=True)
class UpcomingDay:
    date: date
    tasks: list[TaskItem]  # the day's first few
    count: int  # all tasks falling due that day

    @property
    def more(self) -> int:
        return self.count - len(self.tasks)


@dataclass
class Agenda:
    date: date
    size: int
    tasks: list[TaskItem] = field(default_factory=list)
    later: list[TaskItem] = field(default_factory=list)  # the page asked for of the rest, in ranked order
    later_count: int = 0
    later_by_kind: dict[str, int] = field(default_factory=dict)
    later_page: int = 0  # 0: the rest only counted
    later_pages: int = 1
    upcoming: list[UpcomingDay] = field(default_factory=list)
    birthdays: list[BirthdayItem] = field(default_factory=list)
    birthday_count: int = 0
    events: list[EventItem] = field(default_factory=list)
    planned: bool = True  # the calendar rules have run today

    @property
    def is_empty(self) -> bool:
        return not (self.tasks or self.birthdays or self.events)

    @property
    def overdue(self) -> list[TaskItem]:
        return [item for item in self.tasks if item.overdue]

    @property
    def due(self) -> list[TaskItem]:
        return [item for item in self.tasks if not item.overdue]

    @property
    def due_count(self) -> int:
        return len(self.tasks) + self.later_count


def _targets(owner) -> dict[int, tuple[str, str, int]]:
    """Per person the most advanced target in an active goal (then the highest priority):
    (goal text, stage, priority)."""
    best: dict[int, tuple[tuple[int, int], tuple[str, str, int]]] = {}
    rows = (
        Target.objects.for_user(owner)
        .filter(goal__status=Goal.Status.ACTIVE)
        .values_list("person_id", "goal__text", "stage", "priority")
    )
    for person_id, goal, stage, priority in rows:
        rank = (TARGET_STAGES.index(stage), -priority)
        if person_id not in best or rank > best[person_id][0]:
            best[person_id] = (rank, (goal, stage, priority))
    return {person_id: target for person_id, (_, target) in best.items()}


class _Open(NamedTuple):
    """An open task as the ranking first sees it: no facts about its person yet (a tuple: thousands
    are built per request, and a frozen dataclass costs several times as much to create)."""

    pk: int
    kind: str
    due: date
    person_id: int | None


def _rows(queryset) -> list[tuple]:
    """The queryset's rows as plain tuples, without the ORM's per-value converters: thousands of open
    tasks are read on every Today."""
    sql, params = queryset.query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _open_tasks(owner, *, until: date) -> list[_Open]:
    rows = _rows(
        open_tasks(owner).filter(due__lte=until).order_by().values_list("id", "kind", "due", "person_id")
    )
    # SQLite hands dates over as ISO text; thousands of tasks fall on a few hundred days.
    days: dict = {}
    for _, _, due, _ in rows:
        if due not in days:
            days[due] = due if isinstance(due, date) else date.fromisoformat(due)
    return [_Open(pk, kind, days[due], pid) for pk, kind, due, pid in rows]


def _contenders(tasks: list[_Open], *, today: date, needed: int) -> list[_Open]:
    """Those of ``tasks`` that can be among the ``needed`` best on ``today`` (``core.focus.contenders``)."""
    # Thousands of tasks share a few hundred (kind, due) pairs: score each pair once.
    bases: dict[tuple[str, date], float] = {}
    for task in tasks:
        if (task.kind, task.due) not in bases:
            bases[task.kind, task.due] = base_score(task.kind, (today - task.due).days)
    keep = set(contenders({task.pk: bases[task.kind, task.due] for task in tasks}, needed))
    return [task for task in tasks if task.pk in keep]


def _facts(owner, tasks: list[_Open]) -> dict[int, TaskFacts]:
    """The ranking's facts for ``tasks``: their people's tier, seniority and goal pipeline."""
    people = {
        pk: (tier, seniority)
        for pk, tier, seniority in Person.objects.for_user(owner)
        .filter(pk__in={task.person_id for task in tasks if task.person_id})
        .order_by()
        .values_list("id", "tier", "seniority")
    }
    targets = _targets(owner)
    facts = {}
    for task in tasks:
        tier, seniority = people.get(task.person_id, (None, ""))
        goal, stage, priority = targets.get(task.person_id, (None, None, None))
        facts[task.pk] = TaskFacts(
            task_id=task.pk,
            kind=task.kind,
            due=task.due,
            tier=tier,
            seniority=seniority or "",
            goal=goal,
            stage=stage,
            priority=priority,
        )
    return facts


def task_label(task: Task, lang: str) -> str:
    """Kind and whom it concerns, e.g. "Dankes-E-Mail schreiben · Anna Weber", "Eigene Aufgabe: Vortrag
    einreichen"."""
    kind = describe_task_kind(task.kind, lang)
    if task.kind == "custom" and task.title:
        kind = f"{kind}: {task.title}"
    who = task.person.display_name if task.person else (task.goal.text if task.goal else "")
    return f"{kind} · {who}" if who else kind


def _items(
    ranked: list[Ranked], tasks: dict[int, Task], *, today: date, lang: str, when: bool = True
) -> list[TaskItem]:
    """Shown items; "overdue" and the why line count days from ``today``, the day being looked at."""
    return [
        TaskItem(
            task=(task := tasks[entry.task_id]),
            label=task_label(task, lang),
            reason=task_reason(task, lang),
            why=describe_why(replace(entry, days_late=(today - task.due).days), lang, when=when),
            overdue=task.due < today,
            draft_kind=TASK_DRAFTS.get(task.kind) if task.person_id else None,
        )
        for entry in ranked
    ]


def _birthdays(owner, today: date) -> tuple[list[BirthdayItem], int]:
    """The first birthdays of the coming week, and how many there are in all."""
    months = {(today + timedelta(days=n)).month for n in range(BIRTHDAY_LOOKAHEAD_DAYS + 1)}
    rows = (
        Person.objects.for_user(owner)
        .filter(is_me=False, birth_month__in=months, birth_day__isnull=False)
        .filter(archived_at__isnull=True, do_not_contact=False)
        .order_by()  # sorting by name would steer the planner away from the birthday index
        .values_list("id", "birth_month", "birth_day", "birth_year")
    )
    known = {}
    for pk, month, day, year in rows:
        try:
            known[pk] = Birthday(month, day, year)
        except ValueError:  # 31 April typed by hand
            continue
    found = birthdays_within(known, today=today, days=BIRTHDAY_LOOKAHEAD_DAYS)
    shown = found[:BIRTHDAYS_SHOWN]
    # No ORDER BY: sorting by name makes the database walk the whole name index for ten rows.
    people = (
        Person.objects.for_user(owner)
        .only("id", "display_name")
        .order_by()
        .in_bulk([pk for pk, _, _ in shown])
    )
    items = [
        BirthdayItem(
            person=people[pk],
            date=when,
            days_until=days,
            turns=(when.year - known[pk].year) if known[pk].year else None,
        )
        for pk, when, days in shown
    ]
    return items, len(found)


def _events(owner, today: date) -> list[EventItem]:
    events = list(
        Event.objects.for_user(owner)
        .filter(starts_on__gte=today, starts_on__lte=today + timedelta(days=EVENT_LOOKAHEAD_DAYS))
        .order_by("starts_on", "id")
    )
    statuses = preparation_status(owner=owner, events=events, today=today)
    return [EventItem(event=event, status=statuses[event.pk]) for event in events]


def calendar_planned(owner, today: date) -> bool:
    """Whether the calendar rules have run for ``today`` (reads only; no settings row is created)."""
    ran_on = JournalSettings.objects.filter(owner=owner).values_list("calendar_ran_on", flat=True).first()
    return ran_on is not None and ran_on >= today


def build_agenda(
    *,
    owner,
    today: date,
    lang: str,
    size: int | None = None,
    later_page: int = 0,
    per_day: int = LOOKAHEAD_PER_DAY,
) -> Agenda:
    """The focused few for ``today`` (at most ``size``, default from the settings), the rest counted
    (and its page ``later_page``, from 1, when asked for), the first ``per_day`` of each of the next
    seven days, birthdays this week and events to prepare."""
    size = min(max(size or playbook_settings(owner).focus_size, 1), MAX_SIZE)
    tasks = _open_tasks(owner, until=today + timedelta(days=LOOKAHEAD_DAYS))
    due = [task for task in tasks if task.due <= today]
    pages = max(1, -(-(len(due) - size) // LATER_PAGE_SIZE))
    page = min(max(later_page, 0), pages)
    needed = size + page * LATER_PAGE_SIZE
    chosen = _contenders(due, today=today, needed=needed)
    by_day: dict[date, list[_Open]] = defaultdict(list)
    for task in tasks:
        if task.due > today:
            by_day[task.due].append(task)
    ahead = {day: _contenders(by_day[day], today=day, needed=per_day) for day in sorted(by_day)}
    facts = _facts(owner, [*chosen, *(task for entries in ahead.values() for task in entries)])

    ranked = rank_tasks([facts[task.pk] for task in chosen], today=today)[:needed]
    focus, later = ranked[:size], ranked[size + (page - 1) * LATER_PAGE_SIZE :] if page else []
    upcoming = {
        day: rank_tasks([facts[task.pk] for task in entries], today=day)[:per_day]
        for day, entries in ahead.items()
    }

    shown = [*focus, *later, *(entry for entries in upcoming.values() for entry in entries)]
    loaded = (
        Task.objects.for_user(owner)
        .select_related("person", "goal")
        .only(*_SHOWN_FIELDS)
        .order_by()
        .in_bulk([entry.task_id for entry in shown])
    )
    birthdays, birthday_count = _birthdays(owner, today)
    kinds = Counter(task.kind for task in due)
    kinds.subtract(entry.facts.kind for entry in focus)
    return Agenda(
        date=today,
        size=size,
        tasks=_items(focus, loaded, today=today, lang=lang),
        later=_items(later, loaded, today=today, lang=lang),
        later_count=len(due) - len(focus),
        later_by_kind={kind: kinds[kind] for kind in TASK_KINDS if kinds[kind]},
        later_page=page,
        later_pages=pages,
        upcoming=[
            UpcomingDay(
                date=day,
                tasks=_items(entries, loaded, today=today, lang=lang, when=False),
                count=len(by_day[day]),
            )
            for day, entries in upcoming.items()
        ],
        birthdays=birthdays,
        birthday_count=birthday_count,
        events=_events(owner, today),
        planned=calendar_planned(owner, today),
    )


def _task_dict(item: TaskItem, *, today: date) -> dict:
    task = item.task
    return {
        "id": task.pk,
        "kind": task.kind,
        "person_id": task.person_id,
        "person": task.person.display_name if task.person else None,
        "goal_id": task.goal_id,
        "due": task.due,
        "overdue": task.due < today,
        "title": task.title,
        "reason": item.reason,
        "why": item.why,
        "draft": item.draft_kind,
    }


def agenda_as_dict(agenda: Agenda) -> dict:
    """The binding JSON shape of `vernetzt today --json` (DESIGN §4); dates stay ``date`` objects here.

    ``tasks`` holds the focused few, ``later`` counts the rest, ``upcoming`` lists the first few of
    each of the next seven days.
    """
    return {
        "date": agenda.date,
        "tasks": [_task_dict(item, today=agenda.date) for item in agenda.tasks],
        "later": {"count": agenda.later_count, "by_kind": agenda.later_by_kind},
        "upcoming": [_task_dict(item, today=agenda.date) for day in agenda.upcoming for item in day.tasks],
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
