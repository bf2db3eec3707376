"""Imports as use cases: parse → match existing people → plan (the preview) → apply as one batch.

Every import runs in ONE transaction: a bad file is refused before anything is written, and a crash
half-way (or a killed process) rolls everything back. ``dry_run`` plans without writing, which is
what the web preview and ``--dry-run`` show; the counts are the same the real run reports.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from vernetzt.events.models import Attendance, Event
from vernetzt.importers import (
    ContactRecord,
    RowError,
    describe_error,
    parse_attendees,
    parse_contacts_csv,
    parse_linkedin_export,
    parse_vcards,
)
from vernetzt.importers.records import refuse_too_large
from vernetzt.language import account_language
from vernetzt.people.provenance import source_entry
from vernetzt.privacy.erasure import erased_digests, erasure_key, record_digests
from vernetzt.privacy.messages import describe_erased_skip
from vernetzt.research.freshness import mark_pool_stale
from vernetzt.transfer import history
from vernetzt.transfer.applying import Organizations, write_people
from vernetzt.transfer.job_changes import find_job_changes, write_job_changes
from vernetzt.transfer.matching import (
    PersonIndex,
    PersonState,
    empty_values,
    load_states,
    merge_values,
    record_values,
)
from vernetzt.transfer.models import ImportBatch
from vernetzt.transfer.profile import apply_profile, plan_profile
from vernetzt.transfer.recording import Recorder

Progress = Callable[[int, int], None]
PREVIEW_LIMIT = 200
PROGRESS_STEP = 1000


@dataclass
class PreviewRow:
    status: str  # "created" | "updated"
    name: str
    organization: str
    fields: list[str]


@dataclass
class ImportReport:
    kind: str
    filename: str
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    errors: list[RowError] = field(default_factory=list)
    batch_id: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    preview: list[PreviewRow] = field(default_factory=list)

    def error_messages(self, lang: str) -> list[dict[str, Any]]:
        return [
            {"file": error.file or self.filename, "line": error.line, "message": describe_error(error, lang)}
            for error in self.errors
        ]

    def as_dict(self, lang: str = "en") -> dict[str, Any]:
        """The CLI's JSON document (DESIGN §4)."""
        extra = dict(self.extra)
        if "erased_on" in extra:
            extra["erased_on"] = [
                {**skip, "message": describe_erased_skip(skip["count"], skip["date"], lang)}
                for skip in extra["erased_on"]
            ]
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            "errors": self.error_messages(lang),
            "dry_run": self.dry_run,
            "batch_id": self.batch_id,
            "kind": self.kind,
            "file": self.filename,
            **extra,
        }


def max_import_bytes() -> int:
    return settings.CONFIG.max_import_mb * 1024 * 1024


def _rows() -> dict[str, int]:
    return {"max_rows": settings.CONFIG.max_import_rows}


def _size(source: str | os.PathLike[str] | bytes) -> int:
    return len(source) if isinstance(source, bytes) else Path(source).stat().st_size


def _read(source: str | os.PathLike[str] | bytes, filename: str, default: str) -> tuple[bytes, str]:
    """The file's bytes and the name to report: the given one, the path's, or ``default`` for bytes.
    A file larger than the import limit is refused before it is read."""
    name = filename or (default if isinstance(source, bytes) else Path(source).name)
    refuse_too_large(_size(source), filename=name, max_bytes=max_import_bytes())
    return (source if isinstance(source, bytes) else Path(source).read_bytes()), name


def _noop(done: int, total: int) -> None:
    return None


# pg_advisory_xact_lock's first key: the imports of one account (the second key is its id).
IMPORT_LOCK = 0x767A


