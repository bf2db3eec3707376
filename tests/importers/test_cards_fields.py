"""core.cards: from lines on a card to fields, without OCR (fast, exact cases)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.cards import (
    CardLine,
    OcrWord,
    clean_email,
    group_lines,
    name_from_profile_slug,
    profile_url,
    read_card_lines,
    read_mecard,
    split_name,
)


def lines(*texts: str, big: int = 0) -> list[CardLine]:
    """One line per text, top to bottom, all at the left edge; the line numbered ``big`` in large type."""
    return [CardLine(text, 40, 60 * number, 50 if number == big else 30) for number, text in enumerate(texts)]


@pytest.mark.parametrize(
    ("written", "first", "last", "academic"),
    [
        ("Dr. Katrin Vogel", "Katrin", "Vogel", "Dr."),
        ("Prof. Dr. Thomas Weißenborn", "Thomas", "Weißenborn", "Prof. Dr."),
        ("Dipl.-Ing. Jörg Özdemir", "Jörg", "Özdemir", "Dipl.-Ing."),
        ("Stefan Lüdtke, MBA", "Stefan", "Lüdtke", "MBA"),
        ("VOGEL, Katrin", "Katrin", "Vogel", ""),
        ("Katrin VOGEL", "Katrin", "Vogel", ""),
        ("Anna von der Heyde", "Anna", "von der Heyde", ""),
        ("Nguyen Thi Lan", "Thi Lan", "Nguyen", ""),
        ("James O'Connor", "James", "O'Connor", ""),
    ],
)
def test_names_on_cards(written, first, last, academic):
    got_first, got_last, _written, got_academic = split_name(written)
    assert (got_first, got_last, got_academic) == (first, last, academic)


def test_vietnamese_name_keeps_its_written_order():
    assert split_name("Nguyen Thi Lan")[2] == "Nguyen Thi Lan"


def test_a_german_card():
    fields = read_card_lines(
        lines(
            "Elbe Terminal GmbH",
            "Dr. Katrin Vogel",
            "Leiterin Kontraktlogistik",
            "Tel. +49 (0)40 123456",
            "Mobil: +49 171 9876543",
            "Fax +49 40 123457",
            "katrin.vogel @ elbe-terminal.de",
            "www.elbe-terminal.de",
            "Am Sandtorkai 12 · 20457 Hamburg",
            big=1,
        )
    )
    assert (fields.first_name, fields.last_name, fields.academic_title) == ("Katrin", "Vogel", "Dr.")
    assert fields.title == "Leiterin Kontraktlogistik"
    assert fields.organization == "Elbe Terminal GmbH"
    assert fields.emails == ["katrin.vogel@elbe-terminal.de"]
    assert fields.phones == ["+49 40 123456", "+49 171 9876543"]  # the fax is not a phone to call
    assert (fields.street, fields.postal_code, fields.city) == ("Am Sandtorkai 12", "20457", "Hamburg")
    assert fields.web == "www.elbe-terminal.de"


def test_an_english_card_with_t_and_m_and_a_name_over_two_lines():
    fields = read_card_lines(
        lines(
            "Priya Raman",
            "Regional Director APAC",
            "Harbour Logistics",
            "Pte. Ltd.",
            "T +65 6123 4567",
            "M +65 9123 4567",
            "priya.raman@harbour-logistics.com.sg",
            "1 Harbourfront Avenue",
            "Singapore 098632",
            big=0,
        )
    )
    assert (fields.first_name, fields.last_name) == ("Priya", "Raman")
    assert fields.title == "Regional Director APAC"
    assert fields.organization == "Harbour Logistics Pte. Ltd."
    assert fields.phones == ["+65 6123 4567", "+65 9123 4567"]
    assert fields.city == "Singapore"


def test_a_name_misread_by_ocr_is_spelled_as_the_address_has_it():
    fields = read_card_lines(lines("Stefan Ludtke", "Vertriebsleiter", "stefan.luedtke@luedtke-logistik.de"))
    assert fields.last_name == "Lüdtke"


def test_words_split_by_ocr_join_and_columns_stay_apart():
    words = [
        OcrWord("sabine.krueger@krueger-so", 100, 400, 500, 40),
        OcrWord("ehne.de", 603, 392, 140, 36),
        OcrWord("GmbH", 10, 200, 90, 40),
        OcrWord("Hamburg", 400, 202, 150, 40),
    ]
    assert [line.text for line in group_lines(words)] == [
        "GmbH",
        "Hamburg",
        "sabine.krueger@krueger-soehne.de",
    ]


@pytest.mark.parametrize(
    ("text", "email"),
    [
        ("E-Mail: anna.weber@example.de", "anna.weber@example.de"),
        ("thomas weissenborn@fraunhofer.de", "thomas.weissenborn@fraunhofer.de"),
        ("info@example de", "info@example.de"),
        ("no address here", ""),
    ],
)
def test_email_repairs(text, email):
    assert clean_email(text) == email


def test_qr_codes_mecard_and_profiles():
    mecard = read_mecard("MECARD:N:Schäfer,Anja;ORG:Nordsee Spedition GmbH;TEL:+4915112345678;EMAIL:a@n.de;;")
    assert (mecard.first_name, mecard.last_name, mecard.organization) == (
        "Anja",
        "Schäfer",
        "Nordsee Spedition GmbH",
    )
    assert mecard.phones == ["+4915112345678"]
    assert read_mecard("BEGIN:VCARD") is None
    assert profile_url("https://de.linkedin.com/in/emily-carter-7b21a9/") == (
        "linkedin",
        "https://www.linkedin.com/in/emily-carter-7b21a9",
    )
    assert profile_url("xing.com/profile/Joerg_Oezdemir")[0] == "xing"
    assert profile_url("https://example.com") is None
    assert name_from_profile_slug("https://www.linkedin.com/in/emily-carter-7b21a9") == "Emily Carter"


@given(st.lists(st.text(max_size=60), max_size=12))
def test_any_text_gives_fields_or_nothing(texts):
    fields = read_card_lines(lines(*texts))
    assert all("@" in email for email in fields.emails)
    assert isinstance(fields.full_name, str)
