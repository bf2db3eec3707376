"""Encrypted backups: the round trip reproduces every row (SQLite and PostgreSQL); a wrong passphrase
and a changed or cut-off file are refused with a clear message and leave the database untouched; the
command line reads the passphrase from standard input and restore notices an encrypted file."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from vernetzt.people.models import Person
from vernetzt.transfer import encryption
from vernetzt.transfer.backup import (
    BackupError,
    PassphraseNeeded,
    backed_up_models,
    create_backup,
    restore_backup,
)
from vernetzt.transfer.rows import iter_rows
from vernetzt.transfer.services import import_vcards

SAMPLES = Path(__file__).parents[1] / "data" / "samples"
PASSPHRASE = "korrekt Pferd Batterie Heftklammer"


def all_rows():
    return {m._meta.label_lower: list(iter_rows(m._base_manager.all())) for m in backed_up_models()}


def empty_database():
    for model in reversed(backed_up_models()):
        model._base_manager.all().delete()


@pytest.mark.django_db
def test_encrypted_round_trip_reproduces_every_row_and_hides_the_content(world, tmp_path):
    import_vcards(owner=world["me"].owner, sources=[SAMPLES / "contacts.vcf"])
    before = all_rows()
    path = tmp_path / "backup.zip.enc"
    create_backup(path, passphrase=PASSPHRASE)
    sealed = path.read_bytes()
    assert sealed.startswith(b"VZCRYPT1")
    assert b"Zuckerberg" not in sealed and b"manifest" not in sealed
    with pytest.raises(zipfile.BadZipFile):
        zipfile.ZipFile(path)
    empty_database()
    with pytest.raises(PassphraseNeeded, match="is encrypted"):
        restore_backup(path)
    restore_backup(path, passphrase=PASSPHRASE)
    assert all_rows() == before


@pytest.mark.django_db
def test_wrong_passphrase_is_refused_and_changes_nothing(world, tmp_path):
    path = tmp_path / "backup.zip.enc"
    create_backup(path, passphrase=PASSPHRASE)
    empty_database()
    with pytest.raises(BackupError, match=r"the passphrase is wrong.*nothing was restored"):
        restore_backup(path, passphrase="korrekt Pferd Batterie Heftklammer!")
    assert not Person.objects.exists()


@pytest.mark.django_db
def test_a_changed_byte_or_a_cut_off_end_is_refused(world, tmp_path):
    path = tmp_path / "backup.zip.enc"
    create_backup(path, passphrase=PASSPHRASE)
    sealed = path.read_bytes()
    empty_database()
    flipped = bytearray(sealed)
    flipped[-40] ^= 0x01
    tampered = tmp_path / "tampered.enc"
    tampered.write_bytes(bytes(flipped))
    with pytest.raises(BackupError, match="was changed or cut off"):
        restore_backup(tampered, passphrase=PASSPHRASE)
    cut = tmp_path / "cut.enc"
    cut.write_bytes(sealed[:-10])
    with pytest.raises(BackupError, match="was changed or cut off"):
        restore_backup(cut, passphrase=PASSPHRASE)
    header = bytearray(sealed)
    header[9] = 15  # scrypt's N lowered: the key check fails, no weaker key is ever tried as right
    weakened = tmp_path / "weakened.enc"
    weakened.write_bytes(bytes(header))
    with pytest.raises(BackupError, match="passphrase is wrong"):
        restore_backup(weakened, passphrase=PASSPHRASE)
    assert not Person.objects.exists()


def test_chunks_cannot_be_dropped_or_reordered(monkeypatch):
    monkeypatch.setattr(encryption, "CHUNK", 64)  # many small chunks from a short text
    plain = bytes(range(256)) * 3
    sealed = io.BytesIO()
    encryption.encrypt_stream(io.BytesIO(plain), sealed, passphrase=PASSPHRASE)
    data = sealed.getvalue()
    out = io.BytesIO()
    encryption.decrypt_stream(io.BytesIO(data), out, passphrase=PASSPHRASE)
    assert out.getvalue() == plain
    head, size = 8 + 4 + 16 + 7 + 32, 64 + 16
    chunks = [data[i : i + size] for i in range(head, len(data), size)]
    for changed in (chunks[1:], [chunks[1], chunks[0], *chunks[2:]], chunks[:-1]):
        with pytest.raises(encryption.DamagedFile):
            encryption.decrypt_stream(
                io.BytesIO(data[:head] + b"".join(changed)), io.BytesIO(), passphrase=PASSPHRASE
            )


def test_short_passphrases_are_refused():
    with pytest.raises(ValueError, match="at least 8 characters"):
        encryption.encrypt_stream(io.BytesIO(b"x"), io.BytesIO(), passphrase="kurz")


@pytest.fixture
def run(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}

    def run(*args: str, home: str = "home", stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "vernetzt", *args],
            env={**env, "VERNETZT_HOME": str(tmp_path / home)},
            input=stdin,
            capture_output=True,
            text=True,
            timeout=180,
        )

    return run


def test_cli_backup_encrypt_and_restore_read_the_passphrase_from_stdin(run, tmp_path):
    assert run("init").returncode == 0
    assert run("import", "vcard", str(SAMPLES / "contacts.vcf")).returncode == 0
    people = json.loads(run("people", "--json").stdout)
    path = tmp_path / "b.zip.enc"
    made = run("backup", str(path), "--encrypt", "--json", stdin=PASSPHRASE + "\n")
    assert made.returncode == 0, made.stderr
    assert json.loads(made.stdout)["encrypted"] is True
    assert PASSPHRASE not in made.stdout + made.stderr

    wrong = run("restore", str(path), "--json", home="other", stdin="not the passphrase\n")
    assert wrong.returncode == 1
    assert "the passphrase is wrong" in json.loads(wrong.stderr)["error"]
    assert not (tmp_path / "other").exists() or run("people", "--json", home="other").returncode != 0

    missing = run("restore", str(path), home="other", stdin="")
    assert missing.returncode == 1
    assert "encrypted" in missing.stderr

    restored = run("restore", str(path), "--json", home="other", stdin=PASSPHRASE + "\n")
    assert restored.returncode == 0, restored.stderr
    assert json.loads(restored.stdout)["encrypted"] is True
    assert json.loads(run("people", "--json", home="other").stdout) == people
    log = json.loads(run("audit", "--json", home="other").stdout)
    assert log[0]["kind"] == "restore"
    assert log[0]["detail"] == {"encrypted": True, "file": "b.zip.enc", "via": "cli"}


@pytest.mark.django_db
def test_web_backup_offers_encryption(alice_client, user, tmp_path):
    refused = alice_client.post("/settings/data/backup/", {"passphrase": "abc", "passphrase_again": "abc"})
    assert refused.status_code == 422
    differ = alice_client.post(
        "/settings/data/backup/", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE + "x"}
    )
    assert differ.status_code == 422
    response = alice_client.post(
        "/settings/data/backup/", {"passphrase": PASSPHRASE, "passphrase_again": PASSPHRASE}
    )
    assert response.status_code == 200
    assert response["Content-Disposition"].endswith('.zip.enc"')
    path = tmp_path / "web.enc"
    path.write_bytes(b"".join(response.streaming_content))
    out = io.BytesIO()
    with path.open("rb") as sealed:
        encryption.decrypt_stream(sealed, out, passphrase=PASSPHRASE)
    assert "manifest.json" in zipfile.ZipFile(out).namelist()
