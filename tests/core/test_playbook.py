import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vernetzt.core.birthdays import Birthday
from vernetzt.core.cadence import PHASE_IN_DAYS, TIERS, CadenceSettings
from vernetzt.core.playbook import (
    INTERACTION_KINDS,
    TARGET_STAGES,
    TASK_KINDS,
    GoalFacts,
    InteractionFacts,
    PersonFacts,
    PlaybookSettings,
    Reason,
    advance_target_stage,
    describe_rules,
    describe_task,
    describe_task_kind,
    describe_task_reason,
    raise_target_stage,
    settings_from_dict,
    settings_to_dict,
    tasks_due_by_calendar,
)
from vernetzt.core.playbook_text import REASON_TEXTS

DEFAULTS = PlaybookSettings()
ANNA = PersonFacts(person_id=7, name="Anna Weber")


def kinds_and_dues(proposals):
    return [(p.kind, p.due) for p in proposals]


@pytest.mark.parametrize(
    "make",
    [
        lambda: InteractionFacts(person_id=1, kind="dinner", date=date(2026, 1, 1)),
        lambda: InteractionFacts(person_id=1, kind="call", date=date(2026, 1, 1), their_share=120),
        lambda: PersonFacts(person_id=1, name="X", tier="dormant"),
        lambda: PersonFacts(person_id=1, name="X", formality="ihr"),
        lambda: PersonFacts(person_id=1, name="X", open_task_kinds=frozenset({"lunch"})),
        lambda: PlaybookSettings(birthday_notice_days=-1),
        lambda: PlaybookSettings(birthday_enabled="yes"),
        lambda: PlaybookSettings(reconnect_max_open=0),
    ],
)
def test_invalid_facts_and_settings_are_refused(make):
    with pytest.raises(ValueError):
        make()


# --- by the calendar ------------------------------------------------------------------------------------


def calendar(today, persons=(), goals=(), settings=DEFAULTS, open_cadence=()):
    return tasks_due_by_calendar(
        today=today, persons=persons, goals=goals, settings=settings, open_cadence=open_cadence
    )


@pytest.mark.parametrize(
    ("birthday", "today", "expected"),
    [
        (Birthday(3, 20), date(2026, 3, 16), []),  # 4 days ahead: not yet announced
        (Birthday(3, 20), date(2026, 3, 17), [("birthday_greeting", date(2026, 3, 20))]),
        (Birthday(3, 20), date(2026, 3, 20), [("birthday_greeting", date(2026, 3, 20))]),
        (Birthday(3, 20), date(2026, 3, 21), []),
        (Birthday(1, 2), date(2026, 12, 30), [("birthday_greeting", date(2027, 1, 2))]),  # across New Year
        (Birthday(2, 29), date(2027, 2, 25), [("birthday_greeting", date(2027, 2, 28))]),
        (Birthday(2, 29), date(2027, 2, 24), []),
        (Birthday(2, 29, 1980), date(2028, 2, 26), [("birthday_greeting", date(2028, 2, 29))]),
        (Birthday(2, 29), date(2028, 2, 25), []),  # 2028 is a leap year: 4 days ahead
    ],
)
def test_birthdays_are_announced_ahead_and_due_on_the_day(birthday, today, expected):
    person = dataclasses.replace(ANNA, birthday=birthday)
    assert kinds_and_dues(calendar(today, [person])) == expected


def test_birthday_reason_names_age_only_when_the_year_is_known():
    with_year = dataclasses.replace(ANNA, birthday=Birthday(2, 29, 1988))
    (task,) = calendar(date(2027, 2, 27), [with_year])
    assert task.dedupe_key == "birthday:7:2027"
    assert task.reason.params == {"name": "Anna Weber", "date": "2027-02-28", "days": 1, "age": 39}
    assert describe_task(task, "de") == (
        "Anna Weber hat morgen Geburtstag (28. Februar 2027, wird 39) – gratulieren, am besten mit einem "
        "Detail aus dem letzten Gespräch."
    )
    (yearless,) = calendar(date(2027, 2, 28), [dataclasses.replace(ANNA, birthday=Birthday(2, 28))])
    assert "age" not in yearless.reason.params
    assert describe_task(yearless, "en").startswith("Anna Weber's birthday is today (February 28, 2027) –")


