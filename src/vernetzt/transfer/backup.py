"""A consistent online backup of the whole database as one zip, and its restore into an empty one.

Format (``vernetzt-backup`` version 1): ``manifest.json`` (format, version, creation time, database
vendor, the applied migrations of vernetzt's apps, row counts) and ``tables/<app.model>.jsonl``: a first
line with the column names, then one JSON array per row. The same file restores into SQLite or
PostgreSQL.

Consistency: every table is read inside one transaction — REPEATABLE READ on PostgreSQL (one
snapshot for all tables while the app keeps writing), and on SQLite the transaction's read snapshot
(WAL) — so a backup never holds a person without the positions written in the same import.
Restore refuses a file that is not such a backup, a backup of another schema version, and a database
that already holds data; it inserts every row with its id and moves PostgreSQL's sequences on.

With a passphrase the zip is encrypted (vernetzt.transfer.encryption); restore sees that by the file's
first bytes, asks for the passphrase and decrypts the whole file before it touches the database, so a
wrong passphrase or a changed file leaves the database as it was.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from vernetzt.privacy.erasure import reapply_erasures
from vernetzt.transfer.encryption import (
    DamagedFile,
    WrongPassphrase,
    check_passphrase,
    decrypt_stream,
    encrypt_stream,
    is_encrypted,
)
from vernetzt.transfer.rows import concrete_fields, insert_rows, iter_rows, reset_sequences

FORMAT = "vernetzt-backup"
VERSION = 1


class BackupError(ValueError):
    pass


class PassphraseNeeded(BackupError):
    """The backup is encrypted and no passphrase was given."""


def backed_up_models() -> list[type[models.Model]]:
    """Every table of vernetzt's own apps (users included), parents before children."""
    chosen = [
        model
        for model in apps.get_models()
        if model._meta.app_config.name.startswith("vernetzt.") and not model._meta.proxy
    ]
    ordered: list[type[models.Model]] = []
    pending = list(chosen)
    while pending:
        for model in pending:
            parents = {
                field.related_model
                for field in concrete_fields(model)
                if field.is_relation and field.related_model in chosen and field.related_model is not model
            }
            if parents <= set(ordered):
                ordered.append(model)
                pending.remove(model)
                break
        else:  # a cycle: foreign keys are deferred to the end of the transaction anyway
            ordered.extend(pending)
            break
    return ordered


def _migrations() -> dict[str, list[str]]:
    labels = {model._meta.app_label for model in backed_up_models()}
    applied: dict[str, list[str]] = {}
    for app, name in MigrationRecorder(connection).applied_migrations():
        if app in labels:
            applied.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def create_backup(path: str | os.PathLike[str], *, passphrase: str | None = None) -> dict[str, int]:
    """Write the backup zip to ``path`` (via a temporary file, so a failure leaves no half backup),
    encrypted with ``passphrase`` when one is given."""
    target = Path(path)
    partial = target.with_name(target.name + ".partial")
    if passphrase is None:
        counts = _write_zip(partial)
    else:
        check_passphrase(passphrase)
        with tempfile.TemporaryDirectory(prefix="vernetzt-backup-") as folder:
            plain = Path(folder) / "backup.zip"
            counts = _write_zip(plain)
            with plain.open("rb") as source, partial.open("wb") as sealed:
                encrypt_stream(source, sealed, passphrase=passphrase)
    partial.replace(target)
    return counts


