"""Calendars as a source: an ICS subscription (plain GET) or a CalDAV calendar (caldav, with login).

Rules, documented in the README:

* an event counts when at least one attendee (or the organizer) is a person in the network, matched
  by e-mail address; the user's own addresses and declined attendees do not count;
* cancelled events, events marked free (TRANSP:TRANSPARENT) and events with more than
  ``MAX_ATTENDEES`` attendees (a town hall, a webinar) are ignored;
* a recurring series (RRULE) counts once, on its first date: a jour fixe is no new encounter;
* a meeting that took place in the last ``PLAYBOOK_DAYS`` days is logged like a meeting the user typed
  in, so the playbook reacts (thank-you mail, lunch …); older ones only update the history and last
  contact; one the user logged already that day is not logged twice;
* a meeting still ahead fixes the date: the person's targets reach "appointment agreed" and the open
  call to fix the date is done; once it has taken place, a later run logs it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import caldav
import icalendar
import niquests
from caldav.lib.error import AuthorizationError, DAVError
from django.db import transaction
from django.utils import timezone
from niquests.exceptions import RequestException  # caldav 3 talks over niquests, not requests

from vernetzt.errors import DataError
from vernetzt.journal.models import Interaction
from vernetzt.journal.observed import ObservedContact, note_meeting_scheduled, record_observed_contacts
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Person
from vernetzt.people.provenance import record_source, source_entry
from vernetzt.sources.addresses import GuardedResolver, PrivateAddress, check_url, refused_address
from vernetzt.sources.fetching import FetchError, fetch
from vernetzt.sources.lookup import find_owned
from vernetzt.sources.models import Calendar, CalendarMeeting
from vernetzt.sources.secrets import SecretUnavailable, decrypt_secret, encrypt_secret
from vernetzt.validation import clean_web_url

MAX_ATTENDEES = 8
PLAYBOOK_DAYS = 14
HISTORY_DAYS = 365


class CalendarError(DataError):
    pass


class CalendarProblem(Exception):
    def __init__(self, code: str, detail: str = ""):
        super().__init__(code)
        self.code, self.detail = code, detail[:500]


@dataclass
class CalendarReport:
    calendars: int = 0
    events: int = 0
    meetings: int = 0  # new (event, person) pairs found
    logged: int = 0  # interactions written
    scheduled: int = 0  # meetings ahead that fixed a date
    failed: list[Calendar] = field(default_factory=list)


def source_of(calendar: Calendar) -> str:
    return f"calendar:{calendar.pk}"


def add_calendar(*, owner, url: str, name: str = "", username: str = "", password: str = "") -> Calendar:
    url = clean_web_url(url, field="url")
    if not url or len(url) > 1000:
        raise CalendarError("url", "give the calendar's address (ICS or CalDAV)")
    if len(name) > 200 or len(username) > 320 or "\x00" in name + username + password:
        raise CalendarError("name", "too long")
    if bool(username) != bool(password):
        raise CalendarError("password", "a CalDAV login needs both user name and password")
    if Calendar.objects.for_user(owner).filter(url=url).exists():
        raise CalendarError("url", "this calendar is already connected")
    try:
        check_url(url)
    except PrivateAddress:
        raise CalendarError("url", "private_address") from None
    return Calendar.objects.create(
        owner=owner,
        url=url,
        name=name.strip(),
        username=username.strip(),
        password_encrypted=encrypt_secret(password) if password else "",
    )


def find_calendar(*, owner, calendar_id) -> Calendar:
    return find_owned(Calendar.objects, owner=owner, value=calendar_id, field="calendar", error=CalendarError)


@transaction.atomic
def remove_calendar(*, owner, calendar: Calendar, purge: bool = False) -> int:
    if calendar.owner_id != owner.pk:
        raise CalendarError("calendar", f"no calendar with id {calendar.pk}")
    removed = 0
    if purge:
        removed, _ = Interaction.objects.for_user(owner).filter(source=source_of(calendar)).delete()
    calendar.delete()
    return removed


def _documents(calendar: Calendar, start: datetime, end: datetime) -> list[bytes]:
    """The calendar's iCalendar text: one document for an ICS feed, one per event over CalDAV."""
    if not calendar.username:
        try:
            return [fetch(calendar.url).body]
        except FetchError as error:
            raise CalendarProblem(error.code, error.detail) from None
    try:
        password = decrypt_secret(calendar.password_encrypted)
    except SecretUnavailable as error:
        raise CalendarProblem("login_failed", str(error)) from None
    try:
        check_url(calendar.url)
        with caldav.DAVClient(
            url=calendar.url, username=calendar.username, password=password, timeout=30
        ) as client:
            # Every connection (redirects too) through the resolver that answers only allowed addresses.
            client.session.close()
            client.session = niquests.Session(resolver=GuardedResolver())
            remote = client.calendar(url=calendar.url)
            return [event.data.encode("utf-8") for event in remote.search(start=start, end=end, event=True)]
    except PrivateAddress as error:
        raise CalendarProblem("private_address", str(error)) from None
    except AuthorizationError as error:
        raise CalendarProblem("login_failed", str(error)) from None
    except (DAVError, RequestException, OSError) as error:
        refused = refused_address(error)
        if refused is not None:
            raise CalendarProblem("private_address", str(refused)) from None
        raise CalendarProblem("unreachable", str(error)) from None


@dataclass(frozen=True)
class _Meeting:
    key: str
    day: date
    ends: datetime
    summary: str
    addresses: tuple[str, ...]


