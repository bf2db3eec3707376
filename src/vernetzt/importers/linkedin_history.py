"""Interaction history in a LinkedIn export: messages.csv, Invitations.csv and Notes.csv.

LinkedIn documents no format for Notes.csv; the reader accepts any header with a note column and a
profile-URL or name column, plus an optional date, which covers the spellings seen so far.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from vernetzt.importers.dates import parse_timestamp
from vernetzt.importers.records import RowError, slug_of
from vernetzt.importers.sniff import Columns, Table, cell, is_blank


@dataclass
class MessageRecord:
    line: int
    conversation_id: str
    sent_at: datetime  # aware, UTC
    from_name: str = ""
    from_slug: str = ""
    to_names: str = ""  # as LinkedIn writes it; names may themselves contain commas
    to_slugs: list[str] = field(default_factory=list)
    conversation_title: str = ""
    subject: str = ""
    content: str = ""
    folder: str = ""


@dataclass
class InvitationRecord:
    line: int
    sent_at: datetime  # aware; LinkedIn writes no zone, taken as UTC
    direction: str  # "INCOMING" or "OUTGOING"
    from_name: str = ""
    to_name: str = ""
    message: str = ""
    inviter_slug: str = ""
    invitee_slug: str = ""


@dataclass
class NoteRecord:
    line: int
    text: str
    slug: str = ""
    name: str = ""
    created_at: datetime | None = None


def is_messages_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("Conversation ID") and columns.has("From") and columns.has("Date")


def is_invitations_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("From") and columns.has("To") and columns.has("Sent At") and columns.has("Direction")


_NOTE_COLUMNS = ("Note", "Notes", "Content", "Text", "Body")
_NOTE_URL_COLUMNS = ("Profile URL", "URL", "Member Profile URL", "LinkedIn URL", "Profile")
_NOTE_NAME_COLUMNS = ("Name", "Full Name", "Member Name")
_NOTE_DATE_COLUMNS = ("Date", "Created At", "Created On", "Created", "Last Modified", "Updated At")


def is_notes_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return (
        columns.has(*_NOTE_COLUMNS)
        and (columns.has(*_NOTE_URL_COLUMNS, *_NOTE_NAME_COLUMNS) or columns.has("First Name"))
        and not columns.has("Connected On", "Headline", "School Name")
    )


_URL_SPLIT = re.compile(r"[\s,;]+")


def _timestamp(
    raw: str, *, line: int, field_name: str, filename: str, errors: list[RowError]
) -> datetime | None:
    try:
        stamp = parse_timestamp(raw)
    except ValueError:
        errors.append(
            RowError(line=line, code="invalid_date", params={"value": raw}, field=field_name, file=filename)
        )
        return None
    if stamp is None:
        errors.append(RowError(line=line, code="missing_value", field=field_name, file=filename))
    return stamp


def parse_messages(table: Table, *, filename: str) -> tuple[list[MessageRecord], list[RowError]]:
    columns = Columns(table.header)
    names = (
        "Conversation ID",
        "Conversation Title",
        "From",
        "Sender Profile URL",
        "To",
        "Recipient Profile URLs",
        "Date",
        "Subject",
        "Content",
        "Folder",
    )
    at = {name: columns.position(name) for name in names}
    date_name = columns.name("Date")
    messages: list[MessageRecord] = []
    errors: list[RowError] = []
    for line, row in table.rows:
        if is_blank(row):
            continue
        sent_at = _timestamp(
            cell(row, at["Date"]), line=line, field_name=date_name, filename=filename, errors=errors
        )
        if sent_at is None:
            continue
        recipients = [slug_of(url) for url in _URL_SPLIT.split(cell(row, at["Recipient Profile URLs"]))]
        messages.append(
            MessageRecord(
                line=line,
                conversation_id=cell(row, at["Conversation ID"]),
                sent_at=sent_at,
                from_name=cell(row, at["From"]),
                from_slug=slug_of(cell(row, at["Sender Profile URL"])),
                to_names=cell(row, at["To"]),
                to_slugs=[slug for slug in recipients if slug],
                conversation_title=cell(row, at["Conversation Title"]),
                subject=cell(row, at["Subject"]),
                content=cell(row, at["Content"]),
                folder=cell(row, at["Folder"]),
            )
        )
    return messages, errors


def parse_invitations(table: Table, *, filename: str) -> tuple[list[InvitationRecord], list[RowError]]:
    columns = Columns(table.header)
    names = ("From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl")
    at = {name: columns.position(name) for name in names}
    date_name = columns.name("Sent At")
    invitations: list[InvitationRecord] = []
    errors: list[RowError] = []
    for line, row in table.rows:
        if is_blank(row):
            continue
        sent_at = _timestamp(
            cell(row, at["Sent At"]), line=line, field_name=date_name, filename=filename, errors=errors
        )
        if sent_at is None:
            continue
        invitations.append(
            InvitationRecord(
                line=line,
                sent_at=sent_at,
                direction=cell(row, at["Direction"]).upper(),
                from_name=cell(row, at["From"]),
                to_name=cell(row, at["To"]),
                message=cell(row, at["Message"]),
                inviter_slug=slug_of(cell(row, at["inviterProfileUrl"])),
                invitee_slug=slug_of(cell(row, at["inviteeProfileUrl"])),
            )
        )
    return invitations, errors


def parse_notes(table: Table, *, filename: str) -> tuple[list[NoteRecord], list[RowError]]:
    columns = Columns(table.header)
    text_at = columns.position(*_NOTE_COLUMNS)
    url_at = columns.position(*_NOTE_URL_COLUMNS)
    name_at = columns.position(*_NOTE_NAME_COLUMNS)
    first_at, last_at = columns.position("First Name"), columns.position("Last Name")
    date_at = columns.position(*_NOTE_DATE_COLUMNS)
    notes: list[NoteRecord] = []
    errors: list[RowError] = []
    for line, row in table.rows:
        text = cell(row, text_at)
        if is_blank(row) or not text:
            continue
        created_at = None
        raw_date = cell(row, date_at)
        if raw_date:
            created_at = _timestamp(
                raw_date,
                line=line,
                field_name=columns.name(*_NOTE_DATE_COLUMNS),
                filename=filename,
                errors=errors,
            )
            if errors and errors[-1].line == line:
                errors[-1].dropped = False
        name = cell(row, name_at) or " ".join(p for p in (cell(row, first_at), cell(row, last_at)) if p)
        notes.append(
            NoteRecord(
                line=line, text=text, slug=slug_of(cell(row, url_at)), name=name, created_at=created_at
            )
        )
    return notes, errors


@dataclass
class EndorsementRecord:
    """A recommendation or a skill endorsement, received from or given to ``name``."""

    line: int
    direction: str  # "received" or "given"
    kind: str  # "recommendation" or "endorsement"
    name: str
    slug: str = ""
    organization: str = ""
    text: str = ""  # the recommendation's text, or the endorsed skill
    date: datetime | None = None


def is_recommendations_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("First Name") and columns.has("Text") and columns.has("Creation Date")


def is_endorsements_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("Skill Name") and columns.has("Endorser First Name", "Endorsee First Name")


def _optional_timestamp(raw: str, *, line: int, field_name: str, filename: str, errors: list[RowError]):
    """A date that may be missing or broken without losing the row (reported, not dropped)."""
    if not raw:
        return None
    stamp = _timestamp(raw, line=line, field_name=field_name, filename=filename, errors=errors)
    if stamp is None and errors and errors[-1].line == line:
        errors[-1].dropped = False
    return stamp


def parse_recommendations(
    table: Table, *, filename: str, direction: str
) -> tuple[list[EndorsementRecord], list[RowError]]:
    columns = Columns(table.header)
    first_at, last_at = columns.position("First Name"), columns.position("Last Name")
    company_at, text_at = columns.position("Company"), columns.position("Text")
    date_at, status_at = columns.position("Creation Date"), columns.position("Status")
    records: list[EndorsementRecord] = []
    errors: list[RowError] = []
    for line, row in table.rows:
        name = " ".join(p for p in (cell(row, first_at), cell(row, last_at)) if p)
        if is_blank(row) or not name or cell(row, status_at).upper() in ("HIDDEN", "REJECTED", "PENDING"):
            continue
        created = _optional_timestamp(
            cell(row, date_at), line=line, field_name="Creation Date", filename=filename, errors=errors
        )
        records.append(
            EndorsementRecord(
                line=line,
                direction=direction,
                kind="recommendation",
                name=name,
                organization=cell(row, company_at),
                text=" ".join(cell(row, text_at).split()),
                date=created,
            )
        )
    return records, errors


def parse_endorsements(table: Table, *, filename: str) -> tuple[list[EndorsementRecord], list[RowError]]:
    columns = Columns(table.header)
    received = columns.has("Endorser First Name")
    role = "Endorser" if received else "Endorsee"
    first_at, last_at = columns.position(f"{role} First Name"), columns.position(f"{role} Last Name")
    url_at, skill_at = columns.position(f"{role} Public Url"), columns.position("Skill Name")
    date_at, status_at = columns.position("Endorsement Date"), columns.position("Endorsement Status")
    records: list[EndorsementRecord] = []
    errors: list[RowError] = []
    for line, row in table.rows:
        name = " ".join(p for p in (cell(row, first_at), cell(row, last_at)) if p)
        skill = cell(row, skill_at)
        if is_blank(row) or not (name and skill) or cell(row, status_at).upper() in ("HIDDEN", "REJECTED"):
            continue
        url = cell(row, url_at)
        if url and "://" not in url:
            url = "https://" + url  # LinkedIn writes "www.linkedin.com/in/…" without a scheme here
        records.append(
            EndorsementRecord(
                line=line,
                direction="received" if received else "given",
                kind="endorsement",
                name=name,
                slug=slug_of(url),
                text=skill,
                date=_optional_timestamp(
                    cell(row, date_at),
                    line=line,
                    field_name="Endorsement Date",
                    filename=filename,
                    errors=errors,
                ),
            )
        )
    return records, errors
