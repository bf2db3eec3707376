"""Business cards into people: matching, the event and its conversation, photos, undo, the CLI."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date

import pytest

from tests_support.card_photos import generate_badges
from tests_support.dav import jpeg_bytes
from vernetzt.events.models import Attendance
from vernetzt.importers.cards import CardReading, tesseract_available
from vernetzt.importers.records import ContactRecord, Photo, RowError
from vernetzt.journal.models import Interaction
from vernetzt.people.models import Person, PersonPhoto
from vernetzt.people.services import create_person
from vernetzt.transfer.cards import import_cards
from vernetzt.transfer.undo import undo_batch

pytestmark = pytest.mark.django_db


def reading(**fields) -> CardReading:
    record = ContactRecord(line=1, source="card", **fields)
    return CardReading(
        filename="card.jpg", record=record, source="ocr", photo=Photo(jpeg_bytes(), "image/jpeg")
    )


def katrin() -> CardReading:
    return reading(
        first_name="Katrin",
        last_name="Vogel",
        full_name="Katrin Vogel",
        title="Leiterin Kontraktlogistik",
        organization="Elbe Terminal GmbH",
        emails=["katrin.vogel@elbe-terminal.de"],
        phones=["+49 40 123456"],
    )


def test_a_known_person_is_updated_not_duplicated(user):
    known = create_person(
        owner=user, first_name="Katrin", last_name="Vogel", emails=["katrin.vogel@elbe-terminal.de"]
    )
    report = import_cards(owner=user, readings=[katrin()])
    assert (report.created, report.updated) == (0, 1)
    assert report.extra["people"] == [
        {
            "person_id": known.pk,
            "name": "Katrin Vogel",
            "title": "Leiterin Kontraktlogistik",
            "organization": "Elbe Terminal GmbH",
            "emails": ["katrin.vogel@elbe-terminal.de"],
            "phones": ["+49 40 123456"],
        }
    ]
    assert Person.objects.for_user(user).filter(last_name="Vogel").count() == 1


def test_met_at_an_event_plans_the_follow_up_and_undo_takes_it_back(user):
    report = import_cards(
        owner=user,
        readings=[katrin()],
        event_name="Logistik-Forum 2026",
        event_date=date(2026, 3, 13),
        keep_photos=True,
    )
    person = Person.objects.for_user(user).get(pk=report.extra["people"][0]["person_id"])
    assert Attendance.objects.get(person=person).attended
    interaction = Interaction.objects.get(person=person)
    assert (interaction.kind, interaction.date, interaction.event.name) == (
        "event_conversation",
        date(2026, 3, 13),
        "Logistik-Forum 2026",
    )
    assert person.tier == "new"  # the new-contact cadence of the playbook begins
    assert PersonPhoto.objects.get(person=person).media_type == "image/jpeg"
    undo_batch(owner=user, batch_id=report.batch_id)
    assert not Person.objects.for_user(user).exists()
    assert not Interaction.objects.filter(owner=user).exists()


def test_dry_run_writes_nothing_and_unreadable_cards_are_reported(user):
    unreadable = CardReading(
        filename="blurry.jpg", errors=[RowError(line=2, code="card_unreadable", file="blurry.jpg")]
    )
    report = import_cards(owner=user, readings=[katrin(), unreadable], dry_run=True, event_name="Forum")
    assert (report.created, report.skipped, report.batch_id) == (1, 1, None)
    assert report.extra["people"][0]["person_id"] is None
    assert "blurry.jpg" in report.as_dict()["errors"][0]["message"]
    assert not Person.objects.for_user(user).exists()


@pytest.mark.skipif(not tesseract_available(), reason="Tesseract not installed (Debian: tesseract-ocr)")
def test_vernetzt_import_card_reads_a_badge(tmp_path):
    badge = generate_badges()[0]
    path = tmp_path / badge.filename
    path.write_bytes(badge.image)
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(b"\xff\xd8 not really a jpeg")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(tmp_path / "home")

    def run(*args):
        return subprocess.run(
            [sys.executable, "-m", "vernetzt", *args], env=env, capture_output=True, text=True, timeout=180
        )

    assert run("init").returncode == 0
    result = run(
        "import", "card", str(path), "--event", "Logistik-Forum 2026", "--date", "2026-03-13", "--json"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["created"] == 1
    assert data["people"][0]["name"] == badge.key.name
    assert data["people"][0]["emails"] == [badge.key.email]
    assert data["event_id"]
    refused = run("import", "card", str(broken), "--json")
    assert refused.returncode == 1
    assert "broken.jpg is not a readable photo" in json.loads(refused.stderr)["error"]
