"""The audit log: logins (success and failure), exports, backups, restores and retention runs are
recorded, shown on Settings → Privacy (paged, in the reader's language) and by `vernetzt audit`;
``record`` is the function other apps (the erasure) call."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from vernetzt.accounts.audit import record
from vernetzt.accounts.models import AuditEntry
from vernetzt.cli import main

pytestmark = pytest.mark.django_db


def kinds(user, *, logins: bool = True):
    entries = AuditEntry.objects.filter(owner=user).order_by("id")
    return [e.kind for e in (entries if logins else entries.exclude(kind="login"))]


def test_logins_succeeded_and_failed_are_recorded(client, user):
    user.set_password("ein langes Passwort 42")
    user.save()
    client.post("/login/", {"username": "alice", "password": "falsch"})
    client.post("/login/", {"username": "alice", "password": "ein langes Passwort 42"})
    assert kinds(user) == ["login_failed", "login"]
    assert AuditEntry.objects.filter(owner=user, kind="login").get().detail["ip"] == "127.0.0.1"
    client.post("/login/", {"username": "nobody", "password": "x"})  # no account: nothing to log it in
    assert AuditEntry.objects.count() == 2


def test_exports_and_backups_from_the_web_are_recorded(alice_client, user):
    alice_client.get("/settings/data/export/csv/")
    backup = alice_client.post("/settings/data/backup/", {"passphrase": "", "passphrase_again": ""})
    b"".join(backup.streaming_content)
    assert kinds(user, logins=False) == ["export", "backup"]
    assert AuditEntry.objects.get(owner=user, kind="export").detail == {"format": "csv", "via": "web"}
    backup.close()  # last: closing ends the request, which closes the test's database connection


def test_the_settings_page_shows_the_log_paged_and_bilingual(alice_client, user):
    for _ in range(25):
        record(user, "export", {"format": "json", "via": "cli"})
    record(user, "erasure", {"count": 1, "via": "web"})
    german = alice_client.get("/settings/privacy/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert "Löschung" in german
    assert "1 Person · im Web" in german
    assert "Seite 1 von 2" in german
    english = alice_client.get("/settings/privacy/?page=2", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "JSON · on the command line" in english
    assert "Page 2 of 2" in english


def test_record_refuses_an_unknown_kind(user):
    with pytest.raises(ValueError, match="unknown audit kind"):
        record(user, "spying")


def test_cli_audit_lists_the_log(user, tmp_path):
    runner = CliRunner()
    assert runner.invoke(main, ["--user", "alice", "export", "json", str(tmp_path / "x.json")]).exit_code == 0
    rows = json.loads(runner.invoke(main, ["--user", "alice", "audit", "--json"]).stdout)
    assert [r["kind"] for r in rows] == ["export"]
    assert rows[0]["detail"] == {"format": "json", "via": "cli"}
    assert rows[0]["text"] == "Export: JSON · on the command line"


def test_an_erasure_records_itself_without_naming_the_person(user):
    from vernetzt.people.services import create_person
    from vernetzt.privacy.erasure import erase_person

    person = create_person(owner=user, first_name="Gone", last_name="Forever")
    erase_person(owner=user, person=person)
    entry = AuditEntry.objects.get(owner=user, kind="erasure")
    assert entry.detail == {"count": 1}
    assert "Forever" not in str(entry.detail)


def test_api_lists_the_log_of_the_caller_only(alice_client, user, other_user):
    record(user, "export", {"format": "csv", "via": "api"})
    record(other_user, "export", {"format": "json", "via": "cli"})
    rows = alice_client.get("/api/v1/audit?limit=5", HTTP_ACCEPT_LANGUAGE="de").json()
    exports = [row for row in rows if row["kind"] == "export"]
    assert [row["detail"]["format"] for row in exports] == ["csv"]
    assert exports[0]["text"] == "CSV · über die API"