@pytest.mark.parametrize(
    ("tier", "call_for_inner", "kind"),
    [
        ("inner", True, "birthday_call"),
        ("inner", False, "birthday_greeting"),
        ("developing", True, "birthday_greeting"),
        (None, True, "birthday_greeting"),
    ],
)
def test_closest_tier_gets_a_birthday_call(tier, call_for_inner, kind):
    person = dataclasses.replace(ANNA, tier=tier, birthday=Birthday(5, 1))
    settings = PlaybookSettings(birthday_call_for_inner=call_for_inner)
    assert [p.kind for p in calendar(date(2026, 5, 1), [person], settings=settings)] == [kind]


@pytest.mark.parametrize("open_kind", ["birthday_greeting", "birthday_call"])
def test_open_birthday_task_is_not_proposed_again(open_kind):
    person = dataclasses.replace(ANNA, birthday=Birthday(5, 1), open_task_kinds=frozenset({open_kind}))
    assert calendar(date(2026, 4, 30), [person]) == []


@pytest.mark.parametrize(
    ("tier", "count", "last", "today", "expected_due"),
    [
        ("developing", 5, date(2026, 1, 1), date(2026, 1, 30), None),
        ("developing", 5, date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 31)),
        ("developing", 5, date(2026, 1, 1), date(2026, 2, 15), date(2026, 2, 15)),  # late: from today
        ("inner", 5, date(2026, 1, 1), date(2026, 1, 15), date(2026, 1, 15)),
        ("secondary", 5, date(2026, 1, 1), date(2026, 5, 30), None),
        ("secondary", 5, date(2026, 1, 1), date(2026, 5, 31), date(2026, 5, 31)),
        ("new", 1, date(2026, 1, 1), date(2026, 1, 11), date(2026, 1, 11)),
        ("new", 3, date(2026, 1, 1), date(2026, 1, 11), None),  # graduated: monthly now
        (None, 5, date(2020, 1, 1), date(2022, 1, 1), None),  # no tier, no cadence
    ],
)
def test_keep_in_touch_by_tier(tier, count, last, today, expected_due):
    person = dataclasses.replace(ANNA, tier=tier, interactions_count=count, last_interaction_date=last)
    expected = [] if expected_due is None else [("keep_in_touch", expected_due)]
    assert kinds_and_dues(calendar(today, [person])) == expected


def test_keep_in_touch_for_a_new_contact_suggests_another_channel():
    person = dataclasses.replace(
        ANNA,
        tier="new",
        interactions_count=1,
        last_interaction_date=date(2026, 1, 1),
        last_interaction_kind="email",
    )
    (task,) = calendar(date(2026, 1, 12), [person])
    assert task.dedupe_key == "keep_in_touch:7:2026-01-11"
    assert describe_task(task, "de") == (
        "Letzter Kontakt mit Anna Weber am 1. Januar 2026; Stufe „Neuer Kontakt“: alle 10 Tage melden. "
        "Diesmal einen anderen Kanal wählen als zuletzt (E-Mail)."
    )
    assert "different channel than last time (E-mail)" in describe_task(task, "en")


@pytest.mark.parametrize(
    "open_kind", ["keep_in_touch", "thank_you_email", "propose_lunch", "call_to_schedule"]
)
def test_no_routine_touch_while_another_touch_is_open(open_kind):
    person = dataclasses.replace(
        ANNA, tier="inner", last_interaction_date=date(2026, 1, 1), open_task_kinds=frozenset({open_kind})
    )
    assert calendar(date(2026, 3, 1), [person]) == []


def test_a_birthday_replaces_the_routine_touch():
    person = dataclasses.replace(
        ANNA,
        tier="developing",
        interactions_count=5,
        last_interaction_date=date(2026, 1, 1),
        birthday=Birthday(2, 2),
    )
    assert [p.kind for p in calendar(date(2026, 2, 1), [person])] == ["birthday_greeting"]


def dormant(person_id, value, last=date(2021, 5, 1), **changes):
    return PersonFacts(
        person_id=person_id,
        name=f"P{person_id}",
        value=value,
        last_interaction_date=last,
        tier="secondary",
        **changes,
    )


