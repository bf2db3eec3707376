"""Security headers on every response, no inline script or style in any template, and next= that stays
on this site."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from django.urls import reverse

from vernetzt.journal.models import Task
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).parents[2] / "src" / "vernetzt"


def _policy(response) -> dict[str, str]:
    directives = (part.strip().split(None, 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: value for name, value in directives}


@pytest.mark.parametrize("path", ["/", "/login/", "/people/", "/api/v1/people", "/api/v1/docs"])
def test_every_response_carries_the_strict_policy(alice_client, path):
    response = alice_client.get(path)
    policy = _policy(response)
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["object-src"] == "'none'"
    assert policy["worker-src"] == policy["manifest-src"] == "'self'"
    assert "unsafe" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "microphone=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


INLINE = [
    (re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<style\b", re.I), "<style> element"),
    (re.compile(r"\sstyle\s*=", re.I), "style= attribute"),
    (re.compile(r"\son[a-z]+\s*=", re.I), "on…= event handler"),
    (re.compile(r"href\s*=\s*[\"']?\s*javascript:", re.I), "javascript: link"),
    (re.compile(r"\shx-on[:-]", re.I), "hx-on (evaluated script)"),
]


def test_no_template_has_inline_script_or_style():
    found = []
    for path in sorted(TEMPLATES.rglob("templates/**/*.html")):
        text = path.read_text(encoding="utf-8")
        for pattern, what in INLINE:
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(TEMPLATES)}:{line}: {what}")
    assert found == []


@pytest.fixture
def task(user):
    person = create_person(owner=user, first_name="Ana", last_name="Lima")
    return Task.objects.create(owner=user, person=person, kind="thank_you_email", due=date(2026, 3, 2))


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/people/?q=lima", "/people/?q=lima"),
        ("https://evil.example/phish", "/"),
        ("//evil.example/phish", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("settings", "/"),  # not a path: never resolved as a URL name
        ("", "/"),
    ],
)
def test_a_task_action_goes_back_only_to_this_sites_paths(alice_client, task, next_url, expected):
    response = alice_client.post(reverse("task_action", args=[task.pk, "done"]), {"next": next_url})
    assert response.status_code == 302
    assert response["Location"] == expected


def test_login_goes_on_only_to_this_sites_paths(client, user, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    user.set_password("correct horse battery staple")
    user.save()
    credentials = {"username": "alice", "password": "correct horse battery staple"}
    away = client.post(reverse("login") + "?next=https://evil.example/", credentials)
    assert away["Location"] == reverse("today")
    client.logout()
    home = client.post(reverse("login") + "?next=/people/", credentials)
    assert home["Location"] == "/people/"


def test_a_stale_form_is_explained_in_the_browsers_language(user):
    from django.test import Client

    response = Client(enforce_csrf_checks=True).post(
        reverse("login"), {"username": "alice", "password": "x"}, HTTP_ACCEPT_LANGUAGE="de"
    )
    assert response.status_code == 403
    body = response.content.decode()
    assert "Dieses Formular ist abgelaufen" in body
    assert "<style" not in body
