"""Retention (Art. 5 GDPR): never-contacted people on no pipeline or must-meet list are archived after
the set time and deleted after a further one; the dry run lists them and changes nothing; archived
people leave rankings and Today; "keep" restores them; the worker applies it once a day."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from vernetzt.accounts.models import AuditEntry
from vernetzt.accounts.privacy import update_privacy_settings
from vernetzt.cli import main
from vernetzt.core.retention import months_before
from vernetzt.events.services import add_attendee, create_event, set_must_meet
from vernetzt.goals.services import add_target, create_goal
from vernetzt.journal.agenda import build_agenda
from vernetzt.journal.models import Task
from vernetzt.journal.services import log_interaction
from vernetzt.journal.worker import run_daily
from vernetzt.people.models import Person
from vernetzt.people.retention import apply_retention, keep_person, plan_retention
from vernetzt.people.services import create_person, set_me
from vernetzt.research.services import rank_for_goal

pytestmark = pytest.mark.django_db
NOW = datetime(2029, 6, 15, 9, 0, tzinfo=UTC)
LONG_AGO = datetime(2027, 1, 10, 9, 0, tzinfo=UTC)  # 29 months before NOW


def added(person, when):
    Person.objects.filter(pk=person.pk).update(created_at=when)
    person.refresh_from_db()
    return person


@pytest.fixture
def network(user):
    set_me(owner=user, title="Logistikleiter", organization="Muster GmbH", city="Dortmund")
    make = lambda first, **kw: added(  # noqa: E731
        create_person(
            owner=user,
            first_name=first,
            last_name="Test",
            title="Head of Logistics",
            organization_name=f"{first} AG",
            city="Singapur",
            **kw,
        ),
        LONG_AGO,
    )
    kinds = ("Untouched", "Contacted", "Piped", "MustMeet", "Key", "Tasked")
    people = {name: make(name) for name in kinds}
    people["Recent"] = added(
        create_person(owner=user, first_name="Recent", last_name="Test", city="Singapur"),
        NOW - timedelta(days=30),
    )
    log_interaction(owner=user, person=people["Contacted"], kind="call", date=date(2027, 2, 1))
    goal = create_goal(owner=user, text="Expat in Südostasien", regions=["Südostasien"])
    add_target(goal=goal, person=people["Piped"])
    event = create_event(owner=user, name="Forum", starts_on=date(2029, 7, 1))
    attendance, _ = add_attendee(event=event, person=people["MustMeet"])
    set_must_meet(attendance=attendance, must_meet=True)
    Person.objects.filter(pk=people["Key"].pk).update(tier="key")
    Task.objects.create(owner=user, person=people["Tasked"], kind="custom", due=date(2029, 7, 1), title="x")
    people["goal"] = goal
    return people


def names(rows):
    return sorted(row["display_name"] for row in rows)


def test_dry_run_lists_only_the_never_contacted_and_changes_nothing(user, network):
    plan, counts = plan_retention(owner=user, now=NOW)
    assert names(plan.archive) == ["Untouched Test"]
    assert counts == {"archive": 1, "delete": 0, "restore": 0}
    assert not Person.objects.filter(archived_at__isnull=False).exists()


def test_apply_archives_then_deletes_after_the_further_time(user, network):
    apply_retention(owner=user, now=NOW)
    untouched = Person.objects.get(pk=network["Untouched"].pk)
    assert untouched.archived_at == NOW
    assert Person.objects.filter(archived_at__isnull=False).count() == 1
    eleven_months = NOW + timedelta(days=335)
    assert plan_retention(owner=user, now=eleven_months)[1]["delete"] == 0
    thirteen_months = NOW + timedelta(days=400)
    plan, _counts = apply_retention(owner=user, now=thirteen_months)
    assert names(plan.delete) == ["Untouched Test"]
    assert not Person.objects.filter(pk=network["Untouched"].pk).exists()
    assert Person.objects.filter(owner=user).count() == 7  # me and the six others stay


def test_the_periods_are_adjustable(user, network):
    update_privacy_settings(owner=user, archive_after_months=36, delete_after_months=1)
    assert plan_retention(owner=user, now=NOW)[1]["archive"] == 0
    update_privacy_settings(owner=user, archive_after_months=6)
    apply_retention(owner=user, now=NOW)
    assert plan_retention(owner=user, now=NOW + timedelta(days=20))[1]["delete"] == 0
    assert plan_retention(owner=user, now=NOW + timedelta(days=40))[1]["delete"] == 1


def test_archived_people_leave_rankings_and_today_and_come_back_when_kept(user, network):
    goal = network["goal"]
    ranked = lambda: {c.person_id for c in rank_for_goal(owner=user, goal=goal, lang="de")}  # noqa: E731
    untouched = network["Untouched"]
    Person.objects.filter(pk=untouched.pk).update(birth_day=NOW.day, birth_month=NOW.month)
    assert untouched.pk in ranked()
    apply_retention(owner=user, now=NOW)
    assert untouched.pk not in ranked()
    birthdays = [b.person_id for b in build_agenda(owner=user, today=NOW.date(), lang="de").birthdays]
    assert untouched.pk not in birthdays
    keep_person(person=Person.objects.get(pk=untouched.pk), now=NOW)
    assert untouched.pk in ranked()
    assert plan_retention(owner=user, now=NOW + timedelta(days=1))[1]["archive"] == 0  # the clock restarted
    later = plan_retention(owner=user, now=months_before(NOW, -25))[0]
    assert "Untouched Test" in names(later.archive)


def test_someone_archived_and_then_contacted_is_restored_by_the_next_run(user, network):
    apply_retention(owner=user, now=NOW)
    log_interaction(owner=user, person=network["Untouched"], kind="email", date=NOW.date())
    plan, _counts = apply_retention(owner=user, now=NOW + timedelta(days=1))
    assert names(plan.restore) == ["Untouched Test"]
    assert Person.objects.get(pk=network["Untouched"].pk).archived_at is None


def test_cli_dry_run_json_and_apply(user, network):
    Person.objects.filter(owner=user).update(created_at=months_before(timezone.now(), 30))
    Person.objects.filter(pk=network["Recent"].pk).update(created_at=timezone.now())
    runner = CliRunner()
    dry = json.loads(runner.invoke(main, ["--user", "alice", "retention", "--dry-run", "--json"]).stdout)
    assert dry["dry_run"] is True
    assert dry["archive"]["count"] == 1
    assert [p["name"] for p in dry["archive"]["people"]] == ["Untouched Test"]
    assert {"person_id", "name", "organization", "added"} <= set(dry["archive"]["people"][0])
    assert dry["delete"] == {"count": 0, "people": []}
    assert not Person.objects.filter(archived_at__isnull=False).exists()
    applied = json.loads(runner.invoke(main, ["--user", "alice", "retention", "--json"]).stdout)
    assert applied["archive"]["count"] == 1
    assert Person.objects.get(pk=network["Untouched"].pk).archived_at is not None
    assert AuditEntry.objects.get(owner=user, kind="retention").detail["archive"] == 1
    human = runner.invoke(main, ["--user", "alice", "retention", "--dry-run"]).output
    assert human.startswith("Would archive 0, delete 0, restore 0 people.")


def test_the_worker_applies_it_once_a_day(user, network):
    Person.objects.filter(owner=user).update(created_at=months_before(timezone.now(), 30))
    summary = run_daily(today=timezone.localdate())
    assert summary["people_archived"] == 2  # Untouched and Recent (moved back too)
    Person.objects.filter(archived_at__isnull=False).update(archived_at=None)
    assert run_daily(today=timezone.localdate())["people_archived"] == 0  # ran today already
    update_privacy_settings(owner=user, retention_enabled=False)
    assert not Person.objects.filter(archived_at__isnull=False).exists()


def test_web_preview_apply_and_keep(alice_client, user, network):
    Person.objects.filter(owner=user).update(created_at=months_before(timezone.now(), 30))
    Person.objects.filter(pk=network["Recent"].pk).update(created_at=timezone.now())
    page = alice_client.get("/settings/privacy/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Untouched Test" in page
    assert "Jetzt anwenden" in page
    assert alice_client.post("/settings/privacy/", {"form": "retention_apply"}).status_code == 302
    person = network["Untouched"]
    detail = alice_client.get(f"/people/{person.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Keep and restore" in detail
    assert "archived" in alice_client.get("/people/?q=Untouched", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert alice_client.post(f"/people/{person.pk}/keep/").status_code == 302
    assert Person.objects.get(pk=person.pk).archived_at is None


def test_deleted_by_retention_is_erased_but_may_come_back_with_an_import(user, network):
    from vernetzt.privacy.models import ErasedIdentifier
    from vernetzt.transfer.services import import_vcards

    Person.objects.filter(pk=network["Untouched"].pk).update(emails=["untouched@example.com"])
    apply_retention(owner=user, now=NOW)
    apply_retention(owner=user, now=NOW + timedelta(days=400))
    assert not Person.objects.filter(pk=network["Untouched"].pk).exists()
    assert not ErasedIdentifier.objects.exists()  # no objection: nothing kept to refuse them later
    card = (
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Test;Untouched;;;\r\nFN:Untouched Test\r\n"
        b"EMAIL:untouched@example.com\r\nEND:VCARD\r\n"
    )
    assert import_vcards(owner=user, sources=[card], filenames=["again.vcf"]).created == 1


def test_people_who_objected_are_left_to_the_user(user, network):
    Person.objects.filter(pk=network["Untouched"].pk).update(do_not_contact=True)
    assert plan_retention(owner=user, now=NOW)[1]["archive"] == 0
