"""Reporting lines on person pages → the org chart and the labelled upward list (German, desktop and
phone) → the compact, paged *Whom to meet* on a phone (English).

Set VERNETZT_SCREENSHOTS=DIR to keep the screenshots (desktop and 390 px, German and English)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.goals.services import create_goal
from vernetzt.people.services import create_person, set_me

pytestmark = pytest.mark.django_db(transaction=True)
ORG = "Kessler Werke GmbH"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def _shot(page, name: str) -> None:
    folder = os.environ.get("VERNETZT_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


@pytest.fixture
def kessler():
    user, _ = ensure_account(username="thomas")
    user.language = "de"
    user.save()

    def colleague(first, last, title, org=ORG, city="Stuttgart", tier="pool"):
        return create_person(
            owner=user, first_name=first, last_name=last, title=title, organization_name=org, city=city,
            tier=tier,
        )  # fmt: skip

    people = {
        "petra": colleague("Petra", "Lang", "Geschäftsführerin", tier="key"),
        "hans": colleague("Hans", "Huber", "CFO", tier="developing"),
        "ines": colleague("Ines", "Kraus", "Chief Procurement Officer"),
        "claudia": colleague("Claudia", "Wermelskirchen", "Leiterin Operations"),
        "tom": colleague("Tom", "Weber", "Teamleiter Buchhaltung"),
    }
    set_me(
        owner=user, title="Leiter Controlling", organization=ORG, city="Stuttgart", reports_to=people["hans"]
    )
    # Enough supply-chain leaders in Southeast Asia for two pages of whom to meet.
    for index in range(64):
        colleague(
            "Lea", f"Tan {index:02d}", ("Head of Supply Chain", "VP Logistics APAC")[index % 2],
            org=f"Harbour {index} Pte. Ltd.", city=("Singapur", "Bangkok")[index % 2],
        )  # fmt: skip
    goal = create_goal(
        owner=user, text="Als Expat nach Südostasien", functions=["supply_chain_logistics"], regions=["SEA"]
    )
    return user, people, goal


def _state_line(page, live_server, person, manager):
    page.goto(f"{live_server.url}/people/{person.pk}/")
    page.get_by_label(f"{person.display_name} berichtet an").fill(f"{manager.display_name} (#{manager.pk})")
    page.get_by_role("button", name="Berichtslinie speichern").click()
    said = f"{person.display_name} berichtet an {manager.display_name}"
    expect(page.locator(".messages")).to_contain_text(said)


def test_lines_on_person_pages_draw_the_chart_and_label_the_upward_list(browser, live_server, kessler):
    user, people, _ = kessler
    context = browser.new_context(locale="de-DE", viewport=DESKTOP)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + issue_login_link(user=user))

    _state_line(page, live_server, people["hans"], people["petra"])
    _state_line(page, live_server, people["ines"], people["petra"])

    page.get_by_role("link", name="Organigramm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ORG)
    chart = page.locator("svg.orgchart")
    expect(chart).to_be_visible()
    expect(chart.locator(".orgchart-box")).to_have_count(6)  # five placed, Claudia's manager unknown
    expect(chart.locator(".orgchart-box.is-me")).to_have_attribute("aria-label", re.compile(r"Sie$"))
    expect(chart.locator(".rel-manager_of_manager")).to_have_attribute("aria-label", re.compile("Petra Lang"))
    expect(chart.locator(".rel-peer_of_manager")).to_have_attribute("aria-label", re.compile("Ines Kraus"))
    gap = page.get_by_role("link", name="Wer ist die Führungskraft von Claudia Wermelskirchen?", exact=True)
    expect(gap).to_be_visible()
    _shot(page, "orgchart-desktop-de")

    page.get_by_label("Branche wählen").select_option(label="Maschinenbau")
    page.get_by_role("button", name="Branche speichern").click()
    expect(page.locator(".messages")).to_contain_text("Branche Maschinenbau, für die 6 Personen")

    page.set_viewport_size(PHONE)
    page.reload()
    fits = page.locator("svg.orgchart").bounding_box()
    assert fits is not None and fits["x"] + fits["width"] <= PHONE["width"], "a small chart fits a phone"
    _shot(page, "orgchart-phone-de")

    gap.click()
    expect(page.get_by_label("Claudia Wermelskirchen berichtet an")).to_be_visible()

    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/research/upward/")
    rows = page.locator(".candidate")
    expect(rows.nth(0)).to_contain_text("Petra Lang")
    expect(rows.nth(0).locator(".chip-relation")).to_have_text("Führungskraft Ihrer Führungskraft")
    expect(rows.nth(1)).to_contain_text("Ines Kraus")
    expect(rows.nth(1).locator(".chip-relation")).to_have_text("Auf Ebene Ihrer Führungskraft")
    expect(page.locator(".candidate", has_text="Hans Huber").locator(".chip-relation")).to_have_text(
        "Ihre Führungskraft"
    )
    expect(page.locator(".candidate", has_text="Tom Weber")).to_have_count(0)
    _shot(page, "upward-desktop-de")
    page.set_viewport_size(PHONE)
    _shot(page, "upward-phone-de")
    context.close()


def test_whom_to_meet_is_compact_and_paged_on_a_phone_in_english(browser, live_server, kessler):
    user, _, goal = kessler
    user.language = "en"
    user.save()
    context = browser.new_context(locale="en-GB", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(f"{live_server.url}/goals/{goal.pk}/research/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Whom to meet")
    rows = page.locator(".candidate")
    expect(rows).to_have_count(50)
    first = rows.first
    expect(first.locator(".chip").first).to_be_visible()
    expect(first).to_contain_text(re.compile("Singapore|Thailand"))
    expect(first).not_to_contain_text("Singapur")
    # A row fits: the name line and the chips line stay within the phone's width.
    box = first.bounding_box()
    assert box is not None and box["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    _shot(page, "whom-to-meet-phone-en")
    page.get_by_role("link", name="Next 50 →").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(rows).to_have_count(19)  # 64 in Southeast Asia and the 5 colleagues, who fit less
    expect(page.locator("ol.candidates")).to_have_attribute("start", "51")
    _shot(page, "whom-to-meet-page2-phone-en")
    page.set_viewport_size(DESKTOP)
    page.get_by_role("link", name="← Previous 50").click()
    first_height = rows.first.bounding_box()["height"]
    chip_height = rows.first.locator(".chip").first.bounding_box()["height"]
    assert first_height < 4 * chip_height + 40, "a row takes one or two lines on a desk"
    _shot(page, "whom-to-meet-desktop-en")
    context.close()
