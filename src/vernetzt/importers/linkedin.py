"""LinkedIn's data export: the zip as downloaded (files possibly in sub-folders) or one of its CSV files.

Connections.csv is the network; Profile/Positions/Education.csv describe the user; messages.csv,
Invitations.csv and Notes.csv are interaction history. Everything is joined by profile-URL slug.
"""

from __future__ import annotations

import io
import operator
import os
import zipfile
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from vernetzt.importers.dates import parse_date, slash_order
from vernetzt.importers.linkedin_history import (
    EndorsementRecord,
    InvitationRecord,
    MessageRecord,
    NoteRecord,
    is_endorsements_header,
    is_invitations_header,
    is_messages_header,
    is_notes_header,
    is_recommendations_header,
    parse_endorsements,
    parse_invitations,
    parse_messages,
    parse_notes,
    parse_recommendations,
)
from vernetzt.importers.linkedin_profile import (
    OwnProfile,
    Position,
    School,
    is_education_header,
    is_positions_header,
    is_profile_header,
    parse_education,
    parse_positions,
    parse_profile,
)
from vernetzt.importers.records import (
    MAX_IMPORT_BYTES,
    MAX_IMPORT_ROWS,
    ContactRecord,
    ImportFormatError,
    RowError,
    clean_text,
    normalize_linkedin_url,
    slug_of,
)
from vernetzt.importers.sniff import Columns, Table, read_table

__all__ = [
    "EndorsementRecord",
    "InvitationRecord",
    "LinkedInExport",
    "MessageRecord",
    "NoteRecord",
    "OwnProfile",
    "Position",
    "School",
    "parse_linkedin_export",
]

# The CSV files of an export compress about fourfold: a zip may unpack to four times the import limit.
UNPACKED_PER_PACKED = 4
_ZIP_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    NotImplementedError,
    RuntimeError,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    UnicodeDecodeError,
)


@dataclass
class LinkedInExport:
    connections: list[ContactRecord] = field(default_factory=list)
    profile: OwnProfile | None = None
    messages: list[MessageRecord] = field(default_factory=list)
    invitations: list[InvitationRecord] = field(default_factory=list)
    notes: list[NoteRecord] = field(default_factory=list)
    endorsements: list[EndorsementRecord] = field(default_factory=list)  # and recommendations
    errors: list[RowError] = field(default_factory=list)
    skipped: int = 0  # hidden-profile connection rows (LinkedIn shows only the date)
    files: list[str] = field(default_factory=list)  # the files that were read, as named in the zip


def is_connections_header(cells: Sequence[str]) -> bool:
    columns = Columns(cells)
    return columns.has("First Name") and columns.has("Last Name") and columns.has("Connected On")


CONNECTIONS_EXPECTED = "First Name, Last Name, URL, Email Address, Company, Position, Connected On"

# Basename (case-insensitive) → header check; the order is also the reading order.
_KINDS: dict[str, Callable[[Sequence[str]], bool]] = {
    "connections.csv": is_connections_header,
    "profile.csv": is_profile_header,
    "positions.csv": is_positions_header,
    "education.csv": is_education_header,
    "messages.csv": is_messages_header,
    "invitations.csv": is_invitations_header,
    "notes.csv": is_notes_header,
    "recommendations_received.csv": is_recommendations_header,
    "recommendations_given.csv": is_recommendations_header,
    "endorsement_received_info.csv": is_endorsements_header,
    "endorsement_given_info.csv": is_endorsements_header,
}


