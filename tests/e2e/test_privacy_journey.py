"""A person's privacy in the browser: where their data came from on the person page, the
do-not-contact mark, and forgetting them for good after a confirmation — German on a 390 px phone,
English on a desktop. Screenshots go to the test's temporary folder for a person to look at."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.people.models import Person
from vernetzt.privacy.models import Erasure
from vernetzt.transfer.services import import_linkedin

pytestmark = pytest.mark.django_db(transaction=True)
CONNECTIONS = Path(__file__).resolve().parent.parent / "data" / "samples" / "linkedin" / "Connections.csv"


def _shoot(page, tmp_path, name):
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)


def _account(language: str):
    user, _ = ensure_account(username=f"thomas-{language}")
    user.language = language
    user.save()
    import_linkedin(owner=user, source=CONNECTIONS)
    return user


def test_provenance_and_forget_on_a_phone_in_german(page, live_server, tmp_path):
    user = _account("de")
    daniel = Person.objects.for_user(user).get(last_name="Ortmann")
    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(f"{live_server.url}/people/{daniel.pk}/")
    privacy = page.locator("section.privacy")
    expect(privacy.get_by_role("heading", name="Herkunft der Daten")).to_be_visible()
    expect(privacy.locator(".sources li").first).to_contain_text("Connections.csv")
    expect(privacy).to_contain_text("Berechtigtes Interesse")
    privacy.get_by_text("Rechtsgrundlage, Zweck oder Kontaktsperre ändern").click()
    privacy.get_by_label("Nicht kontaktieren (hat widersprochen)").check()
    privacy.get_by_role("button", name="Speichern").click()
    expect(page.locator("h1 .badge.dnc")).to_have_text("Nicht kontaktieren")
    expect(page.get_by_role("link", name="Schreiben")).to_have_count(0)
    _shoot(page, tmp_path, "1-person-privacy-phone-de")

    page.get_by_role("link", name="Endgültig löschen …").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Daniel Ortmann endgültig löschen?")
    _shoot(page, tmp_path, "2-forget-confirm-phone-de")
    assert Person.objects.filter(pk=daniel.pk).exists()  # asking changed nothing
    page.get_by_role("button", name="Endgültig löschen").click()
    expect(page.get_by_role("status")).to_contain_text("Daniel Ortmann wurde endgültig gelöscht.")
    expect(page.locator(".people")).not_to_contain_text("Ortmann")
    _shoot(page, tmp_path, "3-after-forget-phone-de")
    assert not Person.objects.filter(pk=daniel.pk).exists()
    assert Erasure.objects.for_user(user).count() == 1


def test_provenance_record_and_forget_on_a_desktop_in_english(browser, live_server, tmp_path):
    user = _account("en")
    lena = Person.objects.for_user(user).get(last_name="Brandt")
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(live_server.url + issue_login_link(user=user))
        page.goto(f"{live_server.url}/people/{lena.pk}/")
        privacy = page.locator("section.privacy")
        expect(privacy.get_by_role("heading", name="Where the data came from")).to_be_visible()
        expect(privacy.locator(".sources li").first).to_contain_text("LinkedIn export")
        _shoot(page, tmp_path, "4-person-privacy-desktop-en")
        page.get_by_role("link", name="Everything about this person (printable)").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("What is stored about Lena Brandt")
        _shoot(page, tmp_path, "5-record-desktop-en")
        page.get_by_role("link", name="Back to the person").click()
        page.get_by_role("link", name="Erase for good…").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Erase Lena Brandt for good?")
        _shoot(page, tmp_path, "6-forget-confirm-desktop-en")
        page.get_by_role("link", name="Cancel").click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Lena Brandt")
        page.get_by_role("link", name="Erase for good…").click()
        page.get_by_role("button", name="Erase for good").click()
        expect(page.get_by_role("status")).to_contain_text("Lena Brandt was erased for good.")
        _shoot(page, tmp_path, "7-after-forget-desktop-en")
    finally:
        context.close()
    assert not Person.objects.filter(pk=lena.pk).exists()


@pytest.mark.parametrize(
    ("language", "viewport", "heading"),
    [
        ("de", {"width": 1280, "height": 900}, "Herkunft der Daten"),
        ("en", {"width": 390, "height": 844}, None),
    ],
)
def test_the_privacy_card_in_the_other_language_and_size(
    browser, live_server, tmp_path, language, viewport, heading
):
    user = _account(language)
    katrin = Person.objects.for_user(user).get(last_name="Vogel")
    katrin.do_not_contact = True
    katrin.save()
    context = browser.new_context(locale="de-DE" if language == "de" else "en-GB", viewport=viewport)
    page = context.new_page()
    page.set_default_timeout(15000)
    try:
        page.goto(live_server.url + issue_login_link(user=user))
        page.goto(f"{live_server.url}/people/{katrin.pk}/")
        expect(page.locator("section.privacy h3").first).to_have_text(heading or "Where the data came from")
        expect(page.locator("h1 .badge.dnc")).to_be_visible()
        size = "desktop" if viewport["width"] > 800 else "phone"
        _shoot(page, tmp_path, f"8-person-dnc-{size}-{language}")
        page.goto(f"{live_server.url}/people/")
        expect(page.locator(".people .badge.dnc")).to_have_count(1)
        _shoot(page, tmp_path, f"9-people-list-{size}-{language}")
        page.goto(f"{live_server.url}/people/{katrin.pk}/forget/")
        _shoot(page, tmp_path, f"10-forget-confirm-{size}-{language}")
    finally:
        context.close()
