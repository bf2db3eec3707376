"""The installable web app and captures that arrive twice: manifest, service worker, start page,
and the idempotency key of a capture."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone
from PIL import Image

from vernetzt.events.services import create_event
from vernetzt.journal.models import Interaction
from vernetzt.people.services import create_person, delete_person

pytestmark = pytest.mark.django_db


def test_the_manifest_names_the_app_its_start_and_icons_that_exist(client):
    response = client.get("/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["name"], manifest["start_url"], manifest["display"]) == (
        "vernetzt",
        "/start/",
        "standalone",
    )
    sizes = set()
    for icon in manifest["icons"]:
        path = finders.find(icon["src"].removeprefix("/static/"))
        with Image.open(path) as image:
            assert f"{image.width}x{image.height}" == icon["sizes"]
        sizes.add(icon["sizes"])
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])


def test_every_page_links_the_manifest_the_apple_icon_and_no_inline_script(alice_client):
    page = alice_client.get("/").content.decode()
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert 'rel="apple-touch-icon"' in page
    assert "<script>" not in page
    assert 'src="/static/vernetzt/app.js"' in page


def test_the_service_worker_is_served_from_the_root(client):
    response = client.get("/sw.js")
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b'addEventListener("fetch"' in response.content
    assert client.get("/offline/").status_code == 200


def test_the_app_opens_on_the_event_of_the_day_or_on_today(alice_client, user):
    assert alice_client.get("/start/")["Location"] == "/"
    event = create_event(owner=user, name="Logistik-Forum", starts_on=timezone.localdate())
    assert alice_client.get("/start/")["Location"] == f"/events/{event.pk}/"
    event.starts_on = timezone.localdate() - timedelta(days=3)
    event.save()
    assert alice_client.get("/start/")["Location"] == "/"


def _capture(client, person_id, key, **extra):
    data = {
        "kind": "event_conversation",
        "date": timezone.localdate().isoformat(),
        "notes": "Hafen Hanoi",
        "capture_key": key,
        **extra,
    }
    return client.post(f"/people/{person_id}/log/", data, HTTP_ACCEPT="application/json")


def test_a_capture_sent_twice_is_logged_once(alice_client, user):
    anna = create_person(owner=user, first_name="Anna", last_name="Weber")
    anna_id = anna.pk
    first = _capture(alice_client, anna_id, "3f2b8c1e-0d4a-4e7b-9a51-2c6d8e9f0a1b", meeting_agreed="on")
    again = _capture(alice_client, anna_id, "3f2b8c1e-0d4a-4e7b-9a51-2c6d8e9f0a1b", meeting_agreed="on")
    assert first.status_code == again.status_code == 200
    assert first.json()["interaction_id"] == again.json()["interaction_id"]
    assert (first.json()["repeated"], again.json()["repeated"]) == (False, True)
    assert first.json()["tasks"] == again.json()["tasks"] > 0
    assert Interaction.objects.filter(person=anna).count() == 1
    other = _capture(alice_client, anna_id, "9d1e2f3a-4b5c-4d6e-8f70-81a2b3c4d5e6")
    assert other.json()["interaction_id"] != first.json()["interaction_id"]


def test_a_synced_capture_leaves_no_message_for_a_later_page(alice_client, user):
    """The queue shows the server's answer itself; the same words must not greet the user again on
    the next page (perhaps in another language by then)."""
    anna = create_person(owner=user, first_name="Anna", last_name="Weber")
    answer = _capture(alice_client, anna.pk, "5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b", their_share="90")
    assert answer.json()["message"].startswith("Logged.") and answer.json()["feedback"]
    later = alice_client.get("/").content.decode()
    assert "Logged." not in later and 'class="messages"' not in later
    # Submitted online, the next page opens at once and says it there.
    data = {
        "kind": "call",
        "date": timezone.localdate().isoformat(),
        "capture_key": "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c",
    }
    now = alice_client.post(
        f"/people/{anna.pk}/log/", data, HTTP_ACCEPT="application/json", HTTP_X_CAPTURE_THEN="page"
    )
    assert "Logged." in alice_client.get(now.json()["next"]).content.decode()


def test_a_refused_capture_says_what_to_do(alice_client, user):
    anna = create_person(owner=user, first_name="Anna", last_name="Weber")
    anna_id = anna.pk
    bad = _capture(alice_client, anna_id, "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f", their_share="250")
    assert bad.status_code == 422
    assert bad.json()["advice"]
    delete_person(person=anna)
    gone = _capture(alice_client, anna_id, "7c8d9e0f-1a2b-4c3d-8e4f-5a6b7c8d9e0f")
    assert gone.status_code == 404
    assert "merged" in gone.json()["error"]
    assert alice_client.post(f"/people/{anna_id}/log/", {}).status_code == 404  # the page itself: plain 404


def test_a_malformed_capture_key_is_refused(alice_client, user):
    anna = create_person(owner=user, first_name="Anna", last_name="Weber")
    anna_id = anna.pk
    assert _capture(alice_client, anna_id, "<script>").status_code == 422
    assert not Interaction.objects.filter(person=anna).exists()


def test_keep_on_this_phone_lists_the_briefings_of_the_must_meet_list(alice_client, user):
    from vernetzt.events.preparation import mark_must_meet

    event = create_event(
        owner=user, name="Logistik-Forum", starts_on=timezone.localdate() + timedelta(days=2)
    )
    anna = create_person(owner=user, first_name="Anna", last_name="Weber")
    mark_must_meet(owner=user, event=event, person=anna, must_meet=True)
    page = alice_client.get(f"/events/{event.pk}/").content.decode()
    assert f"/people/{anna.pk}/briefing/?event={event.pk}" in page
    assert f"/people/{anna.pk}/log/?event={event.pk}" in page
    assert "Keep on this phone" in page