def _as_datetime(value) -> datetime:
    if isinstance(value, datetime):
        return value if timezone.is_aware(value) else timezone.make_aware(value)
    return timezone.make_aware(datetime(value.year, value.month, value.day))


def _address(value) -> str:
    text = str(value)
    return text[7:].strip().lower() if text.lower().startswith("mailto:") else ""


def _meetings(documents: list[bytes], own: frozenset[str]) -> list[_Meeting]:
    meetings = []
    for document in documents:
        try:
            parsed = icalendar.Calendar.from_ical(document)
        except ValueError as error:
            raise CalendarProblem("not_a_calendar", str(error)) from None
        for event in parsed.walk("VEVENT"):
            if "RECURRENCE-ID" in event:
                continue  # a moved occurrence of a series that counts once anyway
            if str(event.get("STATUS", "")).upper() == "CANCELLED":
                continue
            if str(event.get("TRANSP", "")).upper() == "TRANSPARENT":
                continue
            attendees = event.get("ATTENDEE", [])
            attendees = attendees if isinstance(attendees, list) else [attendees]
            if len(attendees) > MAX_ATTENDEES:
                continue
            present = [
                _address(a) for a in attendees if str(a.params.get("PARTSTAT", "")).upper() != "DECLINED"
            ]
            if "ORGANIZER" in event:
                present.append(_address(event["ORGANIZER"]))
            addresses = tuple(dict.fromkeys(a for a in present if a and a not in own))
            if not addresses or "DTSTART" not in event:
                continue
            starts = _as_datetime(event["DTSTART"].dt)
            ends = _as_datetime(event["DTEND"].dt) if "DTEND" in event else starts
            key = hashlib.sha256(f"{event.get('UID', '')}\x00{starts.isoformat()}".encode()).hexdigest()
            summary = " ".join(str(event.get("SUMMARY", "")).split())[:300]
            meetings.append(_Meeting(key, timezone.localdate(starts), ends, summary, addresses))
    return meetings


def _people_by_address(owner) -> tuple[dict[str, int], frozenset[str]]:
    found: dict[str, int] = {}
    own = {owner.email.lower()} if owner.email else set()
    for pk, emails, is_me in Person.objects.for_user(owner).values_list("pk", "emails", "is_me"):
        for address in emails or []:
            if isinstance(address, str):
                (own.add(address.lower()) if is_me else found.setdefault(address.strip().lower(), pk))
    return found, frozenset(own)


def poll_calendar(calendar: Calendar, *, report: CalendarReport) -> None:
    owner, now = calendar.owner, timezone.now()
    people, own = _people_by_address(owner)
    documents = _documents(calendar, now - timedelta(days=HISTORY_DAYS), now + timedelta(days=HISTORY_DAYS))
    meetings = _meetings(documents, own)
    report.events += len(meetings)
    known = {
        (key, person_id): recorded
        for key, person_id, recorded in CalendarMeeting.objects.filter(calendar=calendar).values_list(
            "key", "person_id", "recorded"
        )
    }
    history: list[ObservedContact] = []
    seen: set[int] = set()
    for meeting in meetings:
        for person_id in dict.fromkeys(people[a] for a in meeting.addresses if a in people):
            state = known.get((meeting.key, person_id))
            if state:
                continue  # logged before
            seen.add(person_id)
            person = Person.objects.get(pk=person_id)
            happened = meeting.ends <= now
            if state is None:
                CalendarMeeting.objects.create(
                    owner=owner,
                    calendar=calendar,
                    key=meeting.key,
                    person=person,
                    date=meeting.day,
                    summary=meeting.summary,
                    recorded=happened,
                )
                report.meetings += 1
            elif happened:
                CalendarMeeting.objects.filter(calendar=calendar, key=meeting.key, person=person).update(
                    recorded=True
                )
            if not happened:
                report.scheduled += int(note_meeting_scheduled(owner=owner, person=person, day=meeting.day))
            elif meeting.day >= timezone.localdate() - timedelta(days=PLAYBOOK_DAYS):
                already = Interaction.objects.for_user(owner).filter(
                    person=person, date=meeting.day, kind__in=("meeting", "lunch")
                )
                if not already.exists():
                    log_interaction(
                        owner=owner,
                        person=person,
                        kind="meeting",
                        date=meeting.day,
                        notes=meeting.summary,
                        source=source_of(calendar),
                    )
                    report.logged += 1
            else:
                history.append(
                    ObservedContact(
                        person_id, meeting.day, Interaction.Kind.MEETING, meeting.summary, outgoing=False
                    )
                )
    report.logged += record_observed_contacts(
        owner=owner, contacts=history, source=source_of(calendar)
    ).interactions
    entry = source_entry("calendar", file=calendar.name or calendar.url)
    record_source(owner=owner, person_ids=seen, entry=entry)


def poll_calendars(*, owner, calendars=None) -> CalendarReport:
    report = CalendarReport()
    for calendar in calendars if calendars is not None else Calendar.objects.for_user(owner):
        report.calendars += 1
        found = report.meetings
        try:
            with transaction.atomic():
                poll_calendar(calendar, report=report)
        except CalendarProblem as problem:
            calendar.last_error, calendar.last_error_detail = problem.code, problem.detail
            report.failed.append(calendar)
        else:
            calendar.last_error = calendar.last_error_detail = ""
            calendar.last_found = report.meetings - found
        calendar.last_run_at = timezone.now()
        calendar.save(update_fields=["last_run_at", "last_found", "last_error", "last_error_detail"])
    return report
