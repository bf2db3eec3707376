"""Reading never writes: opening Today or `vernetzt today` creates no task; the day's rules run in the
worker, queued through the real database backend of django-tasks when Today finds them not run yet."""

from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from vernetzt.cli import main
from vernetzt.journal.models import JournalSettings, Task
from vernetzt.journal.services import save_playbook_settings
from vernetzt.journal.worker import run_queued_tasks
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db(transaction=True)
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def due_by_calendar(user):
    """A birthday the day after tomorrow and an inner-circle contact last seen three weeks ago."""
    today = timezone.localdate()
    soon = today + timedelta(days=2)
    create_person(owner=user, first_name="Bea", last_name="Tag", birth_day=soon.day, birth_month=soon.month)
    friend = create_person(owner=user, first_name="Ines", last_name="Innen", tier="inner")
    friend.last_contact_on = today - timedelta(days=21)
    friend.save(update_fields=["last_contact_on"])
    return today


def test_opening_today_queues_the_rules_once_and_the_worker_runs_them(
    alice_client, user, due_by_calendar, settings
):
    settings.TASKS = DATABASE_QUEUE
    today = due_by_calendar
    first = alice_client.get("/")
    assert first.status_code == 200
    assert "planned in the background" in first.content.decode()
    assert alice_client.get("/").status_code == 200
    assert not Task.objects.exists()
    assert DBTaskResult.objects.count() == 1
    assert JournalSettings.objects.get(owner=user).calendar_queued_on == today

    result = CliRunner().invoke(main, ["--user", "alice", "today"])
    assert result.exit_code == 0 and "have not run today yet" in result.output
    assert not Task.objects.exists()

    run_queued_tasks()
    assert sorted(Task.objects.values_list("kind", flat=True)) == ["birthday_greeting", "keep_in_touch"]
    assert JournalSettings.objects.get(owner=user).calendar_ran_on == today
    page = alice_client.get("/").content.decode()
    assert "Ines Innen" in page and "Bea Tag" in page
    assert "planned in the background" not in page
    assert DBTaskResult.objects.count() == 1  # ran today: nothing queued again


def test_a_rule_change_plans_the_day_again(alice_client, user, due_by_calendar, settings):
    settings.TASKS = DATABASE_QUEUE
    alice_client.get("/")
    run_queued_tasks()
    save_playbook_settings(owner=user, data={"cadence": {"inner_days": 30}})
    alice_client.get("/")
    assert DBTaskResult.objects.count() == 2


def test_the_worker_command_plans_the_day(user, due_by_calendar, settings):
    settings.TASKS = DATABASE_QUEUE
    result = CliRunner().invoke(main, ["--user", "alice", "worker", "--once"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Accounts: 1 · tasks planned: 2 ·")
    assert Task.objects.count() == 2
