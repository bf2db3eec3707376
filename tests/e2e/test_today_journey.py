"""Today in the browser, on a big account: the focused ten and the counted rest on a phone (German), the
log form opened from an event page with the event preselected, and the look-ahead to the day the call
to fix the date is due; the same page on a desktop in English.

Screenshots go to $VERNETZT_SCREENSHOTS when it is set.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.events.preparation import mark_must_meet
from vernetzt.events.services import add_attendee, create_event
from vernetzt.journal.models import Task
from vernetzt.people.models import Person
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db(transaction=True)
BACKLOG = 400


def _shot(page, name: str) -> None:
    folder = os.environ.get("VERNETZT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_the_focused_ten_the_event_log_and_the_day_ahead(page, browser, live_server):
    user, _ = ensure_account(username="thomas")
    user.language = "de"
    user.save()
    today = timezone.localdate()
    # The backlog the old rules left: hundreds of keep-in-touch tasks, overdue by days to weeks.
    people = Person.objects.bulk_create(
        [
            Person(owner=user, display_name=f"Kontakt {n:03d}", last_name=f"K{n}", tier="secondary")
            for n in range(BACKLOG)
        ]
    )
    Task.objects.bulk_create(
        [
            Task(owner=user, kind="keep_in_touch", person=person, due=today - timedelta(days=1 + n % 40))
            for n, person in enumerate(people)
        ]
    )
    anna = create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title="Head of Supply Chain APAC",
        organization_name="Harbour Logistics Pte. Ltd.",
    )
    event = create_event(owner=user, name="Logistik-Forum 2026", starts_on=today)
    add_attendee(event=event, person=anna)
    mark_must_meet(owner=user, event=event, person=anna, must_meet=True)

    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/")
    first = page.locator("section[aria-labelledby=tasks-heading] ul.tasks > li")
    expect(first).to_have_count(10)
    expect(page.locator("#tasks-heading")).to_contain_text(f"(10 von {BACKLOG} fälligen)")
    later = page.locator("#later")
    expect(later).to_contain_text(f"Später ({BACKLOG - 10})")
    expect(later).to_contain_text(f"{BACKLOG - 10} × In Kontakt bleiben")
    _shot(page, "today-cap-phone-de")
    later.get_by_role("link", name="Anzeigen, die wichtigsten zuerst").click()
    expect(page.locator("#later ul.tasks > li").first).to_be_visible()
    expect(page.locator("#later .pager")).to_contain_text("Seite 1 von")
    _shot(page, "today-later-phone-de")

    # From the event page to the log form: the event is chosen already.
    page.goto(f"{live_server.url}/events/{event.pk}/")
    page.get_by_role("link", name="Gespräch mit Anna Weber erfassen").click()
    where = page.get_by_label("Wo (Veranstaltung)")
    expect(where).to_have_value(str(event.pk))
    assert "---------" not in where.inner_text()
    _shot(page, "log-from-event-phone-de")
    page.get_by_label("Ein Treffen wurde vereinbart").check()
    page.get_by_role("button", name="Gespräch speichern").click()
    expect(page.get_by_role("status").first).to_contain_text("Folgeaufgaben geplant")

    # Back on Today: the call to fix the date waits on its day in the look-ahead.
    call = Task.objects.get(person=anna, kind="call_to_schedule")
    assert call.due > today
    page.goto(live_server.url + "/")
    ahead = page.locator("aside.today-side")
    expect(ahead).to_contain_text("Nächste 7 Tage")
    ahead.locator(f"a[href='?date={call.due.isoformat()}']").click()
    expect(page).to_have_url(re.compile(rf"date={call.due.isoformat()}"))
    if call.due == today + timedelta(days=1):
        expect(page.get_by_role("heading", level=1)).to_contain_text("Morgen")
    expect(page.locator("main")).to_contain_text("Termin telefonisch festmachen")
    expect(page.locator("main")).to_contain_text("Anna Weber")
    _shot(page, "today-lookahead-phone-de")

    user.language = "en"
    user.save()
    desktop = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    other = desktop.new_page()
    other.goto(live_server.url + issue_login_link(user=user))
    other.goto(live_server.url + "/")
    expect(other.locator("section[aria-labelledby=tasks-heading] ul.tasks > li")).to_have_count(10)
    expect(other.locator("#later")).to_contain_text("× Keep in touch")
    _shot(other, "today-desktop-en")
    desktop.close()
