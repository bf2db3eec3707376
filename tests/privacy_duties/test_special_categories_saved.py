"""The Art. 9 warning where notes and snippets are saved: a web message, a line on stderr, a field in
the API's answer — and the note is saved all the same."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vernetzt.cli import main
from vernetzt.journal.models import Interaction, Snippet
from vernetzt.people.models import Person
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(user):
    return create_person(owner=user, first_name="Anna", last_name="Weber", city="Köln")


def test_web_log_warns_and_saves(alice_client, anna):
    response = alice_client.post(
        f"/people/{anna.pk}/log/",
        {"kind": "meeting", "date": "2026-03-13", "notes": "Ist katholisch, singt im Kirchenchor.",
         "snippets": "Hatte Brustkrebs, ist wieder fit"},
        HTTP_ACCEPT_LANGUAGE="de",
        follow=True,
    )
    page = response.content.decode()
    assert "Das sieht nach besonders geschützten Daten aus (Religion: „katholisch“" in page
    assert "Gesundheit: „Brustkrebs“" in page
    assert Interaction.objects.get(person=anna).notes == "Ist katholisch, singt im Kirchenchor."
    assert Snippet.objects.filter(person=anna).count() == 1


def test_web_log_of_an_ordinary_note_does_not_warn(alice_client, anna):
    response = alice_client.post(
        f"/people/{anna.pk}/log/",
        {"kind": "meeting", "date": "2026-03-13", "notes": "Arbeitet in der Krebsforschung am DKFZ."},
        HTTP_ACCEPT_LANGUAGE="de",
        follow=True,
    )
    assert "besonders geschützten Daten" not in response.content.decode()


def test_person_notes_warn_in_english_when_saved(alice_client, anna):
    response = alice_client.post(
        f"/people/{anna.pk}/edit/",
        {"display_name": "Anna Weber", "first_name": "Anna", "last_name": "Weber", "tier": "pool",
         "formality": "sie", "notes": "Came out as gay last year."},
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )
    assert response.status_code == 200
    assert "This looks like specially protected data (sexual orientation: “gay”" in response.content.decode()
    assert Person.objects.get(pk=anna.pk).notes == "Came out as gay last year."


def test_api_answers_with_the_categories(alice_client, anna):
    response = alice_client.post(
        "/api/v1/interactions",
        {"person_id": anna.pk, "kind": "call", "date": "2026-03-13",
         "notes": "Trade union member, IG Metall"},
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 201
    assert response.json()["special_categories"] == ["union"]
    assert "trade-union membership" in response.json()["special_categories_warning"]
    person = alice_client.patch(
        f"/api/v1/people/{anna.pk}", {"notes": "Diabetes Typ 1"}, content_type="application/json"
    ).json()
    assert person["special_categories"] == ["health"]


def test_cli_log_warns_on_stderr_and_keeps_stdout_one_json_document(user, anna):
    result = CliRunner().invoke(
        main,
        ["--user", "alice", "log", str(anna.pk), "--kind", "call", "--date", "2026-03-13",
         "--note", "Wählt AfD, Politik meiden", "--json"],
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["special_categories"] == ["politics"]
    assert "political opinion: “AfD”" in result.stderr or "politische Meinung: „AfD“" in result.stderr
    assert Interaction.objects.get(person=anna).notes == "Wählt AfD, Politik meiden"
