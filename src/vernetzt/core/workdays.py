"""Working-day arithmetic over German nationwide public holidays.

Only the holidays every German state observes are counted (state holidays such as Fronleichnam or
Reformationstag differ by Land and the product does not know the user's Land). The one-off nationwide
Reformationstag of 2017 is included because it was a federal holiday that year.

Interactions and tasks are plain dates; ``local_date`` is the single place where a moment in time becomes
a date, in the user's own time zone, so "Friday evening in Berlin" never turns into Saturday in UTC.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

HOLIDAY_NAMES: dict[str, dict[str, str]] = {
    "new_year": {"de": "Neujahr", "en": "New Year's Day"},
    "good_friday": {"de": "Karfreitag", "en": "Good Friday"},
    "easter_monday": {"de": "Ostermontag", "en": "Easter Monday"},
    "labour_day": {"de": "Tag der Arbeit", "en": "Labour Day"},
    "ascension": {"de": "Christi Himmelfahrt", "en": "Ascension Day"},
    "whit_monday": {"de": "Pfingstmontag", "en": "Whit Monday"},
    "german_unity": {"de": "Tag der Deutschen Einheit", "en": "German Unity Day"},
    "reformation_2017": {"de": "Reformationstag", "en": "Reformation Day"},
    "christmas_day": {"de": "1. Weihnachtstag", "en": "Christmas Day"},
    "boxing_day": {"de": "2. Weihnachtstag", "en": "Second Day of Christmas"},
}


def easter_sunday(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


@lru_cache(maxsize=64)
def german_public_holidays(year: int) -> dict[date, str]:
    """Nationwide German public holidays of ``year`` as {date: holiday code} (codes: ``HOLIDAY_NAMES``)."""
    easter = easter_sunday(year)
    holidays = {
        date(year, 1, 1): "new_year",
        easter - timedelta(days=2): "good_friday",
        easter + timedelta(days=1): "easter_monday",
        date(year, 5, 1): "labour_day",
        easter + timedelta(days=39): "ascension",
        easter + timedelta(days=50): "whit_monday",
        date(year, 10, 3): "german_unity",
        date(year, 12, 25): "christmas_day",
        date(year, 12, 26): "boxing_day",
    }
    if year == 2017:
        holidays[date(2017, 10, 31)] = "reformation_2017"
    return holidays


def holiday_name(day: date, lang: str) -> str | None:
    """The holiday's name in ``lang`` ("de"/"en"), or None when ``day`` is no nationwide holiday."""
    code = german_public_holidays(day.year).get(day)
    return None if code is None else HOLIDAY_NAMES[code][lang]


def is_workday(day: date, *, observe_holidays: bool = True) -> bool:
    """Monday to Friday and, when observed, not a nationwide German public holiday."""
    if day.weekday() >= 5:
        return False
    return not (observe_holidays and day in german_public_holidays(day.year))


def add_workdays(start: date, count: int, *, observe_holidays: bool = True) -> date:
    """The day ``count`` working days after ``start``.

    ``count == 0`` gives ``start`` itself when it is a working day, otherwise the next working day — a task
    "due with no delay" on a Sunday is due on Monday.
    """
    if count < 0:
        raise ValueError(f"count must not be negative, got {count}")
    day = start
    if count == 0:
        while not is_workday(day, observe_holidays=observe_holidays):
            day += timedelta(days=1)
        return day
    remaining = count
    while remaining:
        day += timedelta(days=1)
        if is_workday(day, observe_holidays=observe_holidays):
            remaining -= 1
    return day


def local_date(moment: datetime, tz_name: str) -> date:
    """The calendar date of ``moment`` in the IANA zone ``tz_name`` (e.g. "Europe/Berlin").

    Naive datetimes are refused: guessing their zone is exactly the bug this helper exists to prevent.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("moment must be timezone-aware")
    try:
        zone = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone: {tz_name!r}") from exc
    return moment.astimezone(zone).date()
