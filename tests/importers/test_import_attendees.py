from __future__ import annotations

import io
import zipfile
from datetime import datetime

import openpyxl
import pytest

from vernetzt.importers.attendees import map_columns, parse_attendees, split_name
from vernetzt.importers.records import ImportFormatError


def _xlsx(rows, *, sheets_before=0) -> bytes:
    workbook = openpyxl.Workbook()
    for index in range(sheets_before):
        workbook.active.title = f"Info{index}"
        workbook.active.append(["Bitte nicht bearbeiten"])
        workbook.create_sheet("Teilnehmer")
        workbook.active = len(workbook.worksheets) - 1
    sheet = workbook.worksheets[-1]
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_xlsx_with_title_rows_german_headers_and_typed_cells():
    data = _xlsx(
        [
            ["Logistik-Forum Dortmund", None, None],
            [],
            [
                "Nachname, Vorname",
                "Unternehmen",
                "Funktion",
                "E-Mail",
                "Ort",
                "Land",
                "Angemeldet am",
                "LinkedIn",
            ],
            [
                "Schmidt, Anna",
                "ACME Logistik",
                "Leiterin Einkauf",
                "anna@example.com",
                "München",
                "Deutschland",
                datetime(2026, 3, 1),
                "https://de.linkedin.com/in/anna-schmidt",
            ],
            ["Weiß, Jürgen", "Hafen AG", None, None, "Hamburg", None, None, None],
            [None, None, None, None, None, None, None, None],
            [None, "Nur Firma", None, None, None, None, None, None],
            [12345, None, None, None, None, None, None, None],
        ],
        sheets_before=1,
    )
    result = parse_attendees(data, filename="teilnehmer.xlsx")
    assert result.format == "xlsx"
    anna, juergen, number = result.records
    assert (anna.first_name, anna.last_name, anna.full_name) == ("Anna", "Schmidt", "Anna Schmidt")
    assert (anna.organization, anna.title, anna.city, anna.country) == (
        "ACME Logistik",
        "Leiterin Einkauf",
        "München",
        "Deutschland",
    )
    assert anna.linkedin_url == "https://www.linkedin.com/in/anna-schmidt" and anna.line == 4
    assert anna.source == "attendees"
    assert juergen.full_name == "Jürgen Weiß" and juergen.emails == []
    assert number.full_name == "12345"
    assert [(e.line, e.code) for e in result.errors] == [(7, "no_name_or_email")]


def test_xlsx_detected_by_content_not_name():
    data = _xlsx(
        [
            ["First name", "Last name", "Company", "Job title", "Email"],
            ["Ana", "García", "Puerto Sur", "COO", "ana@example.com"],
        ]
    )
    [ana] = parse_attendees(data, filename="attendees.csv").records
    assert (ana.full_name, ana.title) == ("Ana García", "COO")


def test_xlsx_without_recognisable_header():
    with pytest.raises(ImportFormatError) as caught:
        parse_attendees(_xlsx([["a", "b"], [1, 2]]), filename="x.xlsx")
    assert caught.value.code == "no_header"


def test_old_xls_and_foreign_zip_and_broken_xlsx_are_refused():
    foreign = io.BytesIO()
    with zipfile.ZipFile(foreign, "w") as archive:
        archive.writestr("hello.txt", "hi")
    broken = io.BytesIO()
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not-really/>")
    cases = [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "legacy_xls"),
        (foreign.getvalue(), "binary_file"),
        (broken.getvalue(), "bad_xlsx"),
        (b"PK\x03\x04xx", "bad_xlsx"),
    ]
    for data, code in cases:
        with pytest.raises(ImportFormatError) as caught:
            parse_attendees(data, filename="liste.xlsx")
        assert caught.value.code == code


def test_utf16_tab_separated_with_title_rows(read_data):
    result = parse_attendees(read_data("ugly/attendees_utf16.txt"), filename="liste.txt")
    assert (result.delimiter, result.encoding) == ("\t", "utf-16")
    anna, jens = result.records
    assert (anna.first_name, anna.last_name, anna.title) == ("Anna", "Schmidt", "Leiterin Einkauf")
    assert anna.emails == ["anna@example.com"] and anna.city == "München"
    assert anna.linkedin_url == "https://www.linkedin.com/in/anna-schmidt"
    assert (jens.full_name, jens.first_name, jens.last_name) == ("Dr. Jens Ulrich", "Jens", "Ulrich")
    assert [(e.line, e.code) for e in result.errors] == [(7, "no_name_or_email")]


def test_pipe_delimited_english(read_data):
    [ana] = parse_attendees(read_data("ugly/attendees_pipe.csv"), filename="a.csv").records
    assert (ana.first_name, ana.last_name, ana.organization, ana.country) == (
        "Ana",
        "García",
        "Puerto Sur SL",
        "Spain",
    )


def test_semicolon_windows_1252_with_academic_title_column():
    data = (
        "Titel;Vorname;Nachname;Firma;Position;E-Mail\r\n"
        "Dr.;Käthe;Groß;Spedition Süd;Geschäftsführerin;kaethe@example.com\r\n"
    ).encode("cp1252")
    [kaethe] = parse_attendees(data, filename="a.csv").records
    assert (kaethe.full_name, kaethe.title) == ("Käthe Groß", "Geschäftsführerin")
    data = "Name;Titel\r\nProf. Dr. Eva Roth;Prof. Dr.\r\nMax Muster;Einkaufsleiter\r\n".encode("cp1252")
    eva, max_ = parse_attendees(data, filename="a.csv").records
    assert (eva.title, max_.title) == ("", "Einkaufsleiter")


@pytest.mark.parametrize(
    ("header", "mapping"),
    [
        (
            ["Vorname", "Nachname", "Firma", "Position", "E-Mail"],
            {"first": 0, "last": 1, "organization": 2, "title": 3, "email": 4},
        ),
        (
            ["FIRST NAME ", "last_name", "Company Name", "Job Title", "E-mail address"],
            {"first": 0, "last": 1, "organization": 2, "title": 3, "email": 4},
        ),
        (
            ["Name", "Organisation", "Funktion", "Stadt", "Land"],
            {"full": 0, "organization": 1, "title": 2, "city": 3, "country": 4},
        ),
        (
            ["Teilnehmer/in", "E-Mail (geschäftlich)", "Titel", "Position"],
            {"full": 0, "email": 1, "title": 3},
        ),
    ],
)
def test_map_columns_is_tolerant(header, mapping):
    found = map_columns(header)
    assert {field: found[field] for field in mapping} == mapping
    assert found.get("title") != 2 or "Titel" not in header


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Schmidt, Anna", ("Anna", "Schmidt")),
        ("Anna Maria Schmidt", ("Anna Maria", "Schmidt")),
        ("Prof. Dr.-Ing. Eva Roth", ("Eva", "Roth")),
        ("Dragan Petrović", ("Dragan", "Petrović")),
        ("Cher", ("", "Cher")),
    ],
)
def test_split_name(name, parts):
    assert split_name(name) == parts
