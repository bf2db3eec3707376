"""Contacts as CSV with Google Contacts headers, safe to open in a spreadsheet.

Google's headers make the export useful beyond vernetzt (Google Contacts imports it) and let
`parse_contacts_csv` read it back. One extra column, `Full Name`, keeps display names that are not just
first + last name; readers that do not know the column skip it.

Formula injection: a cell that starts with `=`, `+`, `-`, `@`, tab or CR would be evaluated by Excel,
LibreOffice or Google Sheets (OWASP "CSV injection"). Such cells get a leading apostrophe, which the
spreadsheets treat as "this is text". To keep the export lossless, a value that already starts with
apostrophes followed by one of those characters gets one more; the importer removes exactly one
(`unescape_formula`). Multi-value cells (` ::: `) are escaped part by part for the same reason. The cost:
phone numbers like `+49 …` carry a visible apostrophe in a spreadsheet.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Sequence
from typing import TextIO

from vernetzt.exporters.vcard import format_birthday
from vernetzt.importers.contacts_csv import FORMULA_TRIGGERS, GOOGLE_MULTI_SEPARATOR
from vernetzt.importers.records import ContactRecord, clean_text

HEADER = [
    "Name Prefix",
    "First Name",
    "Middle Name",
    "Last Name",
    "Full Name",
    "Organization Name",
    "Organization Title",
    "Organization Department",
    "Birthday",
    "Notes",
    "Labels",
    "E-mail 1 - Label",
    "E-mail 1 - Value",
    "Phone 1 - Label",
    "Phone 1 - Value",
    "Address 1 - Label",
    "Address 1 - City",
    "Address 1 - Country",
    "Website 1 - Label",
    "Website 1 - Value",
    "Website 2 - Label",
    "Website 2 - Value",
    "Website 3 - Label",
    "Website 3 - Value",
]


def escape_formula(value: str) -> str:
    """Prefix an apostrophe when a spreadsheet would read `value` as a formula (see module docs)."""
    if value.lstrip("'").startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def _cell(value: str) -> str:
    return escape_formula(clean_text(value))


def _multi(values: Iterable[str]) -> str:
    return GOOGLE_MULTI_SEPARATOR.join(_cell(value) for value in values if clean_text(value))


def _row(record: ContactRecord) -> list[str]:
    birthday = format_birthday(record.birthday) if record.birthday else ""
    emails = _multi(record.emails)
    phones = _multi(record.phones)
    linkedin, xing, others = _cell(record.linkedin_url), _cell(record.xing_url), _multi(record.other_urls)
    city, country = _cell(record.city), _cell(record.country)
    prefix = " ".join(part for part in (record.title_of_address, record.academic_title) if part)
    return [
        _cell(prefix),
        _cell(record.first_name),
        "",
        _cell(record.last_name),
        _cell(record.full_name),
        _cell(record.organization),
        _cell(record.title),
        _cell(record.department),
        _cell(birthday),
        _cell(record.notes),
        _multi(record.labels),
        "* Other" if emails else "",
        emails,
        "Mobile" if phones else "",
        phones,
        "Work" if city or country else "",
        city,
        country,
        "LinkedIn" if linkedin else "",
        linkedin,
        "XING" if xing else "",
        xing,
        "Website" if others else "",
        others,
    ]


def write_contacts_csv(
    records: Iterable[ContactRecord],
    fileobj: TextIO,
    *,
    extra_header: Sequence[str] = (),
    extra_cells: Callable[[ContactRecord], list[str]] | None = None,
) -> int:
    """Write a header and one row per record to `fileobj` (open it with newline=""); returns the rows.

    ``extra_header``/``extra_cells``: columns after Google's (readers that do not know them skip them).
    Encode the stream as UTF-8 with BOM ("utf-8-sig") when the file is meant for Excel.
    """
    writer = csv.writer(fileobj, lineterminator="\r\n")
    writer.writerow([*HEADER, *extra_header])
    count = 0
    for record in records:
        extra = [_cell(value) for value in extra_cells(record)] if extra_cells else []
        writer.writerow([*_row(record), *extra])
        count += 1
    return count
