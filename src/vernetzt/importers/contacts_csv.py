"""Address-book CSV from Google Contacts (current and legacy headers) and Outlook (English and German).

The format is recognised by its header row alone, whatever the file is called, in any delimiter and
encoding `sniff` understands. Each format is a table of which header feeds which field, so supporting
another spelling is one more entry, not more code.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from vernetzt.importers.dates import parse_birthday, slash_order
from vernetzt.importers.honorifics import split_honorific
from vernetzt.importers.records import (
    MAX_IMPORT_ROWS,
    ContactRecord,
    ParseResult,
    RowError,
    add_url,
    append_unique,
    compose_full_name,
    fold_header,
    has_identity,
)
from vernetzt.importers.sniff import Columns, cell, is_blank, read_table

GOOGLE_MULTI_SEPARATOR = " ::: "
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class _Layout:
    source: str
    first: tuple[str, ...]
    middle: tuple[str, ...]
    last: tuple[str, ...]
    full: tuple[str, ...]
    organization: tuple[str, ...]
    department: tuple[str, ...]
    title: tuple[str, ...]
    city: tuple[str, ...]
    country: tuple[str, ...]
    birthday: tuple[str, ...]
    notes: tuple[str, ...]
    labels: tuple[str, ...]
    file_as: tuple[str, ...] = ()
    honorific: tuple[str, ...] = ()  # name prefix columns, read together ("Frau" + "Dr.")
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    websites: tuple[str, ...] = ()


_GOOGLE_ADDRESS = {"city": ("Address 1 - City",), "country": ("Address 1 - Country",)}

LAYOUTS: dict[str, _Layout] = {
    "google": _Layout(
        source="google",
        first=("First Name",),
        middle=("Middle Name",),
        last=("Last Name",),
        full=("Full Name",),
        file_as=("File As",),
        honorific=("Name Prefix",),
        organization=("Organization Name",),
        department=("Organization Department",),
        title=("Organization Title",),
        birthday=("Birthday",),
        notes=("Notes",),
        labels=("Labels",),
        **_GOOGLE_ADDRESS,
    ),
    "google_legacy": _Layout(
        source="google",
        first=("Given Name",),
        middle=("Additional Name",),
        last=("Family Name",),
        full=("Name",),
        honorific=("Name Prefix",),
        organization=("Organization 1 - Name",),
        department=("Organization 1 - Department",),
        title=("Organization 1 - Title",),
        birthday=("Birthday",),
        notes=("Notes",),
        labels=("Group Membership",),
        **_GOOGLE_ADDRESS,
    ),
    "outlook_en": _Layout(
        source="outlook",
        first=("First Name",),
        middle=("Middle Name",),
        last=("Last Name",),
        full=(),
        honorific=("Title",),
        organization=("Company",),
        department=("Department",),
        title=("Job Title",),
        city=("Business City", "Home City", "Other City"),
        country=("Business Country/Region", "Business Country", "Home Country/Region", "Home Country"),
        birthday=("Birthday",),
        notes=("Notes",),
        labels=("Categories",),
        emails=("E-mail Address", "E-mail 2 Address", "E-mail 3 Address"),
        phones=(
            "Business Phone",
            "Business Phone 2",
            "Mobile Phone",
            "Home Phone",
            "Home Phone 2",
            "Other Phone",
            "Primary Phone",
            "Company Main Phone",
        ),
        websites=("Web Page",),
    ),
    "outlook_de": _Layout(
        source="outlook",
        first=("Vorname",),
        middle=("Weitere Vornamen",),
        last=("Nachname",),
        full=(),
        honorific=("Anrede", "Titel"),
        organization=("Firma",),
        department=("Abteilung",),
        title=("Position",),
        city=("Ort geschäftlich", "Ort privat", "Weiterer Ort"),
        country=("Land/Region geschäftlich", "Land geschäftlich", "Land/Region privat", "Land privat"),
        birthday=("Geburtstag",),
        notes=("Notizen",),
        labels=("Kategorien",),
        emails=("E-Mail-Adresse", "E-Mail 2: Adresse", "E-Mail 3: Adresse"),
        phones=(
            "Telefon geschäftlich",
            "Telefon geschäftlich 2",
            "Mobiltelefon",
            "Telefon privat",
            "Telefon privat 2",
            "Weiteres Telefon",
            "Haupttelefon",
            "Telefon Firma",
        ),
        websites=("Webseite", "Webseite geschäftlich"),
    ),
}

EXPECTED = (
    "Google: First Name, Last Name, E-mail 1 - Value; Google (alt): Given Name, Family Name; "
    "Outlook: First Name, Last Name, E-mail Address; Outlook (deutsch): Vorname, Nachname, E-Mail-Adresse"
)

_NUMBERED = {kind: re.compile(rf"^{kind}(\d+)value$") for kind in ("email", "phone", "website")}


def detect_layout(cells: Sequence[str]) -> str:
    """The layout name whose signature the header row carries, or ""."""
    folded = {fold_header(name) for name in cells}
    google_numbered = any(_NUMBERED["email"].match(name) or _NUMBERED["phone"].match(name) for name in folded)
    if {"givenname", "familyname"} <= folded:
        return "google_legacy"
    if {"firstname", "lastname"} <= folded and (google_numbered or "organizationname" in folded):
        return "google"
    if {"firstname", "lastname"} <= folded and folded & {"emailaddress", "company", "jobtitle"}:
        return "outlook_en"
    if {"vorname", "nachname"} <= folded:
        return "outlook_de"
    return ""


def unescape_formula(value: str) -> str:
    """Undo the apostrophe that formula-safe CSV writers (ours included) put before = + - @."""
    stripped = value.lstrip("'")
    if value.startswith("'") and stripped.startswith(FORMULA_TRIGGERS):
        return value[1:]
    return value


def _numbered_positions(columns: Columns, kind: str) -> list[int]:
    found = []
    for folded, position in columns.index.items():
        if match := _NUMBERED[kind].match(folded):
            found.append((int(match[1]), position))
    return [position for _, position in sorted(found)]


def parse_contacts_csv(data: bytes, *, filename: str, max_rows: int = MAX_IMPORT_ROWS) -> ParseResult:
    """Google or Outlook contacts; rows without name and e-mail are reported and left out."""
    table = read_table(
        data,
        filename=filename,
        is_header=lambda cells: bool(detect_layout(cells)),
        expected=EXPECTED,
        max_rows=max_rows,
    )
    layout_name = detect_layout(table.header)
    layout = LAYOUTS[layout_name]
    columns = Columns(table.header)
    google = layout.source == "google"

    def positions(names: tuple[str, ...]) -> list[int]:
        return [p for p in (columns.position(name) for name in names) if p is not None]

    at = {
        name: positions(getattr(layout, name))
        for name in (
            "first",
            "middle",
            "last",
            "full",
            "organization",
            "department",
            "title",
            "city",
            "country",
            "birthday",
            "notes",
            "labels",
            "emails",
            "phones",
            "websites",
            "file_as",
            "honorific",
        )
    }
    if google:
        for kind, attribute in (("email", "emails"), ("phone", "phones"), ("website", "websites")):
            at[attribute] = _numbered_positions(columns, kind)
    birthday_name = columns.name(*layout.birthday)
    order = slash_order(cell(row, p) for _, row in table.rows for p in at["birthday"][:1])
    result = ParseResult(
        records=[], errors=[], format=layout_name, encoding=table.encoding, delimiter=table.delimiter
    )

    def first_of(row: list[str], field: str) -> str:
        for position in at[field]:
            if value := cell(row, position):
                return unescape_formula(value) if google else value
        return ""

    def all_of(row: list[str], field: str) -> list[str]:
        values: list[str] = []
        for position in at[field]:
            text = cell(row, position)
            if google:
                parts = [unescape_formula(part.strip()) for part in text.split(GOOGLE_MULTI_SEPARATOR)]
            elif field == "labels":
                parts = re.split(r"[;,]", text)
            else:
                parts = [text]
            for part in parts:
                append_unique(values, part)
        return values

    for line, row in table.rows:
        if is_blank(row):
            continue
        first, middle, last = first_of(row, "first"), first_of(row, "middle"), first_of(row, "last")
        record = ContactRecord(
            line=line,
            source=layout.source,
            first_name=first,
            last_name=last,
            # An explicit full name (legacy "Name", our "Full Name") beats the composed one; Google's
            # "File As" is a sort key ("Vogel, Katrin") and only stands in when there is nothing else.
            full_name=first_of(row, "full")
            or compose_full_name(first, last, middle=middle)
            or first_of(row, "file_as"),
            emails=all_of(row, "emails"),
            phones=all_of(row, "phones"),
            organization=first_of(row, "organization"),
            department=first_of(row, "department"),
            title=first_of(row, "title"),
            city=first_of(row, "city"),
            country=first_of(row, "country"),
            notes=first_of(row, "notes"),
            labels=[label for label in all_of(row, "labels") if not label.startswith("* ")],
        )
        prefix = " ".join(cell(row, position) for position in at["honorific"])
        record.title_of_address, record.academic_title = split_honorific(prefix)
        for url in all_of(row, "websites"):
            add_url(record, url)
        if not has_identity(record):
            result.errors.append(RowError(line=line, code="no_name_or_email", file=filename))
            continue
        raw_birthday = first_of(row, "birthday")
        try:
            record.birthday = parse_birthday(raw_birthday, order=order)
        except ValueError:
            result.errors.append(
                RowError(
                    line=line,
                    code="invalid_date",
                    params={"value": raw_birthday},
                    field=birthday_name,
                    file=filename,
                    dropped=False,
                )
            )
        result.records.append(record)
    return result
