"""The follow-up after a logged interaction: the article's steps, their days, and the settings."""

import dataclasses
from datetime import date

import pytest

from vernetzt.core.followup import likely_on_xing, tasks_after_interaction
from vernetzt.core.playbook import InteractionFacts, PersonFacts, PlaybookSettings, describe_task

DEFAULTS = PlaybookSettings()
ANNA = PersonFacts(person_id=7, name="Anna Weber")


def after(kind, day, *, person=ANNA, settings=DEFAULTS, **interaction):
    facts = InteractionFacts(person_id=person.person_id, kind=kind, date=day, **interaction)
    return tasks_after_interaction(interaction=facts, person=person, settings=settings)


def kinds_and_dues(proposals):
    return [(p.kind, p.due) for p in proposals]


# --- after an encounter with a meeting agreed ------------------------------------------------------------


def test_encounter_with_meeting_agreed_brings_thanks_and_connections_today_and_a_call_tomorrow():
    proposals = after("event_conversation", date(2026, 3, 12), meeting_agreed=True, event_name="BVL-Kongress")
    assert kinds_and_dues(proposals) == [
        ("thank_you_email", date(2026, 3, 12)),
        ("connect_linkedin", date(2026, 3, 12)),
        ("connect_xing", date(2026, 3, 12)),
        ("call_to_schedule", date(2026, 3, 13)),
    ]
    thanks, linkedin, _, call = proposals
    assert thanks.reason.code == "encounter_thanks"
    assert thanks.reason.params == {"name": "Anna Weber", "date": "2026-03-12", "event": "BVL-Kongress"}
    assert describe_task(thanks, "de") == (
        "Gespräch mit Anna Weber bei „BVL-Kongress“ am 12. März 2026, Treffen vereinbart – noch am selben "
        "Tag mit einer Dankes-E-Mail an das Gespräch anknüpfen."
    )
    assert describe_task(linkedin, "en") == (
        "After talking to Anna Weber at “BVL-Kongress”: connect on LinkedIn while the encounter is fresh."
    )
    assert call.dedupe_key == "call_to_schedule:7:2026-03-12"


@pytest.mark.parametrize(
    ("day", "due"),
    [
        (date(2026, 3, 13), date(2026, 3, 16)),  # Friday → Monday
        (date(2026, 3, 14), date(2026, 3, 16)),  # Saturday → Monday
        (date(2026, 3, 16), date(2026, 3, 17)),  # Monday → Tuesday
        (date(2026, 4, 2), date(2026, 4, 7)),  # Maundy Thursday → Tuesday after Easter Monday
        (date(2026, 4, 6), date(2026, 4, 7)),  # on Easter Monday itself
        (date(2026, 12, 24), date(2026, 12, 28)),  # Christmas Eve → after both Christmas days
        (date(2026, 12, 31), date(2027, 1, 4)),  # New Year's Eve → after New Year's Day and the weekend
        (date(2027, 5, 5), date(2027, 5, 7)),  # skips Ascension Day
    ],
)
def test_the_call_to_fix_the_date_is_due_the_next_working_day(day, due):
    proposals = after("event_conversation", day, meeting_agreed=True, event_name="BVL-Kongress")
    calls = [p for p in proposals if p.kind == "call_to_schedule"]
    assert kinds_and_dues(calls) == [("call_to_schedule", due)]
    assert {p.due for p in proposals if p.kind != "call_to_schedule"} == {day}  # thanks and connect: today


def test_xing_only_where_the_person_is_likely_on_it():
    in_singapore = dataclasses.replace(ANNA, has_xing=False)
    kinds = [p.kind for p in after("event_conversation", date(2026, 3, 12), person=in_singapore,
                                   meeting_agreed=True)]
    assert kinds == ["thank_you_email", "connect_linkedin", "call_to_schedule"]


@pytest.mark.parametrize(
    ("xing_url", "connected", "country", "languages", "expected"),
    [
        ("https://www.xing.com/profile/Anna_Weber", False, "SG", [], True),
        ("", True, "US", [], True),
        ("", False, "DE", [], True),
        ("", False, "at", ["English"], True),
        ("", False, "SG", ["Deutsch"], False),  # a German abroad: LinkedIn is the network there
        ("", False, "", ["Deutsch", "Englisch"], True),
        ("", False, "", ["English"], False),
        ("", False, "", [], False),
    ],
)
def test_likely_on_xing(xing_url, connected, country, languages, expected):
    assert likely_on_xing(xing_url=xing_url, xing_connected=connected, country=country,
                          languages=languages) is expected


def test_an_encounter_after_connecting_asks_only_for_thanks_and_the_call():
    connected = dataclasses.replace(ANNA, linkedin_connected=True, xing_connected=True)
    kinds = [p.kind for p in after("event_conversation", date(2026, 3, 12), person=connected,
                                   meeting_agreed=True)]
    assert kinds == ["thank_you_email", "call_to_schedule"]


@pytest.mark.parametrize(
    ("kind", "meeting_agreed"),
    [
        ("event_conversation", False),
        ("call", True),
        ("email", True),
        ("message", False),
        ("birthday_greeting", False),
        ("other", True),
    ],
)
def test_interactions_without_follow_up(kind, meeting_agreed):
    assert after(kind, date(2026, 3, 13), meeting_agreed=meeting_agreed) == []


# --- after the meeting -----------------------------------------------------------------------------------


