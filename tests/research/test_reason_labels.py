"""Recorded hobbies, cities and languages in ranking reasons read in the reader's language."""

from __future__ import annotations

import pytest

from vernetzt.goals.services import create_goal
from vernetzt.people.services import create_person, set_me
from vernetzt.research.services import rank_for_goal

pytestmark = pytest.mark.django_db


def test_reasons_name_shared_things_in_the_readers_language(user):
    set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster GmbH",
        city="Köln",
        country="Deutschland",
        interests=["Segeln"],
        languages=["Deutsch", "Vietnamesisch"],
    )
    create_person(
        owner=user,
        first_name="Linh",
        last_name="Pham",
        title="Head of Supply Chain",
        organization_name="Rhein Cargo GmbH",
        city="Köln",
        interests=["Segeln"],
        languages=["Deutsch", "Vietnamesisch"],
        tier="developing",
    )
    goal = create_goal(owner=user, text="Leitung Supply Chain", functions=["supply_chain_logistics"])
    english = rank_for_goal(owner=user, goal=goal, lang="en")[0].reasons
    german = rank_for_goal(owner=user, goal=goal, lang="de")[0].reasons
    assert {"Shared interest: sailing", "Same city: Cologne", "Shared language: Vietnamese"} <= set(english)
    assert {
        "Gemeinsames Interesse: Segeln",
        "Gleiche Stadt: Köln",
        "Gemeinsame Sprache: Vietnamesisch",
    } <= set(german)
    assert not any("German" in reason or "Deutsch" in reason for reason in english + german)
