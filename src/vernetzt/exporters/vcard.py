"""vCard output: 3.0, the version every phone and address book reads, and 4.0 for CardDAV clients
that ask for it (DAVx5).

Choices: CRLF line ends; lines folded at 75 octets without splitting a UTF-8 sequence; text escaped per
RFC 2426/6350; LinkedIn and XING written twice, as URL (Android, Google, Outlook read it) and as Apple's
X-SOCIALPROFILE (Contacts on macOS/iOS shows it as a profile); a year-less birthday as `--MM-DD` in 3.0,
the ISO 8601 truncated form Google, Android and Thunderbird read, and `--MMDD` in 4.0 (RFC 6350). Apple's
Contacts reads neither and wants its own convention (year 1604 and ``X-APPLE-OMIT-YEAR``), which would
show the year 1604 everywhere else, so it is a style chosen per client (``VCardStyle.apple_birthdays``),
used by the CardDAV server for Apple's clients only. Values get `clean_text` first, so surrounding
whitespace is not kept.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable
from dataclasses import dataclass

from vernetzt.importers.records import Birthday, ContactRecord, clean_text, compose_full_name

MAX_OCTETS = 75
APPLE_NO_YEAR = 1604  # a leap year before any real birth year: Apple's placeholder for "no year"


@dataclass(frozen=True)
class VCardStyle:
    version: str = "3.0"  # "3.0" or "4.0"
    apple_birthdays: bool = False  # year-less birthdays in Apple's 1604 convention (3.0 only)
    product: str = ""  # PRODID, e.g. "-//vernetzt//CardDAV//EN"


VCARD_3 = VCardStyle()


def escape_text(value: str) -> str:
    return (
        clean_text(value).replace("\\", "\\\\").replace("\n", "\\n").replace(",", "\\,").replace(";", "\\;")
    )


def fold_line(line: str) -> str:
    """Split `line` into CRLF + space continuations of at most 75 octets, never inside a character."""
    if len(line.encode("utf-8")) <= MAX_OCTETS:
        return line
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    limit = MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            chunks.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1
        current.append(char)
        size += width
    chunks.append("".join(current))
    return "\r\n ".join(chunks)


def format_birthday(birthday: Birthday) -> str:
    if birthday.year is None:
        return f"--{birthday.month:02d}-{birthday.day:02d}"
    return f"{birthday.year:04d}-{birthday.month:02d}-{birthday.day:02d}"


def _prefix(record: ContactRecord) -> str:
    """The name prefix as address books write it: "Frau Dr.", "Herr", "Prof."."""
    return " ".join(part for part in (record.title_of_address, record.academic_title) if part)


def _birthday_line(birthday: Birthday, style: VCardStyle) -> str:
    month_day = f"{birthday.month:02d}-{birthday.day:02d}"
    if style.version == "4.0":
        # RFC 6350 dates are in the basic format: 19850315, --0315.
        year = f"{birthday.year:04d}" if birthday.year is not None else "--"
        return f"BDAY:{year}{month_day.replace('-', '')}"
    if birthday.year is None and style.apple_birthdays:
        return f"BDAY;X-APPLE-OMIT-YEAR={APPLE_NO_YEAR}:{APPLE_NO_YEAR}-{month_day}"
    return f"BDAY:{format_birthday(birthday)}"


def _photo_line(record: ContactRecord, style: VCardStyle) -> str:
    encoded = base64.b64encode(record.photo.data).decode("ascii")
    if style.version == "4.0":
        return f"PHOTO:data:{record.photo.media_type};base64,{encoded}"
    kind = record.photo.media_type.split("/")[-1].upper()
    return f"PHOTO;ENCODING=b;TYPE={kind}:{encoded}"


def _card_lines(record: ContactRecord, style: VCardStyle = VCARD_3) -> list[str]:
    first, last = clean_text(record.first_name), clean_text(record.last_name)
    full = clean_text(record.full_name) or compose_full_name(first, last)
    # FN is mandatory; a card known only by its e-mail still needs a display name.
    full = full or clean_text(record.organization) or next(iter(record.emails), "")
    lines = ["BEGIN:VCARD", f"VERSION:{style.version}"]
    if style.product:
        lines.append(f"PRODID:{style.product}")
    if record.uid:
        lines.append(f"UID:{escape_text(record.uid)}")
    lines += [
        f"N:{escape_text(last)};{escape_text(first)};;{escape_text(_prefix(record))};",
        f"FN:{escape_text(full)}",
    ]
    if clean_text(record.organization) or clean_text(record.department):
        lines.append(f"ORG:{escape_text(record.organization)};{escape_text(record.department)}")
    if clean_text(record.title):
        lines.append(f"TITLE:{escape_text(record.title)}")
    email_type = "work" if style.version == "4.0" else "INTERNET"
    lines += [f"EMAIL;TYPE={email_type}:{escape_text(email)}" for email in record.emails if clean_text(email)]
    lines += [f"TEL:{escape_text(phone)}" for phone in record.phones if clean_text(phone)]
    if clean_text(record.city) or clean_text(record.country):
        lines.append(f"ADR;TYPE=WORK:;;;{escape_text(record.city)};;;{escape_text(record.country)}")
    for url, network in ((record.linkedin_url, "linkedin"), (record.xing_url, "xing")):
        if url := clean_text(url):
            lines += [f"URL:{url}", f"X-SOCIALPROFILE;TYPE={network}:{url}"]
    lines += [f"URL:{clean_text(url)}" for url in record.other_urls if clean_text(url)]
    if record.birthday:
        lines.append(_birthday_line(record.birthday, style))
    if clean_text(record.notes):
        lines.append(f"NOTE:{escape_text(record.notes)}")
    labels = [escape_text(label) for label in record.labels if clean_text(label)]
    if labels:
        lines.append("CATEGORIES:" + ",".join(labels))
    if record.photo is not None:
        lines.append(_photo_line(record, style))
    lines.append("END:VCARD")
    return lines


def render_vcards(records: Iterable[ContactRecord], style: VCardStyle = VCARD_3) -> str:
    """All records as one vCard file (text; encode as UTF-8), 3.0 unless ``style`` says otherwise."""
    return "".join(fold_line(line) + "\r\n" for record in records for line in _card_lines(record, style))
