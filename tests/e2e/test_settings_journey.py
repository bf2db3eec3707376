"""Settings in the browser: a password for the next login, and an API token a script then uses."""

from __future__ import annotations

import json
import urllib.request

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link

pytestmark = pytest.mark.django_db(transaction=True)


def test_password_and_api_token(page, live_server):
    user, _ = ensure_account(username="thomas")
    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/settings/")

    page.get_by_label("Neues Passwort", exact=True).fill("segeln-auf-dem-phoenixsee")
    page.get_by_label("Neues Passwort bestätigen").fill("segeln-auf-dem-phoenixsee")
    page.get_by_role("button", name="Passwort setzen").click()
    expect(page.get_by_role("status")).to_be_visible()

    page.get_by_label("Name des Tokens").fill("Backup-Skript")
    page.get_by_role("button", name="Token erstellen").click()
    token = page.locator("code.token").inner_text()
    assert token.startswith("vz_")
    request = urllib.request.Request(
        live_server.url + "/api/v1/people", headers={"Authorization": f"Bearer {token}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        assert json.loads(response.read()) == []

    page.get_by_role("button", name="Abmelden").click()
    page.get_by_label("Kontoname").fill("thomas")
    page.get_by_label("Passwort").fill("segeln-auf-dem-phoenixsee")
    page.get_by_role("button", name="Anmelden").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Heute")
