"""Every page in the real Chromium under the strict Content-Security-Policy: 0 violations.

The walk is the accessibility walk's (tests_support.routes) with alice's world: each route filled with
alice's rows, plus the login page, the API docs and an htmx swap. Violations are read from the
page's ``securitypolicyviolation`` events and from Chromium's console; a canary (an inline style
inserted on purpose) proves the detector sees one.
"""

from __future__ import annotations

import pytest

from tests_support.routes import fill_route, web_routes
from vernetzt.accounts.services import issue_login_link

pytestmark = pytest.mark.django_db(transaction=True)

RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  const where = `${event.sourceFile}:${event.lineNumber}`;
  window.__violations.push(`${event.violatedDirective} ${event.blockedURI || "inline"} ${where}`);
});
"""


def _pages(client, world) -> list[str]:
    """The full pages (not htmx fragments) of every route, filled with alice's rows."""
    rows = {kind: row.pk for kind, row in world.items() if hasattr(row, "pk")}
    pages = []
    for _name, route in web_routes():
        path = fill_route(route, rows)
        response = client.get(path)
        if response.status_code == 200 and b"<html" in response.content:
            pages.append(path)
    return pages


def _violations(page) -> list[str]:
    page.wait_for_load_state("load")
    return page.evaluate("window.__violations")


def test_no_page_violates_the_content_security_policy(browser, live_server, world, user, alice_client):
    pages = _pages(alice_client, world)
    assert len(pages) >= 25
    context = browser.new_context(locale="en-GB")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(30000)
    console = []
    page.on("console", lambda message: console.append(f"{page.url}: {message.text}"))
    found = {}
    try:
        page.goto(live_server.url + "/login/")
        found["/login/"] = _violations(page)
        page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">canary</p>')")
        page.wait_for_function("window.__violations.length > 0")
        assert page.evaluate("window.__violations")[0].startswith("style-src-attr")
        console.clear()

        page.goto(live_server.url + issue_login_link(user=user))
        for path in [*pages, "/api/v1/docs"]:
            response = page.goto(live_server.url + path)
            assert response.status == 200, path
            assert "unsafe-inline" not in response.headers["content-security-policy"]
            found[path] = _violations(page)
        # An htmx swap (the people search) after htmx has initialised.
        page.goto(live_server.url + "/people/")
        page.get_by_role("searchbox").fill("Geheim")
        page.wait_for_selector("#results :text('Zuckerberg')")
        found["/people/ (search)"] = _violations(page)
        _confirm_comes_from_the_script_file(page, live_server, world["person"])
    finally:
        context.close()
    assert {path: v for path, v in found.items() if v} == {}
    assert [line for line in console if "Content Security Policy" in line or "Unrecognized" in line] == []


def _confirm_comes_from_the_script_file(page, live_server, person) -> None:
    """The delete buttons still ask first, now through app.js instead of an inline onsubmit."""
    page.goto(f"{live_server.url}/people/{person.pk}/")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.get_by_role("button", name="Delete person").click()
    page.wait_for_timeout(300)
    assert asked == ["Delete this person and their whole history?"]
    assert page.url.endswith(f"/people/{person.pk}/")
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete person").click()
    page.wait_for_url(f"{live_server.url}/people/")