def parse_linkedin_export(
    path_or_bytes: str | os.PathLike[str] | bytes,
    *,
    filename: str = "",
    max_bytes: int = MAX_IMPORT_BYTES,
    max_rows: int = MAX_IMPORT_ROWS,
) -> LinkedInExport:
    """Everything usable in a LinkedIn export zip, or in a single CSV file of one (kind found by header).

    Raises ImportFormatError when the file is neither, or when one of the known files inside is broken.
    A history file (messages, invitations) with more than ``max_rows`` rows is left out and reported;
    Connections.csv with more refuses the export.
    """
    if isinstance(path_or_bytes, bytes):
        data = path_or_bytes
    else:
        data = Path(path_or_bytes).read_bytes()
        filename = filename or Path(path_or_bytes).name
    filename = filename or "LinkedIn"
    result = LinkedInExport()
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        unpacked_limit = UNPACKED_PER_PACKED * max_bytes
        for member, content in _read_members(data, filename=filename, max_unpacked=unpacked_limit):
            kind = Path(member).name.casefold()
            try:
                table = read_table(
                    content,
                    filename=member,
                    is_header=_KINDS[kind],
                    expected=_expected(kind),
                    max_rows=max_rows,
                )
            except ImportFormatError as error:
                if kind == "connections.csv":
                    raise
                # A history file LinkedIn changed or damaged must not block the network itself.
                result.errors.append(
                    RowError(line=error.line, code=error.code, params=error.params, file=member)
                )
                continue
            _parse_into(result, kind, table, filename=member)
        return result
    table = read_table(
        data, filename=filename, is_header=_is_any_header, expected=_expected(""), max_rows=max_rows
    )
    named = Path(filename).name.casefold()
    if named in _KINDS and _KINDS[named](table.header):
        kind = named  # Recommendations_Received.csv and _Given.csv differ only in their name
    else:
        kind = next(name for name, check in _KINDS.items() if check(table.header))
    _parse_into(result, kind, table, filename=filename)
    return result


def _is_any_header(cells: Sequence[str]) -> bool:
    return any(check(cells) for check in _KINDS.values())


_EXPECTED = {
    "profile.csv": "First Name, Last Name, Headline, Birth Date",
    "positions.csv": "Company Name, Title, Started On, Finished On",
    "education.csv": "School Name, Start Date, End Date, Degree Name",
    "messages.csv": "CONVERSATION ID, FROM, TO, DATE, CONTENT",
    "invitations.csv": "From, To, Sent At, Message, Direction",
    "notes.csv": "Profile URL, Note, Date",
    "recommendations_received.csv": "First Name, Last Name, Company, Job Title, Text, Creation Date, Status",
    "recommendations_given.csv": "First Name, Last Name, Company, Job Title, Text, Creation Date, Status",
    "endorsement_received_info.csv": "Endorsement Date, Skill Name, Endorser First Name, Endorser Last Name",
    "endorsement_given_info.csv": "Endorsement Date, Skill Name, Endorsee First Name, Endorsee Last Name",
}


def _expected(kind: str) -> str:
    return _EXPECTED.get(kind, CONNECTIONS_EXPECTED)


