import pytest

from vernetzt.core.terms import common_label, term_in


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Segeln", "en", "sailing"),
        ("sailing", "de", "Segeln"),
        ("Singapur", "en", "Singapore"),
        ("ho-chi-minh-stadt", "en", "Ho Chi Minh City"),
        ("Köln", "de", "Köln"),
        ("Kühlketten", "en", "cold chains"),
        ("Dortmund", "en", "Dortmund"),
        (" Modelleisenbahn ", "en", "Modelleisenbahn"),
    ],
)
def test_term_in(text, lang, expected):
    assert term_in(text, lang) == expected


def test_common_label_by_kind():
    assert common_label("language", "Deutsch", "en") == "German"
    assert common_label("interest", "Laufen", "en") == "running"
    assert common_label("school", "TU Dortmund", "en") == "TU Dortmund"
