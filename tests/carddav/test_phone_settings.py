"""Settings → On your phone: who is in the address book, and the password a phone uses."""

from __future__ import annotations

import pytest

from tests_support.dav import basic
from vernetzt.carddav.book import address_book_settings

pytestmark = pytest.mark.django_db


def test_the_page_says_how_many_people_and_how_to_connect(alice_client, book):
    page = alice_client.get("/settings/phone/").content.decode()
    assert "The address book holds 3 people now" in page
    assert "<code>alice</code>" in page
    assert "http://testserver/dav/" in page


def test_a_password_for_the_phone_logs_a_dav_client_in(alice_client, book, client):
    page = alice_client.post("/settings/phone/", {"form": "token"}).content.decode()
    secret = page.split('<code class="token">')[1].split("</code>")[0]
    response = client.generic(
        "PROPFIND", "/dav/", b"", HTTP_AUTHORIZATION=basic("alice", secret), HTTP_DEPTH="0"
    )
    assert response.status_code == 207


def test_choosing_who_is_in_the_book(alice_client, book, user):
    response = alice_client.post("/settings/phone/", {"form": "book", "pipelines": "on", "connections": "on"})
    assert response.status_code == 302
    chosen = address_book_settings(user)
    assert (chosen.relationships, chosen.pipelines, chosen.must_meet, chosen.connections) == (
        False,
        True,
        False,
        True,
    )
    assert "The address book holds 2 people now" in alice_client.get("/settings/phone/").content.decode()


def test_the_page_in_german(alice_client, book, user):
    user.language = "de"
    user.save()
    page = alice_client.get("/settings/phone/").content.decode()
    assert "Das Adressbuch enthält jetzt 3 Personen" in page
    assert "Personen, mit denen ich in Kontakt bin" in page
