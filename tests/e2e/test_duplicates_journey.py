"""The duplicates page as a user meets it: pairs with their reasons in German, then in English, on a phone
and a desktop; Michael and Michaela at one company are not offered; a pair marked as two people goes away.
Screenshots go to the test's temporary folder (``--basetemp`` keeps them) for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def user():
    account, _ = ensure_account(username="thomas")
    account.language = "de"
    account.save()
    people = [
        ("Basti", "Vogel", "Rhein Cargo GmbH", "", ""),
        ("Sebastian", "Vogel", "Rhein Cargo", "", ""),
        ("Franziska Marie", "Böhm", "Westfalen Fördertechnik AG", "", ""),
        ("Dr. Franziska", "Böhm", "", "", ""),
        ("Işık", "Yılmaz", "Messe Süd GmbH", "", ""),
        ("Isik", "Yilmaz", "Messe Süd", "", ""),
        ("Michael", "Sommer", "Muster Maschinenbau GmbH", "michael.sommer@muster.de", ""),
        ("Michaela", "Sommer", "Muster Maschinenbau GmbH", "michaela.sommer@muster.de", ""),
        ("Katrin", "Vogel", "Elbe Terminal Services", "", "+49 40 1234567"),
        ("K.", "Vogel", "", "", "040 1234567"),
    ]
    for first, last, org, email, phone in people:
        create_person(
            owner=account,
            first_name=first,
            last_name=last,
            organization_name=org,
            emails=[email] if email else [],
            phones=[phone] if phone else [],
        )
    return account


def _shoot(page, tmp_path, name):
    for width, label in ((390, "phone"), (1280, "desktop")):
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(tmp_path / f"{name}-{label}.png"), full_page=True)


def test_duplicates_with_reasons_in_both_languages(page, live_server, tmp_path, user):
    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/duplicates/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mögliche Duplikate")
    pairs = page.locator("ul.duplicates > li")
    expect(pairs).to_have_count(4)
    expect(page.get_by_text("Spitzname: Basti ↔ Sebastian")).to_be_visible()
    expect(page.get_by_text("Zweiter Vorname: Franziska Marie ↔ Franziska")).to_be_visible()
    expect(page.get_by_text("Titel im Namen: Dr.")).to_be_visible()
    expect(page.get_by_text("Gleicher Name, anders geschrieben: Işık Yılmaz ↔ Isik Yilmaz")).to_be_visible()
    expect(page.get_by_text("Gleiche Telefonnummer: +49 40 1234567")).to_be_visible()
    expect(page.locator("ul.duplicates")).not_to_contain_text("Michaela")
    _shoot(page, tmp_path, "duplicates-de")

    user.language = "en"
    user.save()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Possible duplicates")
    expect(page.get_by_text("Nickname: Basti ↔ Sebastian")).to_be_visible()
    expect(page.get_by_text("Same name, spelt differently: Işık Yılmaz ↔ Isik Yilmaz")).to_be_visible()
    expect(page.get_by_text("Organization known for only one of them")).to_be_visible()
    _shoot(page, tmp_path, "duplicates-en")

    page.get_by_role("link", name="Basti Vogel ⇄ Sebastian Vogel").click()
    page.get_by_role("button", name="These are two different people").click()
    expect(pairs).to_have_count(3)
    expect(page.locator("ul.duplicates")).not_to_contain_text("Basti")
