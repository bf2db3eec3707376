from __future__ import annotations

import pytest
from django.urls import reverse

from vernetzt.goals.models import Goal

pytestmark = pytest.mark.django_db


def test_create_goal_with_structured_targeting(alice_client, user):
    response = alice_client.post(
        reverse("goal_create"),
        {
            "text": "Expat in Südostasien",
            "why": "Internationale Erfahrung",
            "horizon": "2028-06-30",
            "status": "active",
            "levels": ["director", "vp"],
            "functions": ["supply_chain_logistics"],
            "regions": ["southeast_asia"],
            "organizations": "Harbourline, Lion City Freight",
            "keywords": "Kühlkette",
        },
    )
    assert response.status_code == 302
    goal = Goal.objects.for_user(user).get()
    assert goal.levels == ["director", "vp"] and goal.regions == ["southeast_asia"]
    assert goal.organizations == ["Harbourline", "Lion City Freight"]
    page = alice_client.get(
        reverse("goal_detail", args=[goal.pk]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "Südostasien" in page


def test_goal_needs_a_text_and_valid_choices(alice_client, user):
    response = alice_client.post(reverse("goal_create"), {"text": "", "status": "active", "levels": ["king"]})
    assert response.status_code == 422
    assert not Goal.objects.for_user(user).exists()


def test_edit_and_delete_goal(alice_client, user):
    from vernetzt.goals.services import create_goal

    goal = create_goal(owner=user, text="Board seat")
    response = alice_client.post(
        reverse("goal_edit", args=[goal.pk]), {"text": "Join the board", "status": "paused"}
    )
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.text, goal.status) == ("Join the board", "paused")
    assert alice_client.post(reverse("goal_delete", args=[goal.pk])).status_code == 302
    assert not Goal.objects.filter(pk=goal.pk).exists()


def test_goal_regions_accept_names_in_both_languages(user):
    from vernetzt.goals.services import GoalDataError, create_goal

    goal = create_goal(owner=user, text="x", regions=["Südostasien", "APAC", "dach"])
    assert goal.regions == ["southeast_asia", "apac", "dach"]
    with pytest.raises(GoalDataError) as error:
        create_goal(owner=user, text="x", regions=["Mittelerde"])
    assert error.value.field == "regions"


def test_goal_page_shows_the_pipeline_as_a_funnel(alice_client, user):
    from vernetzt.goals.services import add_target, create_goal, pipeline_by_stage, set_target_stage
    from vernetzt.people.services import create_person

    goal = create_goal(owner=user, text="Expat")
    first, _ = add_target(goal=goal, person=create_person(owner=user, first_name="Priya", last_name="Raman"))
    add_target(goal=goal, person=create_person(owner=user, first_name="Minh", last_name="Hoang"))
    set_target_stage(target=first, stage="met")
    counts = {group.stage: group.count for group in pipeline_by_stage(goal)}
    assert counts == {"identified": 1, "researched": 0, "benefit_found": 0, "approached": 0,
                      "appointment_agreed": 0, "met": 1, "relationship": 0}  # fmt: skip
    body = alice_client.get(
        reverse("goal_detail", args=[goal.pk]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert body.count('class="funnel-bar"') == 7
    assert body.count('<rect width="100"') == 2  # identified and met, each the widest stage
    assert body.count('<rect width="0"') == 5
    assert "Getroffen" in body and "Priya Raman" in body


def test_empty_pipeline_has_no_funnel(alice_client, user):
    from vernetzt.goals.services import create_goal

    goal = create_goal(owner=user, text="Expat")
    body = alice_client.get(reverse("goal_detail", args=[goal.pk])).content.decode()
    assert "funnel-bar" not in body and "Nobody in the pipeline yet" in body
