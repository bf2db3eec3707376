"""The stored-value rules (vernetzt.validation) hold on every write path, the same on SQLite and
PostgreSQL: a service raises DataError naming the field, a web form shows it on the field (422), the
command line exits 1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest
from django.urls import reverse

from vernetzt.errors import DataError
from vernetzt.goals.services import create_goal
from vernetzt.journal.services import log_interaction
from vernetzt.people.models import Person
from vernetzt.people.services import create_person, update_person

pytestmark = pytest.mark.django_db


def test_a_choice_outside_the_model_choices_is_refused(user):
    person = create_person(owner=user, last_name="Brandt")
    with pytest.raises(DataError) as refused:
        update_person(person=person, formality="Eure Exzellenz")
    assert refused.value.field == "formality"
    person.refresh_from_db()
    assert person.formality == "sie"


def test_a_value_longer_than_its_column_is_refused_on_every_database(user):
    with pytest.raises(DataError) as refused:
        create_goal(owner=user, text="Expat in Südostasien " * 20)
    assert refused.value.field == "text"
    assert "300" in refused.value.message


def test_a_control_character_is_refused_in_lists_too(user):
    with pytest.raises(DataError) as refused:
        create_person(owner=user, last_name="Brandt", interests=["Segeln", "Bell\u0007"])
    assert refused.value.field == "interests"
    assert not Person.objects.for_user(user).filter(last_name="Brandt").exists()


def test_a_date_far_in_the_future_is_refused_before_the_playbook_adds_to_it(user, world):
    with pytest.raises(DataError) as refused:
        log_interaction(owner=user, person=world["person"], kind="meeting", date=date(9999, 12, 31))
    assert refused.value.field == "date"


def test_the_person_form_shows_a_control_character_on_its_field(alice_client, user):
    response = alice_client.post(
        reverse("person_create"),
        {"last_name": "Brandt", "title": "Leiter\u001b[2J Einkauf", "tier": "pool", "formality": "sie"},
    )
    assert response.status_code == 422
    assert "control characters" in response.context["form"].errors["title"][0]
    assert not Person.objects.for_user(user).filter(last_name="Brandt").exists()


def test_the_log_form_refuses_a_date_in_the_year_9999(alice_client, world):
    url = reverse("log_conversation", args=[world["person"].pk])
    response = alice_client.post(url, {"kind": "meeting", "date": "9999-12-31"})
    assert response.status_code == 422
    assert "date" in response.context["form"].errors


def test_the_command_line_exits_1_for_a_value_too_long(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(tmp_path)

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "vernetzt", *args], env=env, capture_output=True, text=True, timeout=120
        )

    assert run("init").returncode == 0
    result = run("goal", "add", "G" * 301, "--json")
    assert result.returncode == 1
    assert "300" in json.loads(result.stderr)["error"]


def test_lists_the_app_keeps_for_itself_are_not_bounded(user):
    from vernetzt.transfer.models import ImportBatch

    errors = [{"line": line, "code": "invalid_date", "field": "Birthday"} for line in range(500)]
    batch = ImportBatch.objects.create(owner=user, kind="contacts", filename="a.csv", errors=errors)
    batch.refresh_from_db()
    assert len(batch.errors) == 500
