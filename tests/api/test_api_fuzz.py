"""Schemathesis over every operation of the API, on the test database (SQLite or PostgreSQL).

Positive cases (valid by the OpenAPI schema) point their ids at a real person, goal, pipeline entry
and task of the caller half of the time, so they reach the services instead of stopping at a 404;
negative cases must be refused with a 4xx. Every answer must be documented and match its schema,
and none may be a server error. Examples are derandomized, so CI explores the same cases every run.
"""

from __future__ import annotations

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings

from vernetzt.api.routes import api

EXAMPLES_PER_OPERATION = 25

schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = WSGIHandler()
# A schema-valid request may still name something unknown (a country, a region) or break a rule
# between fields (a birthday's day without its month): the service refuses it with a 422.
schema.config.checks.positive_data_acceptance.expected_statuses = [
    *schema.config.checks.positive_data_acceptance.expected_statuses,
    "422",
]


@pytest.fixture(autouse=True)
def one_connection():
    """Requests run in the test's transaction, as with Django's test client (the WSGI handler would
    close the connection after every request)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def no_lockout(settings):
    """Schemathesis also sends wrong tokens (each must get a 401); counted as login failures they
    would lock the client out and turn every later case into a 429 (tests/accounts covers that)."""
    settings.AXES_FAILURE_LIMIT = 1_000_000


@pytest.fixture
def known_ids(world):
    return {
        "person_id": world["person"].pk,
        "goal_id": world["goal"].pk,
        "target_id": world["target"].pk,
        "task_id": world["task"].pk,
        "event_id": world["event"].pk,
        "event": world["event"].pk,
    }


@pytest.fixture
def headers(user):
    from vernetzt.accounts.services import issue_api_token

    _, secret = issue_api_token(user=user, name="schemathesis")
    return {"Authorization": f"Bearer {secret}"}


def _aim_at_known_rows(case, known_ids: dict[str, int]) -> None:
    for part in (case.path_parameters, case.query, case.body):
        if not isinstance(part, dict):
            continue
        for name, value in part.items():
            if name in known_ids and isinstance(value, int) and value % 2 == 0:
                part[name] = known_ids[name]


@pytest.mark.django_db
@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_validates_its_input(case, known_ids, headers):
    if case.meta is not None and case.meta.generation.mode.is_positive:
        _aim_at_known_rows(case, known_ids)
    case.call_and_validate(headers=headers)
