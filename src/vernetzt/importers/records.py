"""Plain records shared by every importer and exporter, plus their bilingual error messages.

Nothing here touches Django or the file system: parsers produce these dataclasses, the people app turns
them into rows. Errors carry a code and parameters instead of prose so the caller can show them in the
user's language (`describe_error`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import unquote

from vernetzt.core.birthdays import Birthday


@dataclass(frozen=True)
class Photo:
    """A picture of the person (or of their business card), as stored: JPEG or PNG bytes."""

    data: bytes
    media_type: str  # "image/jpeg" or "image/png"


@dataclass
class ContactRecord:
    """One person as a source describes them. Lists keep the source's order without duplicates."""

    line: int
    source: str
    first_name: str = ""
    last_name: str = ""
    full_name: str = ""
    title_of_address: str = ""  # "Frau"/"Herr", from a name prefix (importers.honorifics)
    academic_title: str = ""
    emails: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    organization: str = ""
    department: str = ""
    title: str = ""
    city: str = ""
    country: str = ""
    linkedin_url: str = ""
    xing_url: str = ""
    other_urls: list[str] = field(default_factory=list)
    birthday: Birthday | None = None
    notes: str = ""
    labels: list[str] = field(default_factory=list)
    connected_on: date | None = None
    source_key: str = ""
    uid: str = ""
    photo: Photo | None = None


@dataclass
class RowError:
    """A problem with one row/card. `dropped` tells whether the row was left out or only `field` was.

    Inside a LinkedIn zip, a history file that cannot be read at all is reported the same way, with a
    file-level code (e.g. "no_header") and `file` naming it; the rest of the export is still read.
    """

    line: int
    code: str
    params: dict[str, str] = field(default_factory=dict)
    field: str = ""
    file: str = ""
    dropped: bool = True


@dataclass
class ParseResult:
    records: list[ContactRecord]
    errors: list[RowError]
    skipped: int = 0
    format: str = ""  # e.g. "vcard", "google", "google_legacy", "outlook_en", "outlook_de", "xlsx", "csv"
    encoding: str = ""
    delimiter: str = ""


class ImportFormatError(ValueError):
    """The file as a whole is not what it claims to be; the caller must change nothing."""

    def __init__(self, code: str, *, filename: str, line: int = 0, **params: str) -> None:
        self.code = code
        self.filename = filename
        self.line = line
        self.params = {key: str(value) for key, value in params.items()}
        super().__init__(describe_error(self, "en"))


