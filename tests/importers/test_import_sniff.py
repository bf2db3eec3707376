from __future__ import annotations

import codecs
import csv
import io
import zipfile

import pytest

from vernetzt.importers.records import ImportFormatError
from vernetzt.importers.sniff import decode_text, read_table


def _zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("a.csv", "x")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (codecs.BOM_UTF8 + "Grüße".encode(), "utf-8-sig", "Grüße"),
        ("Grüße".encode(), "utf-8", "Grüße"),
        ("Müller;Œuvre;„Zitat“ – 5 €".encode("cp1252"), "cp1252", "Müller;Œuvre;„Zitat“ – 5 €"),
        ("Schäfer;Björn;Öztürk".encode("latin-1"), "cp1252", "Schäfer;Björn;Öztürk"),
        (codecs.BOM_UTF16_LE + "Ärger\tÖl".encode("utf-16-le"), "utf-16", "Ärger\tÖl"),
        (codecs.BOM_UTF16_BE + "Ärger\tÖl".encode("utf-16-be"), "utf-16", "Ärger\tÖl"),
    ],
)
def test_decode_text(data, encoding, text):
    assert decode_text(data, filename="f.csv") == (text, encoding)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
        (b"%PDF-1.7\n", "PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", "old Office document (.xls/.doc)"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"name,email\n\x00\x01\x02", "binary data"),
        (bytes(range(1, 32)) * 20, "binary data"),
    ],
)
def test_binaries_are_refused_with_their_kind(data, kind):
    with pytest.raises(ImportFormatError) as caught:
        decode_text(data, filename="kontakte.csv")
    assert caught.value.code == "binary_file"
    assert caught.value.params["kind"] == kind
    assert "kontakte.csv" in str(caught.value)


def test_zip_is_refused_where_text_is_expected():
    with pytest.raises(ImportFormatError, match="zip archive"):
        decode_text(_zip(), filename="c.csv")


@pytest.mark.parametrize("data", [b"", b"   \r\n\r\n", codecs.BOM_UTF8])
def test_empty_files_are_refused(data):
    with pytest.raises(ImportFormatError) as caught:
        decode_text(data, filename="leer.csv")
    assert caught.value.code == "empty_file"


def _is_header(cells):
    return cells[:2] == ["Name", "Firma"]


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_read_table_finds_delimiter_and_header_after_preamble(delimiter):
    text = (
        'Teilnehmerliste, Stand 1. März\r\n"Hinweis: bitte; nicht | weitergeben"\r\n\r\n'
        + delimiter.join(["Name", "Firma", "Ort"])
        + "\r\n"
        + delimiter.join(["Anna", '"Kühn, Brandt & Partner; KG"', "Köln"])
        + "\r\n"
        + delimiter.join(["Bernd", '"zwei\r\nZeilen"', "Bonn"])
        + "\r\n"
        + delimiter.join(["Carla", "X", "Ulm"])
        + "\r\n"
    )
    table = read_table(text.encode("cp1252"), filename="t.csv", is_header=_is_header, expected="Name, Firma")
    assert table.delimiter == delimiter
    assert table.header_line == 4
    assert table.encoding == "cp1252"
    assert [line for line, _ in table.rows] == [5, 6, 8]
    assert table.rows[0][1] == ["Anna", "Kühn, Brandt & Partner; KG", "Köln"]
    assert table.rows[1][1][1] == "zwei\r\nZeilen"


def test_read_table_without_known_header_names_what_it_expected():
    with pytest.raises(ImportFormatError) as caught:
        read_table(b"a,b,c\n1,2,3\n", filename="t.csv", is_header=_is_header, expected="Name, Firma")
    assert caught.value.code == "no_header"
    assert "Name, Firma" in str(caught.value)


def test_stray_nul_late_in_a_text_file_is_dropped_not_fatal():
    text = "Name,Firma\r\n" + "Anna,X\r\n" * 600 + "Be\x00rnd,Y\r\n"
    table = read_table(text.encode(), filename="t.csv", is_header=_is_header, expected="Name")
    assert table.rows[-1] == (602, ["Bernd", "Y"])


def test_oversized_field_is_reported_with_its_line():
    limit = csv.field_size_limit(1000)
    try:
        data = ("Name,Firma\r\nAnna,X\r\nBernd," + "y" * 2000 + "\r\n").encode()
        with pytest.raises(ImportFormatError) as caught:
            read_table(data, filename="t.csv", is_header=_is_header, expected="Name")
    finally:
        csv.field_size_limit(limit)
    assert (caught.value.code, caught.value.line) == ("unreadable_csv", 3)
