"""Every page the walk can reach is checked for the basics of accessible markup: a language, one
main heading, a name for every form control and button, text alternatives for images."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests_support.routes import fill_route, web_routes

pytestmark = pytest.mark.django_db

NAMED_INPUT_TYPES = {
    "text",
    "search",
    "email",
    "url",
    "tel",
    "number",
    "date",
    "password",
    "checkbox",
    "radio",
    "file",
    "time",
    "datetime-local",
    "month",
    "range",
    "color",
}


class _Audit(HTMLParser):
    def __init__(self):
        super().__init__()
        self.lang = None
        self.h1 = 0
        self.labels_for: set[str] = set()
        self.controls: list[tuple[str, dict]] = []
        self.images_without_alt = 0
        self.label_depth = 0
        self.buttons: list[list] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "label":
            self.label_depth += 1
            if attrs.get("for"):
                self.labels_for.add(attrs["for"])
        elif tag in {"input", "select", "textarea"}:
            kind = attrs.get("type", "text") if tag == "input" else tag
            if tag != "input" or kind in NAMED_INPUT_TYPES:
                self.controls.append((tag, {**attrs, "_wrapped": self.label_depth > 0}))
        elif tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        elif tag == "button":
            self.buttons.append([attrs.get("aria-label", ""), ""])

    def handle_endtag(self, tag):
        if tag == "label":
            self.label_depth -= 1

    def handle_data(self, data):
        if self.buttons:
            self.buttons[-1][1] += data.strip()


def _problems(html: str) -> list[str]:
    audit = _Audit()
    audit.feed(html)
    problems = []
    if audit.lang not in {"de", "en"}:
        problems.append(f"html lang={audit.lang!r}")
    if audit.h1 != 1:
        problems.append(f"{audit.h1} h1 headings")
    for tag, attrs in audit.controls:
        named = attrs.get("id") in audit.labels_for or attrs.get("aria-label") or attrs.get("aria-labelledby")
        if not (named or attrs["_wrapped"]):
            problems.append(f"<{tag} name={attrs.get('name')!r}> has no label")
    problems += [f"button without a name {b}" for b in audit.buttons if not (b[0] or b[1])]
    if audit.images_without_alt:
        problems.append(f"{audit.images_without_alt} images without alt")
    return problems


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_has_accessible_basics(world, alice_client, language):
    checked = 0
    rows = {kind: row.pk for kind, row in world.items() if hasattr(row, "pk")}
    for name, route in web_routes():
        url = fill_route(route, rows)
        response = alice_client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        body = response.content.decode()
        if "<html" not in body:
            continue  # an htmx fragment, checked as part of its page
        problems = _problems(body)
        assert not problems, f"{url} ({name}): {problems}"
        checked += 1
    assert checked >= 10
