from __future__ import annotations

import pytest

from vernetzt.importers.records import Birthday, ImportFormatError
from vernetzt.importers.vcard import parse_vcards, split_escaped, unescape


def _parse(read_data, name):
    return parse_vcards(read_data(name), filename=name.rsplit("/", 1)[-1])


def test_apple_and_v4_sample(read_data):
    result = _parse(read_data, "samples/contacts.vcf")
    minh, clara = result.records
    assert result.errors == []
    assert (minh.first_name, minh.last_name, minh.full_name) == ("Minh", "Hoang", "Minh Hoang")
    assert (minh.organization, minh.department) == ("Saigon Port Logistics", "Operations")
    assert (minh.city, minh.country) == ("Ho Chi Minh City", "Vietnam")
    assert minh.linkedin_url == "https://www.linkedin.com/in/minhhoang"
    assert minh.birthday == Birthday(11, 2)
    assert minh.notes == "Plays football on Sundays; asked about automated high-bay warehouses."
    assert clara.line == 16
    assert clara.organization == "Mekong Cold Chain Co., Ltd."
    assert clara.birthday == Birthday(2, 29)
    assert clara.xing_url == "https://www.xing.com/profile/Clara_Nguyen"


def test_xing_v21_quoted_printable_latin1(read_data):
    [guenter] = _parse(read_data, "samples/xing_contact_v21.vcf").records
    assert (guenter.first_name, guenter.last_name, guenter.full_name) == ("Günter", "König", "Günter König")
    assert guenter.phones == ["+49 40 1234567"]
    assert guenter.birthday == Birthday(5, 11, 1968)


@pytest.fixture
def ugly(read_data):
    return parse_vcards(read_data("ugly/many_cards.vcf"), filename="many_cards.vcf")


def test_v21_soft_line_breaks_charsets_and_photo_block(ugly):
    hans = ugly.records[0]
    assert hans.full_name == "Hans-Jürgen Müller-Lüdenscheidt"
    assert hans.notes == "Erste Zeile\nZweite Zeile mit sehr langem Text, der umbrochen wurde: äöü Ende"
    assert (hans.organization, hans.department) == ("Büro für Größe", "Geschäftsleitung")
    assert hans.emails == ["hj@example.com"] and hans.phones == ["+49 171 9876543"]
    assert hans.birthday == Birthday(4, 15)


def test_apple_groups_social_profile_without_url_and_omitted_year(ugly):
    lan = ugly.records[1]
    assert (lan.organization, lan.department) == ("Hanoi Freight, JSC", "Sales; Marketing")
    assert lan.title == "Giám đốc kinh doanh"
    assert lan.emails == ["lan@example.vn"]
    assert lan.linkedin_url == "https://www.linkedin.com/in/lan-ngo-88"
    assert lan.xing_url == "https://www.xing.com/profile/Lan_Ngo2"
    assert lan.other_urls == ["http://example.vn/blog"]
    assert lan.birthday == Birthday(4, 15)
    assert lan.labels == ["Asien", "Kunden, wichtig"]
    assert lan.source_key == "8D5F2E1C-1111-4A2B-9C3D-ABCDEF012345"
    assert "Emoji 🚢" in lan.notes and lan.notes.endswith("eine zweite Zeile hat.")


def test_fold_inside_a_utf8_sequence_is_rejoined(ugly):
    assert ugly.records[2].notes == "Grüße"
    assert ugly.records[2].birthday == Birthday(5, 11, 1968)


def test_v4_uris_and_preferred_address(ugly):
    kai = ugly.records[3]
    assert kai.emails == ["kai@example.com"] and kai.phones == ["+65-6123-4567"]
    assert (kai.city, kai.country) == ("Singapore", "Singapore")
    assert kai.linkedin_url == "https://www.linkedin.com/in/kai-sun"


