"""Reporting lines on a person's page and through the API."""

from __future__ import annotations

import json

import pytest

from vernetzt.accounts.services import issue_api_token
from vernetzt.people.reporting import manager_of, set_manager
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db
ORG = "Muster Maschinenbau GmbH"


@pytest.fixture
def trio(user):
    def colleague(first, last, title):
        return create_person(owner=user, first_name=first, last_name=last, title=title, organization_name=ORG)

    return (
        colleague("Hans", "Huber", "Leiter Supply Chain"),
        colleague("Claudia", "Wermelskirchen", "COO"),
        colleague("Tom", "Weber", "Teamleiter Lager"),
    )


def test_person_page_states_and_shows_the_line(alice_client, trio):
    hans, claudia, tom = trio
    page = alice_client.get(f"/people/{hans.pk}/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Hans Huber berichtet an" in page and f"Claudia Wermelskirchen (#{claudia.pk})" in page  # datalist
    response = alice_client.post(
        f"/people/{hans.pk}/manager/", {"manager": f"Claudia Wermelskirchen (#{claudia.pk})"}
    )
    assert response.status_code == 302 and manager_of(hans) == claudia
    alice_client.post(f"/people/{tom.pk}/manager/", {"manager": "Hans Huber"})
    assert manager_of(tom) == hans
    page = alice_client.get(f"/people/{hans.pk}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Direct reports" in page and "Tom Weber" in page
    alice_client.post(f"/people/{tom.pk}/manager/", {"manager": ""})
    assert manager_of(tom) is None


def test_person_page_refuses_a_cycle_and_unknown_names(alice_client, trio):
    hans, claudia, _ = trio
    set_manager(person=hans, manager=claudia)
    cycle = alice_client.post(f"/people/{claudia.pk}/manager/", {"manager": f"Hans Huber (#{hans.pk})"})
    assert cycle.status_code == 422 and "already reports" in cycle.content.decode()
    unknown = alice_client.post(f"/people/{claudia.pk}/manager/", {"manager": "Niemand"})
    assert unknown.status_code == 422 and manager_of(claudia) is None


def test_another_accounts_person_is_not_found(mallory_client, trio):
    hans, claudia, _ = trio
    response = mallory_client.post(f"/people/{hans.pk}/manager/", {"manager": f"C (#{claudia.pk})"})
    assert response.status_code == 404


@pytest.fixture
def auth(user):
    _, secret = issue_api_token(user=user, name="tests")
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


def test_api_reporting_round_trip(client, auth, trio):
    hans, claudia, tom = trio
    url = f"/api/v1/people/{hans.pk}/manager"
    put = client.put(
        url, data=json.dumps({"manager_id": claudia.pk}), content_type="application/json", **auth
    )
    assert put.status_code == 200
    assert put.json() == {"person_id": hans.pk, "manager_id": claudia.pk, "reports": []}
    set_manager(person=tom, manager=hans)
    assert client.get(url, **auth).json()["reports"] == [tom.pk]
    assert client.delete(url, **auth).status_code == 204
    assert client.get(url, **auth).json()["manager_id"] is None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"manager_id": "SELF"}, 422),
        ({"manager_id": 999999}, 404),
        ({"manager_id": 2**70}, 422),
        ({"manager_id": "x"}, 422),
        ({}, 422),
    ],
)
def test_api_reporting_refuses_bad_input(client, auth, trio, body, status):
    hans = trio[0]
    body = {k: hans.pk if v == "SELF" else v for k, v in body.items()}
    response = client.put(
        f"/api/v1/people/{hans.pk}/manager", data=json.dumps(body), content_type="application/json", **auth
    )
    assert response.status_code == status


def test_api_upward_labels_relations(client, auth, user, trio):
    from vernetzt.people.services import set_me

    hans, claudia, _ = trio
    set_me(owner=user, title="Teamleiter Logistik", organization=ORG, reports_to=hans)
    set_manager(person=hans, manager=claudia)
    rows = client.get("/api/v1/research/upward?lang=en", **auth).json()
    assert {row["name"]: row["relation"] for row in rows} == {
        "Claudia Wermelskirchen": "manager_of_manager",
        "Hans Huber": "manager",
    }
    assert client.get(f"/api/v1/people/{2**70}/manager", **auth).status_code == 422
