"""Goal → whom to meet → add to pipeline, in the German phone UI."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from research.conftest import seed_scenario
from vernetzt.accounts.services import ensure_account, issue_login_link

pytestmark = pytest.mark.django_db(transaction=True)


def test_goal_whom_to_meet_add_to_pipeline(page, live_server):
    user, _ = ensure_account(username="petra")
    seed_scenario(user)
    page.goto(live_server.url + issue_login_link(user=user))
    page.get_by_role("link", name="Ziele").click()
    page.get_by_role("link", name="Expat in Südostasien").click()
    page.get_by_role("link", name="Wen treffen").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wen treffen")

    first = page.locator(".candidate").first
    expect(first).to_contain_text("Priya Raman")
    expect(first).to_contain_text("Leitet Supply Chain & Logistik · Südostasien")
    expect(page.locator(".candidate", has_text="Linh Nguyen")).to_contain_text("über Daniel Ortmann")

    page.get_by_label("Ebene").select_option(label="Bereichsleitung / VP")
    expect(page.locator(".candidate")).to_have_count(1)
    expect(page).to_have_url(re.compile(r"level=vp"))
    page.get_by_label("Ebene").select_option(value="")
    expect(page.locator(".candidate").nth(3)).to_be_visible()

    page.get_by_role("button", name="Priya Raman in die Pipeline aufnehmen").click()
    expect(page.locator(".candidate", has_text="Priya Raman").locator(".badge")).to_have_text("Identifiziert")

    page.get_by_role("link", name="Zurück zum Ziel").click()
    pipeline = page.locator("section", has=page.get_by_role("heading", name="Pipeline"))
    expect(pipeline.get_by_role("heading", name=re.compile("Identifiziert"))).to_be_visible()
    expect(pipeline).to_contain_text("Priya Raman")
    pipeline.get_by_label("Phase von Priya Raman").select_option(label="Nutzen gefunden")
    pipeline.get_by_role("button", name="Phase ändern").click()
    expect(page.get_by_role("heading", name=re.compile("Nutzen gefunden"))).to_be_visible()
