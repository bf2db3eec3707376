from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.workdays import (
    add_workdays,
    easter_sunday,
    german_public_holidays,
    holiday_name,
    is_workday,
    local_date,
)


@pytest.mark.parametrize(
    ("year", "easter"),
    [
        (2000, date(2000, 4, 23)),
        (2008, date(2008, 3, 23)),  # early Easter
        (2011, date(2011, 4, 24)),  # late Easter
        (2019, date(2019, 4, 21)),
        (2024, date(2024, 3, 31)),
        (2025, date(2025, 4, 20)),
        (2026, date(2026, 4, 5)),
        (2027, date(2027, 3, 28)),
        (2028, date(2028, 4, 16)),
        (2038, date(2038, 4, 25)),
    ],
)
def test_easter_sunday(year, easter):
    assert easter_sunday(year) == easter


def test_holidays_2027():
    assert german_public_holidays(2027) == {
        date(2027, 1, 1): "new_year",
        date(2027, 3, 26): "good_friday",
        date(2027, 3, 29): "easter_monday",
        date(2027, 5, 1): "labour_day",
        date(2027, 5, 6): "ascension",
        date(2027, 5, 17): "whit_monday",
        date(2027, 10, 3): "german_unity",
        date(2027, 12, 25): "christmas_day",
        date(2027, 12, 26): "boxing_day",
    }


def test_reformation_day_only_nationwide_in_2017():
    assert holiday_name(date(2017, 10, 31), "de") == "Reformationstag"
    assert holiday_name(date(2018, 10, 31), "de") is None


@pytest.mark.parametrize(
    ("day", "lang", "name"),
    [
        (date(2026, 4, 6), "de", "Ostermontag"),
        (date(2026, 4, 6), "en", "Easter Monday"),
        (date(2026, 10, 3), "de", "Tag der Deutschen Einheit"),
        (date(2026, 10, 5), "en", None),
    ],
)
def test_holiday_name(day, lang, name):
    assert holiday_name(day, lang) == name


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 3, 13), 1, date(2026, 3, 16)),  # Friday → Monday
        (date(2026, 3, 14), 1, date(2026, 3, 16)),  # Saturday → Monday
        (date(2026, 3, 15), 1, date(2026, 3, 16)),  # Sunday → Monday
        (date(2026, 3, 16), 1, date(2026, 3, 17)),  # Monday → Tuesday
        (date(2026, 3, 16), 5, date(2026, 3, 23)),  # a full week
        (date(2026, 4, 2), 1, date(2026, 4, 7)),  # Maundy Thursday → past Good Friday and Easter Monday
        (date(2026, 4, 3), 1, date(2026, 4, 7)),  # Good Friday itself
        (date(2026, 12, 23), 1, date(2026, 12, 24)),  # Christmas Eve is a working day
        (date(2026, 12, 24), 1, date(2026, 12, 28)),  # over Christmas and the weekend
        (date(2027, 12, 24), 1, date(2027, 12, 27)),  # Christmas 2027 falls on the weekend
        (date(2026, 12, 31), 1, date(2027, 1, 4)),  # New Year's Day Friday, then weekend
        (date(2027, 4, 30), 1, date(2027, 5, 3)),  # Friday before Labour Day Saturday
        (date(2027, 5, 5), 1, date(2027, 5, 7)),  # skips Ascension Thursday
        (date(2026, 10, 2), 1, date(2026, 10, 5)),  # German Unity Day on Saturday
        (date(2026, 3, 14), 0, date(2026, 3, 16)),  # no delay on a weekend → next working day
        (date(2026, 3, 16), 0, date(2026, 3, 16)),  # no delay on a working day → that day
        (date(2027, 1, 1), 0, date(2027, 1, 4)),
    ],
)
def test_add_workdays(start, count, expected):
    assert add_workdays(start, count) == expected


def test_add_workdays_without_holidays_counts_only_weekends():
    assert add_workdays(date(2026, 4, 2), 1, observe_holidays=False) == date(2026, 4, 3)
    assert add_workdays(date(2026, 12, 24), 1, observe_holidays=False) == date(2026, 12, 25)


def test_add_workdays_refuses_negative_counts():
    with pytest.raises(ValueError, match="negative"):
        add_workdays(date(2026, 1, 5), -1)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)), st.integers(0, 40))
def test_add_workdays_lands_on_a_workday_and_counts_exactly(start, count):
    result = add_workdays(start, count)
    assert is_workday(result)
    between = [start + timedelta(days=n) for n in range(1, (result - start).days + 1)]
    if count:
        assert sum(is_workday(day) for day in between) == count
        assert result > start


@given(st.integers(1900, 2200))
def test_easter_is_a_sunday_between_march_22_and_april_25(year):
    easter = easter_sunday(year)
    assert easter.weekday() == 6
    assert date(year, 3, 22) <= easter <= date(year, 4, 25)


@pytest.mark.parametrize(
    ("moment", "tz", "expected"),
    [
        # 23:30 UTC on New Year's Eve is already New Year's Day in Berlin
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "Europe/Berlin", date(2027, 1, 1)),
        (datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "UTC", date(2026, 12, 31)),
        (datetime(2026, 12, 31, 22, 59, tzinfo=UTC), "Europe/Berlin", date(2026, 12, 31)),
        (datetime(2026, 12, 31, 23, 0, tzinfo=UTC), "Europe/Berlin", date(2027, 1, 1)),
        (datetime(2027, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=1))), "UTC", date(2026, 12, 31)),
        # summer time: UTC+2
        (datetime(2026, 7, 3, 22, 30, tzinfo=UTC), "Europe/Berlin", date(2026, 7, 4)),
        (datetime(2026, 7, 3, 21, 59, tzinfo=UTC), "Europe/Berlin", date(2026, 7, 3)),
        (datetime(2026, 7, 4, 2, 0, tzinfo=UTC), "America/New_York", date(2026, 7, 3)),
    ],
)
def test_local_date(moment, tz, expected):
    assert local_date(moment, tz) == expected


def test_the_zone_decides_which_day_the_call_is_due():
    # Sunday 23:30 UTC is Monday 00:30 in Berlin: the conversation took place on a working day there.
    moment = datetime(2026, 3, 15, 23, 30, tzinfo=UTC)
    assert add_workdays(local_date(moment, "Europe/Berlin"), 1) == date(2026, 3, 17)
    assert add_workdays(local_date(moment, "UTC"), 1) == date(2026, 3, 16)


def test_local_date_refuses_naive_datetimes_and_unknown_zones():
    with pytest.raises(ValueError, match="timezone-aware"):
        local_date(datetime(2026, 12, 31, 23, 30), "Europe/Berlin")
    with pytest.raises(ValueError, match="unknown time zone"):
        local_date(datetime(2026, 12, 31, 23, 30, tzinfo=UTC), "Europe/Atlantis")
