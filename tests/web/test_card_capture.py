"""Reading business cards in the web: photograph, check, save the person with the conversation."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests_support.card_photos import generate_badges
from vernetzt.events.services import create_event
from vernetzt.importers.cards import tesseract_available
from vernetzt.journal.models import Interaction, Task
from vernetzt.people.models import Person, PersonPhoto
from vernetzt.people.services import create_person

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not tesseract_available(), reason="Tesseract not installed (Debian: tesseract-ocr)"),
]


def _field(page: str, name: str) -> str:
    match = re.search(rf'name="{re.escape(name)}"[^>]*value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)"[^>]*name="{re.escape(name)}"', page
    )
    return match.group(1) if match else ""


def test_two_taps_from_a_badge_to_a_person_with_the_conversation(alice_client, user):
    badge = generate_badges()[1]  # the MeCard badge
    known = create_person(
        owner=user, first_name=badge.key.first_name, last_name=badge.key.last_name, emails=[badge.key.email]
    )
    event = create_event(owner=user, name="Logistik-Forum 2026")
    capture = alice_client.get("/cards/").content.decode()
    assert 'capture="environment"' in capture
    assert 'accept="image/*"' in capture
    upload = SimpleUploadedFile(badge.filename, badge.image, content_type="image/jpeg")
    page = alice_client.post("/cards/", {"step": "read", "photos": [upload]}).content.decode()
    assert f"Known: {known.display_name}" in page
    assert _field(page, "form-0-organization") == badge.key.organization
    data = {
        name: _field(page, name)
        for name in (
            "form-TOTAL_FORMS",
            "form-INITIAL_FORMS",
            "form-0-first_name",
            "form-0-last_name",
            "form-0-title",
            "form-0-organization",
            "form-0-emails",
            "form-0-phones",
            "form-0-web",
            "form-0-city",
            "form-0-photo",
        )
    }
    data.update({"step": "save", "event": str(event.pk), "meeting_agreed": "on", "form-0-keep_photo": "on"})
    saved = alice_client.post("/cards/", data)
    assert saved.status_code == 302
    assert saved["Location"] == f"/people/{known.pk}/"
    assert Person.objects.for_user(user).count() == 1  # matched, not duplicated
    assert Interaction.objects.get(person=known).event == event
    assert Task.objects.filter(person=known, kind="call_to_schedule").exists()
    assert PersonPhoto.objects.filter(person=known).exists()


def test_not_a_photo_and_a_forged_photo_are_refused(alice_client, user):
    text = SimpleUploadedFile("notes.txt", b"hello", content_type="text/plain")
    refused = alice_client.post("/cards/", {"step": "read", "photos": [text]})
    assert refused.status_code == 422
    assert "notes.txt is not a readable photo" in refused.content.decode()
    forged = {
        "step": "save",
        "form-TOTAL_FORMS": "1",
        "form-INITIAL_FORMS": "0",
        "form-0-first_name": "Eve",
        "form-0-photo": "PHNjcmlwdD4=",
        "form-0-keep_photo": "on",
    }
    answer = alice_client.post("/cards/", forged)
    assert answer.status_code == 422
    assert not Person.objects.for_user(user).exists()


def test_photos_beyond_the_import_limit_are_refused_before_they_are_read(alice_client, settings):
    import dataclasses

    settings.CONFIG = dataclasses.replace(settings.CONFIG, max_import_mb=1)
    big = SimpleUploadedFile("huge.jpg", b"\xff\xd8" + b"0" * (3 * 1024 * 1024), content_type="image/jpeg")
    refused = alice_client.post("/cards/", {"step": "read", "photos": [big]})
    assert refused.status_code == 413
    assert "VERNETZT_MAX_IMPORT_MB" in refused.content.decode()