def test_dormant_ties_are_proposed_most_valuable_first_and_capped():
    persons = [
        dormant(1, 0.2),
        dormant(2, 0.9),
        dormant(3, 0.5),
        dormant(4, 0.7),
        dormant(5, 0.9),
        dormant(6, 1.0, last=date(2024, 6, 1)),
    ]  # 6 is not dormant: a routine touch instead
    proposals = calendar(date(2026, 1, 10), persons)
    reconnects = [p.person_id for p in proposals if p.kind == "reconnect"]
    assert reconnects == [2, 5, 4]
    assert [p.kind for p in proposals if p.person_id == 6] == ["keep_in_touch"]
    (first,) = [p for p in proposals if p.person_id == 2]
    assert first.due == date(2026, 1, 10)
    assert first.dedupe_key == "reconnect:2:2021-05-01"
    assert describe_task(first, "de").startswith("Seit 4 Jahren kein Kontakt mit P2 (zuletzt am 1. Mai 2021)")


def test_open_reconnections_count_against_the_cap():
    persons = [
        dormant(1, 0.2, open_task_kinds=frozenset({"reconnect"})),
        dormant(2, 0.9),
        dormant(3, 0.5),
        dormant(4, 0.7),
    ]
    proposals = tasks_due_by_calendar(
        today=date(2026, 1, 10),
        persons=persons,
        settings=DEFAULTS,
        open_cadence=[("reconnect", date(2026, 1, 2)), ("birthday_greeting", date(2026, 1, 10))],
    )
    assert [p.person_id for p in proposals] == [2, 4]


@pytest.mark.parametrize(
    ("created", "approached", "active", "open_kinds", "expected"),
    [
        (date(2026, 3, 1), 0, True, frozenset(), [("start_goal", date(2026, 3, 15))]),
        (date(2026, 3, 2), 0, True, frozenset(), []),  # 13 days: not yet
        (date(2026, 1, 1), 1, True, frozenset(), []),
        (date(2026, 1, 1), 0, False, frozenset(), []),
        (date(2026, 1, 1), 0, True, frozenset({"start_goal"}), []),
    ],
)
def test_idle_goal_gets_a_nudge(created, approached, active, open_kinds, expected):
    goal = GoalFacts(
        goal_id=3,
        title="Expat in Südostasien",
        created=created,
        approached_count=approached,
        active=active,
        open_task_kinds=open_kinds,
    )
    proposals = calendar(date(2026, 3, 15), goals=[goal])
    assert kinds_and_dues(proposals) == expected
    if proposals:
        assert proposals[0].goal_id == 3 and proposals[0].person_id is None
        assert proposals[0].dedupe_key == "start_goal:3"
        assert describe_task(proposals[0], "de") == (
            "Ziel „Expat in Südostasien“: seit 14 Tagen noch niemand angesprochen – heute die erste Person "
            "ansprechen."
        )


def test_disabled_calendar_rules_propose_nothing():
    settings = PlaybookSettings(
        birthday_enabled=False, keep_in_touch_enabled=False, reconnect_enabled=False, start_goal_enabled=False
    )
    persons = [
        dataclasses.replace(
            ANNA, tier="inner", birthday=Birthday(1, 1), last_interaction_date=date(2025, 12, 1)
        ),
        dormant(1, 1.0),
    ]
    goals = [GoalFacts(goal_id=1, title="G", created=date(2025, 1, 1))]
    assert calendar(date(2026, 1, 1), persons, goals, settings) == []


def test_calendar_proposals_are_sorted_by_due_date_then_kind():
    persons = [
        dataclasses.replace(ANNA, birthday=Birthday(1, 3)),
        dormant(1, 0.5),
        PersonFacts(person_id=2, name="B", tier="inner", last_interaction_date=date(2025, 12, 1)),
    ]
    goals = [GoalFacts(goal_id=1, title="G", created=date(2025, 12, 1))]
    assert kinds_and_dues(calendar(date(2026, 1, 1), persons, goals)) == [
        ("keep_in_touch", date(2026, 1, 1)),
        ("reconnect", date(2026, 1, 1)),
        ("start_goal", date(2026, 1, 1)),
        ("birthday_greeting", date(2026, 1, 3)),
    ]


