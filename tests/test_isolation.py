"""Every route, walked as a second user and as nobody: nothing of the first user leaks.

The walk is generic over the URL configuration and the OpenAPI schema, so a route added later is
covered without touching this file; a route with a parameter this walk cannot fill fails loudly.
Every id parameter is tried on its own: mallory's own rows of the right kind in all other positions,
each of alice's ids in that one, so a route that checks the owner of one parameter but not of the
other still fails.
"""

from __future__ import annotations

import json

import pytest
from django.utils import timezone

from tests_support.routes import (
    api_body,
    fill_distinct,
    fill_route,
    foreign_api_requests,
    foreign_fillings,
    id_parameters,
    own_ids,
    web_routes,
)
from vernetzt.api.routes import api

pytestmark = pytest.mark.django_db

SECRETS = ("Geheim", "Zuckerberg", "Secret", "secret")


def _alice_rows(world) -> dict[str, int]:
    return {kind: row.pk for kind, row in world.items() if hasattr(row, "pk")}


@pytest.fixture
def mallory_rows(other_user) -> dict[str, int]:
    """One row of every kind a route names, owned by mallory: valid in every position but the
    attacked one."""
    from vernetzt.accounts.models import ApiToken
    from vernetzt.events.services import create_event
    from vernetzt.goals.services import add_target, create_goal
    from vernetzt.journal.models import Benefit, Task
    from vernetzt.people.services import create_person, get_or_create_organization
    from vernetzt.transfer.models import ImportBatch, ImportJob

    person = create_person(owner=other_user, first_name="Max", last_name="Muster")
    goal = create_goal(owner=other_user, text="Vertriebsleitung DACH")
    target, _ = add_target(goal=goal, person=person)
    from vernetzt.sources.models import Calendar, Candidate, Feed, FeedItem, MailAccount

    feed = Feed.objects.create(owner=other_user, url="https://example.org/feed.xml", name="Logistik")
    item = FeedItem.objects.create(owner=other_user, feed=feed, key="m", title="Max Muster befördert")
    job = ImportJob.objects.create(
        owner=other_user, kind="vcard", phase="import", status="failed", filename="m.vcf", process="t"
    )
    rows = {
        "person": person,
        # A route naming two people (the merge of a duplicate) gets two different ones.
        "person_2": create_person(owner=other_user, first_name="Maxi", last_name="Muster"),
        "goal": goal,
        "target": target,
        "event": create_event(owner=other_user, name="Stammtisch"),
        "task": Task.objects.create(
            owner=other_user, person=person, kind="call_to_schedule", due=timezone.localdate()
        ),
        "benefit": Benefit.objects.create(
            owner=other_user, person=person, direction="offered", description="Tipp"
        ),
        "token": ApiToken.issue(user=other_user, name="mallory's script")[0],
        "import_job": job,
        "import_batch": ImportBatch.objects.create(owner=other_user, kind="vcard", filename="m.vcf"),
        "feed": feed,
        "candidate": Candidate.objects.create(owner=other_user, item=item, person=person, evidence="Max"),
        "mail_account": MailAccount.objects.create(
            owner=other_user, host="imap.example.org", username="max@example.org", password_encrypted="x"
        ),
        "calendar": Calendar.objects.create(owner=other_user, url="https://example.org/cal.ics"),
        "organization": get_or_create_organization(owner=other_user, name="Muster AG"),
    }
    return {kind: row.pk for kind, row in rows.items()}


def test_the_walk_sees_the_routes():
    names = {name for name, _ in web_routes()}
    assert {"today", "person_list", "person_detail", "goal_edit", "event_delete", "settings"} <= names
    assert {kind for _, route in web_routes() for _, kind in id_parameters(route)} >= {"person", "target"}


def _assert_no_secrets(response, where: str) -> None:
    body = response.content.decode("utf-8", "replace")
    leaked = [s for s in SECRETS if s in body]
    assert not leaked, f"{where} shows {leaked} to another user"


