"""Write paths for events and who attends them."""

from __future__ import annotations

from datetime import date

from vernetzt.core.places import resolve_country
from vernetzt.errors import DataError
from vernetzt.events.models import Attendance, Event
from vernetzt.people.models import Person
from vernetzt.validation import clean_web_url

EVENT_FIELDS = frozenset({"name", "kind", "starts_on", "ends_on", "location", "url", "notes"})


class EventDataError(DataError):
    """An event value that cannot be stored."""


def _apply(event: Event, fields: dict) -> None:
    unknown = set(fields) - EVENT_FIELDS
    if unknown:
        raise EventDataError(sorted(unknown)[0], "not a field of an event")
    if "url" in fields:
        fields = {**fields, "url": clean_web_url(fields["url"], field="url")}
    for name, value in fields.items():
        setattr(event, name, value.strip() if isinstance(value, str) else value)
    if not event.name:
        raise EventDataError("name", "an event needs a name")
    if event.kind not in Event.Kind.values:
        raise EventDataError("kind", f"unknown kind {event.kind!r}")
    for name in ("starts_on", "ends_on"):
        value = getattr(event, name)
        if value is not None and not isinstance(value, date):
            raise EventDataError(name, "not a date")
    if event.starts_on and event.ends_on and event.ends_on < event.starts_on:
        raise EventDataError("ends_on", "the end lies before the start")
    event.country = resolve_country(event.location) or "" if event.location else ""


def create_event(*, owner, name: str, **fields) -> Event:
    event = Event(owner=owner)
    _apply(event, {"name": name, **fields})
    event.save()
    return event


def update_event(*, event: Event, **fields) -> Event:
    _apply(event, fields)
    event.save()
    return event


def delete_event(*, event: Event) -> None:
    event.delete()


def add_attendee(*, event: Event, person: Person, source: str = "manual") -> tuple[Attendance, bool]:
    if event.owner_id != person.owner_id:
        raise PermissionError("event and person belong to different accounts")
    return Attendance.objects.get_or_create(
        owner=event.owner, event=event, person=person, defaults={"source": source}
    )


def set_must_meet(*, attendance: Attendance, must_meet: bool) -> Attendance:
    attendance.must_meet = must_meet
    attendance.save(update_fields=["must_meet"])
    return attendance


def remove_attendee(*, attendance: Attendance) -> None:
    attendance.delete()