def load_people_alone(owner) -> PersonIndex:
    """The account's people, once no other import of the account is writing (call it first inside
    the import's transaction).

    An import plans against the people it finds, so two at once would both create the same people and
    organizations (on PostgreSQL a unique-name error for the second). PostgreSQL waits here, on a lock
    held until the other import's transaction ends; on SQLite the import's write lock already does.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [IMPORT_LOCK, owner.pk])
    return load_states(owner)


@dataclass
class _Run:
    """One import while it plans and writes; the kinds differ only in the extras around people."""

    owner: Any
    kind: str
    filename: str
    dry_run: bool
    overwrite_edits: bool
    progress: Progress
    report: ImportReport = field(init=False)
    index: PersonIndex = field(init=False)
    touched: dict[int, PersonState] = field(default_factory=dict)
    # Erased people's digests (privacy.erasure) → the day; records that match one are skipped.
    erased: dict[str, date] = field(init=False)
    erased_skips: dict[date, int] = field(default_factory=dict)
    # Where the data of this import comes from; one dict shared by every person it touches, so the
    # batch id, known only once planning is over, reaches all of them with one assignment.
    source: dict = field(init=False)

    def __post_init__(self) -> None:
        self.report = ImportReport(kind=self.kind, filename=self.filename, dry_run=self.dry_run)
        self.source = source_entry(self.kind, file=self.filename)
        self.erased = erased_digests(self.owner)
        self.erasure_key = erasure_key() if self.erased else b""

    def erased_on(self, values: dict[str, Any]) -> date | None:
        """The day the person ``values`` describes was erased, if they were."""
        if not self.erased:
            return None
        days = [self.erased[d] for d in record_digests(values, self.erasure_key) if d in self.erased]
        return max(days) if days else None

    def skip_erased(self, day: date) -> None:
        self.report.skipped += 1
        self.erased_skips[day] = self.erased_skips.get(day, 0) + 1
        self.report.extra["erased"] = sum(self.erased_skips.values())
        self.report.extra["erased_on"] = [
            {"date": day.isoformat(), "count": count} for day, count in sorted(self.erased_skips.items())
        ]

    def plan_records(
        self, records: Sequence[ContactRecord], *, linkedin: bool = False
    ) -> list[PersonState | None]:
        """Plan each record; the planned person of each, in order (None for a skipped record)."""
        countries: dict[str, str] = {}
        planned: list[PersonState | None] = []
        total = 2 * len(records)
        for number, record in enumerate(records, 1):
            incoming = record_values(record, country_cache=countries)
            if not incoming["display_name"]:
                incoming["display_name"] = incoming["emails"][0] if incoming["emails"] else ""
            if not incoming["display_name"]:
                self.report.skipped += 1
                planned.append(None)
                continue
            incoming["linkedin_connected"] = linkedin
            erased_on = self.erased_on(incoming)
            if erased_on is not None:
                self.skip_erased(erased_on)
                planned.append(None)
                continue
            state = self.index.find(record, incoming)
            is_new = state is None
            if state is None:
                state = PersonState(values=empty_values())
            merge_values(state, incoming, source=self.source, overwrite_edits=self.overwrite_edits)
            state.department = record.department or state.department
            state.lines.append(record.line)
            if is_new:
                self.index.add(state)
            else:
                self.index.reindex(state)
            self.touch(state)
            planned.append(state)
            if number % PROGRESS_STEP == 0:
                self.progress(number, total)
        self.progress(len(records), total)
        return planned

    def touch(self, state: PersonState) -> None:
        self.touched.setdefault(id(state), state)

    def count_plan(self) -> None:
        states = list(self.touched.values())
        for state in states:
            changed = state.changed_fields()
            if state.is_new:
                self.report.created += 1
            elif changed:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
                continue
            if len(self.report.preview) < PREVIEW_LIMIT:
                self.report.preview.append(
                    PreviewRow(
                        status="created" if state.is_new else "updated",
                        name=state.values["display_name"],
                        organization=state.values["organization_name"],
                        fields=changed,
                    )
                )

    def start_batch(self) -> Recorder:
        batch = ImportBatch.objects.create(owner=self.owner, kind=self.kind, filename=self.filename[:500])
        self.report.batch_id = batch.pk
        self.source["batch_id"] = batch.pk
        return Recorder(batch)

    def write(self, recorder: Recorder) -> None:
        states = list(self.touched.values())
        total = len(states) * 2
        write_people(
            owner=self.owner,
            states=states,
            recorder=recorder,
            today=timezone.localdate(),
            progress=lambda written: self.progress(len(states) + written, total),
        )
        self.progress(total, total)

    def finish(self, recorder: Recorder) -> None:
        batch = recorder.batch
        batch.counts = {
            "created": self.report.created,
            "updated": self.report.updated,
            "unchanged": self.report.unchanged,
            "skipped": self.report.skipped,
            "errors": len(self.report.errors),
            **{key: value for key, value in self.report.extra.items() if isinstance(value, int)},
        }
        if "erased_on" in self.report.extra:  # the batch page says "skipped: erased on …" too
            batch.counts["erased_on"] = self.report.extra["erased_on"]
        batch.errors = [
            {
                "line": e.line,
                "code": e.code,
                "params": e.params,
                "field": e.field,
                "file": e.file or self.filename,
            }
            for e in self.report.errors
        ]
        recorder.save()


def _import_contacts(run: _Run, records: Sequence[ContactRecord], *, linkedin: bool = False) -> ImportReport:
    with transaction.atomic():
        run.index = load_people_alone(run.owner)
        run.plan_records(records, linkedin=linkedin)
        run.count_plan()
        if run.dry_run:
            transaction.set_rollback(True)
            return run.report
        recorder = run.start_batch()
        run.write(recorder)
        run.finish(recorder)
    mark_pool_stale(run.owner)
    return run.report


def import_vcards(
    *,
    owner,
    sources: Sequence[str | os.PathLike[str] | bytes],
    filenames: Sequence[str] = (),
    dry_run: bool = False,
    overwrite_edits: bool = False,
    progress: Progress = _noop,
) -> ImportReport:
    """One or many vCard files (XING gives one per contact) as one batch; any broken file refuses all."""
    records: list[ContactRecord] = []
    errors: list[RowError] = []
    skipped = 0
    names = []
    if len(sources) > 1:  # several files make one import, so they share its limit
        label = f"{len(sources)} vCard files"
        refuse_too_large(sum(map(_size, sources)), filename=label, max_bytes=max_import_bytes())
    for number, source in enumerate(sources):
        given = filenames[number] if number < len(filenames) else ""
        data, name = _read(source, given, f"vcard-{number + 1}.vcf")
        result = parse_vcards(data, filename=name, **_rows())
        for error in result.errors:
            error.file = error.file or name
        records.extend(result.records)
        errors.extend(result.errors)
        skipped += result.skipped
        names.append(name)
    label = names[0] if len(names) == 1 else f"{len(names)} vCard files"
    run = _Run(owner, "vcard", label, dry_run, overwrite_edits, progress)
    run.report.errors, run.report.skipped = errors, skipped
    return _import_contacts(run, records)


def import_contacts(
    *,
    owner,
    source: str | os.PathLike[str] | bytes,
    filename: str = "",
    dry_run: bool = False,
    overwrite_edits: bool = False,
    progress: Progress = _noop,
) -> ImportReport:
    """A Google or Outlook contacts CSV (the layout is detected)."""
    data, filename = _read(source, filename, "contacts.csv")
    result = parse_contacts_csv(data, filename=filename, **_rows())
    run = _Run(owner, "contacts", filename, dry_run, overwrite_edits, progress)
    run.report.errors, run.report.skipped = result.errors, result.skipped
    run.report.extra["format"] = result.format
    return _import_contacts(run, result.records)


def import_linkedin(
    *,
    owner,
    source: str | os.PathLike[str] | bytes,
    filename: str = "",
    dry_run: bool = False,
    overwrite_edits: bool = False,
    progress: Progress = _noop,
) -> ImportReport:
    """A LinkedIn data export (zip) or one of its CSV files: connections, the user's own profile,
    and messages, invitations and notes as history."""
    data, filename = _read(source, filename, "LinkedIn.zip")
    export = parse_linkedin_export(data, filename=filename, max_bytes=max_import_bytes(), **_rows())
    run = _Run(owner, "linkedin", filename, dry_run, overwrite_edits, progress)
    run.report.errors, run.report.skipped = export.errors, export.skipped
    with transaction.atomic():
        run.index = load_people_alone(owner)
        run.plan_records(export.connections, linkedin=True)
        job_changes = find_job_changes(list(run.touched.values()))
        for state in history.apply_notes(export, run.index, overwrite_edits=overwrite_edits):
            run.touch(state)
        planned = history.plan_history(export, run.index)
        planned = history.drop_known(owner, planned)
        for state in history.note_last_contact(planned):
            run.touch(state)
        lang = account_language(owner)
        benefits = history.plan_benefits(owner, export, run.index, lang=lang)
        run.count_plan()
        run.report.extra["interactions"] = len(planned)
        run.report.extra.update(history.count_by_source(planned))
        run.report.extra["benefits"] = len(benefits)
        run.report.extra["job_changes"] = [change.as_dict() for change in job_changes]
        if export.profile is not None:
            run.report.extra.update(plan_profile(owner, export.profile))
        if dry_run:
            transaction.set_rollback(True)
            return run.report
        recorder = run.start_batch()
        run.write(recorder)
        history.write_interactions(owner, planned, recorder)
        history.write_benefits(owner, benefits, recorder)
        write_job_changes(owner, job_changes, recorder, today=timezone.localdate(), lang=lang)
        if export.profile is not None:
            organizations = Organizations(owner, recorder)
            run.report.extra.update(
                apply_profile(owner, export.profile, recorder=recorder, organizations=organizations)
            )
        run.finish(recorder)
    mark_pool_stale(owner)
    return run.report


def find_event(owner, name: str, day: date | None) -> Event | None:
    events = Event.objects.for_user(owner).filter(name__iexact=name.strip())
    if day is not None:
        events = events.filter(starts_on=day)
    return events.order_by("-id").first()


def import_attendees(
    *,
    owner,
    source: str | os.PathLike[str] | bytes,
    event_name: str,
    event_date: date | None = None,
    filename: str = "",
    dry_run: bool = False,
    overwrite_edits: bool = False,
    progress: Progress = _noop,
) -> ImportReport:
    """An attendee list (CSV or XLSX) into the event of that name (and date), created when missing."""
    from vernetzt.events.services import create_event

    if not event_name.strip():
        raise ValueError("event: an attendee list needs the name of its event")
    data, filename = _read(source, filename, "attendees.csv")
    result = parse_attendees(data, filename=filename, **_rows())
    run = _Run(owner, "attendees", filename, dry_run, overwrite_edits, progress)
    run.report.errors, run.report.skipped = result.errors, result.skipped
    with transaction.atomic():
        run.index = load_people_alone(owner)
        run.plan_records(result.records)
        run.count_plan()
        event = find_event(owner, event_name, event_date)
        run.report.extra["event_id"] = event.pk if event else None
        known = set(event.attendances.values_list("person_id", flat=True)) if event else set()
        states = list(run.touched.values())
        run.report.extra["attendances"] = sum(
            1 for s in states if s.person_id is None or s.person_id not in known
        )
        if dry_run:
            transaction.set_rollback(True)
            return run.report
        recorder = run.start_batch()
        if event is None:
            event = create_event(owner=owner, name=event_name, starts_on=event_date)
            recorder.record_created(Event, [event.pk])
            run.report.extra["event_id"] = event.pk
        run.write(recorder)
        attendances = [
            Attendance(owner=owner, event=event, person_id=state.person_id, source="import")
            for state in states
            if state.person_id not in known
        ]
        Attendance.objects.bulk_create(attendances, batch_size=1000)
        recorder.record_created(Attendance, [attendance.pk for attendance in attendances])
        run.finish(recorder)
    mark_pool_stale(owner)
    return run.report
