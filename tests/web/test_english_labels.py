"""Stored content shown in the English interface: a German person's page, briefing and place in the
ranking read in English labels and names (and the German interface keeps the German ones)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from vernetzt.goals.services import create_goal
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(user):
    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH", city="Dortmund",
           interests=["Segeln"])
    return create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title_of_address="Frau",
        academic_title="Dr.",
        title="Leiterin Kontraktlogistik",
        organization_name="Rhein Cargo GmbH",
        city="Köln",
        country="Deutschland",
        interests=["Segeln", "Rennradfahren"],
        expertise=["Kontraktlogistik", "Controlling"],
    )


def _text(response) -> str:
    body = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body.split("<main", 1)[-1]))


def _page(client, user, lang, name, *args):
    user.language = lang
    user.save()
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    return _text(response)


# German words that must not show in the English pages, and what reads there instead.
LEAKS = re.compile(r"\b(Frau|Herr|Deutschland|Köln|Segeln|Rennradfahren|Kontraktlogistik|Kühlkette)\b")


def test_the_person_page_reads_in_english(alice_client, user, anna):
    english = _page(alice_client, user, "en", "person_detail", anna.pk)
    assert "Formal (Sie) · Ms · Dr." in english
    assert "Cologne, Germany" in english
    assert "sailing, road cycling" in english
    assert "contract logistics, financial controlling" in english
    assert not LEAKS.search(english.replace("Leiterin Kontraktlogistik", "")), LEAKS.search(english)
    german = _page(alice_client, user, "de", "person_detail", anna.pk)
    assert "Förmlich (Sie) · Frau Dr." in german
    assert "Köln, Deutschland" in german


def test_the_briefing_reads_in_english_around_the_german_questions(alice_client, user, anna):
    english = _page(alice_client, user, "en", "person_briefing", anna.pk)
    assert "In common: sailing" in english  # the source of the (German) question
    assert "Field: contract logistics" in english
    # The salutation is the German message's own: Anna is written to in German.
    assert "Salutation: Sehr geehrte Frau Dr. Weber" in english
    english = english.replace("Salutation: Sehr geehrte Frau Dr. Weber", "")
    labels = english.split("Prepared questions", 1)[0] + english.split("Successes of the last", 1)[-1]
    assert not LEAKS.search(labels.replace("Leiterin Kontraktlogistik", "")), LEAKS.search(labels)


def test_whom_to_meet_reads_in_english(alice_client, user, anna):
    goal = create_goal(owner=user, text="Kontraktlogistik leiten", functions=["supply_chain_logistics"],
                       keywords=["Kontraktlogistik"])
    english = _page(alice_client, user, "en", "goal_research", goal.pk)
    assert "Anna Weber" in english
    assert "Germany" in english
    assert "Matches “contract logistics”" in english
    assert "Interest: sailing" in english  # the chip of "Shared interest: sailing"
    results = english.split("Suggested people", 1)[-1]
    assert not LEAKS.search(results.replace("Leiterin Kontraktlogistik", "")), LEAKS.search(results)