_FILE_MESSAGES: dict[str, tuple[str, str]] = {
    "binary_file": (
        "{filename} ist keine Textdatei, sondern offenbar {kind}.",
        "{filename} is not a text file; it looks like {kind}.",
    ),
    "empty_file": ("{filename} ist leer.", "{filename} is empty."),
    "undecodable": (
        "Die Zeichenkodierung von {filename} ist nicht erkennbar.",
        "The character encoding of {filename} cannot be recognised.",
    ),
    "no_header": (
        "In {filename} ist keine bekannte Kopfzeile zu finden. Erwartet werden Spalten wie: {expected}.",
        "{filename} has no recognisable header row. Expected columns such as: {expected}.",
    ),
    "not_vcard": (
        "{filename} enthält keine vCard (BEGIN:VCARD fehlt).",
        "{filename} contains no vCard (BEGIN:VCARD is missing).",
    ),
    "truncated_vcard": (
        "Die vCard ab Zeile {line} in {filename} endet nicht mit END:VCARD – ist die Datei abgeschnitten?",
        "The vCard starting at line {line} of {filename} has no END:VCARD; is the file truncated?",
    ),
    "unreadable_csv": (
        "{filename} ist ab Zeile {line} nicht als CSV lesbar.",
        "{filename} cannot be read as CSV from line {line} on.",
    ),
    "bad_zip": (
        "{filename} ist ein beschädigtes ZIP-Archiv.",
        "{filename} is a damaged zip archive.",
    ),
    "file_too_large": (
        "{filename} ist größer als {limit} MB, die Grenze für einen Import (VERNETZT_MAX_IMPORT_MB). "
        "Bitte die Datei teilen.",
        "{filename} is larger than {limit} MB, the limit of one import (VERNETZT_MAX_IMPORT_MB). "
        "Please split the file.",
    ),
    "too_many_rows": (
        "{filename} enthält mehr als {limit} Kontakte, die Grenze für einen Import "
        "(VERNETZT_MAX_IMPORT_ROWS). Bitte die Datei teilen.",
        "{filename} holds more than {limit} contacts, the limit of one import "
        "(VERNETZT_MAX_IMPORT_ROWS). Please split the file.",
    ),
    "zip_too_large": (
        "{filename} würde entpackt mehr als {limit} MB belegen und wird nicht verarbeitet.",
        "{filename} would unpack to more than {limit} MB and is not processed.",
    ),
    "not_linkedin": (
        "{filename} ist kein LinkedIn-Datenexport: Dateien wie Connections.csv fehlen.",
        "{filename} is not a LinkedIn data export: files such as Connections.csv are missing.",
    ),
    "not_image": (
        "{filename} ist kein lesbares Foto (erwartet: JPEG, PNG, WebP, …).",
        "{filename} is not a readable photo (expected: JPEG, PNG, WebP, …).",
    ),
    "image_too_large": (
        "{filename} hat mehr als {limit} Megapixel und wird nicht gelesen.",
        "{filename} has more than {limit} megapixels and is not read.",
    ),
    "card_unreadable": (
        "Auf {filename} ist weder eine Visitenkarte noch ein QR-Code zu lesen – ein schärferes Foto hilft.",
        "{filename} shows no readable business card or QR code; a sharper photo helps.",
    ),
    "no_tesseract": (
        "Um {filename} zu lesen, fehlt Tesseract (Debian-Pakete: {packages}).",
        "Reading {filename} needs Tesseract (Debian packages: {packages}).",
    ),
    "legacy_xls": (
        "{filename} ist im alten Excel-Format (.xls). Bitte als .xlsx oder CSV speichern.",
        "{filename} is in the old Excel format (.xls). Please save it as .xlsx or CSV.",
    ),
    "bad_xlsx": (
        "{filename} lässt sich nicht als Excel-Arbeitsmappe lesen.",
        "{filename} cannot be read as an Excel workbook.",
    ),
}

_ROW_MESSAGES: dict[str, tuple[str, str]] = {
    "invalid_date": (
        "Zeile {line}: „{value}“ im Feld {field} ist kein gültiges Datum.",
        "Line {line}: “{value}” in field {field} is not a valid date.",
    ),
    "no_name_or_email": (
        "Zeile {line}: weder Name noch E-Mail-Adresse – übersprungen.",
        "Line {line}: neither a name nor an e-mail address; skipped.",
    ),
    "empty_card": (
        "vCard ab Zeile {line}: weder Name noch E-Mail-Adresse – übersprungen.",
        "vCard starting at line {line}: neither a name nor an e-mail address; skipped.",
    ),
    "missing_value": (
        "Zeile {line}: Das Feld {field} fehlt oder ist leer – übersprungen.",
        "Line {line}: field {field} is missing or empty; skipped.",
    ),
}


# Defaults of the import limits (vernetzt.config passes the configured ones).
MAX_IMPORT_BYTES = 20 * 1024 * 1024
MAX_IMPORT_ROWS = 100_000


def refuse_too_large(size: int, *, filename: str, max_bytes: int) -> None:
    """Before a file is read: larger than ``max_bytes`` is refused, naming the limit."""
    if size > max_bytes:
        raise ImportFormatError("file_too_large", filename=filename, limit=max_bytes >> 20)


def refuse_too_many(count: int, *, filename: str, max_rows: int) -> None:
    """While a file is read: more than ``max_rows`` contacts (rows, cards) stops it."""
    if count > max_rows:
        raise ImportFormatError(
            "too_many_rows", filename=filename, limit=f"{max_rows:,}".replace(",", "\u202f")
        )


def describe_error(err: RowError | ImportFormatError, lang: str) -> str:
    """The message for `err` in German ("de") or English (anything else falls back to English)."""
    index = 0 if lang == "de" else 1
    if isinstance(err, ImportFormatError):
        template = _FILE_MESSAGES[err.code][index]
        return template.format(filename=err.filename or "?", line=err.line, **err.params)
    if err.code in _FILE_MESSAGES:
        # A whole file inside an archive was skipped; its message already names the file.
        return _FILE_MESSAGES[err.code][index].format(filename=err.file or "?", line=err.line, **err.params)
    template = _ROW_MESSAGES[err.code][index]
    text = template.format(line=err.line, field=err.field, **err.params)
    return f"{err.file}: {text}" if err.file else text


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value: str) -> str:
    """Strip surrounding whitespace, unify line breaks to \\n and drop control characters.

    This is the one normalisation every imported value gets; exporters apply it too, so a value
    survives a round trip exactly when it is already clean.
    """
    if value.isprintable():
        return value.strip()
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


