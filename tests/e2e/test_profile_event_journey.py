"""On a phone, in German: set up one's own profile with the reporting line, see whom to network
upward with, then curate the must-meet list of an upcoming event."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.events.models import Attendance
from vernetzt.events.services import add_attendee, create_event
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db(transaction=True)


def test_profile_upward_and_must_meet(page, live_server):
    user, _ = ensure_account(username="thomas")
    org = "Muster Maschinenbau GmbH"
    boss = create_person(owner=user, first_name="Claudia", last_name="Wermelskirchen",
                         title="Geschäftsführerin Operations", organization_name=org)  # fmt: skip
    peer = create_person(owner=user, first_name="Jörg", last_name="Hoffmann",
                         title="Geschäftsführer Vertrieb", organization_name=org)  # fmt: skip
    create_person(owner=user, first_name="Mia", last_name="Klein", title="Werkstudentin Logistik",
                  organization_name=org)  # fmt: skip
    soon = timezone.localdate() + timedelta(days=10)
    event = create_event(owner=user, name="Vertriebstagung 2026", kind="internal", starts_on=soon)
    add_attendee(event=event, person=peer)

    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/research/upward/")
    expect(page.get_by_role("heading", name="Sagen Sie vernetzt, wo Sie stehen")).to_be_visible()

    page.goto(live_server.url + "/me/")
    page.get_by_label("Ihre Position").fill("Logistikleiter")
    page.get_by_label("Ihr Unternehmen").fill(org)
    page.get_by_label("Sie berichten an").fill("Claudia Wermelskirchen")
    page.get_by_role("button", name="Profil speichern").click()
    expect(page.get_by_role("status")).to_be_visible()

    page.goto(live_server.url + "/research/upward/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Nach oben vernetzen")
    results = page.locator("main")
    expect(results.get_by_role("link", name="Claudia Wermelskirchen")).to_be_visible()
    expect(results.get_by_role("link", name="Jörg Hoffmann")).to_be_visible()
    expect(results.get_by_role("link", name="Mia Klein")).to_have_count(0)  # not upward

    page.goto(f"{live_server.url}/events/{event.pk}/")
    page.get_by_role("button", name="Unbedingt treffen").first.click()
    expect(page.get_by_role("button", name="Von der Pflichtliste nehmen").first).to_be_visible()
    assert Attendance.objects.get(event=event, person=peer).must_meet
    assert not Attendance.objects.filter(person=boss).exists()