persons_strategy = st.lists(
    st.builds(
        PersonFacts,
        person_id=st.integers(1, 10_000),
        name=st.just("X"),
        tier=st.sampled_from((*TIERS, None)),
        birthday=st.none() | st.builds(Birthday, month=st.integers(1, 12), day=st.integers(1, 28)),
        last_interaction_date=st.none() | st.dates(date(2015, 1, 1), date(2026, 6, 1)),
        interactions_count=st.integers(0, 6),
        value=st.floats(0, 1),
    ),
    max_size=12,
    unique_by=lambda p: p.person_id,
)


@settings(max_examples=60)
@given(persons_strategy, st.dates(date(2026, 6, 1), date(2027, 6, 1)))
def test_calendar_is_idempotent_once_proposals_are_open(persons, today):
    first = calendar(today, persons)
    assert len({p.dedupe_key for p in first}) == len(first)
    opened = {}
    for proposal in first:
        opened.setdefault(proposal.person_id, set()).add(proposal.kind)
    stored = [dataclasses.replace(p, open_task_kinds=frozenset(opened.get(p.person_id, ()))) for p in persons]
    assert calendar(today, stored, open_cadence=[(p.kind, p.due) for p in first]) == []
    assert calendar(today, persons) == first  # deterministic
    ahead = max(DEFAULTS.birthday_notice_days, PHASE_IN_DAYS)
    assert all(today <= p.due <= today + timedelta(days=ahead) for p in first)


# --- target stages --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("current", "kind", "agreed", "expected"),
    [
        ("identified", "event_conversation", False, "approached"),
        ("researched", "email", False, "approached"),
        ("benefit_found", "message", False, "approached"),
        ("identified", "call", True, "appointment_agreed"),
        ("approached", "event_conversation", True, "appointment_agreed"),
        ("appointment_agreed", "meeting", False, "met"),
        ("identified", "lunch", False, "met"),
        ("met", "lunch", False, "relationship"),
        ("met", "meeting", True, "relationship"),
        ("relationship", "meeting", False, "relationship"),
        # never backward
        ("appointment_agreed", "email", False, "appointment_agreed"),
        ("met", "event_conversation", True, "met"),
        ("relationship", "call", False, "relationship"),
    ],
)
def test_target_stage_advances_from_what_is_logged(current, kind, agreed, expected):
    assert (
        advance_target_stage(current_stage=current, interaction_kind=kind, meeting_agreed=agreed) == expected
    )


@given(st.sampled_from(TARGET_STAGES), st.sampled_from(INTERACTION_KINDS), st.booleans())
def test_target_stage_never_moves_backward(current, kind, agreed):
    advanced = advance_target_stage(current_stage=current, interaction_kind=kind, meeting_agreed=agreed)
    assert TARGET_STAGES.index(advanced) >= max(
        TARGET_STAGES.index(current), TARGET_STAGES.index("approached")
    )


def test_research_stages_rise_but_never_demote():
    assert raise_target_stage("identified", "benefit_found") == "benefit_found"
    assert raise_target_stage("met", "researched") == "met"
    with pytest.raises(ValueError, match="unknown target stage"):
        raise_target_stage("identified", "contacted")


# --- texts and settings ---------------------------------------------------------------------------------

SAMPLE_PARAMS = {
    "meeting_agreed": {"name": "A", "event": "BVL-Kongress"},
    "meeting_took_place": {"name": "A", "kind": "lunch", "date": "2026-03-02"},
    "connect_after_meeting": {"name": "A", "network": "XING"},
    "encounter_thanks": {"name": "A", "date": "2026-03-02"},
    "connect_after_encounter": {"name": "A", "network": "LinkedIn", "event": "BVL-Kongress"},
    "first_meeting": {"name": "A", "date": "2026-03-02"},
    "birthday_soon": {"name": "A", "date": "2026-03-02", "days": 3},
    "birthday_soon_call": {"name": "A", "date": "2026-03-02", "days": 0, "age": 50},
    "cadence_elapsed": {"name": "A", "last_date": "2026-01-02", "tier": "secondary", "days": 150},
    "dormant_tie": {"name": "A", "last_date": "2021-01-02", "years": 5},
    "goal_not_started": {"goal": "Vorstand", "days": 20},
}


