"""At the event without reception, on a 390 px phone: install data, the must-meet briefings kept on the
phone, reading one offline, two conversations captured offline, synced once when the connection returns,
and the follow-up planned."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.events.preparation import mark_must_meet
from vernetzt.events.services import create_event
from vernetzt.journal.models import Interaction, Task
from vernetzt.people.models import Success
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db(transaction=True)


def _offline(context, offline: bool) -> None:
    """Offline for the page and for the service worker (Chromium's emulation does not reach it)."""

    def abort_worker(route):
        if route.request.service_worker is not None:
            route.abort("internetdisconnected")
        else:
            route.continue_()

    context.set_offline(offline)
    if offline:
        context.route("**/*", abort_worker)
    else:
        context.unroute("**/*")


def test_briefings_and_captures_without_a_connection(browser, live_server, tmp_path):
    user, _ = ensure_account(username="thomas")
    user.language = "de"
    user.save()
    set_me(owner=user, title="Logistikleiter", organization="Muster Maschinenbau GmbH", interests=["Segeln"])
    event = create_event(
        owner=user, name="Logistik-Forum 2026", starts_on=timezone.localdate() + timedelta(days=1)
    )
    anna = create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title="Head of Supply Chain APAC",
        organization_name="Harbour Logistics Pte. Ltd.",
        interests=["Segeln"],
    )
    jorg = create_person(
        owner=user, first_name="Jörg", last_name="Özdemir", organization_name="Rhein Cargo AG"
    )
    Success.objects.create(owner=user, person=anna, date=timezone.localdate(), text="Lager in Hanoi eröffnet")
    for person in (anna, jorg):
        mark_must_meet(owner=user, event=event, person=person, must_meet=True)

    context = browser.new_context(
        locale="de-DE", viewport={"width": 390, "height": 844}, service_workers="allow"
    )
    page = context.new_page()
    page.set_default_timeout(20000)
    try:
        page.goto(live_server.url + issue_login_link(user=user))
        manifest = json.loads(page.request.get(live_server.url + "/manifest.webmanifest").text())
        assert manifest["start_url"] == "/start/"
        assert page.locator("link[rel=manifest]").count() == 1

        page.goto(f"{live_server.url}/events/{event.pk}/")
        assert page.evaluate("navigator.serviceWorker.ready.then(() => true)")
        page.reload()  # now controlled by the worker
        page.get_by_role("button", name="Auf diesem Telefon behalten").click()
        expect(page.locator("#offline-status")).to_contain_text("Bereit für offline: 9 Seiten")
        page.screenshot(path=str(tmp_path / "1-event-kept-de.png"), full_page=True)

        _offline(context, True)
        page.goto(f"{live_server.url}/people/{anna.pk}/briefing/?event={event.pk}")
        expect(page.get_by_text("Lager in Hanoi eröffnet").first).to_be_visible()
        page.screenshot(path=str(tmp_path / "2-briefing-offline-de.png"), full_page=True)

        for person, note in ((anna, "Segelwochenende in Kiel"), (jorg, "Sucht Lager in Duisburg")):
            page.goto(f"{live_server.url}/people/{person.pk}/log/?event={event.pk}")
            page.get_by_label("Notizen").fill(note)
            page.get_by_label("Ein Treffen wurde vereinbart").check()
            page.get_by_role("button", name="Gespräch speichern").click()
            expect(page.locator("#capture-saved")).to_contain_text("Auf diesem Telefon gespeichert")
        queue = page.locator("#capture-queue")
        expect(queue).to_contain_text("2 warten auf Abgleich")
        expect(queue).to_contain_text("Anna Weber")
        page.screenshot(path=str(tmp_path / "3-two-waiting-de.png"), full_page=True)
        assert not Interaction.objects.filter(owner=user).exists()

        _offline(context, False)
        queue.get_by_role("button", name="Jetzt abgleichen").click()
        expect(queue).to_contain_text("Abgeglichen: Jörg Özdemir")
        expect(queue.locator(".capture-count")).to_have_text("")
        page.screenshot(path=str(tmp_path / "4-synced-de.png"), full_page=True)
        queue.get_by_role("button", name="Jetzt abgleichen").click()  # nothing left to send twice

        logged = Interaction.objects.filter(owner=user)
        assert sorted(logged.values_list("person_id", flat=True)) == sorted([anna.pk, jorg.pk])
        assert {i.notes for i in logged} == {"Segelwochenende in Kiel", "Sucht Lager in Duisburg"}
        assert Task.objects.filter(owner=user, kind="call_to_schedule").count() == 2

        user.language = "en"
        user.save()
        page.goto(f"{live_server.url}/events/{event.pk}/")
        expect(page.get_by_role("button", name="Keep on this phone")).to_be_visible()
        page.screenshot(path=str(tmp_path / "5-event-en.png"), full_page=True)
    finally:
        context.close()
