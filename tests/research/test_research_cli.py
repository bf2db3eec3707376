"""`vernetzt targets` and `vernetzt title` (DESIGN §4) against the test database."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from research.conftest import SEA_SENIOR_SUPPLY_CHAIN
from vernetzt.cli import main

pytestmark = pytest.mark.django_db
KEYS = {"person_id", "name", "title", "organization", "seniority", "function", "country", "score", "reasons"}


def _run(*args, stdin=None):
    return CliRunner().invoke(main, ["--user", "alice", *args], input=stdin)


def test_targets_for_an_event_as_json(user, scenario):
    result = _run(
        "targets", str(scenario["goal"].pk), "--event", str(scenario["event"].pk), "--json", "--lang", "de"
    )
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    assert set(rows[0]) >= KEYS and {r["name"] for r in rows[:3]} == SEA_SENIOR_SUPPLY_CHAIN
    assert rows[0]["seniority"] in {"director", "vp"} and rows[0]["function"] == "supply_chain_logistics"
    assert "Nimmt an BVL Supply Chain Forum teil" in rows[0]["reasons"]
    assert rows == sorted(rows, key=lambda r: (-r["score"], r["person_id"]))


def test_targets_limit_and_human_output(user, scenario):
    rows = json.loads(_run("targets", str(scenario["goal"].pk), "--limit", "2", "--json").stdout)
    assert len(rows) == 2
    text = _run("targets", str(scenario["goal"].pk), "--limit", "1").stdout
    assert text.startswith("  1.") and "Priya Raman" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["targets", "999999"], "no goal with id 999999"),
        (["targets", "GOAL", "--event", "999999"], "--event: no event with id 999999"),
        (["targets", "GOAL", "--level", "boss"], "--level: unknown level 'boss'"),
    ],
)
def test_targets_errors_follow_the_contract(user, scenario, args, message):
    args = [str(scenario["goal"].pk) if a == "GOAL" else a for a in args]
    result = _run(*args, "--json")
    assert result.exit_code == 1 and result.stdout == ""
    assert message in json.loads(result.stderr)["error"]


def test_another_accounts_goal_is_unknown(scenario, other_user):
    result = CliRunner().invoke(main, ["--user", "mallory", "targets", str(scenario["goal"].pk), "--json"])
    assert result.exit_code == 1 and "no goal with id" in json.loads(result.stderr)["error"]


def test_title_classifies_one_or_many(user):
    one = json.loads(_run("title", "Logistikleiterin (m/w/d)", "--json").stdout)
    assert one == {
        "title": "Logistikleiterin (m/w/d)",
        "seniority": "director",
        "function": "supply_chain_logistics",
    }
    many = _run("title", "-", "--json", stdin="VP Sales DACH\n\nAssistant to the CEO\n").stdout.splitlines()
    assert [json.loads(line)["seniority"] for line in many] == ["vp", "entry"]
