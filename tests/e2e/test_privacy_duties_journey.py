"""The controller's duties in the browser: the privacy notice in a first draft (German Sie on a 390 px
phone, English on a desktop) and leaving it out, the Art. 9 warning when a note is saved, Settings →
Privacy with the contact details, the public page, retention preview and audit log. Screenshots go to
the test's temporary folder for a person to look at."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.people.models import Person
from vernetzt.transfer.services import import_linkedin

pytestmark = pytest.mark.django_db(transaction=True)
CONNECTIONS = Path(__file__).resolve().parent.parent / "data" / "samples" / "linkedin" / "Connections.csv"


def _shoot(page, tmp_path, name):
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)


def _account(language: str):
    user, _ = ensure_account(username=f"thomas-{language}")
    user.language, user.first_name, user.last_name = language, "Thomas", "Berger"
    user.save()
    import_linkedin(owner=user, source=CONNECTIONS)
    return user


def test_notice_warning_and_settings_on_a_phone_in_german(page, live_server, tmp_path):
    user = _account("de")
    daniel = Person.objects.for_user(user).get(last_name="Ortmann")
    Person.objects.filter(pk=daniel.pk).update(languages=["Deutsch"], title_of_address="Herr")
    page.goto(live_server.url + issue_login_link(user=user))

    page.goto(f"{live_server.url}/settings/privacy/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Datenschutz")
    expect(page.locator("#notice-heading")).to_have_text("Hinweis an Ihre Kontakte (Art. 14)")
    page.get_by_label("Ihr Name (als Verantwortliche/r)").fill("Thomas Berger")
    page.get_by_label("E-Mail-Adresse für Datenschutzanfragen").fill("thomas@example.org")
    page.get_by_role("button", name="Speichern").first.click()
    expect(page.get_by_role("status").first).to_contain_text("Datenschutz-Einstellungen gespeichert.")
    expect(page.locator(".audit-log")).to_contain_text("Anmeldung")
    _shoot(page, tmp_path, "1-privacy-settings-phone-de")

    page.get_by_role("link", name="Vorschau").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Datenschutzhinweise von Thomas Berger")
    expect(page.locator("address")).to_contain_text("thomas@example.org")
    _shoot(page, tmp_path, "2-public-page-phone-de")

    page.goto(f"{live_server.url}/people/{daniel.pk}/draft/?kind=meeting_request")
    body = page.get_by_label("Text")
    expect(body).to_have_value(
        re.compile(r"Sehr geehrter Herr Ortmann,.*Hinweis zum Datenschutz: Ihren Namen", re.S)
    )
    expect(page.locator(".privacy-notice")).to_contain_text("erste Nachricht an Daniel Ortmann")
    _shoot(page, tmp_path, "3-first-draft-notice-phone-de")
    page.get_by_role("link", name="Datenschutzhinweis weglassen").click()
    expect(page.get_by_label("Text")).not_to_have_value(re.compile("Hinweis zum Datenschutz"))
    expect(page.get_by_role("link", name="Datenschutzhinweis anfügen")).to_be_visible()

    page.goto(f"{live_server.url}/people/{daniel.pk}/log/")
    page.get_by_label("Notizen").fill("Hatte letztes Jahr Brustkrebs, ist wieder voll im Job.")
    page.get_by_role("button", name="Gespräch speichern").click()
    warning = page.locator(".message.warning")
    expect(warning).to_contain_text(
        "besonders geschützten Daten aus (Gesundheit: „Brustkrebs“, Art. 9 DSGVO)"
    )
    _shoot(page, tmp_path, "4-art9-warning-phone-de")


def test_notice_warning_and_settings_on_a_desktop_in_english(browser, live_server, tmp_path):
    user = _account("en")
    daniel = Person.objects.for_user(user).get(last_name="Ortmann")
    Person.objects.filter(pk=daniel.pk).update(languages=["English"], city="London", country="GB")
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(live_server.url + issue_login_link(user=user))
        page.goto(f"{live_server.url}/people/{daniel.pk}/draft/?kind=meeting_request")
        expect(page.get_by_label("Text")).to_have_value(
            re.compile(r"Dear Daniel Ortmann,.*A note on privacy: I took your name", re.S)
        )
        _shoot(page, tmp_path, "5-first-draft-notice-desktop-en")

        page.goto(f"{live_server.url}/people/{daniel.pk}/log/")
        page.get_by_label("Notes").fill("Practising Muslim, no lunch meetings during Ramadan.")
        page.get_by_role("button", name="Save conversation").click()
        expect(page.locator(".message.warning")).to_contain_text(
            "This looks like specially protected data (religion: “Muslim”, Art. 9 GDPR)"
        )
        _shoot(page, tmp_path, "6-art9-warning-desktop-en")

        page.goto(f"{live_server.url}/settings/privacy/")
        expect(page.locator("#retention-heading")).to_have_text("Retention (Art. 5)")
        expect(page.locator(".audit-log")).to_contain_text("Login")
        _shoot(page, tmp_path, "7-privacy-settings-desktop-en")
    finally:
        context.close()