def _write_zip(partial: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        # Inside a caller's transaction (the tests) its snapshot is the one that counts.
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for model in backed_up_models():
                label = model._meta.label_lower
                columns = [field.attname for field in concrete_fields(model)]
                with archive.open(f"tables/{label}.jsonl", "w") as handle:
                    handle.write((json.dumps(columns) + "\n").encode())
                    count = 0
                    for row in iter_rows(model._base_manager.all()):
                        handle.write((json.dumps(row, ensure_ascii=False) + "\n").encode())
                        count += 1
                counts[label] = count
            manifest = {
                "format": FORMAT,
                "version": VERSION,
                "created_at": timezone.now().isoformat(),
                "database": connection.vendor,
                "migrations": _migrations(),
                "counts": counts,
            }
            archive.writestr("manifest.json", json.dumps(manifest, indent=2))
    return counts


def _read_manifest(archive: zipfile.ZipFile, name: str) -> dict:
    try:
        manifest = json.loads(archive.read("manifest.json"))
    except (KeyError, ValueError):
        raise BackupError(f"{name} is not a vernetzt backup (manifest.json is missing or broken)") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"{name} is not a vernetzt backup")
    if manifest.get("version") != VERSION:
        raise BackupError(
            f"{name} is a backup of format version {manifest.get('version')}; this needs {VERSION}"
        )
    return manifest


def _check_empty() -> None:
    filled = [
        f"{model._meta.label_lower} ({count})"
        for model in backed_up_models()
        if (count := model._base_manager.count())
    ]
    if filled:
        raise BackupError(
            "restore needs an empty database, but this one holds data: "
            + ", ".join(filled[:5])
            + ". Restore into a new VERNETZT_HOME or an empty PostgreSQL database."
        )


def backup_is_encrypted(path: str | os.PathLike[str]) -> bool:
    try:
        return is_encrypted(path)
    except OSError as error:
        raise BackupError(f"{Path(path).name} cannot be read ({error.strerror})") from None


@contextmanager
def readable_backup(path: str | os.PathLike[str], *, passphrase: str | None = None) -> Iterator[Path]:
    """The backup as a plain zip: ``path`` itself, or for an encrypted one a temporary decrypted copy
    (deleted afterwards) — only once all of it decrypted and authenticated."""
    name = Path(path).name
    if not backup_is_encrypted(path):
        yield Path(path)
        return
    if passphrase is None:
        raise PassphraseNeeded(f"{name} is encrypted; give its passphrase")
    with tempfile.TemporaryDirectory(prefix="vernetzt-restore-") as folder:
        plain = Path(folder) / "backup.zip"
        try:
            with open(path, "rb") as sealed, plain.open("wb") as target:
                decrypt_stream(sealed, target, passphrase=passphrase)
        except WrongPassphrase as error:
            raise BackupError(f"{name}: {error}; nothing was restored") from None
        except DamagedFile as error:
            raise BackupError(f"{name} cannot be restored: {error}; nothing was restored") from None
        yield plain


def restore_backup(path: str | os.PathLike[str], *, passphrase: str | None = None) -> dict[str, int]:
    """Restore ``path`` into the empty database; an encrypted backup needs its ``passphrase``."""
    with readable_backup(path, passphrase=passphrase) as plain:
        return restore_plain_backup(plain, name=Path(path).name)


def restore_plain_backup(path: str | os.PathLike[str], *, name: str) -> dict[str, int]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise BackupError(f"{name} is not a vernetzt backup ({error})") from None
    with archive, transaction.atomic():
        manifest = _read_manifest(archive, name)
        if manifest["migrations"] != _migrations():
            raise BackupError(
                f"{name} was made with a different database schema; restore it with the vernetzt "
                "version that made it (then upgrade)"
            )
        _check_empty()
        counts = {}
        restored = []
        for model in backed_up_models():
            label = model._meta.label_lower
            member = f"tables/{label}.jsonl"
            if member not in archive.namelist():
                raise BackupError(f"{name} is incomplete: {member} is missing")
            with archive.open(member) as handle:
                lines = iter(handle)
                columns = json.loads(next(lines))
                counts[label] = insert_rows(model, columns, (json.loads(line) for line in lines))
            if counts[label] != manifest["counts"].get(label):
                raise BackupError(f"{name} is damaged: {label} holds a different number of rows than listed")
            restored.append(model)
        reset_sequences(restored)
        # Whoever was erased after this backup was made stays erased (the log outlives the database).
        reapply_erasures()
    return counts
