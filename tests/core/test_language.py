from __future__ import annotations

import pytest

from vernetzt.core.language import check_language, message_language, normalize_language


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
