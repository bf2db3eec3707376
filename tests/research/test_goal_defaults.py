"""A goal without levels is upward, without regions at home — from the CLI, the API and the web."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.urls import reverse

from vernetzt.accounts.services import issue_api_token
from vernetzt.cli import main
from vernetzt.goals.models import Goal
from vernetzt.goals.services import create_goal, update_goal
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db


def _run(*args):
    return CliRunner().invoke(main, ["--user", "alice", *args])


@pytest.fixture
def finance_world(user):
    set_me(owner=user, title="Leiter Controlling", organization="Rheinstahl AG", city="Düsseldorf")
    people = {}
    for first, last, title, city in [
        ("Carla", "Conti", "Chief Financial Officer", "Mailand"),
        ("Jan", "Nowak", "VP Finance", "Warschau"),
        ("Greta", "Hahn", "Leiterin Finanzen", "Köln"),
        ("Paul", "Praktikus", "Praktikant Finanzen", "Köln"),
    ]:
        people[first] = create_person(owner=user, first_name=first, last_name=last, title=title, city=city)
    return people


def _names(rows):
    return [row["name"].split()[0] for row in rows]


def test_cli_goal_without_levels_and_regions_is_upward_and_at_home(user, finance_world):
    added = _run("goal", "add", "Leiter Finanzen (CFO)", "--function", "finance", "--json")
    assert added.exit_code == 0, added.stderr
    goal_id = json.loads(added.stdout)["id"]
    rows = json.loads(_run("targets", str(goal_id), "--json", "--lang", "de").stdout)
    assert _names(rows) == ["Greta", "Carla", "Jan", "Paul"]
    assert "In Ihrem Land" in rows[0]["reasons"]


def test_cli_goal_anywhere_drops_the_home_preference(user, finance_world):
    added = _run("goal", "add", "CFO irgendwo", "--function", "finance", "--anywhere", "--json")
    goal = Goal.objects.for_user(user).get(pk=json.loads(added.stdout)["id"])
    assert goal.anywhere is True
    rows = json.loads(_run("targets", str(goal.pk), "--json", "--lang", "en").stdout)
    assert _names(rows) == ["Carla", "Jan", "Greta", "Paul"]
    # Living in the user's country is still a commonality, only no longer a condition of fit.
    assert [row["name"] for row in rows if "In your country" in row["reasons"]] == [
        "Greta Hahn",
        "Paul Praktikus",
    ]


def test_explicit_level_wins(user, finance_world):
    goal = create_goal(owner=user, text="Praktikanten finden", levels=["unpaid"], functions=["finance"])
    rows = json.loads(_run("targets", str(goal.pk), "--json").stdout)
    assert _names(rows)[0] == "Paul"


def test_regions_clear_anywhere(user):
    goal = create_goal(owner=user, text="Weg", anywhere=True)
    update_goal(goal=goal, regions=["Südostasien"])
    goal.refresh_from_db()
    assert (goal.regions, goal.anywhere) == (["southeast_asia"], False)


def test_api_goal_carries_anywhere(client, user):
    _, secret = issue_api_token(user=user, name="tests")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    body = json.dumps({"text": "CFO", "functions": ["finance"], "anywhere": True})
    created = client.post("/api/v1/goals", data=body, content_type="application/json", **auth)
    assert created.status_code == 201 and created.json()["anywhere"] is True
    url = f"/api/v1/goals/{created.json()['id']}"
    patched = client.patch(url, data=json.dumps({"anywhere": False}), content_type="application/json", **auth)
    assert patched.json()["anywhere"] is False


def test_goal_form_and_page_say_upward_and_at_home(alice_client, user):
    response = alice_client.post(
        reverse("goal_create"), {"text": "CFO", "status": "active", "anywhere": "on"}
    )
    assert response.status_code == 302
    goal = Goal.objects.for_user(user).get()
    assert goal.anywhere is True
    page = alice_client.get(
        reverse("goal_detail", args=[goal.pk]), HTTP_ACCEPT_LANGUAGE="de"
    ).content.decode()
    assert "Überall auf der Welt" in page and "Nach oben: über Ihrer eigenen Ebene zuerst" in page
    update_goal(goal=goal, anywhere=False)
    page = alice_client.get(
        reverse("goal_detail", args=[goal.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()
    assert "At home: your country first, then your region" in page
