"""Every route, walked as a second user and as nobody: nothing of the first user leaks.

The walk is generic over the URL configuration and the OpenAPI schema, so a route added later is
covered without touching this file; a route with a parameter this walk cannot fill fails loudly.
"""

from __future__ import annotations

import re

import pytest

from tests_support.routes import fill_route, web_routes
from vernetzt.api.routes import api

pytestmark = pytest.mark.django_db

SECRETS = ("Geheim", "Zuckerberg", "Secret", "secret")


def _all_ids(world) -> set[int]:
    return {obj.pk for obj in world.values() if hasattr(obj, "pk")}


def test_the_walk_sees_the_routes():
    names = {name for name, _ in web_routes()}
    assert {"today", "person_list", "person_detail", "goal_edit", "event_delete", "settings"} <= names


def _assert_no_secrets(response, where: str) -> None:
    body = response.content.decode("utf-8", "replace")
    leaked = [s for s in SECRETS if s in body]
    assert not leaked, f"{where} shows {leaked} to another user"


def test_every_page_shows_another_user_nothing(world, mallory_client):
    for name, route in web_routes():
        targets = (
            [fill_route(route, pk) for pk in sorted(_all_ids(world))]
            if "<" in route
            else [fill_route(route, 0)]
        )
        for url in targets:
            for method in ("get", "post"):
                response = getattr(mallory_client, method)(url, follow=False)
                if "<int:" in route:
                    assert response.status_code in {404, 405}, (
                        f"{method.upper()} {url} ({name}) answered {response.status_code}"
                    )
                else:
                    assert response.status_code in {200, 302, 405, 422}, (
                        f"{method.upper()} {url} answered {response.status_code}"
                    )
                _assert_no_secrets(response, f"{method.upper()} {url}")


def test_every_page_needs_a_login(world, client):
    for name, route in web_routes():
        url = fill_route(route, world["person"].pk)
        response = client.get(url)
        assert response.status_code == 302 and response.url.startswith("/login/"), f"{url} ({name})"


def _api_operations():
    schema = api.get_openapi_schema()
    for path, operations in schema["paths"].items():
        for method in operations:
            yield method, path


def _fill_api(path: str, value: int) -> str:
    return re.sub(r"\{\w+\}", str(value), path)


def test_the_api_walk_sees_the_routes():
    paths = {path for _, path in _api_operations()}
    assert {"/api/v1/people", "/api/v1/people/{person_id}", "/api/v1/goals/{goal_id}"} <= paths


def test_every_api_route_shows_another_user_nothing(world, other_user, client):
    from vernetzt.accounts.services import issue_api_token

    _, secret = issue_api_token(user=other_user, name="mallory's script")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {secret}"}
    for method, path in _api_operations():
        urls = [_fill_api(path, pk) for pk in sorted(_all_ids(world))] if "{" in path else [path]
        for url in urls:
            response = client.generic(
                method.upper(), url, data="{}", content_type="application/json", **headers
            )
            if "{" in path:
                assert response.status_code in {404, 422}, (
                    f"{method.upper()} {url} answered {response.status_code}"
                )
            else:
                assert response.status_code < 500, f"{method.upper()} {url} answered {response.status_code}"
            _assert_no_secrets(response, f"{method.upper()} {url}")
    # Nothing of alice's changed or vanished through those calls.
    world["person"].refresh_from_db()
    world["goal"].refresh_from_db()
    assert world["person"].display_name == "Geheim Zuckerberg-Öztürk"


def test_every_api_route_needs_authentication(world, client):
    for method, path in _api_operations():
        url = _fill_api(path, world["person"].pk)
        response = client.generic(method.upper(), url, data="{}", content_type="application/json")
        assert response.status_code == 401, f"{method.upper()} {url} answered {response.status_code}"
        _assert_no_secrets(response, url)


def test_a_wrong_token_is_refused(world, client):
    response = client.get("/api/v1/people", HTTP_AUTHORIZATION="Bearer vz_forged")
    assert response.status_code == 401
