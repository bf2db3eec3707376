"""The follow-up through the command line, as a user runs it: real processes, a fresh data directory."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

CREATE_ANNA = (
    "from vernetzt.accounts.services import resolve_account;"
    "from vernetzt.people.services import create_person;"
    "u = resolve_account(None); u.first_name = 'Thomas'; u.last_name = 'Berg'; u.save();"
    "p = create_person(owner=u, first_name='Anna', last_name='Weber', emails=['anna@example.com'],"
    " languages=['Deutsch'], birth_day=29, birth_month=2);"
    "print(p.pk)"
)


@pytest.fixture
def run(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(tmp_path / "home")

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "vernetzt", *args], env=env, capture_output=True, text=True, timeout=120
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result

    return run


def _json(result) -> dict:
    return json.loads(result.stdout)


def test_meeting_agreed_then_meeting_then_thank_you(run, tmp_path):
    run("init")
    person = run("manage", "shell", "-c", CREATE_ANNA).stdout.strip().splitlines()[-1]
    logged = _json(
        run(
            "log",
            person,
            "--kind",
            "event_conversation",
            "--date",
            "2026-03-13",
            "--meeting-agreed",
            "--snippet",
            "Segelwochenende in Kiel",
            "--their-share",
            "70",
            "--json",
        )
    )
    # The article's follow-up: thanks and connecting the same day (German speaker: XING too), the call
    # to fix the date the next working day.
    assert [(t["kind"], t["due"]) for t in logged["tasks"]] == [
        ("thank_you_email", "2026-03-13"),
        ("connect_linkedin", "2026-03-13"),
        ("connect_xing", "2026-03-13"),
        ("call_to_schedule", "2026-03-16"),
    ]

    friday = _json(run("today", "--date", "2026-03-13", "--json"))
    assert "call_to_schedule" not in {t["kind"] for t in friday["tasks"]}
    encounter_thanks = next(t for t in logged["tasks"] if t["kind"] == "thank_you_email")
    done = "from vernetzt.journal.models import Task; from vernetzt.journal.services import complete_task;"
    run("manage", "shell", "-c", f"{done} complete_task(task=Task.objects.get(pk={encounter_thanks['id']}))")
    monday = _json(run("today", "--date", "2026-03-16", "--json"))
    assert monday["date"] == "2026-03-16"
    call = next(t for t in monday["tasks"] if t["kind"] == "call_to_schedule")
    assert call == call | {
        "person_id": int(person),
        "person": "Anna Weber",
        "due": "2026-03-16",
        "overdue": False,
    }

    met = _json(run("log", person, "--kind", "meeting", "--date", "2026-03-20", "--json"))
    assert ("thank_you_email", "2026-03-20") in {(t["kind"], t["due"]) for t in met["tasks"]}
    day = _json(run("today", "--date", "2026-03-20", "--json"))
    thank_you = next(t for t in day["tasks"] if t["kind"] == "thank_you_email")
    assert thank_you["due"] == "2026-03-20" and not thank_you["overdue"]
    assert next(t for t in day["tasks"] if t["kind"] == "call_to_schedule")["overdue"] is True

    eml = tmp_path / "thanks.eml"
    draft = _json(run("draft", str(thank_you["id"]), "--eml", str(eml), "--json"))
    assert draft["lang"] == "de" and "Anna" in draft["body"] and "Segelwochenende in Kiel" in draft["body"]
    assert draft["mailto"].startswith("mailto:anna@example.com?subject=")
    assert b"Subject: Danke" in eml.read_bytes()

    # A year-less 29 February birthday shows up among the birthdays on 28 February of a common year.
    february = _json(run("today", "--date", "2027-02-25", "--json"))
    assert [(b["person"], b["date"]) for b in february["birthdays"]] == [("Anna Weber", "2027-02-28")]

    brief = _json(run("brief", person, "--json"))
    assert brief["name"] == "Anna Weber" and brief["talk_reminder"]
    assert brief["snippets"] == ["Segelwochenende in Kiel"]
    assert brief["questions"] == [] and "Anna Weber" in brief["research_hint"]

    assert _json(run("worker", "--once", "--json"))["users"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--kind", "dinner", "--date", "2026-03-13"), "--kind"),
        (("--kind", "call", "--date", "13.03.2026"), "--date"),
        (("--kind", "call", "--date", "2026-03-13", "--their-share", "150"), "--their-share"),
    ],
)
def test_invalid_log_is_refused_and_stores_nothing(run, args, message):
    run("init")
    person = run("manage", "shell", "-c", CREATE_ANNA).stdout.strip().splitlines()[-1]
    result = run("log", person, *args, "--json", check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert message in json.loads(result.stderr)["error"]
    unknown = run("log", "999999", "--kind", "call", "--date", "2026-03-13", "--json", check=False)
    assert unknown.returncode == 1 and "no person" in json.loads(unknown.stderr)["error"]
    assert _json(run("brief", person, "--json"))["snippets"] == []
    assert _json(run("today", "--date", "2026-03-13", "--json"))["tasks"] == []


LOAD_DEMO = (
    "from vernetzt.accounts.services import resolve_account;"
    "from vernetzt.demo import load_demo;"
    "from vernetzt.people.models import Person;"
    "u = resolve_account(None); load_demo(owner=u);"
    "named = Person.objects.filter(owner=u);"
    "print(named.get(first_name='Priya', last_name='Raman').pk,"
    " named.get(first_name='Daniel', last_name='Ortmann').pk)"
)


def test_brief_json_names_the_salutation_and_the_suggestions_with_their_reasons(run):
    run("init")
    priya, daniel = run("manage", "shell", "-c", LOAD_DEMO).stdout.split()[-2:]
    brief = _json(run("brief", priya, "--json"))
    assert brief["salutation"] == "Dear Dr Raman,"  # she is written to in English
    assert len(brief["suggestions"]) >= 3
    for suggestion in brief["suggestions"]:
        assert set(suggestion) == {"kind", "text", "person_id", "reasons"}
        assert suggestion["kind"] in {"introduction", "information", "help"}
        assert suggestion["reasons"] and all(isinstance(r, str) and r for r in suggestion["reasons"])
        assert (suggestion["person_id"] is not None) is (suggestion["kind"] == "introduction")
    first = brief["suggestions"][0]
    assert first["reasons"][0].endswith("“Lagerplaner in Vietnam”")  # her stated need comes first
    assert _json(run("brief", daniel, "--json"))["salutation"] == "Lieber Daniel,"
