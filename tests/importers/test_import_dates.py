from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from vernetzt.importers.dates import parse_birthday, parse_date, parse_month, parse_timestamp, slash_order
from vernetzt.importers.records import Birthday


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("12 Mar 2024", "mdy", date(2024, 3, 12)),
        ("04 Sep 2025", "mdy", date(2025, 9, 4)),
        ("7-Feb-22", "mdy", date(2022, 2, 7)),
        ("23-Oct-19", "mdy", date(2019, 10, 23)),
        ("7-Feb-2022", "mdy", date(2022, 2, 7)),
        ("Mar 14, 1982", "mdy", date(1982, 3, 14)),
        ("2022-02-07", "mdy", date(2022, 2, 7)),
        ("20220207", "mdy", date(2022, 2, 7)),
        ("07.02.2022", "mdy", date(2022, 2, 7)),
        ("7.2.22", "mdy", date(2022, 2, 7)),
        ("14. März 2024", "mdy", date(2024, 3, 14)),
        ("2/7/2022", "mdy", date(2022, 2, 7)),
        ("2/7/2022", "dmy", date(2022, 7, 2)),
        ("", "mdy", None),
        ("0/0/00", "mdy", None),
        ("0.0.00", "mdy", None),
    ],
)
def test_parse_date(text, order, expected):
    assert parse_date(text, order=order) == expected


@pytest.mark.parametrize(
    "text", ["31.02.1980", "32 Jan 2020", "13/13/2020", "12 Foo 2020", "yesterday", "2020-13-01"]
)
def test_parse_date_rejects(text):
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("values", "order"),
    [
        (["07/02/2022", "13/02/2022"], "dmy"),
        (["07/02/2022", "02/13/2022"], "mdy"),
        (["07/02/2022"], "mdy"),
        (["12 Mar 2024", ""], "mdy"),
        (["1.2.2020", "13.2.2020"], "mdy"),
    ],
)
def test_slash_order_needs_proof_for_day_first(values, order):
    assert slash_order(values) == order


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1979-08-02", Birthday(8, 2, 1979)),
        ("--06-21", Birthday(6, 21)),
        ("--0229", Birthday(2, 29)),
        ("22.07.1975", Birthday(7, 22, 1975)),
        ("22.07.", Birthday(7, 22)),
        ("3/9/1984", Birthday(3, 9, 1984)),
        ("3/9/84", Birthday(3, 9, 1984)),
        ("Mar 14, 1982", Birthday(3, 14, 1982)),
        ("Mar 14", Birthday(3, 14)),
        ("0/0/00", None),
        ("", None),
    ],
)
def test_parse_birthday(text, expected):
    assert parse_birthday(text) == expected


def test_parse_birthday_rejects_impossible_day():
    with pytest.raises(ValueError):
        parse_birthday("31.02.1980")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oct 2021", date(2021, 10, 1)),
        ("Sep 2021", date(2021, 9, 1)),
        ("2016", date(2016, 1, 1)),
        ("04/2016", date(2016, 4, 1)),
        ("", None),
    ],
)
def test_parse_month(text, expected):
    assert parse_month(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-02 09:14:55 UTC", datetime(2026, 3, 2, 9, 14, 55, tzinfo=UTC)),
        ("11/30/22, 8:41 AM", datetime(2022, 11, 30, 8, 41, tzinfo=UTC)),
        ("11/30/22, 12:05 AM", datetime(2022, 11, 30, 0, 5, tzinfo=UTC)),
        ("11/30/2022, 8:41 PM", datetime(2022, 11, 30, 20, 41, tzinfo=UTC)),
        ("2025-11-03T08:00:00+01:00", datetime(2025, 11, 3, 7, 0, tzinfo=UTC)),
        ("2025-11-03", datetime(2025, 11, 3, tzinfo=UTC)),
        ("", None),
    ],
)
def test_parse_timestamp(text, expected):
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize("text", ["11/30/22, 13:41 PM", "tomorrow at noon", "2026-02-30 10:00:00 UTC"])
def test_parse_timestamp_rejects(text):
    with pytest.raises(ValueError):
        parse_timestamp(text)