def test_first_meeting_brings_thanks_connections_and_a_lunch():
    assert kinds_and_dues(after("meeting", date(2026, 3, 14))) == [
        ("thank_you_email", date(2026, 3, 14)),  # same day, even on a Saturday
        ("connect_linkedin", date(2026, 3, 14)),
        ("connect_xing", date(2026, 3, 14)),
        ("propose_lunch", date(2026, 3, 28)),
    ]


def test_lunch_brings_thanks_and_connections_but_no_further_lunch():
    assert [p.kind for p in after("lunch", date(2026, 3, 14))] == [
        "thank_you_email",
        "connect_linkedin",
        "connect_xing",
    ]


@pytest.mark.parametrize(
    ("person", "expected"),
    [
        (
            dataclasses.replace(ANNA, linkedin_connected=True),
            ["thank_you_email", "connect_xing", "propose_lunch"],
        ),
        (
            dataclasses.replace(ANNA, xing_connected=True, has_linkedin=False),
            ["thank_you_email", "propose_lunch"],
        ),
        (
            dataclasses.replace(ANNA, first_meeting_date=date(2025, 1, 10)),  # a second meeting
            ["thank_you_email", "connect_linkedin", "connect_xing"],
        ),
        (
            dataclasses.replace(ANNA, first_meeting_date=date(2026, 3, 14)),  # stored before the rules ran
            ["thank_you_email", "connect_linkedin", "connect_xing", "propose_lunch"],
        ),
        (
            dataclasses.replace(ANNA, open_task_kinds=frozenset({"thank_you_email", "propose_lunch"})),
            ["connect_linkedin", "connect_xing"],
        ),
    ],
)
def test_meeting_follow_ups_depend_on_the_person(person, expected):
    assert [p.kind for p in after("meeting", date(2026, 3, 14), person=person)] == expected


@pytest.mark.parametrize(
    ("settings", "kind", "expected"),
    [
        (
            PlaybookSettings(call_to_schedule_enabled=False, connect_xing_enabled=False),
            "event_conversation",
            [("thank_you_email", date(2026, 4, 2)), ("connect_linkedin", date(2026, 4, 2))],
        ),
        (
            PlaybookSettings(thank_you_enabled=False, connect_linkedin_enabled=False,
                             connect_xing_enabled=False, call_to_schedule_delay_workdays=2),
            "event_conversation",
            [("call_to_schedule", date(2026, 4, 8))],
        ),
        (
            PlaybookSettings(thank_you_delay_days=1, connect_delay_days=1, observe_holidays=False),
            "event_conversation",
            [("thank_you_email", date(2026, 4, 3)), ("connect_linkedin", date(2026, 4, 3)),
             ("connect_xing", date(2026, 4, 3)), ("call_to_schedule", date(2026, 4, 3))],
        ),
        (
            PlaybookSettings(thank_you_enabled=False, connect_linkedin_enabled=False,
                             connect_xing_enabled=False, call_to_schedule_delay_workdays=0),
            "event_conversation",
            [("call_to_schedule", date(2026, 4, 2))],
        ),
        (
            PlaybookSettings(
                thank_you_delay_days=1,
                connect_xing_enabled=False,
                propose_lunch_enabled=False,
                connect_delay_days=2,
            ),
            "meeting",
            [("thank_you_email", date(2026, 4, 3)), ("connect_linkedin", date(2026, 4, 4))],
        ),
        (
            PlaybookSettings(
                thank_you_enabled=False,
                connect_linkedin_enabled=False,
                connect_xing_enabled=False,
                propose_lunch_delay_days=7,
            ),
            "meeting",
            [("propose_lunch", date(2026, 4, 9))],
        ),
    ],
)
def test_settings_switch_rules_and_change_delays(settings, kind, expected):
    proposals = after(kind, date(2026, 4, 2), settings=settings, meeting_agreed=True)
    assert kinds_and_dues(proposals) == expected


def test_a_meeting_agreed_in_a_meeting_does_not_ask_for_a_call():
    assert "call_to_schedule" not in [p.kind for p in after("meeting", date(2026, 3, 2), meeting_agreed=True)]


def test_lunch_proposal_names_topic_and_benefit():
    person = dataclasses.replace(ANNA, planned_benefit="Kontakt zu Dr. Meier (Zoll Vietnam)")
    (lunch,) = [
        p
        for p in after("meeting", date(2026, 3, 2), person=person, topic="Logistik in Vietnam")
        if p.kind == "propose_lunch"
    ]
    assert lunch.reason.params == {
        "name": "Anna Weber",
        "date": "2026-03-02",
        "topic": "Logistik in Vietnam",
        "benefit": "Kontakt zu Dr. Meier (Zoll Vietnam)",
    }
    german = describe_task(lunch, "de")
    assert "Thema: Logistik in Vietnam." in german
    assert "Nutzen für Anna Weber: Kontakt zu Dr. Meier (Zoll Vietnam)." in german
    assert "Topic: Logistik in Vietnam." in describe_task(lunch, "en")


def test_lunch_proposal_without_topic_reminds_to_name_them():
    (lunch,) = [p for p in after("meeting", date(2026, 3, 2)) if p.kind == "propose_lunch"]
    assert "Thema und Nutzen für Anna Weber nennen" in describe_task(lunch, "de")
    assert "Name the topic" in describe_task(lunch, "en")


def test_interaction_must_belong_to_the_person():
    facts = InteractionFacts(person_id=8, kind="meeting", date=date(2026, 3, 2))
    with pytest.raises(ValueError, match="do not match"):
        tasks_after_interaction(interaction=facts, person=ANNA, settings=DEFAULTS)
