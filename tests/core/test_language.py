from __future__ import annotations

import pytest

from vernetzt.core.language import (
    check_language,
    language_code,
    language_name,
    message_language,
    normalize_language,
    notable_languages,
    text_language,
)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("de", "de"),
        ("de-at", "de"),
        ("DE-CH", "de"),
        ("en", "en"),
        ("en-gb", "en"),
        ("fr", "en"),
        ("", "en"),
        (None, "en"),
    ],
)
def test_normalize_language(code, expected):
    assert normalize_language(code) == expected


def test_check_language_refuses_what_vernetzt_does_not_speak():
    assert check_language("de") == "de"
    with pytest.raises(ValueError, match="unsupported language: 'fr'"):
        check_language("fr")


@pytest.mark.parametrize(
    ("languages", "country", "fallback", "expected"),
    [
        (["Deutsch", "Englisch"], "SG", "en", "de"),  # a German in Singapore reads German
        (["German"], "", "en", "de"),
        (["de"], "US", "en", "de"),
        (["English", "Vietnamese"], "DE", "de", "en"),  # speaks no German, even in Germany
        ([], "AT", "en", "de"),
        ([], "ch", "en", "de"),
        ([], "VN", "de", "en"),
        ([" ", ""], "", "de", "de"),  # blank entries are no information: the user's language
        ([], "", "en", "en"),
    ],
)
def test_message_language(languages, country, fallback, expected):
    assert message_language(languages=languages, country=country, fallback=fallback) == expected


@pytest.mark.parametrize(
    ("languages", "country", "notable"),
    [
        (["Deutsch", "Englisch"], "DE", []),
        (["Englisch", "Tamil"], "SG", []),  # Tamil is an official language of Singapore
        (["Deutsch", "Vietnamesisch", "vietnamese"], "DE", ["Vietnamesisch"]),
        (["German", "English"], "VN", ["German"]),
        (["Französisch"], "CH", []),
        (["Spanisch"], "", ["Spanisch"]),
    ],
)
def test_notable_languages(languages, country, notable):
    assert notable_languages(languages, country=country) == notable


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Tochter hat gerade in Singapur mit dem Studium angefangen", "de"),
        ("segelt am Wochenende auf dem Phoenix-See", "de"),
        ("läuft im Herbst den Berlin-Marathon", "de"),
        ("your daughter's first term at NUS", "en"),
        ("moving to Singapore next year", "en"),
        ("Segeln", None),
        ("NUS", None),
        # A quoted English name inside a German note leaves the note German.
        ("Auszeichnung „Supply Chain Leader of the Year“ erhalten", "de"),
        ("won the “Goldene Palette” award", "en"),
        ("Auszeichnung erhalten", "de"),
        ("Nachhaltigkeit", "de"),
        ("a young English engineer", "en"),
    ],
)
def test_text_language(text, lang):
    assert text_language(text) == lang


def test_language_names_and_codes():
    assert language_code("Deutsch") == language_code("german") == "de"
    assert language_name("Vietnamesisch", "en") == "Vietnamese"
    assert language_name("tamil", "de") == "Tamil"
    assert language_name("Elbisch", "en") == "Elbisch"
