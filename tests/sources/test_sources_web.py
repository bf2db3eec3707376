"""The sources page and the one-click verdict, through Django's test client on a real database."""

from __future__ import annotations

import pytest

from vernetzt.people.models import Success
from vernetzt.sources.feeds import add_feed, poll_feeds
from vernetzt.sources.models import Candidate, Feed

pytestmark = pytest.mark.django_db


def test_the_page_invites_a_first_source(alice_client):
    page = alice_client.get("/settings/sources/").content.decode()
    assert "No feeds yet" in page
    assert "Private by default" in page


def test_every_field_on_the_page_has_its_own_id_and_label(alice_client):
    """Four forms on one page: each label must point at its own field (screen readers, get_by_label)."""
    import re
    from collections import Counter

    page = alice_client.get("/settings/sources/").content.decode()
    ids = Counter(re.findall(r'<(?:input|select|textarea)[^>]* id="([^"]+)"', page))
    assert ids and max(ids.values()) == 1, [i for i, n in ids.items() if n > 1]
    assert set(re.findall(r'<label[^>]* for="([^"]+)"', page)) <= set(ids)


def test_subscribe_read_and_see_errors_with_what_to_do(alice_client, user, network, press):
    base, _ = press
    response = alice_client.post("/settings/sources/feeds/", {"url": base + "logistik_rss.xml", "name": "LH"})
    assert response.status_code == 302
    alice_client.post("/settings/sources/feeds/", {"url": base + "not_a_feed.html"})
    alice_client.post("/settings/sources/read/")
    page = alice_client.get("/settings/sources/").content.decode()
    assert "2 new candidates" in page
    assert "does not give an RSS or Atom feed" in page
    assert "Siam Logistics eröffnet Hub in Laem Chabang — congratulate Tim Wongsakul?" in page


def test_a_bad_feed_address_is_a_form_error(alice_client):
    response = alice_client.post("/settings/sources/feeds/", {"url": "javascript:alert(1)"})
    assert response.status_code == 422
    assert not Feed.objects.exists()


def test_in_german(alice_client, user, network, press):
    user.language = "de"
    user.save()
    base, _ = press
    add_feed(owner=user, url=base + "logistik_rss.xml")
    poll_feeds(owner=user)
    today = alice_client.get("/").content.decode()
    assert "Neu: Siam Logistics eröffnet Hub in Laem Chabang — Tim Wongsakul gratulieren?" in today
    assert "Aus der Presse" in today


def test_an_article_pasted_twice_says_so_in_german(alice_client, user, network, press):
    user.language = "de"
    user.save()
    base, _ = press
    first = alice_client.post("/settings/sources/article/", {"url": base + "article.html"}, follow=True)
    assert "1 Meldung gefunden." in first.content.decode()
    again = alice_client.post(
        "/settings/sources/article/", {"url": base + "article.html?utm_source=mail"}, follow=True
    )
    said = "Dieser Artikel wurde schon gelesen; 1 Meldung wartet auf Ihre Entscheidung."
    assert said in again.content.decode()
    assert Candidate.objects.count() == 1


def test_confirm_on_the_briefing_with_htmx(alice_client, user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "logistik_rss.xml")
    poll_feeds(owner=user)
    tim = network["tim"]
    briefing = alice_client.get(f"/people/{tim.pk}/briefing/").content.decode()
    assert "congratulate Tim Wongsakul?" in briefing
    assert "Anna Krause" not in briefing.split("From the press")[1].split("</section>")[0]
    candidate = Candidate.objects.get(person=tim)
    response = alice_client.post(f"/news/{candidate.pk}/confirm/", HTTP_HX_REQUEST="true")
    assert "Saved as a success of Tim Wongsakul" in response.content.decode()
    assert Success.objects.get(person=tim).source_url.endswith("siam-logistics-hub")
    assert alice_client.post(f"/news/{candidate.pk}/dismiss/").status_code == 404  # already decided


def test_dismiss_without_javascript_goes_back(alice_client, user, network, press):
    base, _ = press
    add_feed(owner=user, url=base + "newsroom_atom.xml")
    [candidate] = poll_feeds(owner=user).candidates
    response = alice_client.post(f"/news/{candidate.pk}/dismiss/", {"next": "https://evil.example/"})
    assert response.url == "/"
    assert Candidate.objects.get().status == "dismissed"


def test_removing_a_feed_on_the_page(alice_client, user, press):
    base, _ = press
    feed = add_feed(owner=user, url=base + "newsroom_atom.xml")
    assert alice_client.post(f"/settings/sources/feeds/{feed.pk}/remove/").status_code == 302
    assert not Feed.objects.exists()


def test_connect_a_mail_account_on_the_page(alice_client, user, dovecot, monkeypatch):
    from datetime import UTC, datetime

    from tests_support.dovecot import mail
    from vernetzt.people.services import create_person

    create_person(owner=user, first_name="Anna", last_name="Krause", emails=["anna@kn.example"])
    dovecot.deliver(
        "INBOX",
        [
            mail(
                sender="anna@kn.example",
                to=dovecot.user,
                subject="Hallo",
                when=datetime(2026, 1, 5, 9, tzinfo=UTC),
            )
        ],
    )
    form = {
        "host": dovecot.host,
        "port": dovecot.port,
        "username": dovecot.user,
        "password": dovecot.password,
        "folders": "INBOX, Sent",
    }
    assert alice_client.post("/settings/sources/mail/", form).status_code == 302
    page = alice_client.get("/settings/sources/").content.decode()
    assert "1 new mail with your network" in page
    wrong = {**form, "username": "someone@example.org"}
    alice_client.post("/settings/sources/mail/", wrong)
    page = alice_client.get("/settings/sources/").content.decode()
    assert "app password" in page  # what to do about the refused login


def test_a_bad_mail_account_is_a_form_error(alice_client):
    response = alice_client.post("/settings/sources/mail/", {"host": "", "port": 99999, "username": "u"})
    assert response.status_code == 422
