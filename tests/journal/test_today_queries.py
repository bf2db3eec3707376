"""Today and the week plan read a fixed number of queries however many tasks, people and birthdays
there are: a query per shown task (its person, its goal, its draft) would cost a round trip per item,
and what the page shows must not grow with the account.

Counted, not timed: the same pages on an account ten times the size issue exactly the same queries.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from vernetzt.events.models import Attendance, Event
from vernetzt.goals.models import Goal, Target
from vernetzt.journal.models import Task
from vernetzt.people.models import Person

pytestmark = pytest.mark.django_db

# Today with its later list and look-ahead, another day, a later page, the week plan.
PAGES = ("/", "/?later=1", "/?later=2", "/?date={tomorrow}", "/plan/")
# What the biggest of them needs today (session, user, settings, tasks, their people's facts, targets,
# the shown tasks with people and goals, birthdays, events with their preparation, news, onboarding).
MOST_QUERIES = 24
KINDS = ("thank_you_email", "call_to_schedule", "connect_linkedin", "propose_lunch", "keep_in_touch")


def grow(user, scale: int) -> None:
    """``scale`` rounds of an account: per round people with and without a relationship, a goal's
    targets, a birthday this week, someone who asked not to be contacted, open tasks of every kind
    spread over the last month and the coming week, the user's own tasks; one event with must-meets."""
    today = timezone.localdate()
    goal, _ = Goal.objects.get_or_create(owner=user, text="Expat in Südostasien")
    event, _ = Event.objects.get_or_create(
        owner=user, name="Logistik-Forum", defaults={"starts_on": today + timedelta(days=10)}
    )
    start = Person.objects.filter(owner=user).count()
    people = Person.objects.bulk_create(
        [
            Person(
                owner=user,
                display_name=f"Kontakt {start + n:05d}",
                last_name=f"K{start + n:05d}",
                tier=("inner", "developing", "secondary", "pool")[n % 4],
                seniority=("director", "manager", "senior")[n % 3],
                birth_month=(today + timedelta(days=n % 7)).month if n % 5 == 0 else None,
                birth_day=(today + timedelta(days=n % 7)).day if n % 5 == 0 else None,
                do_not_contact=n % 20 == 19,
            )
            for n in range(40 * scale)
        ]
    )
    Target.objects.bulk_create(
        [Target(owner=user, goal=goal, person=person, stage="researched") for person in people[::7]]
    )
    Attendance.objects.bulk_create(
        [Attendance(owner=user, event=event, person=person, must_meet=True) for person in people[:: 13]]
    )
    tasks = [
        Task(owner=user, kind=KINDS[n % len(KINDS)], person=person, due=today + timedelta(days=n % 38 - 30))
        for n, person in enumerate(people * 2)
    ]
    tasks += [
        Task(owner=user, kind="custom", title=f"Vortrag {n}", due=today + timedelta(days=n % 9 - 2))
        for n in range(5 * scale)
    ]
    tasks += [Task(owner=user, kind="start_goal", goal=goal, due=today + timedelta(days=1))]
    Task.objects.bulk_create(tasks)


def queries_per_page(client) -> dict[str, list[str]]:
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    counted = {}
    for page in PAGES:
        path = page.format(tomorrow=tomorrow)
        assert client.get(path).status_code == 200  # the first visit may queue the day's rules
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path)
        assert response.status_code == 200
        counted[page] = [re.sub(r"\d+", "N", query["sql"]) for query in queries.captured_queries]
    return counted


def test_today_and_the_week_plan_read_the_same_queries_at_ten_times_the_size(alice_client, user):
    grow(user, 1)
    small = queries_per_page(alice_client)
    shown = alice_client.get("/").content.decode()
    grow(user, 9)  # ten times the people, tasks and birthdays
    assert Task.objects.filter(owner=user, done_at__isnull=True).count() > 800
    large = queries_per_page(alice_client)
    for page in PAGES:
        assert len(large[page]) == len(small[page]), (page, set(large[page]) ^ set(small[page]))
        assert len(large[page]) <= MOST_QUERIES, (page, len(large[page]))

    # and the pages still show what they showed: people, the goal, the user's own task, the day choice
    page = alice_client.get("/").content.decode()
    assert page.count('<li class="task') >= 10 and "Kontakt " in page and "Kontakt " in shown
    plan = alice_client.get("/plan/").content.decode()
    assert "Expat in Südostasien" in plan
    moved = int(re.findall(r'id="move-(\d+)"', plan)[-1])  # a task of the week's last day
    due = Task.objects.get(pk=moved).due
    choice = plan[plan.index(f'id="move-{moved}"') :]
    choice = choice[: choice.index("</select>")]
    assert f'<option value="{due.isoformat()}" selected>' in choice
    assert choice.count("<option ") == 8 and choice.count(" selected") == 1  # today and the 7 days
