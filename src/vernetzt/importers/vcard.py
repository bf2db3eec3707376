"""vCard 2.1, 3.0 and 4.0, many cards per file, read by a hand-written line parser.

Why not vobject: it rejects 2.1 QUOTED-PRINTABLE with soft line breaks, mixed charsets and several Apple
quirks, and one bad card stops the whole file. Here every content line goes through the same steps —
unfold, split into group/name/params/value, decode the value's bytes by its own ENCODING and CHARSET
(UTF-8 with a Windows-1252 fallback otherwise), unescape — so one odd line never costs the other cards.
"""

from __future__ import annotations

import codecs
import quopri
import re
from dataclasses import dataclass

from vernetzt.importers.dates import parse_birthday
from vernetzt.importers.honorifics import split_honorific
from vernetzt.importers.records import (
    MAX_IMPORT_ROWS,
    Birthday,
    ContactRecord,
    ImportFormatError,
    ParseResult,
    RowError,
    add_url,
    append_unique,
    clean_text,
    compose_full_name,
    has_identity,
    is_linkedin_url,
    is_xing_url,
    refuse_too_many,
)
from vernetzt.importers.sniff import refuse_binary

_LINE_BREAK = re.compile(rb"\r\n|\r|\n")
_NAME = re.compile(rb"\s*(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)")
# Properties holding pictures, sounds or keys: dropped (their first line stays, the value is ignored).
_MEDIA = frozenset({b"PHOTO", b"LOGO", b"SOUND", b"KEY"})
_APPLE_NO_YEAR = 1604  # Apple stores year-less birthdays as 1604 (and says so in X-APPLE-OMIT-YEAR)


@dataclass
class _Property:
    line: int
    name: str
    params: dict[str, list[str]]
    raw: bytes


def parse_vcards(data: bytes, *, filename: str, max_rows: int = MAX_IMPORT_ROWS) -> ParseResult:
    """Every card in `data`; a file without cards, with an unterminated card or with more than
    ``max_rows`` cards is refused."""
    refuse_binary(data, filename=filename)
    data = _to_utf8(data, filename=filename)
    result = ParseResult(records=[], errors=[], format="vcard")
    depth = 0
    card_line = 0
    card: list[_Property] = []
    seen_card = False
    cards = 0
    for line, content in _logical_lines(data):
        prop = _split_property(line, content)
        if prop is None:
            continue
        if prop.name == "BEGIN" and prop.raw.strip().upper() == b"VCARD":
            depth += 1
            if depth == 1:
                card_line, card, seen_card = line, [], True
                cards += 1
                refuse_too_many(cards, filename=filename, max_rows=max_rows)
        elif prop.name == "END" and prop.raw.strip().upper() == b"VCARD" and depth:
            depth -= 1
            if depth == 0:
                _finish_card(card, line=card_line, filename=filename, result=result)
        elif depth == 1:
            # Properties of cards nested inside (2.1 AGENT) belong to someone else and are left out.
            card.append(prop)
    if depth:
        raise ImportFormatError("truncated_vcard", filename=filename, line=card_line)
    if not seen_card:
        raise ImportFormatError("not_vcard", filename=filename)
    return result


def _to_utf8(data: bytes, *, filename: str) -> bytes:
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            codec = "utf-32" if len(bom) == 4 else "utf-16"
            try:
                return data.decode(codec).encode("utf-8")
            except UnicodeDecodeError:
                raise ImportFormatError("undecodable", filename=filename) from None
    return data.removeprefix(codecs.BOM_UTF8)


def _is_quoted_printable(content: bytes) -> bool:
    head = content.split(b":", 1)[0].upper()
    return b"QUOTED-PRINTABLE" in head


def _property_name(first_line: bytes) -> bytes:
    match = _NAME.match(first_line)
    return match[1].upper() if match else b""


