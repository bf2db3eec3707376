"""The binding privacy commands as a user runs them: person show/set/export, forget (DESIGN §4)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from tests.privacy.conftest import SAMPLES


@pytest.fixture
def run(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = str(tmp_path / "home")

    def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "vernetzt", *args], env=env, capture_output=True, text=True, input=stdin,
            timeout=120,
        )  # fmt: skip

    return run


def test_show_set_export_and_forget(run, tmp_path):
    run("init")
    run("import", "linkedin", str(SAMPLES / "linkedin" / "Connections.csv"))
    people = json.loads(run("people", "--json", "--search", "Ortmann").stdout)
    pid = str(people[0]["person_id"])
    shown = json.loads(run("person", "show", pid, "--json").stdout)
    assert shown["sources"] == [
        {"kind": "linkedin", "file": "Connections.csv", "batch_id": 1, "date": shown["sources"][0]["date"]}
    ]
    assert (shown["legal_basis"], shown["do_not_contact"]) == ("legitimate_interest", False)
    changed = json.loads(
        run("person", "set", pid, "--do-not-contact", "--legal-basis", "consent", "--json").stdout
    )
    assert (changed["legal_basis"], changed["do_not_contact"]) == ("consent", True)
    assert json.loads(run("person", "set", pid, "--contact-ok", "--json").stdout)["do_not_contact"] is False
    bad = run("person", "set", pid, "--legal-basis", "because")
    assert bad.returncode == 2 and "because" in bad.stderr
    path = tmp_path / "record.json"
    assert run("person", "export", pid, str(path), "--json").returncode == 0
    record = json.loads(path.read_text(encoding="utf-8"))
    assert (
        record["person"]["emails"] == ["daniel.ortmann@example.com"]
        and "people.position" in record["related"]
    )
    refused = run("forget", pid, stdin="n\n")
    assert refused.returncode == 1 and "Nothing was erased" in refused.stderr
    assert json.loads(run("forget", pid, "--yes", "--json").stdout) == {"erased": 1}
    missing = run("forget", pid, "--yes", "--json")
    assert missing.returncode == 1 and json.loads(missing.stderr) == {
        "error": f"There is no person with id {pid}."
    }
    assert run("person", "show", "999999").returncode == 1
    again = run("import", "linkedin", str(SAMPLES / "linkedin" / "Connections.csv"))
    assert "1 skipped: erased on " in again.stdout
