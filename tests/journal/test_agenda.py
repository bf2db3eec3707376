"""Today with thousands of open tasks: the focused few, the later list, the days ahead — the same on the
page, in `vernetzt today --json` and in the API."""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from vernetzt.cli import main
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.agenda import agenda_as_dict, build_agenda
from vernetzt.journal.models import Task
from vernetzt.journal.services import log_interaction, save_playbook_settings
from vernetzt.people.models import Person

pytestmark = pytest.mark.django_db

TIERS = ["secondary"] * 6 + ["developing"] * 3 + ["inner"]


@pytest.fixture
def backlog(user):
    """3,000 open tasks as the old rules left them: 2,900 keep-in-touch spread over two months, the
    follow-ups of a conference, birthdays, a few reconnects and the user's own tasks."""
    user.language = "de"
    user.save()
    today = timezone.localdate()
    people = Person.objects.bulk_create(
        [
            Person(owner=user, display_name=f"Kontakt {n:04d}", last_name=f"K{n}", tier=TIERS[n % len(TIERS)])
            for n in range(600)
        ]
    )
    guest = Person.objects.create(owner=user, display_name="Gast Neu", last_name="Neu", tier="pool")
    close = Person.objects.create(owner=user, display_name="Ines Innen", last_name="Innen", tier="inner")
    goal = create_goal(owner=user, text="Expat in Südostasien")
    target, _ = add_target(goal=goal, person=close, priority=1)
    target.stage = "appointment_agreed"
    target.save()

    def task(kind, person, days, **extra):
        return Task(owner=user, kind=kind, person=person, due=today + timedelta(days=days), **extra)

    rows = [task("connect_linkedin", people[n], -(n % 3)) for n in range(40)]
    rows += [task("propose_lunch", people[n], (n % 8) - 2) for n in range(30)]
    rows += [task("birthday_greeting", people[n], n % 4) for n in range(8)]
    rows += [task("call_to_schedule", people[n], n % 3 - 1) for n in range(6)]
    rows += [task("reconnect", people[n], -n) for n in range(3)]
    rows.append(task("custom", None, -1, title="Vortrag für die BVL-Regionalgruppe einreichen"))
    thank_you = task("thank_you_email", guest, 0)
    last_week = task("keep_in_touch", close, -7)
    rows += [thank_you, last_week]
    rows += [
        task("keep_in_touch", people[n % 600], -(n % 60) + (3 if n % 29 == 0 else 0))
        for n in range(3000 - len(rows))
    ]
    Task.objects.bulk_create(rows)
    assert Task.objects.filter(owner=user).count() == 3000
    return {"today": today, "thank_you": thank_you, "last_week": last_week, "goal": goal}


