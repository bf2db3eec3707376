from __future__ import annotations

import csv
import io

import pytest

from vernetzt.exporters.csv import HEADER, escape_formula, write_contacts_csv
from vernetzt.importers.contacts_csv import detect_layout
from vernetzt.importers.records import Birthday, ContactRecord


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+49 40 123", "'+49 40 123"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("'=1", "''=1"),
        ("'Ahmed", "'Ahmed"),
        ("Anna", "Anna"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_escape_formula(value, cell):
    assert escape_formula(value) == cell


def test_rows_are_google_compatible_and_formula_safe():
    stream = io.StringIO(newline="")
    people = [
        ContactRecord(
            line=0,
            source="x",
            first_name="=cmd|' /C calc'!A0",
            last_name="Vogel",
            full_name="Katrin Vogel",
            emails=["k@example.com", "kv@example.net"],
            phones=["+49 40 1"],
            linkedin_url="https://www.linkedin.com/in/kv",
            xing_url="https://www.xing.com/profile/K_V",
            birthday=Birthday(2, 29),
            labels=["Kunden", "-VIP"],
        ),
    ]
    assert write_contacts_csv(people, stream) == 1
    assert stream.getvalue().endswith("\r\n")
    header, row = list(csv.reader(io.StringIO(stream.getvalue(), newline="")))
    assert header == HEADER and detect_layout(header) == "google"
    cells = dict(zip(header, row, strict=True))
    assert cells["First Name"] == "'=cmd|' /C calc'!A0"
    assert cells["E-mail 1 - Value"] == "k@example.com ::: kv@example.net"
    assert cells["Phone 1 - Value"] == "'+49 40 1"
    assert cells["Birthday"] == "'--02-29"
    assert cells["Labels"] == "Kunden ::: '-VIP"
    assert (cells["Website 1 - Label"], cells["Website 2 - Value"]) == (
        "LinkedIn",
        "https://www.xing.com/profile/K_V",
    )
    assert not any(value.startswith(("=", "+", "-", "@")) for value in row)


def test_empty_export_has_just_the_header():
    stream = io.StringIO(newline="")
    assert write_contacts_csv([], stream) == 0
    assert stream.getvalue() == ",".join(HEADER) + "\r\n"
