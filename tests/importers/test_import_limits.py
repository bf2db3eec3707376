"""Import limits: a file beyond VERNETZT_MAX_IMPORT_MB is refused before it is read, one with more
contacts than VERNETZT_MAX_IMPORT_ROWS while it is read; both say which limit, in German and English."""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import zipfile

import pytest

from tests_support.server import clean_env
from vernetzt.importers import ImportFormatError, describe_error, parse_contacts_csv, parse_vcards
from vernetzt.importers.linkedin import parse_linkedin_export
from vernetzt.transfer.models import ImportJob
from vernetzt.transfer.services import import_contacts, import_vcards

GOOGLE = "First Name,Last Name,E-mail 1 - Value\r\n"


@pytest.fixture
def one_megabyte(settings):
    settings.CONFIG = dataclasses.replace(settings.CONFIG, max_import_mb=1)


def _sparse(path, size: int):
    """A file of ``size`` bytes that costs no disk: reading it would find only NUL bytes."""
    with path.open("wb") as handle:
        handle.truncate(size)
    return path


@pytest.mark.django_db
def test_a_file_beyond_the_size_limit_is_refused_before_it_is_read(user, tmp_path, one_megabyte):
    big = _sparse(tmp_path / "adressen.csv", 1024 * 1024 + 1)
    with pytest.raises(ImportFormatError) as refused:
        import_contacts(owner=user, source=big)
    # Read, it would have been refused as binary data (NUL bytes): the size was checked first.
    assert refused.value.code == "file_too_large"
    assert "1 MB" in describe_error(refused.value, "en") and "VERNETZT_MAX_IMPORT_MB" in str(refused.value)
    assert "größer als 1 MB" in describe_error(refused.value, "de")


@pytest.mark.django_db
def test_several_vcard_files_share_the_limit(user, tmp_path, one_megabyte):
    halves = [_sparse(tmp_path / f"{n}.vcf", 600 * 1024) for n in range(2)]
    with pytest.raises(ImportFormatError) as refused:
        import_vcards(owner=user, sources=halves)
    assert refused.value.code == "file_too_large" and "2 vCard files" in str(refused.value)


def test_more_contacts_than_the_limit_stop_the_reading():
    rows = GOOGLE + "".join(f"Vor{n},Nach{n},v{n}@example.com\r\n" for n in range(4))
    assert len(parse_contacts_csv(rows.encode(), filename="a.csv", max_rows=4).records) == 4
    with pytest.raises(ImportFormatError) as refused:
        parse_contacts_csv(rows.encode(), filename="a.csv", max_rows=3)
    assert refused.value.code == "too_many_rows"
    assert "mehr als 3 Kontakte" in describe_error(refused.value, "de")
    cards = "".join(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Karte {n}\r\nEND:VCARD\r\n" for n in range(4))
    with pytest.raises(ImportFormatError) as refused:
        parse_vcards(cards.encode(), filename="k.vcf", max_rows=3)
    assert refused.value.code == "too_many_rows"


def test_a_linkedin_history_file_beyond_the_limit_is_left_out_and_named():
    connections = (
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
        "Katrin,Vogel,,,,,01 Jan 2024\r\n"
    )
    messages = "CONVERSATION ID,FROM,TO,DATE,CONTENT\r\n" + "".join(
        f"c{n},Katrin Vogel,Ich,2024-01-0{n % 9 + 1} 10:00:00 UTC,Hallo\r\n" for n in range(5)
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("Connections.csv", connections)
        archive.writestr("messages.csv", messages)
    export = parse_linkedin_export(buffer.getvalue(), filename="export.zip", max_rows=3)
    assert [c.last_name for c in export.connections] == ["Vogel"]
    assert not export.messages
    assert [(e.file, e.code) for e in export.errors] == [("messages.csv", "too_many_rows")]


@pytest.mark.django_db
def test_the_web_refuses_a_large_upload_before_reading_it(alice_client, user, one_megabyte):
    body = b"x" * (3 * 1024 * 1024)
    response = alice_client.post(
        "/import/", data=body, content_type="multipart/form-data; boundary=nothing", HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200
    assert "larger than 1 MB" in response.content.decode()
    assert not ImportJob.objects.for_user(user).exists()
    german = alice_client.post(
        "/import/", data=body, content_type="multipart/form-data; boundary=nothing", HTTP_ACCEPT_LANGUAGE="de"
    )
    assert "größer als 1 MB" in german.content.decode()


def test_the_command_line_names_the_limit_and_exits_1(tmp_path):
    big = _sparse(tmp_path / "contacts.csv", 2 * 1024 * 1024)
    env = clean_env(tmp_path / "home", VERNETZT_MAX_IMPORT_MB="1")
    run = [sys.executable, "-m", "vernetzt"]
    subprocess.run([*run, "init"], env=env, check=True, capture_output=True, timeout=120)
    result = subprocess.run(
        [*run, "import", "contacts", str(big), "--json"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1
    assert "larger than 1 MB" in result.stderr
