"""The values a probe of the API turned into server errors, each now refused at the edge with a 422
naming the field, the same on SQLite and PostgreSQL; and the answers the OpenAPI schema promises."""

from __future__ import annotations

import json

import pytest

from vernetzt.accounts.services import issue_api_token
from vernetzt.api.routes import api
from vernetzt.people.models import Person

pytestmark = pytest.mark.django_db


@pytest.fixture
def auth(user):
    _, secret = issue_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def _send(client, method, url, payload, auth):
    return client.generic(method, url, json.dumps(payload), content_type="application/json", **auth)


def _refused(response, field):
    assert response.status_code == 422, response.content
    assert response.json()["field"] == field
    return response.json()["error"]


def test_an_unknown_formality_is_refused_and_the_briefing_keeps_working(client, auth, user):
    payload = {"last_name": "Brandt", "formality": "Eure Exzellenz"}
    created = _send(client, "POST", "/api/v1/people", payload, auth)
    assert "sie" in _refused(created, "formality")
    person = _send(client, "POST", "/api/v1/people", {"last_name": "Brandt"}, auth).json()
    patched = _send(client, "PATCH", f"/api/v1/people/{person['person_id']}", {"formality": "x"}, auth)
    _refused(patched, "formality")
    briefing = client.get(f"/api/v1/people/{person['person_id']}/briefing", **auth)
    assert briefing.status_code == 200


def test_a_value_longer_than_its_column_is_refused(client, auth, user):
    response = _send(client, "POST", "/api/v1/people", {"last_name": "B" * 151}, auth)
    assert "150" in _refused(response, "last_name")
    goal = _send(client, "POST", "/api/v1/goals", {"text": "G" * 301}, auth)
    _refused(goal, "text")
    assert not Person.objects.for_user(user).exists()


@pytest.mark.parametrize(
    ("url", "payload", "field"),
    [
        ("/api/v1/people", {"last_name": "Nul\u0000l"}, "last_name"),
        ("/api/v1/people", {"last_name": "N", "notes": "a\u0000b"}, "notes"),
        ("/api/v1/people", {"last_name": "N", "emails": ["a\u0000@example.com"]}, "emails"),
        ("/api/v1/people", {"last_name": "N", "city": "Esc\u001b[31m"}, "city"),
        ("/api/v1/goals", {"text": "Expat\u0000"}, "text"),
        ("/api/v1/goals", {"text": "Expat", "keywords": ["\u0000"]}, "keywords"),
    ],
)
def test_a_nul_or_control_character_in_any_text_is_refused(client, auth, url, payload, field):
    assert "NUL" in _refused(_send(client, "POST", url, payload, auth), field)


def test_a_nul_in_an_interaction_or_a_query_is_refused(client, auth, world):
    payload = {"person_id": world["person"].pk, "kind": "meeting", "date": "2026-03-02", "notes": "\u0000"}
    _refused(_send(client, "POST", "/api/v1/interactions", payload, auth), "notes")
    _refused(client.get("/api/v1/people", {"search": "a\u0000"}, **auth), "search")
    _refused(client.get("/api/v1/titles", {"text": "CEO\u0000"}, **auth), "text")


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/people?offset=100000000000000000000", "offset"),
        ("/api/v1/people?limit=0", "limit"),
        ("/api/v1/people/100000000000000000000", "person_id"),
        ("/api/v1/today?date=9999-12-31", "date"),
        ("/api/v1/today?date=0", "date"),
    ],
)
def test_numbers_and_dates_out_of_range_are_refused(client, auth, url, field):
    _refused(client.get(url, **auth), field)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"last_name": "B", "birth_day": 100000, "birth_month": 1}, "birth_day"),
        ({"last_name": "B", "birth_day": 1, "birth_month": 13}, "birth_month"),
        ({"last_name": "B", "birth_day": 1, "birth_month": 1, "birth_year": 40000}, "birth_year"),
        ({"last_name": "B", "birth_day": "1", "birth_month": 1}, "birth_day"),
        ({"last_name": "B", "tier": None}, "tier"),
        ({"last_name": "B", "formalty": "du"}, "formalty"),
    ],
)
def test_a_birthday_number_out_of_range_a_wrong_type_or_an_unknown_key_is_refused(
    client, auth, payload, field
):
    _refused(_send(client, "POST", "/api/v1/people", payload, auth), field)


def test_a_body_that_is_not_json_gets_the_error_shape(client, auth):
    response = client.generic("POST", "/api/v1/people", b"{nope", content_type="application/json", **auth)
    assert response.status_code == 400
    assert response.json() == {"error": "the body is not valid JSON", "field": None}


def test_refusals_speak_the_account_language(client, auth, user):
    user.language = "de"
    user.save()
    response = _send(client, "POST", "/api/v1/people", {"last_name": "B" * 151}, auth)
    assert _refused(response, "last_name") == "höchstens 150 Zeichen"


def test_not_found_and_unauthenticated_have_the_error_shape(client, auth):
    missing = client.get("/api/v1/people/4711", **auth)
    assert (missing.status_code, set(missing.json())) == (404, {"error", "field"})
    anonymous = client.get("/api/v1/people")
    assert anonymous.status_code == 401
    assert "Bearer" in anonymous.json()["error"]


def test_the_schema_lists_the_refusals_of_every_operation():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            documented = set(operation["responses"])
            assert 401 in documented, f"{method} {path}"
            if "{" in path:
                assert 404 in documented, f"{method} {path}"
            if operation.get("parameters") or operation.get("requestBody"):
                assert 422 in documented, f"{method} {path}"
