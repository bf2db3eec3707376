import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.birthdays import (
    Birthday,
    age_at_next_birthday,
    age_on,
    birthday_in_year,
    birthdays_within,
    days_until_birthday,
    describe_days_until,
    next_birthday,
)

LEAP_DAY = Birthday(2, 29)


@pytest.mark.parametrize(
    ("birthday", "year", "observed"),
    [
        (LEAP_DAY, 2027, date(2027, 2, 28)),
        (LEAP_DAY, 2028, date(2028, 2, 29)),
        (LEAP_DAY, 2100, date(2100, 2, 28)),  # divisible by 100: no leap year
        (LEAP_DAY, 2000, date(2000, 2, 29)),  # divisible by 400: leap year
        (Birthday(3, 1), 2027, date(2027, 3, 1)),
        (Birthday(12, 31, 1970), 2027, date(2027, 12, 31)),
    ],
)
def test_birthday_in_year(birthday, year, observed):
    assert birthday_in_year(birthday, year) == observed


@pytest.mark.parametrize(
    ("birthday", "today", "expected"),
    [
        (Birthday(3, 14), date(2026, 3, 14), date(2026, 3, 14)),  # on the day: today
        (Birthday(3, 14), date(2026, 3, 15), date(2027, 3, 14)),  # just passed: next year
        (Birthday(1, 2), date(2026, 12, 31), date(2027, 1, 2)),  # across New Year
        (LEAP_DAY, date(2027, 2, 1), date(2027, 2, 28)),
        (LEAP_DAY, date(2027, 2, 28), date(2027, 2, 28)),
        (LEAP_DAY, date(2027, 3, 1), date(2028, 2, 29)),
        (LEAP_DAY, date(2028, 2, 28), date(2028, 2, 29)),  # leap year: the real day, not the 28th
        (LEAP_DAY, date(2028, 3, 1), date(2029, 2, 28)),
    ],
)
def test_next_birthday(birthday, today, expected):
    assert next_birthday(birthday, today) == expected


@pytest.mark.parametrize(
    ("birthday", "day", "age"),
    [
        (Birthday(6, 15, 1980), date(2026, 6, 14), 45),
        (Birthday(6, 15, 1980), date(2026, 6, 15), 46),
        (Birthday(2, 29, 1988), date(2027, 2, 27), 38),
        (Birthday(2, 29, 1988), date(2027, 2, 28), 39),  # observed birthday: the age the greeting names
        (Birthday(2, 29, 1988), date(2028, 2, 28), 39),
        (Birthday(2, 29, 1988), date(2028, 2, 29), 40),
        (Birthday(2, 29, 1988), date(1988, 2, 29), 0),
        (Birthday(2, 29, 1988), date(1988, 2, 28), None),  # before birth
        (Birthday(6, 15), date(2026, 6, 15), None),  # no year, no age
    ],
)
def test_age_on(birthday, day, age):
    assert age_on(birthday, day) == age


def test_age_at_next_birthday():
    assert age_at_next_birthday(Birthday(1, 2, 1980), date(2026, 12, 31)) == 47
    assert age_at_next_birthday(Birthday(12, 31, 1980), date(2026, 12, 31)) == 46
    assert age_at_next_birthday(Birthday(12, 31), date(2026, 12, 31)) is None


@pytest.mark.parametrize(
    ("days", "lang", "text"),
    [
        (0, "de", "heute"),
        (1, "de", "morgen"),
        (3, "de", "in 3 Tagen"),
        (0, "en", "today"),
        (1, "en", "tomorrow"),
        (12, "en", "in 12 days"),
    ],
)
def test_describe_days_until(days, lang, text):
    assert describe_days_until(days, lang) == text


def test_describe_days_until_refuses_the_past():
    with pytest.raises(ValueError, match="negative"):
        describe_days_until(-1, "de")


@pytest.mark.parametrize(
    ("month", "day", "year"),
    [(2, 30, None), (13, 1, None), (4, 31, None), (2, 29, 1990), (0, 10, None)],
)
def test_invalid_birthdays_are_refused(month, day, year):
    with pytest.raises(ValueError, match="not a valid birthday"):
        Birthday(month, day, year)


def test_birthdays_within_a_week_sorted_soonest_first():
    birthdays = {
        1: Birthday(3, 20),
        2: Birthday(3, 14, 1975),
        3: Birthday(3, 22),  # 8 days away: outside
        4: Birthday(3, 13),  # yesterday: next year
        5: Birthday(3, 14),
    }
    assert birthdays_within(birthdays, today=date(2026, 3, 14), days=7) == [
        (2, date(2026, 3, 14), 0),
        (5, date(2026, 3, 14), 0),
        (1, date(2026, 3, 20), 6),
    ]


def _valid(month, day, year):
    try:
        return Birthday(month, day, year)
    except ValueError:
        return None


valid_birthdays = st.builds(
    _valid, st.integers(1, 12), st.integers(1, 31), st.none() | st.integers(1900, 2020)
).filter(lambda b: b is not None)


@given(valid_birthdays, st.dates(min_value=date(2021, 1, 1), max_value=date(2099, 12, 31)))
def test_next_birthday_is_within_a_year_and_on_the_right_day(birthday, today):
    upcoming = next_birthday(birthday, today)
    assert today <= upcoming < today + timedelta(days=366)
    assert days_until_birthday(birthday, today) == (upcoming - today).days
    if (birthday.month, birthday.day) == (2, 29) and not calendar.isleap(upcoming.year):
        assert (upcoming.month, upcoming.day) == (2, 28)
    else:
        assert (upcoming.month, upcoming.day) == (birthday.month, birthday.day)


@given(valid_birthdays, st.dates(min_value=date(2021, 1, 1), max_value=date(2099, 12, 31)))
def test_age_grows_by_one_on_the_observed_birthday(birthday, today):
    upcoming = next_birthday(birthday, today)
    if birthday.year is None:
        assert age_on(birthday, upcoming) is None
        return
    assert age_on(birthday, upcoming) == age_at_next_birthday(birthday, today)
    assert age_on(birthday, upcoming - timedelta(days=1)) == age_at_next_birthday(birthday, today) - 1


@pytest.mark.parametrize("year", [1604, 1799, 2201])
def test_implausible_birth_years_are_refused(year):
    # Apple writes 1604 for "no year"; parsers must turn that into year=None, never store it.
    with pytest.raises(ValueError, match="implausible"):
        Birthday(month=11, day=2, year=year)