def _logical_lines(data: bytes) -> list[tuple[int, bytes]]:
    """Unfolded content lines with the physical line on which each starts.

    Folding (a line starting with a space or tab continues the previous one) and QUOTED-PRINTABLE soft
    breaks (a QP value ending in `=` continues on the next line, indented or not) are both undone here.
    Each logical line is collected as a list of pieces and joined once, so a long value (a folded
    photo of 100,000 lines) costs time in proportion to its length. The continuation lines of media
    (PHOTO, LOGO, SOUND, KEY) are not kept at all: vernetzt stores no pictures.
    """
    result: list[tuple[int, bytes]] = []
    start, pieces = 0, []
    quoted_printable = soft_break = dropped = False
    for number, physical in enumerate(_LINE_BREAK.split(data), start=1):
        if pieces and (soft_break or physical[:1] in (b" ", b"\t")):
            if not dropped:
                if soft_break:
                    pieces[-1] = pieces[-1][:-1]
                    pieces.append(physical)
                else:
                    pieces.append(physical[1:])
        elif physical.strip():
            if pieces:
                result.append((start, b"".join(pieces)))
            start, pieces = number, [physical]
            quoted_printable = _is_quoted_printable(physical)
            dropped = _property_name(physical) in _MEDIA
        else:
            soft_break = False
            continue
        soft_break = quoted_printable and pieces[-1].endswith(b"=")
    if pieces:
        result.append((start, b"".join(pieces)))
    return result


def _split_outside_quotes(text: str, separator: str) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        elif char == separator and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(char)
    parts.append("".join(current))
    return parts


def _colon_outside_quotes(content: bytes) -> int:
    quoted = False
    for position, byte in enumerate(content):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return position
    return -1