def _urls(route: str, world, mallory_rows) -> list[str]:
    """The route as mallory would try it on alice's rows (or as it is, without ids)."""
    if not id_parameters(route):
        return [fill_route(route, {})]
    return foreign_fillings(route, own=mallory_rows, foreign=_alice_rows(world))


def test_every_page_shows_another_user_nothing(world, mallory_rows, mallory_client):
    for name, route in web_routes():
        for url in _urls(route, world, mallory_rows):
            for method in ("get", "post"):
                response = getattr(mallory_client, method)(url, follow=False)
                if id_parameters(route):
                    assert response.status_code in {404, 405}, (
                        f"{method.upper()} {url} ({name}) answered {response.status_code}"
                    )
                else:
                    assert response.status_code in {200, 302, 405, 422}, (
                        f"{method.upper()} {url} answered {response.status_code}"
                    )
                _assert_no_secrets(response, f"{method.upper()} {url}")


def test_the_walks_own_ids_open_every_page_so_a_404_means_the_owner_check(mallory_rows, mallory_client):
    """Filled with mallory's own rows, every page that answers GET opens for mallory: the ids the walk
    puts beside the foreign one belong together (the target is in that goal, the two people differ),
    so the 404 the walk demands can only come from the owner check of the foreign id."""
    opened = 0
    for name, route in web_routes():
        positions = id_parameters(route)
        if not positions:
            continue
        ids = own_ids(positions, mallory_rows)
        by_kind: dict[str, list[int]] = {}
        for parameter, kind in positions:
            by_kind.setdefault(kind, []).append(ids[parameter])
        assert all(len(set(same)) == len(same) for same in by_kind.values()), f"{route}: ids repeat"
        url = fill_distinct(route, mallory_rows)
        response = mallory_client.get(url)
        assert response.status_code in {200, 302, 405}, f"GET {url} ({name}) answered {response.status_code}"
        opened += response.status_code != 405
    assert opened >= 10


def test_every_page_needs_a_login(world, mallory_rows, client):
    for name, route in web_routes():
        response = client.get(fill_route(route, mallory_rows))
        assert response.status_code == 302 and response.url.startswith("/login/"), f"{route} ({name})"


def _api_operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            yield schema, method, path, operation


def test_the_api_walk_sees_the_routes():
    paths = {path for _, _, path, _ in _api_operations()}
    assert {"/api/v1/people", "/api/v1/people/{person_id}", "/api/v1/goals/{goal_id}"} <= paths


def test_every_api_route_shows_another_user_nothing(world, mallory_rows, other_user, client):
    from vernetzt.accounts.services import issue_api_token

    _, secret = issue_api_token(user=other_user, name="mallory's other script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    alice_rows = _alice_rows(world)
    for schema, method, path, operation in _api_operations():
        attacks = foreign_api_requests(schema, path, operation, own=mallory_rows, foreign=alice_rows)
        for url, body in attacks:
            response = client.generic(
                method.upper(), url, data=json.dumps(body), content_type="application/json", **headers
            )
            where = f"{method.upper()} {url} {body}"
            if id_parameters(path) or api_body(schema, operation)[1]:
                assert response.status_code in {404, 422}, f"{where} answered {response.status_code}"
            else:
                assert response.status_code < 500, f"{where} answered {response.status_code}"
            _assert_no_secrets(response, where)
    # Nothing of alice's changed or vanished through those calls.
    world["person"].refresh_from_db()
    world["goal"].refresh_from_db()
    assert world["person"].display_name == "Geheim Zuckerberg-Öztürk"


def test_every_api_route_needs_authentication(world, mallory_rows, client):
    for _schema, method, path, _operation in _api_operations():
        url = fill_route(path, mallory_rows)
        response = client.generic(method.upper(), url, data="{}", content_type="application/json")
        assert response.status_code == 401, f"{method.upper()} {url} answered {response.status_code}"
        _assert_no_secrets(response, url)


def test_a_wrong_token_is_refused(world, client):
    response = client.get("/api/v1/people", HTTP_AUTHORIZATION="Bearer vz_forged")
    assert response.status_code == 401