def test_bad_cards_are_reported_good_ones_kept(ugly):
    assert [(e.line, e.code, e.field, e.dropped) for e in ugly.errors] == [
        (58, "invalid_date", "BDAY", False),
        (60, "empty_card", "", True),
    ]
    assert ugly.records[4].full_name == "Bad Birthday" and ugly.records[4].birthday is None


def test_nested_agent_card_does_not_leak_into_its_parent(ugly):
    boss = ugly.records[-1]
    assert boss.full_name == "Big Boss"
    assert boss.emails == ["boss@example.com"]
    assert len(ugly.records) == 6


def test_truncated_file_is_refused_naming_the_card(read_data):
    with pytest.raises(ImportFormatError) as caught:
        _parse(read_data, "ugly/truncated.vcf")
    assert (caught.value.code, caught.value.line) == ("truncated_vcard", 6)
    assert "6" in str(caught.value)


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"First Name,Last Name\nAnna,Voss\n", "not_vcard"),
        (b"\x89PNG\r\n\x1a\n\x00", "binary_file"),
        (b"END:VCARD\r\n", "not_vcard"),
    ],
)
def test_files_without_cards_are_refused(data, code):
    with pytest.raises(ImportFormatError) as caught:
        parse_vcards(data, filename="x.vcf")
    assert caught.value.code == code


@pytest.mark.parametrize(
    ("value", "birthday"),
    [
        ("--0415", Birthday(4, 15)),
        ("--04-15", Birthday(4, 15)),
        ("19680511", Birthday(5, 11, 1968)),
        ("1968-05-11", Birthday(5, 11, 1968)),
        ("1968-05-11T00:00:00Z", Birthday(5, 11, 1968)),
        ("1604-11-02", Birthday(11, 2)),
        ("0000-03-01", Birthday(3, 1)),
    ],
)
def test_birthday_forms(value, birthday):
    data = f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:X\r\nBDAY:{value}\r\nEND:VCARD\r\n".encode()
    assert parse_vcards(data, filename="b.vcf").records[0].birthday == birthday


def test_utf16_file_and_lf_line_ends():
    text = "BEGIN:VCARD\nVERSION:3.0\nFN:Jürgen Weiß\nEND:VCARD\n"
    for data in ("\ufeff" + text).encode("utf-16-le"), text.encode("utf-8"):
        assert parse_vcards(data, filename="u.vcf").records[0].full_name == "Jürgen Weiß"


def test_escapes_and_splitting():
    assert split_escaped(r"a\;b;c\\;d", ";") == [r"a\;b", r"c\\", "d"]
    assert unescape(r"a\,b\;c\nd\\e\Nf\x") == "a,b;c\nd\\e\nf\\x"


_PHOTO_LINE = b"/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0a"


def _photo_card(photo_lines: int, *, version: str = "3.0") -> bytes:
    photo = b"\r\n ".join([_PHOTO_LINE] * photo_lines)
    return (
        b"BEGIN:VCARD\r\nVERSION:" + version.encode() + b"\r\nN:Foto;Paula;;;\r\nFN:Paula Foto\r\n"
        b"PHOTO;ENCODING=b;TYPE=JPEG:" + photo + b"\r\nTITLE:Leiterin\r\n  Einkauf\r\nEND:VCARD\r\n"
        b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Nach Foto\r\nEMAIL:nach@example.com\r\nEND:VCARD\r\n"
    )


def test_a_photo_is_dropped_while_unfolding():
    """Photos are dropped (vernetzt stores no pictures): their folded lines are skipped while
    unfolding, so a 5 MB photo costs one pass over its bytes instead of being rebuilt line by line."""
    from vernetzt.importers.vcard import _logical_lines

    data = _photo_card(100_000)
    photo = next(content for _, content in _logical_lines(data) if content.startswith(b"PHOTO"))
    assert photo == b"PHOTO;ENCODING=b;TYPE=JPEG:" + _PHOTO_LINE
    result = parse_vcards(data, filename="foto.vcf")
    assert [r.full_name for r in result.records] == ["Paula Foto", "Nach Foto"]
    assert result.records[0].title == "Leiterin Einkauf"
