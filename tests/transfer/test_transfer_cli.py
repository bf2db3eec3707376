"""`vernetzt import/duplicates/merge/imports/undo/export/backup/restore` as a user runs them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
UGLY = Path(__file__).parents[1] / "data" / "ugly"


@pytest.fixture
def run(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}

    def run(*args: str, check: bool = True, home: str = "home") -> subprocess.CompletedProcess:
        result = subprocess.run(
            [sys.executable, "-m", "vernetzt", *args],
            env={**env, "VERNETZT_HOME": str(tmp_path / home)},
            capture_output=True,
            text=True,
            timeout=120,
        )
        if check and result.returncode != 0:
            raise AssertionError(f"{args} failed: {result.stderr}")
        return result

    run("init")
    return run


def as_json(result):
    return json.loads(result.stdout)


def test_linkedin_import_dry_run_reimport_and_undo(run, tmp_path):
    path = str(SAMPLES / "linkedin" / "Connections.csv")
    dry = as_json(run("import", "linkedin", path, "--dry-run", "--json"))
    assert dry["created"] > 0 and dry["batch_id"] is None and dry["dry_run"] is True
    assert as_json(run("people", "--json")) == []
    first = as_json(run("import", "linkedin", path, "--json"))
    assert {"created", "updated", "unchanged", "skipped", "errors"} <= set(first)
    assert first["created"] == dry["created"] and first["file"] == "Connections.csv"
    again = as_json(run("import", "linkedin", path, "--json"))
    assert (again["created"], again["updated"], again["unchanged"]) == (0, 0, first["created"])
    batches = as_json(run("imports", "--json"))
    assert [b["id"] for b in batches] == [again["batch_id"], first["batch_id"]]
    run("undo", str(again["batch_id"]), "--json")
    run("undo", str(first["batch_id"]), "--json")
    assert as_json(run("people", "--json")) == []
    human = run("import", "linkedin", path)
    assert "Importing" in human.stderr and "new" in human.stdout


def test_bad_rows_are_listed_with_line_and_file(run):
    result = as_json(run("import", "contacts", str(UGLY / "outlook_de_bad_rows.csv"), "--json"))
    assert result["created"] > 0 and result["errors"]
    assert all({"line", "message", "file"} <= set(error) for error in result["errors"])
    assert {error["file"] for error in result["errors"]} == {"outlook_de_bad_rows.csv"}


def test_wrong_file_is_refused_with_a_clear_message(run):
    result = run("import", "vcard", str(SAMPLES / "google_contacts.csv"), "--json", check=False)
    assert result.returncode == 1
    assert "vCard" in json.loads(result.stderr)["error"]
    truncated = run(
        "import", "vcard", str(SAMPLES / "contacts.vcf"), str(UGLY / "truncated.vcf"), "--json", check=False
    )
    message = json.loads(truncated.stderr)["error"]
    assert truncated.returncode == 1 and "END:VCARD" in message and "truncated.vcf" in message
    assert as_json(run("people", "--json")) == []  # the good file before it was not imported either
    assert as_json(run("imports", "--json")) == []


def test_vcards_attendees_duplicates_merge(run):
    cards = as_json(
        run("import", "vcard", str(SAMPLES / "contacts.vcf"), str(SAMPLES / "xing_contact_v21.vcf"), "--json")
    )
    assert cards["created"] > 0
    contacts = as_json(run("import", "contacts", str(SAMPLES / "outlook_de.csv"), "--json"))
    assert contacts["format"] == "outlook_de"
    attendees = as_json(
        run(
            "import",
            "attendees",
            str(UGLY / "attendees_pipe.csv"),
            "--event",
            "BVL Forum",
            "--date",
            "2026-05-04",
            "--json",
        )
    )
    assert attendees["event_id"] and attendees["created"] + attendees["updated"] + attendees["unchanged"] > 0
    again = as_json(
        run(
            "import",
            "attendees",
            str(UGLY / "attendees_pipe.csv"),
            "--event",
            "BVL Forum",
            "--date",
            "2026-05-04",
            "--json",
        )
    )
    assert again["event_id"] == attendees["event_id"] and again["created"] == 0 and again["attendances"] == 0
    people = as_json(run("people", "--json", "--limit", "100"))
    first, second = people[0]["person_id"], people[1]["person_id"]
    plan = as_json(run("merge", str(first), str(second), "--dry-run", "--json"))
    assert plan["dry_run"] and plan["batch_id"] is None
    merged = as_json(run("merge", str(first), str(second), "--json"))
    assert len(as_json(run("people", "--json", "--limit", "100"))) == len(people) - 1
    run("undo", str(merged["batch_id"]))
    assert len(as_json(run("people", "--json", "--limit", "100"))) == len(people)
    assert isinstance(as_json(run("duplicates", "--json")), list)
    missing = run("merge", str(first), "999999", "--json", check=False)
    assert missing.returncode == 1 and "999999" in json.loads(missing.stderr)["error"]


def test_exports_and_backup_restore_round_trip(run, tmp_path):
    run("import", "vcard", str(SAMPLES / "contacts.vcf"))
    run("import", "linkedin", str(SAMPLES / "linkedin" / "Connections.csv"))
    count = len(as_json(run("people", "--json", "--limit", "1000")))
    run("export", "vcard", str(tmp_path / "out.vcf"))
    assert (tmp_path / "out.vcf").read_text(encoding="utf-8").count("BEGIN:VCARD") == count
    run("export", "csv", str(tmp_path / "out.csv"))
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8-sig"))))
    assert len(rows) == count
    run("export", "json", str(tmp_path / "out.json"))
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["format"] == "vernetzt-account-export" and data["schema_version"] == 1
    assert len(data["tables"]["people.person"]["rows"]) == count
    backup = tmp_path / "backup.zip"
    assert as_json(run("backup", str(backup), "--json"))["rows"] > count
    restored = as_json(run("restore", str(backup), "--json", home="home2"))
    again = as_json(run("backup", str(tmp_path / "b2.zip"), "--json"))
    audit = "accounts.auditentry"  # the backup is logged after it was written, so it holds one entry less
    assert {t: n for t, n in restored["tables"].items() if t != audit} == {
        t: n for t, n in again["tables"].items() if t != audit
    }
    assert again["tables"][audit] == restored["tables"][audit] + 1
    assert as_json(run("people", "--json", "--limit", "1000", home="home2")) == as_json(
        run("people", "--json", "--limit", "1000")
    )
    refused = run("restore", str(backup), "--json", check=False)
    assert refused.returncode == 1 and "empty database" in json.loads(refused.stderr)["error"]
    not_backup = tmp_path / "x.zip"
    with zipfile.ZipFile(not_backup, "w") as archive:
        archive.writestr("hello.txt", "hi")
    refused = run("restore", str(not_backup), "--json", check=False, home="home3")
    assert refused.returncode == 1 and "not a vernetzt backup" in json.loads(refused.stderr)["error"]
