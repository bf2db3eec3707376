from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.exporters.vcard import escape_text, fold_line, format_birthday, render_vcards
from vernetzt.importers.records import Birthday, ContactRecord


def _person(**fields) -> ContactRecord:
    return ContactRecord(line=0, source="export", **fields)


def test_card_layout_crlf_and_profiles():
    text = render_vcards(
        [
            _person(
                first_name="Katrin",
                last_name="Vogel",
                full_name="Katrin Vogel",
                organization="Elbe Terminal",
                department="Kontraktlogistik",
                linkedin_url="https://www.linkedin.com/in/katrin-vogel-3a1b2c",
                birthday=Birthday(4, 15),
            )
        ]
    )
    assert text.endswith("END:VCARD\r\n")
    assert "\n" not in text.replace("\r\n", "")
    lines = text.replace("\r\n ", "").split("\r\n")
    assert lines[:4] == ["BEGIN:VCARD", "VERSION:3.0", "N:Vogel;Katrin;;;", "FN:Katrin Vogel"]
    assert "ORG:Elbe Terminal;Kontraktlogistik" in lines
    assert "URL:https://www.linkedin.com/in/katrin-vogel-3a1b2c" in lines
    assert "X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/katrin-vogel-3a1b2c" in lines
    assert "BDAY:--04-15" in lines


def test_card_without_name_gets_a_display_name():
    lines = render_vcards([_person(emails=["x@example.com"])]).split("\r\n")
    assert "FN:x@example.com" in lines


@pytest.mark.parametrize(
    ("value", "escaped"),
    [("a,b;c\\d\ne", "a\\,b\\;c\\\\d\\ne"), ("  plain  ", "plain"), ("line\r\nbreak", "line\\nbreak")],
)
def test_escape_text(value, escaped):
    assert escape_text(value) == escaped


@pytest.mark.parametrize(
    ("birthday", "text"),
    [
        (Birthday(5, 11, 1968), "1968-05-11"),
        (Birthday(2, 29), "--02-29"),
        (Birthday(12, 1, 1900), "1900-12-01"),
    ],
)
def test_format_birthday(birthday, text):
    assert format_birthday(birthday) == text


@given(st.text(st.characters(exclude_categories=("Cs",)), max_size=300))
def test_folding_limits_octets_and_never_splits_a_character(value):
    line = "NOTE:" + value.replace("\r", "").replace("\n", "")
    folded = fold_line(line)
    physical = folded.split("\r\n ")
    assert all(len(part.encode("utf-8")) <= 75 for part in physical)
    assert "".join(physical) == line
    assert all(part for part in physical)
