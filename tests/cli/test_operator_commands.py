"""Operator commands on a headless server: password from stdin, an API token once, unlock."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from django.urls import reverse

from vernetzt.accounts.services import authenticate_api_token
from vernetzt.cli import main

pytestmark = pytest.mark.django_db

PASSWORD = "segeln-auf-dem-phoenixsee"


def _run(*args: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(args), input=stdin, catch_exceptions=False)


@pytest.fixture
def fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_password_is_read_from_standard_input(user, fast_hasher):
    result = _run("--user", "alice", "password", "--json", stdin=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"user": "alice", "password_set": True}
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_a_weak_password_is_refused_in_the_accounts_language(user, fast_hasher):
    user.language = "de"
    user.save()
    result = _run("--user", "alice", "password", "--json", stdin="12345\n")
    assert result.exit_code == 1
    assert "zu kurz" in json.loads(result.stderr)["error"]
    user.refresh_from_db()
    assert not user.has_usable_password()


def test_an_empty_standard_input_sets_no_password(user):
    result = _run("--user", "alice", "password", stdin="")
    assert result.exit_code == 1
    assert "No password given on standard input" in result.stderr


def test_token_create_prints_the_token_once_and_it_authenticates(user):
    result = _run("--user", "alice", "token", "create", "CardDAV", "--json")
    assert result.exit_code == 0, result.output
    printed = json.loads(result.stdout)
    assert sorted(printed) == ["id", "token"]
    assert printed["token"].startswith("vz_")
    assert authenticate_api_token(printed["token"]) == user
    assert user.api_tokens.get().pk == printed["id"]
    assert printed["token"] not in user.api_tokens.get().key_hash  # only its hash is kept


def test_token_create_needs_a_name(user):
    result = _run("--user", "alice", "token", "create", "  ", "--json")
    assert result.exit_code == 1
    assert json.loads(result.stderr) == {"error": "give the token a name"}


def test_unlock_lifts_a_lockout(client, user, fast_hasher):
    _run("--user", "alice", "password", stdin=PASSWORD + "\n")
    for n in range(10):
        client.post(reverse("login"), {"username": "alice", "password": f"guess-{n}"})
    locked = client.post(reverse("login"), {"username": "alice", "password": PASSWORD})
    assert locked.status_code == 429
    result = _run("unlock", "--user", "alice", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"user": "alice", "cleared": 1}
    assert client.post(reverse("login"), {"username": "alice", "password": PASSWORD}).status_code == 302


def test_unlock_without_a_name_lifts_every_lockout(client, user):
    for n in range(6):
        client.get(f"/login/used-link-{n}/")
    result = _run("unlock", "--json")
    assert json.loads(result.stdout) == {"user": None, "cleared": 1}
    assert "Unlocked every account" in _run("unlock").stdout
