from __future__ import annotations

import pytest

from vernetzt.importers.contacts_csv import detect_layout, parse_contacts_csv, unescape_formula
from vernetzt.importers.records import Birthday, ImportFormatError


def _parse(read_data, name):
    return parse_contacts_csv(read_data(name), filename=name.rsplit("/", 1)[-1])


def test_google_current(read_data):
    result = _parse(read_data, "samples/google_contacts.csv")
    assert result.format == "google" and result.errors == []
    sven, mai = result.records
    assert sven.source == "google"
    assert sven.emails == ["sven@example.com", "sven.l@example.net"]
    assert sven.phones == ["+46 70 123 45 67"]
    assert (sven.organization, sven.title) == ("Nordic Freight AB", "Head of Operations")
    assert (sven.city, sven.country) == ("Göteborg", "Sweden")
    assert sven.labels == ["Logistik"]
    assert sven.linkedin_url == "https://www.linkedin.com/in/svenlindqvist"
    assert sven.birthday == Birthday(8, 2, 1979)
    assert sven.notes == "Met at the Nordic Logistics Forum"
    assert mai.birthday == Birthday(6, 21) and mai.line == 3


def test_google_legacy(read_data):
    result = _parse(read_data, "ugly/google_legacy.csv")
    assert result.format == "google_legacy"
    [ines] = result.records
    assert (ines.full_name, ines.first_name, ines.last_name) == ("Dr. Ines Albers", "Ines", "Albers")
    assert ines.emails == ["ines@example.com", "ines.albers@example.org"]
    assert ines.phones == ["+49 160 111", "+49 40 222"]
    assert (ines.organization, ines.title, ines.department) == ("Hanse Logistik", "Vorständin", "Finanzen")
    assert ines.labels == ["Alumni"]
    assert ines.linkedin_url == "https://www.linkedin.com/in/ines-albers"
    assert ines.birthday == Birthday(10, 3, 1975)


def test_outlook_english(read_data):
    result = _parse(read_data, "samples/outlook_en.csv")
    fiona, henk = result.records
    assert result.format == "outlook_en" and fiona.source == "outlook"
    assert fiona.birthday == Birthday(3, 9, 1984)
    assert (fiona.department, fiona.title, fiona.city) == ("Supply Chain", "Supply Chain Director", "Dublin")
    assert fiona.notes == "Sailing; kids at university in Galway"
    assert henk.birthday is None and henk.last_name == "de Boer"


def test_outlook_german_windows_1252_semicolons(read_data):
    result = _parse(read_data, "samples/outlook_de.csv")
    assert (result.format, result.encoding, result.delimiter) == ("outlook_de", "cp1252", ";")
    bjoern, juelide = result.records
    assert (bjoern.first_name, bjoern.last_name) == ("Björn", "Schäfer")
    assert bjoern.birthday == Birthday(7, 22, 1975) and bjoern.notes == "Fährt Rennrad"
    assert juelide.full_name == "Jülide Öztürk" and juelide.birthday is None


def test_outlook_english_from_a_german_windows(read_data):
    result = _parse(read_data, "ugly/outlook_en_cp1252.csv")
    assert (result.format, result.encoding) == ("outlook_en", "cp1252")
    juergen, siobhan, zoe = result.records
    assert juergen.organization == "Café Müller, Inh. J. Weiß"
    assert juergen.notes == "Zitat: „Qualität zählt“ – 5 € Trinkgeld"
    assert juergen.emails == ["juergen@example.com", "jw@example.net"]
    assert juergen.phones == ["+49 171 2345678"]
    assert juergen.labels == ["VIP", "Kunden"]
    # 25/12/1970 proves the file writes day first, so 3/4/1981 is 3 April.
    assert juergen.birthday == Birthday(12, 25, 1970) and siobhan.birthday == Birthday(4, 3, 1981)
    assert siobhan.last_name == "O'Neill"
    assert zoe.birthday is None
    assert [(e.line, e.code, e.field, e.dropped) for e in result.errors] == [
        (4, "no_name_or_email", "", True),
        (5, "invalid_date", "Birthday", False),
    ]


def test_german_bad_rows_do_not_stop_good_ones(read_data):
    result = _parse(read_data, "ugly/outlook_de_bad_rows.csv")
    kaethe, oemer = result.records
    assert kaethe.birthday is None and kaethe.phones == ["0171 1234567"]
    assert oemer.birthday == Birthday(3, 1, 1979) and oemer.labels == ["Logistik"]
    assert [(e.line, e.code, e.field) for e in result.errors] == [
        (2, "invalid_date", "Geburtstag"),
        (3, "no_name_or_email", ""),
    ]
    assert result.errors[0].params["value"] == "31.02.1980"


def test_unknown_header_lists_the_expected_columns():
    with pytest.raises(ImportFormatError) as caught:
        parse_contacts_csv(b"Nom,Prenom,Courriel\nDupont,Jean,j@x.fr\n", filename="contacts.csv")
    assert caught.value.code == "no_header"
    assert "E-mail 1 - Value" in str(caught.value) and "Vorname" in str(caught.value)


@pytest.mark.parametrize(
    ("header", "layout"),
    [
        (["First Name", "Last Name", "E-mail 1 - Value"], "google"),
        (["Given Name", "Family Name", "Name"], "google_legacy"),
        (["First Name", "Last Name", "E-mail Address"], "outlook_en"),
        (["Vorname", "Nachname", "E-Mail-Adresse"], "outlook_de"),
        (["First Name", "Last Name"], ""),
        (["Name", "Email"], ""),
    ],
)
def test_detect_layout(header, layout):
    assert detect_layout(header) == layout


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("'=1+1", "=1+1"),
        ("''=1", "'=1"),
        ("'+49 40", "+49 40"),
        ("'Ahmed", "'Ahmed"),
        ("'", "'"),
        ("=x", "=x"),
    ],
)
def test_unescape_formula(cell, value):
    assert unescape_formula(cell) == value


def test_image_renamed_to_csv_is_refused(read_data):
    with pytest.raises(ImportFormatError) as caught:
        _parse(read_data, "ugly/image_named.csv")
    assert caught.value.code == "binary_file" and caught.value.params["kind"] == "PNG image"
    assert "image_named.csv" in str(caught.value)
