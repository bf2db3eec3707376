"""The research engine through the real database: the seeded "Expat in Südostasien" scenario."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from research.conftest import SEA_SENIOR_SUPPLY_CHAIN
from vernetzt.goals.services import add_target, create_goal, update_goal
from vernetzt.journal.models import Interaction
from vernetzt.research.services import ResearchDataError, rank_for_goal

pytestmark = pytest.mark.django_db


def _names(candidates):
    return [c.name for c in candidates]


def test_senior_supply_chain_people_in_southeast_asia_come_first(user, scenario):
    found = rank_for_goal(owner=user, goal=scenario["goal"], lang="de", event=scenario["event"])
    names = _names(found)
    assert set(names[:3]) == SEA_SENIOR_SUPPLY_CHAIN
    top_score = found[2].score
    for junior_or_unrelated in ("Budi Santoso", "Mei Tan", "Arjun Mehta", "Siti Rahman", "Eva Schulz"):
        assert names.index(junior_or_unrelated) > 2
        assert found[names.index(junior_or_unrelated)].score < top_score / 2
    for candidate in found[:3]:
        assert "Leitet Supply Chain & Logistik in Südostasien" in candidate.reasons
        assert "Nimmt an BVL Supply Chain Forum teil" in candidate.reasons
    assert scenario["me"].display_name not in names


def test_reasons_name_commonalities_and_the_introducer(user, scenario):
    found = {c.name: c for c in rank_for_goal(owner=user, goal=scenario["goal"], lang="en")}
    assert "Same school: TU Dortmund" in found["Priya Raman"].reasons
    assert "One level above you" in found["Priya Raman"].reasons
    linh = found["Linh Nguyen"]
    assert (linh.introducer_id, linh.introducer_name) == (
        scenario["people"]["Daniel Ortmann"].pk,
        "Daniel Ortmann",
    )
    assert any(reason.startswith("Reachable through Daniel Ortmann") for reason in linh.reasons)
    # Daniel lives in Duisburg: a direct contact, and in the user's country (a commonality).
    assert found["Daniel Ortmann"].reasons[-2:] == ["Direct contact", "In your country"]


def test_the_order_is_deterministic(user, scenario):
    first = rank_for_goal(owner=user, goal=scenario["goal"], lang="de", event=scenario["event"])
    again = rank_for_goal(owner=user, goal=scenario["goal"], lang="de", event=scenario["event"])
    assert first == again


def test_weights_on_the_goal_change_the_order(user, scenario):
    before = _names(rank_for_goal(owner=user, goal=scenario["goal"], lang="en"))
    assert before[0] == "Priya Raman"
    update_goal(goal=scenario["goal"], weights={"reachability": 10})
    after = _names(rank_for_goal(owner=user, goal=scenario["goal"], lang="en"))
    assert after[0] == "Linh Nguyen"


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"level": "vp"}, {"Priya Raman"}),
        ({"region": "Südostasien", "function": "marketing"}, {"Siti Rahman"}),
        ({"region": "dach", "function": "supply_chain_logistics"}, {"Jonas Becker"}),
        ({"function": "finance"}, {"Arjun Mehta"}),
    ],
)
def test_filters_narrow_the_list(user, scenario, filters, expected):
    assert set(_names(rank_for_goal(owner=user, goal=scenario["goal"], lang="de", **filters))) == expected


@pytest.mark.parametrize(
    ("filters", "field"),
    [({"region": "Atlantis"}, "region"), ({"level": "boss"}, "level"), ({"limit": 0}, "limit")],
)
def test_bad_filters_are_named(user, scenario, filters, field):
    with pytest.raises(ResearchDataError) as error:
        rank_for_goal(owner=user, goal=scenario["goal"], lang="de", **filters)
    assert error.value.field == field


def test_only_event_keeps_its_attendees(user, scenario):
    found = rank_for_goal(
        owner=user, goal=scenario["goal"], lang="de", event=scenario["event"], only_event=True
    )
    assert "Daniel Ortmann" not in _names(found) and len(found) == 9
    with pytest.raises(ResearchDataError):
        rank_for_goal(owner=user, goal=scenario["goal"], lang="de", only_event=True)


def test_pipeline_people_stay_listed_and_marked(user, scenario):
    add_target(goal=scenario["goal"], person=scenario["people"]["Somchai Wong"])
    found = {c.name: c for c in rank_for_goal(owner=user, goal=scenario["goal"], lang="de")}
    assert found["Somchai Wong"].in_pipeline and not found["Priya Raman"].in_pipeline


def test_a_dormant_tie_is_named(user, scenario):
    jonas = scenario["people"]["Jonas Becker"]
    Interaction.objects.create(
        owner=user, person=jonas, kind="lunch", date=timezone.localdate() - timedelta(days=4 * 365 + 2)
    )
    found = {c.name: c for c in rank_for_goal(owner=user, goal=scenario["goal"], lang="de")}
    assert "Ruhender Kontakt, seit 4 Jahren kein Austausch – eine Wiederaufnahme lohnt sich" in (
        found["Jonas Becker"].reasons
    )
    assert "Direkter Kontakt" in found["Jonas Becker"].reasons


def test_without_a_profile_the_ranking_still_works(other_user):
    from vernetzt.people.services import create_person

    create_person(
        owner=other_user, first_name="Ana", last_name="Cruz", title="Head of Logistics", city="Manila"
    )
    goal = create_goal(owner=other_user, text="Asia", regions=["SEA"], functions=["supply_chain_logistics"])
    (only,) = rank_for_goal(owner=other_user, goal=goal, lang="en")
    assert only.name == "Ana Cruz" and only.reasons == ["Leads Supply chain & logistics in Southeast Asia"]


def test_another_accounts_goal_is_refused(scenario, other_user):
    with pytest.raises(PermissionError):
        rank_for_goal(owner=other_user, goal=scenario["goal"], lang="de")
