"""Which kind of import a file is, told by its content: people pick the wrong entry in a list, or a
phone names its vCard export "contacts.csv".

Only what is unmistakable counts: a zip with Connections.csv or a Connections header is a LinkedIn
export, text starting with BEGIN:VCARD is vCards, a Google or Outlook header row is an address book.
An attendee list can be any table, so nothing is ever recognised as one.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

from vernetzt.importers.contacts_csv import detect_layout
from vernetzt.importers.linkedin import is_connections_header
from vernetzt.importers.records import ImportFormatError
from vernetzt.importers.sniff import decode_text

HEAD_BYTES = 64 * 1024
HEADER_ROWS = 12


def _kind_of_text(head: bytes, name: str) -> str | None:
    try:
        text, _ = decode_text(head, filename=name)
    except (ImportFormatError, UnicodeError):
        return None
    text = text.lstrip("\ufeff \t\r\n")
    if text[:11].upper() == "BEGIN:VCARD":
        return "vcard"
    lines = text.splitlines()[:HEADER_ROWS]
    for delimiter in (",", ";", "\t"):
        for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter):
            cells = [cell.strip() for cell in row]
            if is_connections_header(cells):
                return "linkedin"
            if detect_layout(cells):
                return "contacts"
    return None


def detect_kind(path: Path) -> str | None:
    """ "linkedin", "vcard" or "contacts" when the file's content says so; else None."""
    with path.open("rb") as handle:
        head = handle.read(HEAD_BYTES)
    if len(head) == HEAD_BYTES and b"\n" in head:
        head = head[: head.rfind(b"\n") + 1]  # whole lines: no character cut in half
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as archive:
                names = {Path(member).name.lower() for member in archive.namelist()}
        except (zipfile.BadZipFile, OSError):
            return None
        return "linkedin" if "connections.csv" in names else None
    return _kind_of_text(head, path.name)


def detect_files_kind(paths: list[Path]) -> str | None:
    """The kind all files agree on, or None."""
    kinds = {detect_kind(path) for path in paths}
    return kinds.pop() if len(kinds) == 1 else None