def test_three_thousand_open_tasks_become_the_ten_that_matter(user, backlog):
    today = backlog["today"]
    agenda = build_agenda(owner=user, today=today, lang="de")
    assert len(agenda.tasks) == 10
    assert backlog["thank_you"].pk in [item.task.pk for item in agenda.tasks]
    later, page = [], 1
    while not any(item.task.kind == "keep_in_touch" for item in later):  # past the quick follow-ups
        later += build_agenda(owner=user, today=today, lang="de", later_page=page).later
        page += 1
    first_touch = next(item for item in later if item.task.kind == "keep_in_touch")
    # the goal's contact with an appointment agreed leads the keep-in-touch tasks
    assert first_touch.task == backlog["last_week"]
    assert all(item.task.kind != "keep_in_touch" for item in agenda.tasks)
    assert {item.task.kind for item in agenda.tasks[:5]} <= {"call_to_schedule", "birthday_greeting"}
    assert all(item.why for item in agenda.tasks)

    due = Task.objects.filter(owner=user, due__lte=today)
    assert agenda.later_count == due.count() - 10
    expected = Counter(due.values_list("kind", flat=True))
    expected.subtract(Counter(item.task.kind for item in agenda.tasks))
    assert agenda.later_by_kind == {kind: n for kind, n in expected.items() if n}
    assert agenda.later == [] and agenda.later_pages == -(-agenda.later_count // 20)
    first = build_agenda(owner=user, today=today, lang="de", later_page=1)
    assert [item.task.pk for item in first.tasks] == [item.task.pk for item in agenda.tasks]
    assert len(first.later) == 20 and first.later_page == 1
    last = build_agenda(owner=user, today=today, lang="de", later_page=10_000)
    assert last.later_page == last.later_pages and 0 < len(last.later) <= 20

    days = [day.date for day in agenda.upcoming]
    assert days == sorted(days) and all(today < day <= today + timedelta(days=7) for day in days)
    assert all(len(day.tasks) == min(day.count, 3) for day in agenda.upcoming)


def test_how_many_come_first_is_adjustable(user, backlog):
    assert len(build_agenda(owner=user, today=backlog["today"], lang="en", size=25).tasks) == 25
    save_playbook_settings(owner=user, data={"focus_size": 5})
    agenda = build_agenda(owner=user, today=backlog["today"], lang="en")
    assert len(agenda.tasks) == 5 and agenda.size == 5


def _cli(*args):
    result = CliRunner().invoke(main, ["--user", "alice", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_page_cli_and_api_agree(alice_client, user, backlog):
    today = backlog["today"]
    data = json.loads(_cli("today", "--json"))
    assert set(data) == {"date", "tasks", "later", "upcoming", "birthdays", "events"}
    assert data["date"] == today.isoformat()
    assert {"id", "kind", "person_id", "person", "due", "overdue", "why"} <= set(data["tasks"][0])
    assert set(data["later"]) == {"count", "by_kind"}
    assert data["upcoming"] and all(
        today.isoformat() < item["due"] <= (today + timedelta(days=7)).isoformat()
        for item in data["upcoming"]
    )
    expected = json.loads(
        json.dumps(agenda_as_dict(build_agenda(owner=user, today=today, lang="de")), default=str)
    )
    assert data == expected

    page = alice_client.get("/")
    assert page.status_code == 200
    body = page.content.decode()
    focus = body[body.index('id="tasks-heading"') : body.index('id="later-heading"')]
    assert [int(pk) for pk in re.findall(r'<li class="task[^"]*" id="task-(\d+)"', focus)] == [
        task["id"] for task in data["tasks"]
    ]
    assert f"({data['later']['count']:,})".replace(",", ".") in body  # German thousands separator
    assert len(page.content) < 200_000

    api = alice_client.get("/api/v1/today").json()
    assert [t["id"] for t in api["tasks"]] == [t["id"] for t in data["tasks"]]
    assert api["later"] == data["later"]
    assert alice_client.get("/api/v1/today?limit=0").status_code == 422


def test_the_cli_names_kind_and_person_of_every_item_in_the_account_language(user, backlog):
    text = _cli("today", "--limit", "12")
    lines = text.splitlines()
    items = [line for line in lines if re.match(r"\s+\[\d+\] ", line)]
    assert len(items) >= 12
    assert all(" · " in line or "] Eigene Aufgabe: " in line for line in items)  # "Kind · Person"
    assert "Zuerst (12 von" in text and "Später:" in text and "Nächste 7 Tage:" in text
    assert "Dankes-E-Mail schreiben · Gast Neu" in text
    assert "] Eigene Aufgabe: Vortrag für die BVL-Regionalgruppe einreichen" in text


def test_look_ahead_shows_tomorrows_call_and_the_date_switch(alice_client, user, anna):
    today = timezone.localdate()
    log_interaction(owner=user, person=anna, kind="event_conversation", date=today, meeting_agreed=True)
    call = Task.objects.get(kind="call_to_schedule")
    assert call.due > today
    agenda = build_agenda(owner=user, today=today, lang="en")
    assert call.pk in [item.task.pk for day in agenda.upcoming for item in day.tasks]
    assert call.pk not in [item.task.pk for item in agenda.tasks]

    later_day = alice_client.get(f"/?date={call.due.isoformat()}")
    assert later_day.status_code == 200
    assert f'id="task-{call.pk}"' in later_day.content.decode().split('id="ahead-heading"')[0]
    for bad in ("2026-02-30", "tomorrow", "1900-01-01"):
        page = alice_client.get(f"/?date={bad}")
        assert page.status_code == 200 and b'role="alert"' in page.content


def test_plan_the_week_and_move_a_task(alice_client, user, anna):
    today = timezone.localdate()
    log_interaction(owner=user, person=anna, kind="event_conversation", date=today, meeting_agreed=True)
    call = Task.objects.get(kind="call_to_schedule")
    page = alice_client.get("/plan/")
    assert page.status_code == 200 and f'id="plan-{call.pk}"' in page.content.decode()
    target = today + timedelta(days=5)
    moved = alice_client.post(
        f"/tasks/{call.pk}/move/", {"due": target.isoformat(), "next": "/plan/?from=" + today.isoformat()}
    )
    assert moved.status_code == 302 and moved.url == "/plan/?from=" + today.isoformat()
    call.refresh_from_db()
    assert call.due == target
    for bad in (
        "",
        "yesterday",
        (today - timedelta(days=1)).isoformat(),
        (today + timedelta(days=400)).isoformat(),
    ):
        assert alice_client.post(f"/tasks/{call.pk}/move/", {"due": bad}).status_code == 422
    elsewhere = alice_client.post(
        f"/tasks/{call.pk}/move/", {"due": target.isoformat(), "next": "https://evil.example/"}
    )
    assert elsewhere.url == "/"
