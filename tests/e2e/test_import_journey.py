"""Upload a LinkedIn export → preview → import → merge a suggested duplicate → undo (German UI)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from vernetzt.accounts.services import ensure_account, issue_login_link
from vernetzt.people.models import Person
from vernetzt.people.services import create_person

pytestmark = pytest.mark.django_db(transaction=True)

SAMPLES = Path(__file__).parents[1] / "data" / "samples" / "linkedin"


def test_import_merge_undo(page, live_server, tmp_path):
    user, _ = ensure_account(username="alice")
    create_person(
        owner=user, first_name="Katrin", last_name="Vogl", organization_name="Elbe Terminal Services"
    )
    export = tmp_path / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(export, "w") as archive:
        for path in sorted(SAMPLES.glob("*.csv")):
            if path.name != "Connections_2020.csv":
                archive.write(path, f"Basic_LinkedInDataExport_01-01-2026/{path.name}")
    page.goto(live_server.url + issue_login_link(user=user))
    page.get_by_role("link", name="Personen").click()
    page.get_by_role("link", name="Importieren").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Importieren")
    page.get_by_label("Was importieren Sie?").select_option("linkedin")
    page.get_by_label("Datei", exact=True).set_input_files(str(export))
    page.get_by_role("button", name="Vorschau anzeigen").click()
    # The preview runs as a background job: its page shows the progress bar, then the preview.
    expect(page).to_have_url(re.compile(r"/import/jobs/\d+/$"))
    expect(page.locator("#import-job-progress progress, table.preview").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vorschau des Imports")
    expect(page.locator("table.preview")).to_contain_text("Priya Raman")
    assert Person.objects.filter(owner=user).count() == 1  # the preview saved nothing
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.get_by_role("button", name="Import rückgängig machen")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/import/batches/\d+/$"))
    expect(page.locator("[data-count=created]")).not_to_have_text("0")
    imported = Person.objects.filter(owner=user, is_me=False).count()
    assert imported > 3
    # The result names the possible duplicates this import brought and leads to them alone.
    expect(page.locator("[data-duplicates]")).to_contain_text("mit jemandem aus diesem Import")
    page.screenshot(path=str(tmp_path / "import-result-de.png"), full_page=True)
    page.get_by_role("link", name="Prüfen").click()
    expect(page.locator("ul.duplicates")).to_contain_text("Nachname anders geschrieben: Vogl ↔ Vogel")
    page.get_by_role("link", name="Alle anzeigen").click()
    page.get_by_role("link", name="Katrin Vogl ⇄ Katrin Vogel").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zwei Personen zusammenführen")
    page.get_by_role("button", name="Zusammenführen", exact=True).click()
    expect(page.get_by_role("button", name="Zusammenführung rückgängig machen")).to_be_visible()
    assert Person.objects.filter(owner=user, is_me=False).count() == imported - 1

    page.get_by_role("button", name="Zusammenführung rückgängig machen").click()
    expect(page.get_by_role("status")).to_contain_text("rückgängig gemacht")
    assert Person.objects.filter(owner=user, is_me=False).count() == imported
    page.get_by_role("link", name="Zurück zu den Importen").click()
    page.get_by_role("link", name="LinkedIn-Export: Basic_LinkedInDataExport.zip").click()
    page.get_by_role("button", name="Import rückgängig machen").click()
    expect(page.get_by_role("status")).to_contain_text("rückgängig gemacht")
    assert list(Person.objects.filter(owner=user, is_me=False).values_list("display_name", flat=True)) == [
        "Katrin Vogl"
    ]


def test_a_long_import_shows_its_progress_and_ends_in_the_result(page, live_server, tmp_path):
    """20,000 connections take long enough to see the job's page poll; it ends in preview, then batch."""
    user, _ = ensure_account(username="alice")
    rows = 20000
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"] + [
        f"Vorname{n},Nachname{n},https://www.linkedin.com/in/p-{n},,Firma {n % 500},Einkauf,04 Sep 2025"
        for n in range(rows)
    ]
    export = tmp_path / "Connections.csv"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/import/")
    page.get_by_label("Was importieren Sie?").select_option("linkedin")
    page.get_by_label("Datei", exact=True).set_input_files(str(export))
    page.get_by_role("button", name="Vorschau anzeigen").click()
    expect(page.locator("#import-job-progress progress, table.preview").first).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vorschau des Imports", timeout=60_000)
    expect(page.locator("[data-count=created]")).to_have_text("20.000")
    page.get_by_role("button", name="Jetzt importieren").click()
    expect(page.locator("#import-job-progress progress, [data-count=created]").first).to_be_visible()
    expect(page.get_by_role("button", name="Import rückgängig machen")).to_be_visible(timeout=60_000)
    assert Person.objects.filter(owner=user, is_me=False).count() == rows


def test_a_file_beyond_the_limit_is_named_in_the_browser_before_it_is_sent(
    page, live_server, tmp_path, settings
):
    """The server refuses a body beyond the limit unread (waitress, 413, no page of its own), so the
    browser adds up the chosen files and says which limit, in the account's language."""
    import dataclasses

    from vernetzt.transfer.models import ImportJob

    settings.CONFIG = dataclasses.replace(settings.CONFIG, max_import_mb=1)
    user, _ = ensure_account(username="alice")
    big = tmp_path / "adressen.csv"
    big.write_bytes(b"First Name,Last Name\r\n" + b"Anna,Muster\r\n" * 100_000)  # 1.2 MB
    sent: list[str] = []
    page.on("request", lambda request: request.method == "POST" and sent.append(request.url))
    page.goto(live_server.url + issue_login_link(user=user))
    page.goto(live_server.url + "/import/")
    page.get_by_label("Was importieren Sie?").select_option("contacts")
    files = page.get_by_label("Datei", exact=True)
    files.set_input_files(str(big))
    page.get_by_role("button", name="Vorschau anzeigen").click()
    message = files.evaluate("input => input.validationMessage")
    assert "größer als 1 MB" in message and "VERNETZT_MAX_IMPORT_MB" in message
    assert sent == [] and not ImportJob.objects.exists()
    # A file within the limit clears the message and goes.
    small = tmp_path / "klein.csv"
    small.write_bytes(b"First Name,Last Name,E-mail 1 - Value\r\nAnna,Muster,anna@example.org\r\n")
    files.set_input_files(str(small))
    page.get_by_role("button", name="Vorschau anzeigen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Vorschau des Imports")