@pytest.mark.parametrize("code", sorted(REASON_TEXTS))
def test_every_reason_reads_in_both_languages(code):
    german = describe_task_reason(Reason(code, SAMPLE_PARAMS[code]), "de")
    english = describe_task_reason(Reason(code, SAMPLE_PARAMS[code]), "en")
    assert german != english
    for text in (german, english):
        assert "{" not in text and text.endswith(".")


def test_meeting_agreed_reason_mentions_the_event_only_when_known():
    assert describe_task_reason(Reason("meeting_agreed", {"name": "A", "event": "BVL-Kongress"}), "de") == (
        "Gespräch mit A bei „BVL-Kongress“: Treffen vereinbart – den Termin telefonisch festmachen."
    )
    assert describe_task_reason(Reason("meeting_agreed", {"name": "A"}), "en") == (
        "Conversation with A: meeting agreed – call to fix the date."
    )


def test_every_task_kind_has_a_label_in_both_languages():
    for kind in TASK_KINDS:
        assert describe_task_kind(kind, "de") != describe_task_kind(kind, "en")
    with pytest.raises(ValueError, match="language"):
        describe_task_kind("reconnect", "fr")


def _resolve(settings, dotted):
    value = settings
    for part in dotted.split("."):
        value = getattr(value, part)
    return value


@pytest.mark.parametrize("lang", ["de", "en"])
def test_describe_rules_covers_every_setting(lang):
    rules = describe_rules(DEFAULTS, lang)
    assert len({rule.rule for rule in rules}) == len(rules) == 10
    covered = {name for rule in rules for name in rule.fields}
    flat = {f"cadence.{f.name}" for f in dataclasses.fields(CadenceSettings)} | {
        f.name for f in dataclasses.fields(PlaybookSettings) if f.name != "cadence"
    }
    assert covered == flat
    for rule in rules:
        assert rule.enabled is True
        assert "{" not in rule.text and rule.title
        for name in rule.fields:
            _resolve(DEFAULTS, name)


def test_describe_rules_shows_current_values():
    custom = PlaybookSettings(
        call_to_schedule_delay_workdays=2,
        observe_holidays=False,
        birthday_notice_days=1,
        reconnect_enabled=False,
        cadence=CadenceSettings(developing_days=21),
    )
    german = {rule.rule: rule for rule in describe_rules(custom, "de")}
    assert german["call_to_schedule"].text == (
        "Gespräch auf einer Veranstaltung mit vereinbartem Treffen → Termin telefonisch festmachen, fällig "
        "2 Werktage später (ohne Wochenenden)."
    )
    assert "angekündigt 1 Tag vorher" in german["birthday"].text
    assert "Im Aufbau: alle 21 Tage" in german["keep_in_touch"].text
    assert german["reconnect"].enabled is False
    assert "1095 Tage (rund 3 Jahre)" in german["reconnect"].text
    assert any("Levin, Walter & Murnighan 2011" in text for text in german["reconnect"].evidence)
    english = {rule.rule: rule for rule in describe_rules(DEFAULTS, "en")}
    assert (
        english["thank_you_email"].text
        == "A conversation at an event with a meeting agreed, and every meeting or lunch → thank-you "
        "e-mail, due the same day."
    )
    assert any("Ferrazzi" in text for text in english["keep_in_touch"].evidence)


def test_settings_round_trip_through_a_dict():
    custom = PlaybookSettings(birthday_notice_days=5, cadence=CadenceSettings(secondary_days=120))
    assert settings_from_dict(settings_to_dict(custom)) == custom
    assert settings_from_dict({}) == DEFAULTS
    assert settings_from_dict({"cadence": {"inner_days": 7}}).cadence.inner_days == 7


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"birthday_days": 3}, "unknown playbook settings"),
        ({"cadence": {"weekly": 1}}, "unknown cadence"),
        ({"cadence": 5}, "mapping"),
        ({"thank_you_delay_days": "1"}, "whole number"),
    ],
)
def test_settings_from_dict_refuses_bad_data(data, message):
    with pytest.raises(ValueError, match=message):
        settings_from_dict(data)
