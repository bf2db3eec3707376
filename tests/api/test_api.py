from __future__ import annotations

import json

import pytest

from vernetzt.accounts.services import issue_api_token, revoke_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(user):
    _, secret = issue_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _post(client, url, payload, auth):
    return client.post(url, data=json.dumps(payload), content_type="application/json", **auth)


def test_openapi_schema_is_served(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert schema["info"]["title"] == "vernetzt API" and "/api/v1/people" in schema["paths"]


def test_people_round_trip(client, auth):
    created = _post(
        client,
        "/api/v1/people",
        {
            "first_name": "Priya",
            "last_name": "Raman",
            "title": "VP Supply Chain, Southeast Asia",
            "city": "Singapur",
        },
        auth,
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["name"], body["seniority"], body["country"]) == ("Priya Raman", "vp", "SG")
    assert "southeast_asia" in body["regions"]
    pid = body["person_id"]
    found = client.get("/api/v1/people", {"search": "rama"}, **auth).json()
    assert [p["person_id"] for p in found] == [pid]
    patched = client.patch(
        f"/api/v1/people/{pid}",
        data=json.dumps({"title": "CEO", "birth_day": None}),
        content_type="application/json",
        **auth,
    )
    assert patched.status_code == 200 and patched.json()["seniority"] == "cxo"
    assert client.delete(f"/api/v1/people/{pid}", **auth).status_code == 204
    assert client.get(f"/api/v1/people/{pid}", **auth).status_code == 404


def test_invalid_person_answers_422_with_the_field(client, auth):
    response = _post(client, "/api/v1/people", {"first_name": "A", "country": "Mittelerde"}, auth)
    assert response.status_code == 422 and response.json()["field"] == "country"


def test_goals_round_trip(client, auth):
    created = _post(
        client, "/api/v1/goals", {"text": "Expat", "regions": ["SEA"], "levels": ["director"]}, auth
    )
    assert created.status_code == 201 and created.json()["regions"] == ["southeast_asia"]
    bad = _post(client, "/api/v1/goals", {"text": "Expat", "functions": ["astronaut"]}, auth)
    assert bad.status_code == 422 and bad.json()["field"] == "functions"


def test_session_auth_needs_csrf_for_writes(user):
    from django.test import Client

    browser = Client(enforce_csrf_checks=True)
    browser.force_login(user)
    assert browser.get("/api/v1/people").status_code == 200
    refused = browser.post("/api/v1/people", data="{}", content_type="application/json")
    assert refused.status_code in {401, 403}


def test_revoked_token_no_longer_works(client, user):
    token, secret = issue_api_token(user=user, name="temp")
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 200
    assert revoke_api_token(user=user, token_id=token.pk)
    assert client.get("/api/v1/people", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401


def test_only_the_hash_of_a_token_is_stored(user):
    token, secret = issue_api_token(user=user, name="x")
    token.refresh_from_db()
    assert secret not in token.key_hash and len(token.key_hash) == 64
