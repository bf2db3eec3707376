"""Event attendee lists: CSV (any common delimiter and encoding) or XLSX, German or English headers.

Organisers build these by hand, so header matching is deliberately forgiving: case, spaces, punctuation
and umlaut spellings are ignored, and a header that starts with a known word (`E-Mail (geschäftlich)`)
counts when nothing matches exactly.
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Sequence
from datetime import date, datetime

import openpyxl

from vernetzt.importers.records import (
    MAX_IMPORT_ROWS,
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowError,
    add_url,
    append_unique,
    clean_text,
    compose_full_name,
    fold_header,
    has_identity,
    refuse_too_many,
)
from vernetzt.importers.sniff import HEADER_SCAN_ROWS, cell, is_blank, read_table

# Field → folded header spellings, most specific first (a "Position" column beats a "Titel" column).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "full": (
        "name",
        "fullname",
        "vollstaendigername",
        "nachnamevorname",
        "vornamenachname",
        "namevorname",
        "lastnamefirstname",
        "firstnamelastname",
        "teilnehmer",
        "teilnehmerin",
        "teilnehmername",
        "attendee",
        "attendeename",
        "participant",
        "participantname",
        "kontakt",
        "person",
    ),
    "first": ("vorname", "firstname", "givenname", "rufname", "first"),
    "last": ("nachname", "lastname", "surname", "familyname", "familienname", "zuname", "last"),
    "organization": (
        "firma",
        "unternehmen",
        "organisation",
        "organization",
        "company",
        "companyname",
        "firmenname",
        "arbeitgeber",
        "employer",
        "institution",
        "organisationunternehmen",
    ),
    "title": (
        "position",
        "jobtitle",
        "jobtitel",
        "funktion",
        "berufsbezeichnung",
        "stellenbezeichnung",
        "rolle",
        "role",
        "job",
        "titel",
        "title",
    ),
    "email": ("email", "emailadresse", "emailaddress", "mail", "emailadress"),
    "city": ("ort", "stadt", "city", "town", "wohnort", "standort", "location"),
    "country": ("land", "country", "staat"),
    "linkedin": ("linkedin", "linkedinurl", "linkedinprofil", "linkedinprofile", "linkedinprofileurl"),
    "xing": ("xing", "xingprofil", "xingprofile", "xingurl"),
    "phone": ("telefon", "telefonnummer", "phone", "phonenumber", "mobil", "mobile", "handy", "tel"),
    "department": ("abteilung", "department", "bereich"),
    "notes": (
        "notizen",
        "notiz",
        "notes",
        "note",
        "bemerkung",
        "bemerkungen",
        "anmerkung",
        "kommentar",
        "comment",
        "comments",
    ),
}
EXPECTED = "Name | Vorname + Nachname | First name + Last name, Firma/Company, Position/Job title, E-Mail"
_DEGREE = r"(?:prof|dr|dipl|mag|ing|med|rer|nat|phil|jur|habil|mba|msc|bsc)\.?(?:-(?:ing|kfm|inf|oec)\.?)?"
_ACADEMIC = re.compile(rf"^{_DEGREE}(?:\s+{_DEGREE})*$", re.IGNORECASE)


def map_columns(header: Sequence[str]) -> dict[str, int]:
    """Field → column position; exact spellings first, then headers that start with a known word."""
    folded = [fold_header(name) for name in header]
    mapping: dict[str, int] = {}
    for exact in (True, False):
        for field, spellings in SYNONYMS.items():
            if field in mapping:
                continue
            for spelling in spellings:
                hits = [
                    position
                    for position, name in enumerate(folded)
                    if position not in mapping.values()
                    and (name == spelling if exact else len(spelling) >= 4 and name.startswith(spelling))
                ]
                if hits:
                    mapping[field] = hits[0]
                    break
    return mapping


def is_attendee_header(cells: Sequence[str]) -> bool:
    mapping = map_columns(cells)
    named = "full" in mapping or ("first" in mapping and "last" in mapping)
    return (named or "email" in mapping) and len(mapping) >= 2


def parse_attendees(data: bytes, *, filename: str, max_rows: int = MAX_IMPORT_ROWS) -> ParseResult:
    """Attendees as ContactRecords (source "attendees"); XLSX is recognised by content, not by name."""
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise ImportFormatError("legacy_xls", filename=filename)
    if data.startswith(b"PK\x03\x04"):
        header, rows = _read_xlsx(data, filename=filename, max_rows=max_rows)
        result = ParseResult(records=[], errors=[], format="xlsx")
    else:
        table = read_table(
            data, filename=filename, is_header=is_attendee_header, expected=EXPECTED, max_rows=max_rows
        )
        header, rows = table.header, table.rows
        result = ParseResult(
            records=[], errors=[], format="csv", encoding=table.encoding, delimiter=table.delimiter
        )
    mapping = map_columns(header)
    for line, row in rows:
        if is_blank(row):
            continue
        record = _record(line, row, mapping)
        if has_identity(record):
            result.records.append(record)
        else:
            result.errors.append(RowError(line=line, code="no_name_or_email", file=filename))
    return result


def split_name(name: str) -> tuple[str, str]:
    """(first, last) of a single name cell: `Schmidt, Anna` and `Dr. Anna Schmidt` both give Anna/Schmidt."""
    if name.count(",") == 1:
        last, first = (part.strip() for part in name.split(","))
        return first, last
    words = [word for word in name.split() if not _ACADEMIC.match(word)]
    if len(words) < 2:
        return "", " ".join(words)
    return " ".join(words[:-1]), words[-1]


def _record(line: int, row: list[str], mapping: dict[str, int]) -> ContactRecord:
    def get(field: str) -> str:
        return cell(row, mapping.get(field))

    first, last, full = get("first"), get("last"), get("full")
    if full and not (first or last):
        first, last = split_name(full)
        if "," in full:
            full = compose_full_name(first, last)
    title = get("title")
    if _ACADEMIC.match(title):
        title = ""  # "Titel" in German lists often means "Dr."/"Prof.", not the job
    record = ContactRecord(
        line=line,
        source="attendees",
        first_name=first,
        last_name=last,
        full_name=full or compose_full_name(first, last),
        organization=get("organization"),
        department=get("department"),
        title=title,
        city=get("city"),
        country=get("country"),
        notes=get("notes"),
    )
    for address in re.split(r"[;,\s]+", get("email")):
        append_unique(record.emails, address.removeprefix("mailto:"))
    append_unique(record.phones, get("phone"))
    for field in ("linkedin", "xing"):
        add_url(record, get(field))
    return record


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return clean_text(str(value))


def _read_xlsx(data: bytes, *, filename: str, max_rows: int) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The first sheet with a recognisable header: (header, rows below it with their row numbers)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            if "xl/workbook.xml" not in archive.namelist():
                raise ImportFormatError("binary_file", filename=filename, kind="zip archive")
        with warnings.catch_warnings():
            # openpyxl warns about harmless workbook oddities (missing styles, data validation).
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
            try:
                for sheet in workbook.worksheets:
                    rows = []
                    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                        rows.append((number, [_text(value) for value in values]))
                        if number > max_rows + HEADER_SCAN_ROWS:
                            refuse_too_many(number, filename=filename, max_rows=max_rows)
                    for index, (_, cells) in enumerate(rows[:HEADER_SCAN_ROWS]):
                        if is_attendee_header(cells):
                            return cells, rows[index + 1 :]
            finally:
                workbook.close()
    except ImportFormatError:
        raise
    except Exception:
        # openpyxl surfaces a corrupt workbook as almost any exception type (KeyError, XML errors, ...).
        raise ImportFormatError("bad_xlsx", filename=filename) from None
    raise ImportFormatError("no_header", filename=filename, expected=EXPECTED)
