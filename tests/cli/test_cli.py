"""The command line as a user runs it: a real process, a fresh data directory, JSON contracts."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.fixture
def run(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(tmp_path / "home")

    def run(*args: str, check: bool = True, stdin: str | None = None) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "vernetzt", *args],
            env=env,
            capture_output=True,
            text=True,
            input=stdin,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result

    return run


def test_init_is_safe_to_run_twice(run):
    assert json.loads(run("init", "--json").stdout) == {"user": "me", "created": True}
    assert json.loads(run("init", "--json").stdout) == {"user": "me", "created": False}


def test_profile_goal_and_people(run):
    run("init")
    me = json.loads(
        run(
            "me",
            "set",
            "--title",
            "Logistikleiter",
            "--org",
            "Muster Maschinenbau GmbH",
            "--city",
            "Dortmund",
            "--school",
            "TU Dortmund",
            "--interest",
            "Segeln",
            "--json",
        ).stdout
    )
    assert (me["seniority"], me["function"], me["country"]) == ("director", "supply_chain_logistics", "DE")
    goal = json.loads(
        run(
            "goal",
            "add",
            "Expat in Südostasien",
            "--level",
            "director",
            "--region",
            "Südostasien",
            "--function",
            "supply_chain_logistics",
            "--horizon",
            "2028-06-30",
            "--json",
        ).stdout
    )
    assert isinstance(goal["id"], int)
    assert json.loads(run("people", "--json").stdout) == []


def test_errors_are_json_on_stderr_with_nonzero_exit(run):
    run("init")
    result = run("goal", "add", "x", "--level", "emperor", "--json", check=False)
    assert result.returncode != 0 and result.stdout == ""
    assert "emperor" in json.loads(result.stderr)["error"]
    bad_date = run("goal", "add", "x", "--horizon", "31.12.2028", "--json", check=False)
    assert bad_date.returncode != 0 and "--horizon" in json.loads(bad_date.stderr)["error"]


def test_commands_without_an_account_say_what_to_do(run):
    result = run("people", "--json", check=False)
    assert result.returncode != 0 and "vernetzt init" in json.loads(result.stderr)["error"]


def test_user_option_selects_the_account(run):
    run("init", "--user", "anna")
    run("init", "--user", "ben")
    ambiguous = run("people", "--json", check=False)
    assert "--user" in json.loads(ambiguous.stderr)["error"]
    assert json.loads(run("--user", "anna", "people", "--json").stdout) == []
