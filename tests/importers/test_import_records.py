from __future__ import annotations

import pytest

from vernetzt.importers.records import (
    _FILE_MESSAGES,
    _ROW_MESSAGES,
    Birthday,
    ContactRecord,
    ImportFormatError,
    RowError,
    add_url,
    clean_text,
    describe_error,
    fold_header,
    normalize_linkedin_url,
    normalize_xing_url,
    slug_of,
)


@pytest.mark.parametrize(
    ("url", "slug"),
    [
        ("https://www.linkedin.com/in/katrin-vogel-3a1b2c", "katrin-vogel-3a1b2c"),
        ("https://de.linkedin.com/in/Katrin-Vogel-3a1b2c/?trk=abc", "katrin-vogel-3a1b2c"),
        ("linkedin.com/in/dortmann/", "dortmann"),
        ("http://m.linkedin.com/in/j%C3%BCrgen-wei%C3%9F", "jürgen-weiß"),
        ("https://www.linkedin.com/pub/anna-schmidt/12/345/678", "anna-schmidt"),
        ("https://www.linkedin.com/company/maersk", ""),
        ("https://www.linkedin.com/", ""),
        ("https://www.xing.com/profile/Clara_Nguyen", "Clara_Nguyen"),
        ("xing.com/profile/Clara_Nguyen/cv", "Clara_Nguyen"),
        ("https://www.xing.com/pages/firma", ""),
        ("https://evil.example/in/katrin", ""),
        ("https://linkedin.com.evil.example/in/katrin", ""),
        ("", ""),
        ("not a url at all", ""),
    ],
)
def test_slug_of(url, slug):
    assert slug_of(url) == slug


def test_normalized_profile_urls():
    assert (
        normalize_linkedin_url(" https://de.linkedin.com/in/Dortmann/ ")
        == "https://www.linkedin.com/in/dortmann"
    )
    assert (
        normalize_xing_url("http://xing.com/profile/Clara_Nguyen/cv")
        == "https://www.xing.com/profile/Clara_Nguyen"
    )
    assert normalize_linkedin_url("https://example.com/x") == "https://example.com/x"


def test_add_url_files_profiles_once_and_keeps_others():
    record = ContactRecord(line=1, source="vcard")
    for url in (
        "https://www.linkedin.com/in/a",
        "https://de.linkedin.com/in/A/",
        "https://www.linkedin.com/in/b",
        "https://xing.com/profile/X",
        "https://example.com",
        "https://example.com",
        "",
    ):
        add_url(record, url)
    assert record.linkedin_url == "https://www.linkedin.com/in/a"
    assert record.xing_url == "https://www.xing.com/profile/X"
    assert record.other_urls == ["https://www.linkedin.com/in/b", "https://example.com"]


@pytest.mark.parametrize(
    ("month", "day", "year"), [(2, 29, None), (2, 29, 2000), (12, 31, 1999), (1, 1, 1900)]
)
def test_valid_birthdays(month, day, year):
    assert Birthday(month=month, day=day, year=year).day == day


@pytest.mark.parametrize(
    ("month", "day", "year"),
    [(2, 29, 1999), (2, 30, None), (13, 1, None), (0, 1, 1980), (4, 31, None), (4, 15, 1604), (4, 15, 0)],
)
def test_invalid_birthdays(month, day, year):
    with pytest.raises(ValueError):
        Birthday(month=month, day=day, year=year)


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("  Anna ", "Anna"),
        ("a\r\nb\rc", "a\nb\nc"),
        ("a\x00b\x07", "ab"),
        ("tab\tinside", "tab\tinside"),
        ("", ""),
    ],
)
def test_clean_text(raw, clean):
    assert clean_text(raw) == clean


@pytest.mark.parametrize(
    ("header", "folded"),
    [
        ("E-Mail-Adresse", "emailadresse"),
        (" Straße geschäftlich ", "strassegeschaeftlich"),
        ("\ufeffFirst Name", "firstname"),
        ("Land/Region", "landregion"),
        ("Müller", "mueller"),
    ],
)
def test_fold_header(header, folded):
    assert fold_header(header) == folded


_ROW_PARAMS = {"invalid_date": {"value": "31.02.1980"}}


@pytest.mark.parametrize("code", sorted(_ROW_MESSAGES))
def test_every_row_error_reads_in_both_languages(code):
    err = RowError(
        line=7, code=code, params=_ROW_PARAMS.get(code, {}), field="Geburtstag", file="kontakte.csv"
    )
    german, english = describe_error(err, "de"), describe_error(err, "en")
    assert german != english
    assert "7" in german and "7" in english
    assert german.startswith("kontakte.csv: ")
    if "{field}" in _ROW_MESSAGES[code][1]:
        assert "Geburtstag" in german and "Geburtstag" in english


_FILE_PARAMS = {
    "binary_file": {"kind": "PNG image"},
    "no_header": {"expected": "First Name"},
    "zip_too_large": {"limit": "1024"},
    "file_too_large": {"limit": "25"},
    "too_many_rows": {"limit": "100\u202f000"},
    "image_too_large": {"limit": "60"},
    "no_tesseract": {"packages": "tesseract-ocr tesseract-ocr-deu tesseract-ocr-eng"},
}


@pytest.mark.parametrize("code", sorted(_FILE_MESSAGES))
def test_every_file_error_reads_in_both_languages(code):
    err = ImportFormatError(code, filename="x.csv", line=3, **_FILE_PARAMS.get(code, {}))
    german, english = describe_error(err, "de"), describe_error(err, "en")
    assert german != english
    assert "x.csv" in german and "x.csv" in english
    assert str(err) == english
    assert "{" not in german + english


def test_german_messages_use_umlauts_not_substitutes():
    german = " ".join(text for text, _ in (*_ROW_MESSAGES.values(), *_FILE_MESSAGES.values()))
    assert "ae" not in german.replace("Kopfzeile", "")
    assert "übersprungen" in german


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)//www.linkedin.com/in/x", "data:text/html,linkedin.com/in/x", "vbscript:msgbox(1)"],
)
def test_script_urls_from_files_never_become_profile_links(url):
    assert normalize_linkedin_url(url) == "" and normalize_xing_url(url) == ""
