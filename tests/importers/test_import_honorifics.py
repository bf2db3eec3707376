"""Frau/Herr and academic titles from the address books that store them, through to the person."""

from __future__ import annotations

import pytest

from vernetzt.importers.contacts_csv import parse_contacts_csv
from vernetzt.importers.honorifics import split_honorific
from vernetzt.importers.vcard import parse_vcards
from vernetzt.people.models import Person
from vernetzt.transfer.services import import_contacts, import_vcards


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        ("Frau Dr.", ("Frau", "Dr.")),
        ("Herr Prof. Dr.", ("Herr", "Prof. Dr.")),
        ("Mr.", ("Herr", "")),
        ("Ms", ("Frau", "")),
        ("Mrs. Dr", ("Frau", "Dr.")),
        ("Dr. med.", ("", "Dr. med.")),
        ("Dr.-Ing.", ("", "Dr.-Ing.")),
        ("Mag.", ("", "Mag.")),
        ("Dipl.-Kfm.", ("", "")),  # not used in a salutation
        ("Sir", ("Herr", "")),
        ("", ("", "")),
    ],
)
def test_split_honorific(prefix, expected):
    assert split_honorific(prefix) == expected


VCARD = (
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Raman;Priya;;Frau Dr.;\r\nFN:Priya Raman\r\n"
    b"EMAIL:priya@example.com\r\nEND:VCARD\r\n"
    b"BEGIN:VCARD\r\nVERSION:3.0\r\nN:Ortmann;Daniel;;;\r\nFN:Daniel Ortmann\r\nEND:VCARD\r\n"
)
OUTLOOK_DE = (
    "Anrede;Vorname;Weitere Vornamen;Nachname;Suffix;Firma;Position;E-Mail-Adresse\r\n"
    "Herr Prof. Dr.;Jürgen;;Schäfer;;NordLager Logistik GmbH;Geschäftsführer;js@example.com\r\n"
    "Frau;Anna;;Weber;;Rhein Cargo GmbH;Disponentin;aw@example.com\r\n"
).encode("cp1252")
OUTLOOK_EN = (
    b"Title,First Name,Middle Name,Last Name,Suffix,Company,Job Title,E-mail Address\r\n"
    b"Ms.,Fiona,,Gallagher,,Shannon Distribution Ltd,Supply Chain Director,fiona@example.com\r\n"
)


def test_parsers_read_the_prefix():
    (priya, daniel) = parse_vcards(VCARD, filename="c.vcf").records
    assert (priya.title_of_address, priya.academic_title, priya.first_name) == ("Frau", "Dr.", "Priya")
    assert (daniel.title_of_address, daniel.academic_title) == ("", "")
    german = parse_contacts_csv(OUTLOOK_DE, filename="outlook.csv").records
    assert [(r.title_of_address, r.academic_title) for r in german] == [("Herr", "Prof. Dr."), ("Frau", "")]
    (fiona,) = parse_contacts_csv(OUTLOOK_EN, filename="outlook.csv").records
    assert (fiona.title_of_address, fiona.title) == ("Frau", "Supply Chain Director")


@pytest.mark.django_db
def test_imports_store_it_on_the_person(user):
    import_vcards(owner=user, sources=[VCARD], filenames=["c.vcf"])
    import_contacts(owner=user, source=OUTLOOK_DE, filename="outlook.csv")
    people = {p.display_name: p for p in Person.objects.for_user(user)}
    assert (people["Priya Raman"].title_of_address, people["Priya Raman"].academic_title) == ("Frau", "Dr.")
    assert (people["Jürgen Schäfer"].title_of_address, people["Jürgen Schäfer"].academic_title) == (
        "Herr",
        "Prof. Dr.",
    )
