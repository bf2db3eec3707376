"""vCard 3.0 output, the version every phone and address book reads.

Choices: CRLF line ends; lines folded at 75 octets without splitting a UTF-8 sequence; text escaped per
RFC 2426; LinkedIn and XING written twice, as URL (Android, Google, Outlook read it) and as Apple's
X-SOCIALPROFILE (Contacts on macOS/iOS shows it as a profile); a year-less birthday as `--MM-DD`, the ISO
8601 truncated form Google, Android and Thunderbird read (Apple's 1604 convention would show the year
1604 everywhere else). Values get `clean_text` first, so surrounding whitespace is not kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from vernetzt.importers.records import Birthday, ContactRecord, clean_text, compose_full_name

MAX_OCTETS = 75


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


def _card_lines(record: ContactRecord) -> list[str]:
    first, last = clean_text(record.first_name), clean_text(record.last_name)
    full = clean_text(record.full_name) or compose_full_name(first, last)
    # FN is mandatory in 3.0; a card known only by its e-mail still needs a display name.
    full = full or clean_text(record.organization) or next(iter(record.emails), "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"N:{escape_text(last)};{escape_text(first)};;;",
        f"FN:{escape_text(full)}",
    ]
    if clean_text(record.organization) or clean_text(record.department):
        lines.append(f"ORG:{escape_text(record.organization)};{escape_text(record.department)}")
    if clean_text(record.title):
        lines.append(f"TITLE:{escape_text(record.title)}")
    lines += [f"EMAIL;TYPE=INTERNET:{escape_text(email)}" for email in record.emails if clean_text(email)]
    lines += [f"TEL:{escape_text(phone)}" for phone in record.phones if clean_text(phone)]
    if clean_text(record.city) or clean_text(record.country):
        lines.append(f"ADR;TYPE=WORK:;;;{escape_text(record.city)};;;{escape_text(record.country)}")
    for url, network in ((record.linkedin_url, "linkedin"), (record.xing_url, "xing")):
        if url := clean_text(url):
            lines += [f"URL:{url}", f"X-SOCIALPROFILE;TYPE={network}:{url}"]
    lines += [f"URL:{clean_text(url)}" for url in record.other_urls if clean_text(url)]
    if record.birthday:
        lines.append(f"BDAY:{format_birthday(record.birthday)}")
    if clean_text(record.notes):
        lines.append(f"NOTE:{escape_text(record.notes)}")
    labels = [escape_text(label) for label in record.labels if clean_text(label)]
    if labels:
        lines.append("CATEGORIES:" + ",".join(labels))
    lines.append("END:VCARD")
    return lines


def render_vcards(records: Iterable[ContactRecord]) -> str:
    """All records as one vCard 3.0 file (text; encode as UTF-8)."""
    return "".join(fold_line(line) + "\r\n" for record in records for line in _card_lines(record))
