"""Birthdays with an optional year.

Address books often know only day and month ("--03-14" in vCard), so the year is optional throughout.

29 February: in a year without that day the birthday is *observed* on 28 February — the greeting should
reach the person before their birthday has passed, and 28 February keeps it inside February. The age
increases on that observed day, so the greeting and the age it names always agree.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

_DAYS_UNTIL_TEXTS = {
    "de": {0: "heute", 1: "morgen", "n": "in {days} Tagen"},
    "en": {0: "today", 1: "tomorrow", "n": "in {days} days"},
}


@dataclass(frozen=True)
class Birthday:
    """Month and day of birth; ``year`` when known."""

    month: int
    day: int
    year: int | None = None

    def __post_init__(self) -> None:
        # A leap year admits every real birthday, including 29 February when the year is unknown.
        probe_year = self.year if self.year is not None else 2000
        try:
            date(probe_year, self.month, self.day)
        except ValueError as exc:
            raise ValueError(f"not a valid birthday: {self.year}-{self.month}-{self.day}") from exc
        if self.year is not None and not 1800 <= self.year <= 2200:
            raise ValueError(f"implausible birth year {self.year}")


def birthday_in_year(birthday: Birthday, year: int) -> date:
    """The date the birthday is observed in ``year`` (29 February → 28 February in non-leap years)."""
    if birthday.month == 2 and birthday.day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, birthday.month, birthday.day)


def next_birthday(birthday: Birthday, today: date) -> date:
    """The next observed birthday on or after ``today``."""
    this_year = birthday_in_year(birthday, today.year)
    return this_year if this_year >= today else birthday_in_year(birthday, today.year + 1)


def days_until_birthday(birthday: Birthday, today: date) -> int:
    """Days from ``today`` to the next observed birthday (0 on the birthday itself)."""
    return (next_birthday(birthday, today) - today).days


def age_on(birthday: Birthday, day: date) -> int | None:
    """Completed years on ``day``, or None when the birth year is unknown or ``day`` precedes the birth."""
    if birthday.year is None:
        return None
    birth = birthday_in_year(birthday, birthday.year)
    if day < birth:
        return None
    age = day.year - birthday.year
    return age if day >= birthday_in_year(birthday, day.year) else age - 1


def age_at_next_birthday(birthday: Birthday, today: date) -> int | None:
    """The age the person turns on their next birthday, or None without a birth year."""
    if birthday.year is None:
        return None
    return next_birthday(birthday, today).year - birthday.year


def describe_days_until(days: int, lang: str) -> str:
    """The distance as "today", "tomorrow" or "in N days", in German or English."""
    if days < 0:
        raise ValueError(f"days must not be negative, got {days}")
    texts = _DAYS_UNTIL_TEXTS[lang]
    return texts[days] if days in texts else texts["n"].format(days=days)


def birthdays_within(
    birthdays: dict[int, Birthday], *, today: date, days: int
) -> list[tuple[int, date, int]]:
    """Birthdays observed from ``today`` to ``today + days`` inclusive, as (key, date, days until),
    soonest first (ties by key) — the "birthdays this week" list."""
    horizon = today + timedelta(days=days)
    upcoming = [(key, next_birthday(bday, today)) for key, bday in birthdays.items()]
    return sorted(
        ((key, when, (when - today).days) for key, when in upcoming if when <= horizon),
        key=lambda item: (item[1], item[0]),
    )