def compose_full_name(first_name: str, last_name: str, *, middle: str = "") -> str:
    return " ".join(part for part in (first_name, middle, last_name) if part)


def append_unique(items: list[str], value: str) -> None:
    value = clean_text(value)
    if value and value not in items:
        items.append(value)


_URL = re.compile(
    r"^(?:[a-z][a-z0-9+.\-]*://)?(?:[^@/?#\s]*@)?([^/?#:\s]+)(?::\d*)?(/[^?#]*)?", re.IGNORECASE
)
_LINKEDIN_HOST = re.compile(r"^(?:[a-z]{2,3}\.|www\.|m\.)?linkedin\.com$")
_XING_HOST = re.compile(r"^(?:www\.|m\.)?xing\.(?:com|de)$")
_PROFILE_PATH = re.compile(r"^/+([^/]+)/+([^/]+)")


def _profile(url: str) -> tuple[str, str]:
    """("linkedin" | "xing" | "", slug) — one regex pass, because this runs for every imported row."""
    match = _URL.match(url.strip())
    if not match:
        return "", ""
    host = match[1].casefold()
    path = _PROFILE_PATH.match(match[2] or "")
    kind, slug = (path[1].casefold(), path[2]) if path else ("", "")
    if "%" in slug:
        slug = unquote(slug)
    if _LINKEDIN_HOST.match(host):
        return "linkedin", slug.lower() if kind in ("in", "pub") else ""
    if _XING_HOST.match(host):
        return "xing", slug if kind == "profile" else ""
    return "", ""


def is_linkedin_url(url: str) -> bool:
    return _profile(url)[0] == "linkedin"


def is_xing_url(url: str) -> bool:
    return _profile(url)[0] == "xing"


def slug_of(url: str) -> str:
    """The profile identifier inside a LinkedIn or XING URL ("" when it is no profile URL).

    LinkedIn: `https://de.linkedin.com/in/Katrin-Vogel-3a1b2c/?trk=x` → `katrin-vogel-3a1b2c` (slugs are
    case-insensitive). XING: `https://www.xing.com/profile/Clara_Nguyen` → `Clara_Nguyen`.
    """
    return _profile(url)[1]


def normalize_linkedin_url(url: str) -> str:
    """`https://www.linkedin.com/in/<slug>` for any spelling of a profile URL, else the cleaned input
    when it is a web address at all (a `javascript:` or `data:` "URL" from a file becomes "")."""
    network, slug = _profile(url)
    return f"https://www.linkedin.com/in/{slug}" if network == "linkedin" and slug else _web_only(url)


def normalize_xing_url(url: str) -> str:
    """`https://www.xing.com/profile/<Name>` for any spelling of a profile URL, else the cleaned input
    when it is a web address at all."""
    network, slug = _profile(url)
    return f"https://www.xing.com/profile/{slug}" if network == "xing" and slug else _web_only(url)


def _web_only(url: str) -> str:
    cleaned = clean_text(url)
    return cleaned if cleaned.casefold().startswith(("http://", "https://")) else ""


def add_url(record: ContactRecord, url: str) -> None:
    """File `url` under linkedin_url, xing_url or other_urls; the first profile of each kind wins."""
    url = clean_text(url)
    if not url:
        return
    network, slug = _profile(url)
    if network == "linkedin" and slug:
        normalized = f"https://www.linkedin.com/in/{slug}"
        if record.linkedin_url in ("", normalized):
            record.linkedin_url = normalized
            return
    elif network == "xing" and slug:
        normalized = f"https://www.xing.com/profile/{slug}"
        if record.xing_url in ("", normalized):
            record.xing_url = normalized
            return
    append_unique(record.other_urls, url)


def has_identity(record: ContactRecord) -> bool:
    return bool(record.full_name or record.emails)


def fold_header(name: str) -> str:
    """A header name reduced for tolerant matching: case, umlauts, spaces and punctuation ignored."""
    name = name.casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss")
    name = unicodedata.normalize("NFKD", name)
    return "".join(ch for ch in name if ch.isalnum() and ch.isascii())
