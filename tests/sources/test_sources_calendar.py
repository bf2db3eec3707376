"""Calendars as a source: an ICS file served on loopback, and a real Radicale (CalDAV)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from django.utils import timezone

from tests_support.radicale import start_radicale, stop_radicale
from vernetzt.cli import main
from vernetzt.goals.models import Target
from vernetzt.goals.services import add_target, create_goal, set_target_stage
from vernetzt.journal.models import Interaction, Task
from vernetzt.journal.services import log_interaction
from vernetzt.people.services import create_person
from vernetzt.sources.calendars import CalendarError, add_calendar, poll_calendars, remove_calendar

pytestmark = pytest.mark.django_db


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _event(uid: str, start: datetime, summary: str, attendees: list[str], *, extra: str = "") -> str:
    lines = [
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_stamp(start)}",
        f"DTSTART:{_stamp(start)}",
        f"DTEND:{_stamp(start + timedelta(hours=1))}",
        f"SUMMARY:{summary}",
        "ORGANIZER;CN=Thomas Berg:mailto:thomas@example.org",
        *[f"ATTENDEE;CN=Gast;PARTSTAT=ACCEPTED:mailto:{a}" for a in attendees],
    ]
    if extra:
        lines.append(extra)
    lines.append("END:VEVENT")
    return "\r\n".join(lines)


def _ics(*events: str) -> str:
    return "\r\n".join(
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//vernetzt tests//DE", *events, "END:VCALENDAR", ""]
    )


@pytest.fixture
def people(user):
    user.email = "thomas@example.org"
    user.save()
    return {
        "anna": create_person(owner=user, first_name="Anna", last_name="Krause", emails=["anna@kn.example"]),
        "tim": create_person(
            owner=user, first_name="Tim", last_name="Wongsakul", emails=["tim@siamlog.example"]
        ),
        "priya": create_person(
            owner=user, first_name="Priya", last_name="Sharma", emails=["priya@pf.example"]
        ),
    }


def test_an_ics_subscription_by_the_documented_rules(user, people, press):
    base, folder = press
    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    goal = create_goal(owner=user, text="Expat in Südostasien")
    target, _ = add_target(goal=goal, person=people["priya"])
    set_target_stage(target=target, stage="approached")
    log_interaction(
        owner=user,
        person=people["priya"],
        kind="event_conversation",
        date=timezone.localdate(),
        meeting_agreed=True,
    )
    crowd = [f"p{n}@x.example" for n in range(9)] + ["anna@kn.example"]
    (folder / "work.ics").write_text(
        _ics(
            _event("m1", now - timedelta(days=3), "Lagerprojekt besprechen", ["anna@kn.example"]),
            _event(
                "jf",
                now - timedelta(days=60),
                "Jour fixe",
                ["tim@siamlog.example"],
                extra="RRULE:FREQ=WEEKLY",
            ),
            _event("all", now - timedelta(days=2), "Town hall", crowd),
            _event(
                "x", now - timedelta(days=1), "Abgesagt", ["tim@siamlog.example"], extra="STATUS:CANCELLED"
            ),
            _event(
                "no",
                now - timedelta(days=1),
                "Abgelehnt",
                [],
                extra=("ATTENDEE;PARTSTAT=DECLINED:mailto:tim@siamlog.example"),
            ),
            _event("ahead", now + timedelta(days=5), "Kennenlernen Pacific Freight", ["priya@pf.example"]),
        ),
        encoding="utf-8",
    )
    calendar = add_calendar(owner=user, url=base + "work.ics", name="Arbeit")
    report = poll_calendars(owner=user)
    assert report.failed == []
    assert (report.meetings, report.logged, report.scheduled) == (3, 2, 1)
    anna_meeting = Interaction.objects.get(person=people["anna"])
    assert (anna_meeting.kind, anna_meeting.notes, anna_meeting.source) == (
        "meeting",
        "Lagerprojekt besprechen",
        f"calendar:{calendar.pk}",
    )
    assert Task.objects.filter(person=people["anna"], kind="thank_you_email").exists()  # the playbook reacted
    jour_fixe = Interaction.objects.get(person=people["tim"])
    assert jour_fixe.date == timezone.localdate(now - timedelta(days=60))  # once, on its first date
    assert not Task.objects.filter(person=people["tim"]).exists()  # old: history only
    target.refresh_from_db()
    assert target.stage == "appointment_agreed"
    assert not Task.objects.filter(
        person=people["priya"], kind="call_to_schedule", done_at__isnull=True
    ).exists()
    people["anna"].refresh_from_db()
    assert people["anna"].sources[-1]["kind"] == "calendar" and people["anna"].sources[-1]["file"] == "Arbeit"
    again = poll_calendars(owner=user)
    assert (again.meetings, again.logged) == (0, 0)


def test_a_meeting_logged_by_hand_is_not_logged_twice(user, people, press):
    base, folder = press
    now = timezone.now()
    log_interaction(
        owner=user, person=people["anna"], kind="meeting", date=timezone.localdate(now - timedelta(days=1))
    )
    (folder / "c.ics").write_text(_ics(_event("m", now - timedelta(days=1), "Treffen", ["anna@kn.example"])))
    add_calendar(owner=user, url=base + "c.ics")
    assert poll_calendars(owner=user).logged == 0
    assert Interaction.objects.filter(person=people["anna"]).count() == 1


def test_not_a_calendar_and_removing_takes_back(user, people, press):
    base, folder = press
    broken = add_calendar(owner=user, url=base + "not_a_feed.html")
    [failed] = poll_calendars(owner=user).failed
    assert failed.last_error == "not_a_calendar"
    remove_calendar(owner=user, calendar=broken)
    now = timezone.now()
    (folder / "c.ics").write_text(_ics(_event("m", now - timedelta(days=100), "Alt", ["anna@kn.example"])))
    calendar = add_calendar(owner=user, url=base + "c.ics")
    poll_calendars(owner=user)
    assert remove_calendar(owner=user, calendar=calendar, purge=True) == 1
    assert not Interaction.objects.exists()


def test_bad_input(user):
    with pytest.raises(CalendarError):
        add_calendar(owner=user, url="https://cal.example/x.ics", username="u")
    with pytest.raises(ValueError):
        add_calendar(owner=user, url="javascript:alert(1)")


@pytest.fixture
def radicale(tmp_path, loopback_sources):
    server = start_radicale(tmp_path / "radicale")
    yield server
    stop_radicale(server)


def test_a_caldav_calendar_on_radicale(user, people, radicale):
    import caldav

    with caldav.DAVClient(url=radicale.url, username=radicale.user, password=radicale.password) as client:
        remote = client.principal().make_calendar(name="Arbeit", cal_id="arbeit")
        now = timezone.now()
        remote.save_event(
            _ics(_event("dav1", now - timedelta(days=2), "Hafenbesuch", ["tim@siamlog.example"]))
        )
        url = str(remote.url)
    wrong = add_calendar(owner=user, url=url, username=radicale.user, password="falsch")
    [failed] = poll_calendars(owner=user).failed
    assert failed.last_error == "login_failed"
    remove_calendar(owner=user, calendar=wrong)
    runner = CliRunner()
    added = runner.invoke(
        main,
        ["calendar", "add", url, "--user", radicale.user, "--json"],
        input=radicale.password + "\n",
        catch_exceptions=False,
    )
    assert added.exit_code == 0, added.output
    polled = json.loads(runner.invoke(main, ["calendar", "poll", "--json"], catch_exceptions=False).output)
    assert (polled["calendars"], polled["meetings"], polled["logged"]) == (1, 1, 1)
    assert Interaction.objects.get(person=people["tim"]).notes == "Hafenbesuch"
    assert Target.objects.count() == 0
