"""After an encounter at an event: log it on the phone, write the thank-you the same day in German (Sie,
Frau Dr.), and see the English lunch invitation ask for what is still missing — with the interface in
German and in English, on a desktop and a 390 px phone. Screenshots go to the test's temporary folder
(``--basetemp`` keeps them) for a person to look at."""

from __future__ import annotations

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.events.services import create_event
from vernetzt.journal.models import Task
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def world():
    user, _ = ensure_account(username="thomas")
    user.first_name, user.last_name, user.email, user.language = (
        "Thomas",
        "Berger",
        "thomas@example.org",
        "de",
    )
    user.save()
    set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster Maschinenbau GmbH",
        city="Dortmund",
        expertise=["Intralogistik"],
        associations=["Bundesvereinigung Logistik (BVL)"],
    )
    anna = create_person(
        owner=user,
        first_name="Anna",
        last_name="Weber",
        title_of_address="Frau",
        academic_title="Dr.",
        title="Leiterin Kontraktlogistik",
        organization_name="Rhein Cargo GmbH",
        city="Duisburg",
        languages=["Deutsch"],
        emails=["anna.weber@example.com"],
        expertise=["Kontraktlogistik"],
        associations=["Bundesvereinigung Logistik (BVL)"],
    )
    priya = create_person(
        owner=user,
        first_name="Priya",
        last_name="Raman",
        title_of_address="Frau",
        title="VP Supply Chain, Southeast Asia",
        organization_name="Harbourline Logistics",
        city="Singapur",
        languages=["Englisch", "Tamil"],
        emails=["priya@example.com"],
        needs=["Lagerplaner in Vietnam"],
    )
    create_person(
        owner=user,
        first_name="Linh",
        last_name="Pham",
        title="Senior Supply Chain Planner",
        organization_name="Mekong Cold Chain",
        city="Hanoi",
        tier="developing",
    )
    event = create_event(owner=user, name="Logistik-Forum Rhein-Ruhr", starts_on=timezone.localdate())
    return user, anna, priya, event


def _shoot(page, tmp_path, name):
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)


def test_encounter_thank_you_in_german_and_lunch_in_english(page, browser, live_server, tmp_path, world):
    user, anna, priya, event = world
    page.goto(live_server.url + issue_login_link(user=user))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Heute")

    page.goto(f"{live_server.url}/people/{anna.pk}/log/?event={event.pk}")
    page.get_by_label("Was ist passiert").select_option("event_conversation")
    page.get_by_label("Merkenswert").fill("Tochter studiert an der NUS")
    page.get_by_label("Ein Treffen wurde vereinbart").check()
    page.get_by_role("button", name="Gespräch speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Anna Weber")
    due_today = {
        t.kind
        for t in Task.objects.filter(
            person=anna, due=Task.objects.get(person=anna, kind="thank_you_email").due
        )
    }
    assert {"thank_you_email", "connect_linkedin", "connect_xing"} <= due_today

    page.get_by_role("link", name="Heute").click()
    thanks = Task.objects.get(person=anna, kind="thank_you_email")
    page.locator(f"#task-{thanks.pk}").get_by_role("link", name="Entwurf").click()
    body = page.get_by_label("Text")
    expect(body).to_have_value(
        re.compile(
            r"^Sehr geehrte Frau Dr\. Weber,\n\nvielen Dank für das anregende "
            r"Gespräch bei der Veranstaltung „Logistik-Forum Rhein-Ruhr“"
        )
    )
    expect(body).to_have_value(
        re.compile(
            r"Besonders in Erinnerung geblieben ist mir, dass Ihre Tochter an der "
            r"NUS studiert\."
        )
    )
    expect(page.get_by_label("Betreff")).to_have_value(
        "Danke für das Gespräch bei „Logistik-Forum Rhein-Ruhr“"
    )
    _shoot(page, tmp_path, "thank-you-de-phone")

    desktop = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    try:
        english = desktop.new_page()
        english.goto(live_server.url + issue_login_link(user=user))
        english.goto(f"{live_server.url}/people/{priya.pk}/draft/?kind=lunch_invitation")
        lunch = english.get_by_label("Text")
        # The account speaks German, so the page and the places to fill in are German; the draft is English.
        expect(lunch).to_have_value(
            re.compile(
                r"^Dear Ms Raman,\n\nI would like to invite you to lunch to talk "
                r"about \[\[Thema: "
            )
        )
        expect(english.get_by_role("note")).to_contain_text("Vor dem Senden die mit [[…]] markierten Stellen")
        expect(lunch).to_have_value(re.compile(r"Vorschlag: Einen Kontakt zu Linh Pham"))
        _shoot(english, tmp_path, "lunch-en-desktop")
        english.goto(f"{live_server.url}/people/{priya.pk}/briefing/")
        expect(english.locator(".suggestions").first).to_contain_text("Einen Kontakt zu Linh Pham")
        _shoot(english, tmp_path, "briefing-priya-desktop")
    finally:
        desktop.close()


