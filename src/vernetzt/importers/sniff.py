"""From uploaded bytes to decoded text and table rows, refusing what is not text.

Encoding: a BOM decides; otherwise strict UTF-8; otherwise charset-normalizer chooses among the legacy
Western encodings that address-book exports use (Windows-1252 first: it is what Excel and Outlook write
on Western Windows, and a superset of ISO-8859-1 for every printable character).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import charset_normalizer

from vernetzt.importers.records import (
    MAX_IMPORT_ROWS,
    ImportFormatError,
    clean_text,
    fold_header,
    refuse_too_many,
)

csv.field_size_limit(16 * 1024 * 1024)

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Office document (.xls/.doc)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "program file"),
    (b"SQLite format 3\x00", "SQLite database"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "mac_roman", "cp850"]
DELIMITERS = (",", ";", "\t", "|")
HEADER_SCAN_ROWS = 25


def binary_kind(data: bytes) -> str:
    """What `data` looks like when it is not text (file magic or NUL bytes), else ""."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if any(data.startswith(bom) for bom, _ in _BOMS):
        return ""
    if b"\x00" in data[:4096]:
        return "binary data"
    return ""


def refuse_binary(data: bytes, *, filename: str) -> None:
    if kind := binary_kind(data):
        raise ImportFormatError("binary_file", filename=filename, kind=kind)


def decode_text(data: bytes, *, filename: str) -> tuple[str, str]:
    """(text, encoding name) for `data`, or ImportFormatError for binaries and empty files."""
    refuse_binary(data, filename=filename)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(encoding), filename=filename), encoding
            except UnicodeDecodeError:
                raise ImportFormatError("undecodable", filename=filename) from None
    try:
        return _checked(data.decode("utf-8"), filename=filename), "utf-8"
    except UnicodeDecodeError:
        pass
    encoding = guess_legacy_encoding(data)
    return _checked(data.decode(encoding, errors="replace"), filename=filename), encoding


# Letters a German or Western European address book is full of; decoded with the wrong code page they
# turn into symbols ("Schlüssel" in Windows-1252 read as DOS cp850 is "Schl³ssel").
_EXPECTED_LETTERS = frozenset("äöüÄÖÜßéèáàçñøåæ")
_TYPOGRAPHY = frozenset("„“”‘’‚–—€…•«»°§Œœ")  # common in Windows files, neither for nor against


def guess_legacy_encoding(data: bytes) -> str:
    best = charset_normalizer.from_bytes(data[:65536], cp_isolation=LEGACY_ENCODINGS).best()
    guess = "cp1252" if best is None or best.encoding in ("iso8859_15", "latin_1") else best.encoding
    # cp1252 agrees with ISO 8859-15 and Latin-1 on letters and also knows the typographic quotes and
    # the euro sign. charset_normalizer sometimes takes a Windows file for DOS or Mac: where another
    # code page reads more of the letters these files hold, that one wins.
    sample = data[:65536]
    return max(dict.fromkeys([guess, *LEGACY_ENCODINGS]), key=lambda name: _letters_read(sample, name))


def _letters_read(data: bytes, encoding: str) -> int:
    text = data.decode(encoding, errors="replace")
    expected = sum(1 for ch in text if ch in _EXPECTED_LETTERS)
    odd = sum(1 for ch in text if ord(ch) > 127 and ch not in _EXPECTED_LETTERS and ch not in _TYPOGRAPHY)
    return expected - odd


