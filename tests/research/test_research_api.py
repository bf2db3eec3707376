from __future__ import annotations

import json

import pytest

from vernetzt.accounts.services import issue_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(user):
    _, secret = issue_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_targets_like_the_cli(client, auth, scenario):
    goal, event = scenario["goal"], scenario["event"]
    response = client.get(f"/api/v1/goals/{goal.pk}/targets?event={event.pk}&limit=3&lang=en", **auth)
    assert response.status_code == 200
    rows = response.json()
    assert len(rows) == 3 and rows[0]["name"] == "Priya Raman"
    assert "Attends BVL Supply Chain Forum" in rows[0]["reasons"]
    narrowed = client.get(f"/api/v1/goals/{goal.pk}/targets?level=vp", **auth).json()
    assert [r["name"] for r in narrowed] == ["Priya Raman"]
    bad = client.get(f"/api/v1/goals/{goal.pk}/targets?region=Atlantis", **auth)
    assert bad.status_code == 422 and bad.json()["field"] == "region"
    assert client.get(f"/api/v1/goals/{goal.pk}/targets?event=999999", **auth).status_code == 404


def test_pipeline_round_trip(client, auth, scenario):
    goal, priya = scenario["goal"], scenario["people"]["Priya Raman"]
    url = f"/api/v1/goals/{goal.pk}/pipeline"
    body = json.dumps({"person_id": priya.pk})
    created = client.post(url, data=body, content_type="application/json", **auth)
    assert created.status_code == 201 and created.json()["stage"] == "identified"
    again = client.post(url, data=body, content_type="application/json", **auth)
    assert again.status_code == 200 and again.json()["id"] == created.json()["id"]
    target_url = f"{url}/{created.json()['id']}"
    patched = client.patch(
        target_url, data=json.dumps({"stage": "met"}), content_type="application/json", **auth
    )
    assert patched.json()["stage"] == "met"
    wrong = client.patch(
        target_url, data=json.dumps({"stage": "married"}), content_type="application/json", **auth
    )
    assert wrong.status_code == 422 and wrong.json()["field"] == "stage"
    assert [t["name"] for t in client.get(url, **auth).json()] == ["Priya Raman"]
    assert client.delete(target_url, **auth).status_code == 204
    assert client.get(url, **auth).json() == []


def test_titles(client, auth):
    response = client.get("/api/v1/titles?text=Head of Logistik", **auth)
    assert response.json() == {
        "title": "Head of Logistik",
        "seniority": "director",
        "function": "supply_chain_logistics",
    }