THANKS_DE = re.compile(
    r"^Sehr geehrte Frau Dr\. Weber,\n\nvielen Dank für das anregende Gespräch bei der Veranstaltung "
    r"„Logistik-Forum Rhein-Ruhr“ am [^–]+ – ich fand es sehr spannend, Sie kennenzulernen\. Besonders in "
    r"Erinnerung geblieben ist mir, dass Ihre Tochter an der NUS studiert\.\n\nIch melde mich in den "
    r"nächsten Tagen telefonisch"
)
# What the page around the drafts says, per interface language.
PAGES = {
    "de": {
        "lang": "de",
        "written_de": "Auf Deutsch verfasst",
        "written_en": "Auf Englisch verfasst",
        "topic": "[[Thema: ",
        "address": "Förmlich (Sie) · Frau Dr.",
        "source": "Fachgebiet: Kontraktlogistik",
    },
    "en": {
        "lang": "en",
        "written_de": "Written in German",
        "written_en": "Written in English",
        "topic": "[[topic: ",
        "address": "Formal (Sie) · Ms · Dr.",
        "source": "Field: contract logistics",
    },
}


@pytest.mark.parametrize("ui", ["de", "en"])
def test_both_drafts_in_both_interfaces_on_desktop_and_phone(browser, live_server, tmp_path, world, ui):
    user, anna, priya, event = world
    user.language = ui
    user.save()
    texts = PAGES[ui]
    for device, viewport in (
        ("desktop", {"width": 1280, "height": 900}),
        ("phone", {"width": 390, "height": 844}),
    ):
        context = browser.new_context(locale="de-DE" if ui == "de" else "en-GB", viewport=viewport)
        try:
            page = context.new_page()
            page.set_default_timeout(15000)
            page.goto(live_server.url + issue_login_link(user=user))
            if device == "phone":  # log the encounter where it happens, on the phone
                page.goto(f"{live_server.url}/people/{anna.pk}/log/?event={event.pk}")
                page.locator("select[name=kind]").select_option("event_conversation")
                page.locator("[name=snippets]").fill("Tochter studiert an der NUS")
                page.locator("input[name=meeting_agreed]").check()
                page.locator("main form button.primary").click()
                expect(page.get_by_role("heading", level=1)).to_have_text("Anna Weber")
                thanks = Task.objects.get(person=anna, kind="thank_you_email", done_at__isnull=True)
                connect = {t.kind for t in Task.objects.filter(person=anna, due=thanks.due)}
                assert {"connect_linkedin", "connect_xing"} <= connect  # the same day as the thanks
            else:
                page.goto(f"{live_server.url}/people/{anna.pk}/")
            expect(page.locator("main")).to_contain_text(texts["address"])
            _shoot(page, tmp_path, f"person-{ui}-{device}")
            page.goto(f"{live_server.url}/people/{anna.pk}/briefing/")
            expect(page.locator("main")).to_contain_text("Sehr geehrte Frau Dr. Weber")  # the salutation
            expect(page.locator("main")).to_contain_text(texts["source"])
            _shoot(page, tmp_path, f"briefing-{ui}-{device}")
            page.goto(f"{live_server.url}/people/{anna.pk}/draft/?kind=thank_you_email")
            body = page.locator("textarea").first
            if device == "phone":
                expect(body).to_have_value(THANKS_DE)
            else:  # no encounter logged in this pass: the thank-you after a meeting
                expect(body).to_have_value(
                    re.compile(r"^Sehr geehrte Frau Dr\. Weber,\n\nvielen Dank für Ihre")
                )
            expect(page.locator("main")).to_contain_text(texts["written_de"])
            assert page.locator("html").get_attribute("lang") == texts["lang"]
            _shoot(page, tmp_path, f"thank-you-de-in-{ui}-ui-{device}")
            page.goto(f"{live_server.url}/people/{priya.pk}/draft/?kind=lunch_invitation")
            lunch = page.locator("textarea").first
            expect(lunch).to_have_value(re.compile(r"^Dear Ms Raman,\n\nI would like to invite you to lunch"))
            expect(lunch).to_have_value(re.compile(re.escape(texts["topic"])))
            expect(page.locator("main")).to_contain_text(texts["written_en"])
            _shoot(page, tmp_path, f"lunch-en-in-{ui}-ui-{device}")
        finally:
            context.close()
