"""Business cards and badge QR codes into people: read each photo, match against the account, and
store the people (with the event, the encounter and the photos where asked) as one undoable batch.

Matching is the imports' (``transfer.matching``): a card of someone already known updates them and
never makes a duplicate. With an event, everyone on the cards attended it and was met there: the
conversation is logged through ``journal.services.log_interaction``, so the playbook plans the
follow-up as after any conversation.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone

from vernetzt.events.models import Attendance, Event
from vernetzt.importers.cards import CardReading, read_card
from vernetzt.journal.models import Interaction, Snippet, Task
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Person, PersonPhoto
from vernetzt.people.services import keep_photo
from vernetzt.research.freshness import mark_pool_stale
from vernetzt.transfer.matching import PersonState
from vernetzt.transfer.services import (
    ImportReport,
    Progress,
    _noop,
    _read,
    _Run,
    find_event,
    load_people_alone,
)

ENCOUNTER_FIELDS = ("tier", "last_contact_on")


def read_cards(
    *, sources: Sequence[str | os.PathLike[str] | bytes], filenames: Sequence[str] = ()
) -> list[CardReading]:
    """Each photo read on its own; a file that is not an image refuses them all (ImportFormatError)."""
    readings = []
    for number, source in enumerate(sources):
        given = filenames[number] if number < len(filenames) else ""
        data, name = _read(source, given, f"card-{number + 1}.jpg")
        readings.append(read_card(data, filename=name, line=number + 1))
    return readings


def _people_of(states: list[PersonState | None]) -> list[dict]:
    people = []
    for state in states:
        if state is None:
            continue
        values = state.values
        people.append(
            {
                "person_id": state.person_id,
                "name": values["display_name"],
                "title": values["title"],
                "organization": values["organization_name"],
                "emails": list(values["emails"]),
                "phones": list(values["phones"]),
            }
        )
    return people


def _meet(owner, recorder, event: Event, day: date, person_ids: list[int], meeting_agreed: bool) -> None:
    """Attendance and the conversation at the event, recorded in the batch so that undo removes them."""
    known = set(Attendance.objects.for_user(owner).filter(event=event).values_list("person_id", flat=True))
    attendances = Attendance.objects.bulk_create(
        [
            Attendance(owner=owner, event=event, person_id=pk, attended=True, source="card")
            for pk in person_ids
            if pk not in known
        ]
    )
    recorder.record_created(Attendance, [attendance.pk for attendance in attendances])
    for person in Person.objects.for_user(owner).filter(pk__in=person_ids):
        before = {name: getattr(person, name) for name in ENCOUNTER_FIELDS}
        result = log_interaction(
            owner=owner,
            person=person,
            kind="event_conversation",
            date=day,
            event=event,
            meeting_agreed=meeting_agreed,
            source="card",
        )
        after = {name: getattr(person, name) for name in ENCOUNTER_FIELDS}
        if after != before:
            recorder.record_update(Person, person.pk, before, after)
        recorder.record_created(Interaction, [result.interaction.pk])
        recorder.record_created(Snippet, [snippet.pk for snippet in result.snippets])
        recorder.record_created(Task, [task.pk for task in result.tasks])


def import_cards(
    *,
    owner,
    readings: Sequence[CardReading],
    event_name: str = "",
    event_date: date | None = None,
    keep_photos: bool = False,
    meeting_agreed: bool = False,
    dry_run: bool = False,
    progress: Progress = _noop,
) -> ImportReport:
    """The people on ``readings`` (edited by the user or as read); the report's ``people`` lists them
    in the order of the photos, with their ids (None for someone a dry run would create)."""
    from vernetzt.events.services import create_event

    label = readings[0].filename if len(readings) == 1 else f"{len(readings)} cards"
    run = _Run(owner, "card", label, dry_run, False, progress)
    for reading in readings:
        run.report.errors.extend(reading.errors)
    usable = [reading for reading in readings if reading.record is not None]
    run.report.skipped = len(readings) - len(usable)
    with transaction.atomic():
        run.index = load_people_alone(owner)
        states = run.plan_records([reading.record for reading in usable])
        run.count_plan()
        event = find_event(owner, event_name, event_date) if event_name.strip() else None
        run.report.extra["event_id"] = event.pk if event else None
        if dry_run:
            run.report.extra["people"] = _people_of(states)
            transaction.set_rollback(True)
            return run.report
        recorder = run.start_batch()
        if event_name.strip() and event is None:
            event = create_event(owner=owner, name=event_name, starts_on=event_date)
            recorder.record_created(Event, [event.pk])
            run.report.extra["event_id"] = event.pk
        run.write(recorder)
        ids = list(dict.fromkeys(state.person_id for state in states if state is not None))
        if event is not None:
            day = event_date or event.starts_on or timezone.localdate()
            _meet(owner, recorder, event, day, ids, meeting_agreed)
        if keep_photos:
            for reading, state in zip(usable, states, strict=True):
                if state is not None and reading.photo is not None:
                    photo = keep_photo(
                        person=Person(pk=state.person_id, owner=owner),
                        data=reading.photo.data,
                        media_type=reading.photo.media_type,
                    )
                    recorder.record_created(PersonPhoto, [photo.pk])
        run.report.extra["people"] = _people_of(states)
        run.finish(recorder)
    mark_pool_stale(owner)
    return run.report