def _split_property(line: int, content: bytes) -> _Property | None:
    """group.NAME;PARAM=V:value → _Property; lines without a name (stray base64) give None."""
    position = _colon_outside_quotes(content)
    if position < 0:
        return None
    head = _decode(content[:position], charset="")
    segments = _split_outside_quotes(head, ";")
    name = segments[0].strip().rsplit(".", 1)[-1].upper()
    if not name or not re.fullmatch(r"[A-Z0-9-]+", name):
        return None
    params: dict[str, list[str]] = {}
    for segment in segments[1:]:
        key, has_value, value = segment.partition("=")
        if not has_value:
            # vCard 2.1 writes bare parameter values: TEL;WORK;VOICE, EMAIL;INTERNET;QUOTED-PRINTABLE.
            key, value = _bare_param_key(key), key
        values = [v.strip().strip('"') for v in _split_outside_quotes(value, ",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return _Property(line=line, name=name, params=params, raw=content[position + 1 :])


def _bare_param_key(value: str) -> str:
    upper = value.strip().upper()
    if upper in ("QUOTED-PRINTABLE", "BASE64", "8BIT", "7BIT", "B"):
        return "ENCODING"
    return "TYPE"


def _decode(raw: bytes, *, charset: str) -> str:
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _value(prop: _Property) -> str | None:
    """The decoded (not yet unescaped) text of a property; None for binary values such as photos."""
    encoding = (prop.params.get("ENCODING") or [""])[0].upper()
    if encoding in ("B", "BASE64"):
        return None
    raw = quopri.decodestring(prop.raw) if encoding == "QUOTED-PRINTABLE" else prop.raw
    return _decode(raw, charset=(prop.params.get("CHARSET") or [""])[0])


def split_escaped(text: str, separator: str) -> list[str]:
    """Split at separators not escaped by a backslash; escapes stay for `unescape`."""
    parts, current, index = [], [], 0
    while index < len(text):
        char = text[index]
        if char == "\\" and index + 1 < len(text):
            current.append(text[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


_ESCAPES = {"n": "\n", "N": "\n", "\\": "\\", ",": ",", ";": ";", ":": ":"}


def unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m[1], m[0]), text, flags=re.DOTALL)


def _components(text: str) -> list[str]:
    return [clean_text(unescape(part)) for part in split_escaped(text, ";")]


def _has_type(prop: _Property, wanted: str) -> bool:
    return any(value.casefold() == wanted for value in prop.params.get("TYPE", []))


def _birthday(prop: _Property, text: str) -> Birthday | None:
    text = text.strip()
    if (prop.params.get("VALUE") or [""])[0].casefold() == "text" or not text:
        return None
    omit_years = {str(_APPLE_NO_YEAR), "0000", *prop.params.get("X-APPLE-OMIT-YEAR", [])}
    match = re.match(r"^(\d{4})-?(\d{2})-?(\d{2})", text)
    if match and match[1] in omit_years:
        return Birthday(month=int(match[2]), day=int(match[3]))
    return parse_birthday(text)


def _social_url(prop: _Property, text: str) -> str:
    """X-SOCIALPROFILE: the URL, or one built from x-user when Apple stored only the user name."""
    if is_linkedin_url(text) or is_xing_url(text) or "://" in text:
        return text
    user = (prop.params.get("X-USER") or [""])[0] or text.removeprefix("x-apple:")
    if user and _has_type(prop, "linkedin"):
        return f"https://www.linkedin.com/in/{user}"
    if user and _has_type(prop, "xing"):
        return f"https://www.xing.com/profile/{user}"
    return text


def _finish_card(card: list[_Property], *, line: int, filename: str, result: ParseResult) -> None:
    record = ContactRecord(line=line, source="vcard")
    address_chosen = address_preferred = False
    middle = role = ""
    for prop in card:
        text = _value(prop)
        if text is None:
            continue
        name = prop.name
        if name == "FN" and not record.full_name:
            record.full_name = clean_text(unescape(text))
        elif name == "N" and not (record.first_name or record.last_name):
            parts = [*_components(text), "", "", ""]
            record.last_name, record.first_name, middle = parts[0], parts[1], parts[2]
            record.title_of_address, record.academic_title = split_honorific(parts[3])
        elif name == "ORG" and not record.organization:
            parts = _components(text)
            record.organization = parts[0]
            record.department = ", ".join(part for part in parts[1:] if part)
        elif name == "TITLE" and not record.title:
            record.title = clean_text(unescape(text))
        elif name == "ROLE" and not role:
            role = clean_text(unescape(text))
        elif name == "EMAIL":
            append_unique(record.emails, unescape(text).strip().removeprefix("mailto:"))
        elif name == "TEL":
            append_unique(record.phones, unescape(text).strip().removeprefix("tel:"))
        elif name == "ADR":
            parts = [*_components(text), "", "", "", "", "", "", ""]
            preferred = _has_type(prop, "pref")
            if (parts[3] or parts[6]) and (not address_chosen or (preferred and not address_preferred)):
                record.city, record.country = parts[3], parts[6]
                address_chosen, address_preferred = True, preferred
        elif name == "URL":
            add_url(record, unescape(text))
        elif name == "X-SOCIALPROFILE":
            add_url(record, _social_url(prop, unescape(text).strip()))
        elif name == "BDAY":
            try:
                record.birthday = _birthday(prop, text)
            except ValueError:
                result.errors.append(
                    RowError(
                        line=prop.line,
                        code="invalid_date",
                        params={"value": text},
                        field="BDAY",
                        file=filename,
                        dropped=False,
                    )
                )
        elif name == "NOTE":
            record.notes = "\n".join(p for p in (record.notes, clean_text(unescape(text))) if p)
        elif name == "CATEGORIES":
            for label in split_escaped(text, ","):
                append_unique(record.labels, unescape(label))
        elif name == "UID" and not record.source_key:
            record.source_key = clean_text(unescape(text))
    record.title = record.title or role
    if not record.full_name:
        record.full_name = compose_full_name(record.first_name, record.last_name, middle=middle)
    if not has_identity(record):
        result.errors.append(RowError(line=line, code="empty_card", file=filename))
        return
    result.records.append(record)
