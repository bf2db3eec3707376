"""The channels out: calendar feed, SMTP sending (against a real local server), the daily digest."""

from __future__ import annotations

import email
import email.policy
from datetime import date, timedelta

import pytest
from django.utils import timezone
from icalendar import Calendar

from vernetzt.events.services import create_event
from vernetzt.journal.digest import enqueue_digest, set_digest
from vernetzt.journal.feed import birthday_event, issue_feed_token
from vernetzt.journal.messages import compose_draft, send_draft
from vernetzt.journal.models import DigestRun, Interaction, Task
from vernetzt.journal.services import JournalDataError, log_interaction
from vernetzt.journal.worker import run_daily
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db


def _parse(content: bytes) -> Calendar:
    return Calendar.from_ical(content)


def test_feed_validates_and_has_tasks_birthdays_events_meetings(client, user, anna):
    today = timezone.localdate()
    yearless = create_person(owner=user, first_name="Lea", last_name="Sommer", birth_day=14, birth_month=3)
    create_event(owner=user, name="BVL-Kongress", starts_on=today + timedelta(days=3), location="Berlin")
    log_interaction(owner=user, person=anna, kind="meeting", date=today)
    secret = issue_feed_token(owner=user)
    response = client.get(f"/feed/{secret}.ics")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = _parse(response.content)
    events = {str(item["uid"]): item for item in calendar.walk("VEVENT")}
    birthday = events[f"birthday-{yearless.pk}@vernetzt"]
    assert birthday["rrule"]["FREQ"] == ["YEARLY"]
    assert birthday.decoded("dtstart") == date(2000, 3, 14)
    assert "Lea Sommer" in str(birthday["summary"])
    occurrences = [d for d in _yearly(birthday, 2030)]
    assert date(2030, 3, 14) in occurrences
    thank_you = Task.objects.get(kind="thank_you_email")
    assert events[f"task-{thank_you.pk}@vernetzt"].decoded("dtstart") == today
    assert any(str(e["summary"]) == "BVL-Kongress" for e in events.values())
    meeting = Interaction.objects.get()
    assert f"meeting-{meeting.pk}@vernetzt" in events


def test_the_feed_and_the_digest_speak_the_accounts_language(client, user, me, anna, smtp_server):
    user.language = "de"
    user.save()
    today = timezone.localdate()
    log_interaction(owner=user, person=anna, kind="meeting", date=today, meeting_agreed=True)
    create_person(owner=user, first_name="Lea", last_name="Sommer", birth_day=14, birth_month=3)
    events = _parse(client.get(f"/feed/{issue_feed_token(owner=user)}.ics").content).walk("VEVENT")
    summaries = {str(item["summary"]) for item in events}
    assert "Dankes-E-Mail schreiben: Anna Weber" in summaries
    assert "Geburtstag: Lea Sommer" in summaries
    assert not any(text.startswith(("Write ", "Call ", "Birthday")) for text in summaries)
    set_digest(owner=user, enabled=True)
    run_daily(today=today)
    [envelope] = smtp_server.messages
    import email
    from email import policy

    message = email.message_from_bytes(envelope.content, policy=policy.default)
    body = message.get_body(preferencelist=("plain",)).get_content()
    assert "Dankes-E-Mail schreiben" in body and "Anna Weber" in body
    assert "Write a thank-you" not in body


def _yearly(component, year: int):
    """Expand a yearly rule into one year with dateutil, as calendar clients do."""
    from dateutil.rrule import rrulestr

    rule = rrulestr(component["rrule"].to_ical().decode(), dtstart=component.decoded("dtstart"))
    return [d.date() for d in rule.between(_midnight(year, 1, 1), _midnight(year, 12, 31), inc=True)]


def _midnight(year, month, day):
    from datetime import datetime

    return datetime(year, month, day)


@pytest.mark.parametrize(
    ("year", "expected"),
    [(None, [date(2027, 2, 28), date(2028, 2, 29)]), (1988, [date(2027, 2, 28), date(2028, 2, 29)])],
)
def test_29_february_recurs_every_year_on_the_last_day_of_february(year, expected):
    item = birthday_event(person_id=1, name="Leap", month=2, day=29, year=year, lang="de")
    ics = _parse(_wrap(item)).walk("VEVENT")[0]
    assert [_yearly(ics, y)[0] for y in (2027, 2028)] == expected


def _wrap(item) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//test//EN")
    calendar.add("version", "2.0")
    calendar.add_component(item)
    return calendar.to_ical()


def test_feed_token_is_secret_and_revocable(client, user, other_user):
    first = issue_feed_token(owner=user)
    second = issue_feed_token(owner=user)
    assert client.get(f"/feed/{first}.ics").status_code == 404  # replaced
    assert client.get(f"/feed/{second}.ics").status_code == 200
    assert client.get("/feed/vzf_forged.ics").status_code == 404
    create_person(owner=other_user, first_name="Mallory", last_name="Secret", birth_day=1, birth_month=1)
    assert b"Mallory" not in client.get(f"/feed/{second}.ics").content
    from vernetzt.journal.feed import revoke_feed_tokens

    revoke_feed_tokens(owner=user)
    assert client.get(f"/feed/{second}.ics").status_code == 404


def test_nothing_is_sent_without_a_mail_server(user, me, anna, settings):
    settings.VERNETZT_SMTP_URL = None
    with pytest.raises(JournalDataError, match="no mail server"):
        send_draft(
            owner=user, person=anna, kind="thank_you_email", to="anna@example.com", subject="Hi", body="x"
        )
    assert not Interaction.objects.exists()


def test_thank_you_is_sent_through_smtp_logged_and_done(user, me, anna, smtp_server):
    day = timezone.localdate()
    task = next(
        t
        for t in log_interaction(
            owner=user, person=anna, kind="meeting", date=day, snippets=["Segelwochenende in Kiel"]
        ).tasks
        if t.kind == "thank_you_email"
    )
    draft = compose_draft(owner=user, person=anna, kind="thank_you_email", ui_lang="en", task=task)
    assert draft.lang == "de" and "Anna" in draft.body and "Segelwochenende in Kiel" in draft.body
    send_draft(
        owner=user,
        person=anna,
        kind=draft.kind,
        to=draft.to,
        subject=draft.subject,
        body=draft.body + "\nPS",
        task=task,
    )
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["anna@example.com"] and envelope.mail_from == "thomas@example.org"
    sent = email.message_from_bytes(envelope.content, policy=email.policy.default)
    assert "Segelwochenende in Kiel" in sent.get_content() and sent.get_content().rstrip().endswith("PS")
    task.refresh_from_db()
    assert task.done_at is not None
    assert Interaction.objects.filter(kind="email", source="smtp").count() == 1


def test_digest_is_enqueued_once_per_day_and_sent(user, me, anna, smtp_server):
    today = timezone.localdate()
    log_interaction(owner=user, person=anna, kind="meeting", date=today)
    set_digest(owner=user, enabled=True)
    assert run_daily(today=today)["digests_enqueued"] == 1
    assert run_daily(today=today)["digests_enqueued"] == 0  # a second worker round (or worker) finds the row
    assert enqueue_digest(owner=user, today=today) is False
    assert DigestRun.objects.count() == 1
    [envelope] = smtp_server.messages
    assert envelope.rcpt_tos == ["thomas@example.org"]
    assert b"Anna Weber" in envelope.content


def test_digest_needs_an_address(user):
    with pytest.raises(JournalDataError):
        set_digest(owner=user, enabled=True)
