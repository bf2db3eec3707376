"""Whom to meet on held-out attendee lists, judged against an answer key written before tuning.

The lists and the key are in ``tests_support/heldout_lists.py``; the README states the figures.
Each list is imported through the real attendee importer (CSV, German or English headers).
"""

from __future__ import annotations

import pytest

from tests_support.heldout_lists import JUNIOR, RIGHT, HeldOutList, expat_list, home_list
from vernetzt.goals.services import create_goal
from vernetzt.people.models import Education, Person
from vernetzt.people.services import set_me, update_person
from vernetzt.research.services import rank_for_goal
from vernetzt.transfer.services import import_attendees

pytestmark = pytest.mark.django_db

TOP = 10


def _load(user, held_out: HeldOutList, *, school: str, interest: str) -> None:
    report = import_attendees(
        owner=user, source=held_out.csv_bytes(), event_name=f"Kongress {held_out.name}",
        filename=f"{held_out.name}.csv",
    )  # fmt: skip
    assert report.created == len(held_out.attendees)
    warm = {(a.first_name, a.last_name) for a in held_out.attendees if a.warm}
    for person in Person.objects.for_user(user).filter(is_me=False):
        if (person.first_name, person.last_name) in warm:
            update_person(person=person, tier="key", interests=[interest])
            Education.objects.create(
                owner=user, person=person, school=school, normalized_school=school.lower()
            )


def _top(user, goal, held_out: HeldOutList) -> list[str]:
    found = rank_for_goal(owner=user, goal=goal, lang="de", limit=TOP)
    names = {p.pk: (p.first_name, p.last_name) for p in Person.objects.for_user(user)}
    return [held_out.truth_of(*names[c.person_id]) for c in found]


@pytest.fixture
def expat(user):
    held_out = expat_list()
    set_me(
        owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH", city="Dortmund",
        country="Deutschland", schools=["TU Dortmund"], interests=["Segeln"],
    )  # fmt: skip
    _load(user, held_out, school="TU Dortmund", interest="Segeln")
    return held_out


@pytest.fixture
def home(user):
    held_out = home_list()
    set_me(
        owner=user, title="Leiter Controlling", organization="Rheinstahl AG", city="Düsseldorf",
        country="Deutschland", schools=["Universität zu Köln"], interests=["Golf"],
    )  # fmt: skip
    _load(user, held_out, school="Universität zu Köln", interest="Golf")
    return held_out


def test_the_lists_have_the_stated_makeup():
    assert expat_list().makeup() == {"right": 24, "junior": 165, "mid": 55, "other": 138}
    assert home_list().makeup() == {"right": 24, "junior": 150, "mid": 30, "other": 130}
    assert sum(a.warm for a in expat_list().attendees) > 20


@pytest.mark.parametrize("levels", [[], ["director", "vp", "cxo"]], ids=["upward", "levels"])
def test_expat_goal_tops_with_senior_supply_chain_people_in_southeast_asia(user, expat, levels):
    goal = create_goal(
        owner=user, text="Als Expat nach Südostasien", levels=levels, functions=["supply_chain_logistics"],
        regions=["Südostasien"],
    )  # fmt: skip
    top = _top(user, goal, expat)
    assert top.count(RIGHT) >= 9, top
    assert top.count(JUNIOR) == 0, top


@pytest.mark.parametrize("levels", [[], ["director", "vp", "cxo"]], ids=["upward", "levels"])
def test_move_up_at_home_tops_with_finance_leaders_in_germany(user, home, levels):
    goal = create_goal(owner=user, text="Leiter Finanzen (CFO)", levels=levels, functions=["finance"])
    top = _top(user, goal, home)
    assert top.count(RIGHT) >= 9, top
    assert top.count(JUNIOR) == 0, top
