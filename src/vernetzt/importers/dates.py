"""Date spellings found in export files, parsed without locale or clock dependence.

Every parser returns None for "no date" spellings (empty, `0/0/00`, `0.0.00`) and raises ValueError for
text that claims to be a date but is not one (31.02.1980), so callers can report the row.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from datetime import UTC, date, datetime

from vernetzt.importers.records import Birthday

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "januar", "jän", "jänner"),
            ("feb", "february", "februar"),
            ("mar", "march", "mär", "märz", "maerz", "mrz"),
            ("apr", "april"),
            ("may", "mai"),
            ("jun", "june", "juni"),
            ("jul", "july", "juli"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october", "okt", "oktober"),
            ("nov", "november"),
            ("dec", "december", "dez", "dezember"),
        ),
        start=1,
    )
    for name in names
}

_NONE = re.compile(r"^(?:0{1,2}[./-]0{1,2}[./-]0{2,4}|0000-00-00)$")
_DAY_MON_YEAR = re.compile(r"^(\d{1,2})[ \-.]+([^\W\d_]{3,9})\.?[ \-.,]+(\d{2}|\d{4})$")
_MON_DAY_YEAR = re.compile(r"^([^\W\d_]{3,9})\.? +(\d{1,2}),? +(\d{4})$")
_MON_YEAR = re.compile(r"^([^\W\d_]{3,9})\.? +(\d{4})$")
_ISO = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$")
_YEARLESS = re.compile(r"^--(\d{2})-?(\d{2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([./])(\d{1,2})\2(\d{2}|\d{4})$")
_NUMERIC_YEARLESS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.?$")


def _month(name: str) -> int:
    number = MONTHS.get(name.casefold().rstrip("."))
    if number is None:
        raise ValueError(f"unknown month {name!r}")
    return number


def _year(text: str, *, two_digit_century: int) -> int:
    return int(text) + two_digit_century if len(text) == 2 else int(text)


def slash_order(values: Iterable[str]) -> str:
    """ "dmy" or "mdy" for a column of `a/b/yyyy` dates: day-first only when the column proves it.

    A file is written by one locale, so one unambiguous value (13/02/2022) settles every ambiguous one;
    without proof the US order wins because LinkedIn and Outlook (English) write M/D.
    """
    for value in values:
        if "/" not in value:
            continue
        match = _NUMERIC.match(value.strip())
        if match and match.group(2) == "/":
            first, second = int(match.group(1)), int(match.group(3))
            if first > 12 >= second:
                return "dmy"
            if second > 12 >= first:
                return "mdy"
    return "mdy"


@functools.lru_cache(maxsize=8192)
def parse_date(text: str, *, order: str = "mdy", two_digit_century: int = 2000) -> date | None:
    """A calendar date in any of the spellings LinkedIn, Excel, Outlook and Google produce.

    `12 Mar 2024`, `7-Feb-22`, `Mar 14, 1982`, `2022-02-07`, `20220207`, `07.02.2022` (German: day
    first), `2/7/2022` (slash: `order` decides), `0/0/00` (None). Cached: a 30,000-row file repeats its
    dates many times over.
    """
    text = text.strip()
    if not text or _NONE.match(text):
        return None
    if match := _ISO.match(text):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _DAY_MON_YEAR.match(text):
        year = _year(match[3], two_digit_century=two_digit_century)
        return date(year, _month(match[2]), int(match[1]))
    if match := _MON_DAY_YEAR.match(text):
        return date(int(match[3]), _month(match[1]), int(match[2]))
    if match := _NUMERIC.match(text):
        first, second = int(match[1]), int(match[3])
        year = _year(match[4], two_digit_century=two_digit_century)
        if match[2] == "." or order == "dmy":
            return date(year, second, first)
        return date(year, first, second)
    raise ValueError(f"unrecognised date {text!r}")


def parse_birthday(text: str, *, order: str = "mdy") -> Birthday | None:
    """A birthday, with or without year; two-digit years are read as 19xx (nobody in a CRM is 5)."""
    text = text.strip()
    if not text or _NONE.match(text):
        return None
    if match := _YEARLESS.match(text):
        return Birthday(month=int(match[1]), day=int(match[2]))
    if match := _NUMERIC_YEARLESS.match(text):
        return Birthday(month=int(match[2]), day=int(match[1]))
    if match := re.match(r"^([^\W\d_]{3,9})\.? +(\d{1,2})$", text):
        return Birthday(month=_month(match[1]), day=int(match[2]))
    parsed = parse_date(text, order=order, two_digit_century=1900)
    if parsed is None:
        return None
    return Birthday(month=parsed.month, day=parsed.day, year=parsed.year)


def parse_month(text: str) -> date | None:
    """`Oct 2021` → 2021-10-01 (month precision); a bare `2021` becomes 1 January."""
    text = text.strip()
    if not text:
        return None
    if match := _MON_YEAR.match(text):
        return date(int(match[2]), _month(match[1]), 1)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1)
    if match := re.fullmatch(r"(\d{1,2})/(\d{4})", text):
        return date(int(match[2]), int(match[1]), 1)
    parsed = parse_date(text)
    return parsed.replace(day=1) if parsed else None


# "2026-03-02 09:14:55 UTC"; endorsements write "2025/11/03 08:12:44 UTC".
_STAMP = re.compile(r"^(\d{4}[-/]\d{2}[-/]\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(UTC|Z|GMT)?$")
_US_STAMP = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4}),?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$"
)


def parse_timestamp(text: str) -> datetime | None:
    """An aware UTC datetime: `2026-03-02 09:14:55 UTC` or `11/30/22, 8:41 AM` (taken as UTC)."""
    text = text.strip()
    if not text:
        return None
    if match := _STAMP.match(text):
        return datetime.fromisoformat(f"{match[1].replace('/', '-')}T{match[2]}").replace(tzinfo=UTC)
    if match := _US_STAMP.match(text):
        hour = int(match[4])
        if match[7]:
            if not 1 <= hour <= 12:
                raise ValueError(f"invalid hour in {text!r}")
            hour = hour % 12 + (12 if match[7].casefold() == "pm" else 0)
        year = _year(match[3], two_digit_century=2000)
        return datetime(
            year, int(match[1]), int(match[2]), hour, int(match[5]), int(match[6] or 0), tzinfo=UTC
        )
    try:
        parsed = datetime.fromisoformat(text)
    except ValueError:
        day = parse_date(text)
        if day is None:
            return None
        return datetime(day.year, day.month, day.day, tzinfo=UTC)
    return parsed.replace(tzinfo=UTC) if parsed.tzinfo is None else parsed.astimezone(UTC)
