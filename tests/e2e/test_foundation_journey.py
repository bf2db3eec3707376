from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.demo import load_demo

pytestmark = pytest.mark.django_db(transaction=True)


def test_login_create_goal_find_person(page, live_server):
    user, _ = ensure_account(username="thomas")
    load_demo(owner=user)
    page.goto(live_server.url + "/people/")
    expect(page).to_have_url(re.compile(r"/login/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("anmelden")

    page.goto(live_server.url + issue_login_link(user=user))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Heute")

    page.get_by_role("link", name="Ziele").click()
    page.get_by_role("link", name="Neues Ziel").first.click()
    page.get_by_label("Ihr Karriereziel").fill("Board seat in a logistics group")
    page.get_by_label("Geschäftsführung / C-Level").check()
    page.get_by_role("button", name="Ziel speichern").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Board seat in a logistics group")

    page.get_by_role("link", name="Personen").click()
    page.get_by_role("searchbox", name="Personen suchen").fill("Priya Ram")
    result = page.locator("#results").get_by_role("link", name="Priya Raman")
    expect(result).to_be_visible()
    expect(page.locator("#results .people li")).to_have_count(1)
    result.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Priya Raman")
    expect(page.locator(".lead")).to_contain_text("VP Supply Chain, Southeast Asia")
