"""The import pages without a browser: refusal of wrong files, preview saving nothing, downloads."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from vernetzt.people.models import Person
from vernetzt.transfer.models import ImportBatch

SAMPLES = Path(__file__).parents[1] / "data" / "samples"


def upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data)


def test_wrong_file_is_refused_on_the_form(alice_client, user):
    response = alice_client.post(
        "/import/", {"kind": "vcard", "files": upload("x.vcf", b"\x89PNG\r\n\x1a\n\0\0")}
    )
    assert response.status_code == 200
    assert "x.vcf" in response.content.decode()
    assert not Person.objects.for_user(user).exists() and not ImportBatch.objects.exists()


def test_preview_then_confirm_then_result(alice_client, user):
    data = (SAMPLES / "google_contacts.csv").read_bytes()
    preview = alice_client.post("/import/", {"kind": "contacts", "files": upload("google.csv", data)})
    assert preview.status_code == 200 and not Person.objects.for_user(user).exists()
    token = preview.context["token"]
    done = alice_client.post("/import/confirm/", {"token": token, "kind": "contacts"}, follow=True)
    batch = ImportBatch.objects.for_user(user).get()
    assert done.redirect_chain[-1][0] == f"/import/batches/{batch.pk}/"
    assert Person.objects.for_user(user).count() == batch.counts["created"] > 0
    again = alice_client.post("/import/confirm/", {"token": token, "kind": "contacts"})
    assert again.status_code == 302 and ImportBatch.objects.for_user(user).count() == 1


def test_a_vcard_uploaded_as_linkedin_is_read_as_vcards_with_a_note(alice_client, user):
    user.language = "de"
    user.save()
    data = (SAMPLES / "contacts.vcf").read_bytes()
    preview = alice_client.post("/import/", {"kind": "linkedin", "files": upload("Connections.csv", data)})
    page = preview.content.decode()
    assert preview.status_code == 200 and preview.context["job"].kind == "vcard"
    assert "Die Datei enthält vCards" in page and "LinkedIn-Datenexport" in page
    assert '<input type="hidden" name="kind" value="vcard">' in page  # "Import now" imports vCards
    assert not Person.objects.for_user(user).exists()


def test_an_address_book_csv_picked_as_vcards_and_linkedin_picked_right(alice_client, user):
    google = (SAMPLES / "google_contacts.csv").read_bytes()
    preview = alice_client.post("/import/", {"kind": "vcard", "files": upload("kontakte.vcf", google)})
    assert preview.context["job"].kind == "contacts"
    assert "address book CSV (Google or Outlook)" in preview.content.decode()
    linkedin = (SAMPLES / "linkedin" / "Connections.csv").read_bytes()
    right = alice_client.post("/import/", {"kind": "linkedin", "files": upload("Connections.csv", linkedin)})
    assert right.context["job"].kind == "linkedin" and "not what you picked" not in right.content.decode()


def test_the_preview_names_changed_fields_as_people_read_them(alice_client, user):
    from vernetzt.people.services import create_person

    create_person(owner=user, first_name="Anna", last_name="Krause", emails=["anna.krause@kn.example"])
    user.language = "de"
    user.save()
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Krause;Anna;;;\r\nFN:Anna Krause\r\n"
        "EMAIL:anna.krause@kn.example\r\nBDAY:1985-04-12\r\nTITLE:Head of Logistics\r\n"
        "ORG:Kühne + Nagel AG\r\nEND:VCARD\r\n"
    ).encode()
    preview = alice_client.post("/import/", {"kind": "vcard", "files": upload("anna.vcf", card)})
    row = preview.content.decode().split("Anna Krause", 2)[-1].split("</tr>")[0]
    assert "Geburtstag" in row and "Position" in row
    assert "birth_" not in row and "organization_name" not in row and "_" not in row.split("aktualisiert")[1]


def test_attendee_list_needs_an_event(alice_client):
    response = alice_client.post("/import/", {"kind": "attendees", "files": upload("a.csv", b"Name\nA B\n")})
    assert "event_name" in response.context["form"].errors


def test_downloads(alice_client, world):
    vcard = alice_client.get("/settings/data/export/vcard/")
    assert b"BEGIN:VCARD" in vcard.content and "attachment" in vcard["Content-Disposition"]
    csv_response = alice_client.get("/settings/data/export/csv/")
    assert csv_response.content.startswith("\ufeff".encode())
    data = json.loads(alice_client.get("/settings/data/export/json/").content)
    assert data["schema_version"] == 1 and data["tables"]["people.person"]["rows"]
    assert alice_client.get("/settings/data/export/xml/").status_code == 404
    backup = alice_client.post("/settings/data/backup/")
    archive = zipfile.ZipFile(BytesIO(b"".join(backup.streaming_content)))
    assert "manifest.json" in archive.namelist()


def test_backup_is_only_for_the_administrator_of_a_shared_server(alice_client, other_user):
    response = alice_client.post("/settings/data/backup/")
    assert response.status_code == 302



def test_backup_download_is_a_backup_and_leaves_no_file_behind(alice_client, user):
    import tempfile

    from django.urls import reverse

    def leftovers():
        return set(Path(tempfile.gettempdir()).glob("vernetzt-backup-*"))

    before = leftovers()
    response = alice_client.post(reverse("backup_download"))
    assert response.status_code == 200
    data = b"".join(response.streaming_content)
    response.close()
    with zipfile.ZipFile(BytesIO(data)) as archive:
        assert json.loads(archive.read("manifest.json"))
    assert leftovers() == before
