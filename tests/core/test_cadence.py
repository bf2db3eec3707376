from collections import Counter
from datetime import date, timedelta

import pytest

from vernetzt.core.cadence import (
    EVIDENCE,
    PHASE_IN_DAYS,
    RULE_EVIDENCE,
    TIER_LABELS,
    TIERS,
    CadenceSettings,
    current_touch_due,
    describe_tier,
    effective_tier,
    is_dormant,
    next_touch_due,
    phase_in,
)

DEFAULTS = CadenceSettings()


def test_default_cadences_follow_ferrazzi():
    per_year = {tier: 365 / DEFAULTS.days_for(tier) for tier in TIERS}
    assert 2 <= per_year["secondary"] <= 3  # secondary contacts: 2–3 a year
    assert 10 <= per_year["developing"] <= 14  # developing: about once a month
    assert DEFAULTS.new_days < DEFAULTS.developing_days  # new: several touches in quick succession
    assert DEFAULTS.new_contact_touches >= 3
    assert DEFAULTS.inner_days <= DEFAULTS.developing_days
    assert DEFAULTS.dormant_after_days == 3 * 365


@pytest.mark.parametrize(
    ("tier", "last", "due"),
    [
        ("inner", date(2026, 3, 1), date(2026, 3, 15)),
        ("new", date(2026, 3, 1), date(2026, 3, 11)),
        ("developing", date(2026, 1, 31), date(2026, 3, 2)),
        ("secondary", date(2026, 1, 1), date(2026, 5, 31)),
    ],
)
def test_next_touch_due(tier, last, due):
    assert next_touch_due(tier=tier, last_contact=last, settings=DEFAULTS) == due


@pytest.mark.parametrize(
    ("last", "today", "due"),
    [
        (date(2026, 1, 1), date(2026, 1, 30), None),  # first touch still ahead
        (date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 31)),
        (date(2026, 1, 1), date(2026, 2, 20), date(2026, 1, 31)),  # overdue: the same cycle
        (date(2026, 1, 1), date(2026, 3, 2), date(2026, 3, 2)),  # a skipped cycle: the next boundary
    ],
)
def test_current_touch_due_counts_whole_cycles(last, today, due):
    assert current_touch_due(tier="developing", last_contact=last, today=today, settings=DEFAULTS) == due


@pytest.mark.parametrize(
    ("tier", "count", "effective"),
    [
        ("new", 0, "new"),
        ("new", 2, "new"),
        ("new", 3, "developing"),
        ("inner", 0, "inner"),
        ("secondary", 10, "secondary"),
    ],
)
def test_new_contacts_graduate_after_enough_touches(tier, count, effective):
    assert effective_tier(tier, interactions_count=count, settings=DEFAULTS) == effective


@pytest.mark.parametrize(
    ("last", "today", "dormant"),
    [
        (None, date(2026, 1, 1), False),
        (date(2023, 1, 2), date(2026, 1, 1), True),  # exactly 1095 days
        (date(2023, 1, 3), date(2026, 1, 1), False),
        (date(2015, 6, 1), date(2026, 1, 1), True),
        (date(2025, 12, 31), date(2026, 1, 1), False),
    ],
)
def test_is_dormant(last, today, dormant):
    assert is_dormant(last, today, DEFAULTS) is dormant


def test_custom_settings_change_the_cadence():
    settings = CadenceSettings(developing_days=21, dormant_after_days=730)
    assert next_touch_due(tier="developing", last_contact=date(2026, 1, 1), settings=settings) == date(
        2026, 1, 22
    )
    assert is_dormant(date(2024, 1, 1), date(2026, 1, 1), settings)


@pytest.mark.parametrize(
    "kwargs",
    [
        {"inner_days": 0},
        {"developing_days": -5},
        {"new_days": 2.5},
        {"secondary_days": True},
        {"secondary_days": 400, "dormant_after_days": 300},
    ],
)
def test_invalid_settings_are_refused(kwargs):
    with pytest.raises(ValueError, match="must be"):
        CadenceSettings(**kwargs)


def test_unknown_tier_is_refused():
    with pytest.raises(ValueError, match="unknown tier"):
        DEFAULTS.days_for("dormant")


def test_tiers_are_labelled_and_described_in_both_languages():
    for tier in TIERS:
        assert TIER_LABELS[tier]["de"] and TIER_LABELS[tier]["en"]
    assert describe_tier("developing", settings=DEFAULTS, lang="de") == "Im Aufbau: alle 30 Tage"
    assert describe_tier("new", settings=DEFAULTS, lang="en") == (
        "New contact: every 10 days, until 3 touches are reached"
    )
    with pytest.raises(ValueError, match="language"):
        describe_tier("new", settings=DEFAULTS, lang="fr")


@pytest.mark.parametrize(
    ("code", "cited"),
    [
        ("weak_ties", "Granovetter 1973"),
        ("dormant_ties", "Levin, Walter & Murnighan 2011"),
        ("cadence", "Ferrazzi"),
    ],
)
def test_evidence_cites_its_source_in_both_languages(code, cited):
    for lang in ("de", "en"):
        assert cited in EVIDENCE[code].text(lang)
    assert EVIDENCE[code].text("de") != EVIDENCE[code].text("en")


def test_rule_evidence_refers_to_known_findings():
    assert {code for codes in RULE_EVIDENCE.values() for code in codes} <= set(EVIDENCE)


# --- phasing in a backlog --------------------------------------------------------------------------

MONDAY = date(2026, 3, 16)
LIMITS = {"keep_in_touch": 21, "reconnect": 3}


def phased(candidates, *, per_day=3, open_tasks=(), limits=LIMITS):
    return phase_in(candidates, today=MONDAY, per_day=per_day, max_open=limits, open_tasks=open_tasks)


def test_a_backlog_arrives_a_few_a_day_in_order():
    backlog = [(n, "keep_in_touch") for n in range(100)]
    result = phased(backlog)
    assert [item for item, _ in result] == list(range(21))  # the most important first; 21 open at most
    per_day = Counter(day for _, day in result)
    assert per_day == {MONDAY + timedelta(days=n): 3 for n in range(7)}


def test_open_tasks_take_their_days_and_count_against_the_limits():
    open_tasks = [
        ("keep_in_touch", MONDAY),
        ("keep_in_touch", MONDAY),
        ("reconnect", MONDAY - timedelta(days=9)),
    ]
    result = phased([("a", "reconnect"), ("b", "keep_in_touch"), ("c", "reconnect")], open_tasks=open_tasks)
    assert result == [("a", MONDAY), ("b", MONDAY + timedelta(days=1)), ("c", MONDAY + timedelta(days=1))]
    full = [("reconnect", MONDAY + timedelta(days=n)) for n in range(3)]
    assert phased([("d", "reconnect"), ("e", "keep_in_touch")], open_tasks=full) == [("e", MONDAY)]


def test_nothing_goes_beyond_the_look_ahead():
    busy = [("keep_in_touch", MONDAY + timedelta(days=n)) for n in range(PHASE_IN_DAYS + 1) for _ in range(3)]
    assert phased([("x", "keep_in_touch")], open_tasks=busy, limits={"keep_in_touch": 99}) == []