def _read_members(data: bytes, *, filename: str, max_unpacked: int) -> list[tuple[str, bytes]]:
    """The known CSV files of the export; the shallowest wins when a name occurs twice."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = [
                info
                for info in archive.infolist()
                if not info.is_dir()
                and not info.filename.startswith("__MACOSX/")
                and not Path(info.filename).name.startswith("._")
                and Path(info.filename).name.casefold() in _KINDS
            ]
            if sum(info.file_size for info in infos) > max_unpacked:
                raise ImportFormatError("zip_too_large", filename=filename, limit=max_unpacked >> 20)
            chosen: dict[str, zipfile.ZipInfo] = {}
            for info in sorted(infos, key=lambda i: (i.filename.count("/"), i.filename)):
                chosen.setdefault(Path(info.filename).name.casefold(), info)
            if not chosen:
                raise ImportFormatError("not_linkedin", filename=filename)
            members = []
            unpacked = 0
            for kind in _KINDS:
                if info := chosen.get(kind):
                    # The sizes in the directory may lie; what counts is what comes out.
                    with archive.open(info) as handle:
                        content = handle.read(max_unpacked - unpacked + 1)
                    unpacked += len(content)
                    if unpacked > max_unpacked:
                        raise ImportFormatError("zip_too_large", filename=filename, limit=max_unpacked >> 20)
                    members.append((info.filename, content))
            return members
    except ImportFormatError:
        raise
    except _ZIP_ERRORS:
        raise ImportFormatError("bad_zip", filename=filename) from None


def _parse_into(result: LinkedInExport, kind: str, table: Table, *, filename: str) -> None:
    result.files.append(filename)
    if kind == "connections.csv":
        records, errors, skipped = parse_connections(table, filename=filename)
        result.connections.extend(records)
        result.errors.extend(errors)
        result.skipped += skipped
        return
    if kind in ("profile.csv", "positions.csv", "education.csv"):
        profile = result.profile or OwnProfile()
        result.profile = profile
        if kind == "profile.csv":
            result.errors.extend(parse_profile(table, profile, filename=filename))
        elif kind == "positions.csv":
            result.errors.extend(parse_positions(table, profile, filename=filename))
        else:
            result.errors.extend(parse_education(table, profile, filename=filename))
        return
    if kind == "messages.csv":
        messages, errors = parse_messages(table, filename=filename)
        result.messages.extend(messages)
    elif kind == "invitations.csv":
        invitations, errors = parse_invitations(table, filename=filename)
        result.invitations.extend(invitations)
    elif kind.startswith("recommendations_"):
        direction = "received" if "received" in kind else "given"
        endorsements, errors = parse_recommendations(table, filename=filename, direction=direction)
        result.endorsements.extend(endorsements)
    elif kind.startswith("endorsement_"):
        endorsements, errors = parse_endorsements(table, filename=filename)
        result.endorsements.extend(endorsements)
    else:
        notes, errors = parse_notes(table, filename=filename)
        result.notes.extend(notes)
    result.errors.extend(errors)


def parse_connections(table: Table, *, filename: str) -> tuple[list[ContactRecord], list[RowError], int]:
    """Connections.csv rows → records; hidden profiles (only a date) are counted, not reported.

    This loop meets LinkedIn's 30,000-connection cap, so cells are fetched with one itemgetter per row
    instead of one lookup per field.
    """
    columns = Columns(table.header)
    wanted = [
        columns.position("First Name"),
        columns.position("Last Name"),
        columns.position("URL", "Profile URL"),
        columns.position("Email Address", "E-mail Address", "Email"),
        columns.position("Company"),
        columns.position("Position", "Title"),
        columns.position("Connected On"),
    ]
    # Missing columns read the last padding cell (index -1), which is always "".
    padding = [""] * (max(p for p in wanted if p is not None) + 2)
    fetch = operator.itemgetter(*(p if p is not None else -1 for p in wanted))
    connected_name = columns.name("Connected On")
    rows = [
        (line, [c.strip() if c.isprintable() else clean_text(c) for c in fetch(row + padding)])
        for line, row in table.rows
    ]
    order = slash_order(values[6] for _, values in rows)
    records: list[ContactRecord] = []
    errors: list[RowError] = []
    skipped = 0
    for line, (first, last, url, email, company, title, raw_date) in rows:
        if not (first or last or url or email):
            skipped += 1 if raw_date or company or title else 0
            continue
        slug = slug_of(url)
        record = ContactRecord(
            line=line,
            source="linkedin",
            first_name=first,
            last_name=last,
            full_name=f"{first} {last}" if first and last else first or last,
            emails=[email] if email else [],
            organization=company,
            title=title,
            linkedin_url=f"https://www.linkedin.com/in/{slug}" if slug else normalize_linkedin_url(url),
            source_key=slug,
        )
        try:
            record.connected_on = parse_date(raw_date, order=order)
        except ValueError:
            errors.append(
                RowError(
                    line=line,
                    code="invalid_date",
                    params={"value": raw_date},
                    field=connected_name,
                    file=filename,
                    dropped=False,
                )
            )
        records.append(record)
    return records, errors, skipped