def _checked(text: str, *, filename: str) -> str:
    # A stray NUL deep inside a text file is damage, not content, and would stop the csv module.
    text = text.replace("\x00", "")
    if not text.strip():
        raise ImportFormatError("empty_file", filename=filename)
    sample = text[:4096]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\r\n\f\v")
    if controls > max(2, len(sample) // 100):
        raise ImportFormatError("binary_file", filename=filename, kind="binary data")
    return text


@dataclass
class Table:
    """Rows after the header row, each with the 1-based line on which it starts in the file."""

    header: list[str]
    header_line: int
    rows: list[tuple[int, list[str]]]
    delimiter: str
    encoding: str


def iter_rows(
    text: str, delimiter: str, *, filename: str, max_rows: int = MAX_IMPORT_ROWS
) -> list[tuple[int, list[str]]]:
    """All rows with their starting line; quoted fields may span lines. Reading stops once there are
    more than ``max_rows`` (plus room for a preamble and the header), so memory stays bounded."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    start = 1
    try:
        for row in reader:
            rows.append((start, row))
            start = reader.line_num + 1
            if len(rows) > max_rows + HEADER_SCAN_ROWS:
                refuse_too_many(len(rows), filename=filename, max_rows=max_rows)
    except csv.Error:
        # Only a field beyond csv.field_size_limit gets here (NULs are removed while decoding).
        raise ImportFormatError("unreadable_csv", filename=filename, line=start) from None
    return rows


def read_table(
    data: bytes,
    *,
    filename: str,
    is_header: Callable[[Sequence[str]], bool],
    expected: str,
    delimiters: Sequence[str] = DELIMITERS,
    max_rows: int = MAX_IMPORT_ROWS,
) -> Table:
    """Decode `data`, find the delimiter and header row `is_header` accepts, and return the rows below.

    The header may follow a preamble (LinkedIn's "Notes:" block), so it is searched, not assumed.
    """
    text, encoding = decode_text(data, filename=filename)
    head = _head(text)
    best: tuple[int, int, str] | None = None
    for delimiter in delimiters:
        for index, row in enumerate(_first_rows(head, delimiter)):
            cells = [cell.strip().lstrip("\ufeff") for cell in row]
            if is_header(cells):
                candidate = (len(cells), -index, delimiter)
                if best is None or candidate > best:
                    best = candidate
                break
    if best is None:
        raise ImportFormatError("no_header", filename=filename, expected=expected)
    _, negative_index, delimiter = best
    rows = iter_rows(text, delimiter, filename=filename, max_rows=max_rows)
    refuse_too_many(len(rows) + negative_index - 1, filename=filename, max_rows=max_rows)
    header_line, header = rows[-negative_index]
    return Table(
        header=[cell.strip().lstrip("\ufeff") for cell in header],
        header_line=header_line,
        rows=rows[-negative_index + 1 :],
        delimiter=delimiter,
        encoding=encoding,
    )


def _first_rows(text: str, delimiter: str) -> list[list[str]]:
    """Up to HEADER_SCAN_ROWS rows for header detection; an unreadable row ends the scan early."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
            if len(rows) == HEADER_SCAN_ROWS:
                break
    except csv.Error:
        pass
    return rows


def _head(text: str) -> str:
    """Enough of the text to contain the header row, cut at a line end."""
    if len(text) <= 65536:
        return text
    cut = text.rfind("\n", 0, 65536)
    return text[: cut if cut > 0 else 65536]


def is_blank(row: Sequence[str]) -> bool:
    return not any(cell.strip() for cell in row)


class Columns:
    """Column lookup by tolerant header name (see `fold_header`); the first matching column wins."""

    def __init__(self, header: Sequence[str]) -> None:
        self.index: dict[str, int] = {}
        for position, name in enumerate(header):
            self.index.setdefault(fold_header(name), position)
        self.header = list(header)

    def has(self, *names: str) -> bool:
        return any(fold_header(name) in self.index for name in names)

    def position(self, *names: str) -> int | None:
        for name in names:
            position = self.index.get(fold_header(name))
            if position is not None:
                return position
        return None

    def name(self, *names: str) -> str:
        """The header as spelled in the file, for error messages."""
        position = self.position(*names)
        return self.header[position] if position is not None else names[0]

    def get(self, row: Sequence[str], *names: str) -> str:
        position = self.position(*names)
        if position is None or position >= len(row):
            return ""
        return clean_text(row[position])


def cell(row: Sequence[str], position: int | None) -> str:
    """The cleaned cell at `position` (resolved once per file via `Columns.position`), "" if absent."""
    if position is None or position >= len(row):
        return ""
    return clean_text(row[position])
