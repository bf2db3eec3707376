"""Imports, duplicates, merge, undo, exports and backups (DESIGN §4)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path

import click

from vernetzt.cli.app import CommandError, command, current_user, emit, main, parse_date, read_secret
from vernetzt.language import account_language


@contextmanager
def _progress(as_json: bool):
    """A progress bar on stderr, created once the importer knows how much work there is."""
    state: dict = {}

    def update(done: int, total: int) -> None:
        if as_json or total <= 0:
            return
        bar = state.get("bar")
        if bar is None:
            from django.utils.translation import gettext as _

            bar = state["bar"] = click.progressbar(length=total, label=_("Importing"), file=sys.stderr)
            bar.__enter__()
        bar.length = total
        bar.update(max(done - bar.pos, 0))

    try:
        yield update
    finally:
        if "bar" in state:
            state["bar"].__exit__(None, None, None)


def _report_text(data: dict) -> str:
    from django.utils.translation import gettext as _

    summary = (
        _(
            "Would import %(file)s: %(created)d new, %(updated)d updated, %(unchanged)d unchanged, "
            "%(skipped)d skipped."
        )
        if data["dry_run"]
        else _(
            "Imported %(file)s: %(created)d new, %(updated)d updated, %(unchanged)d unchanged, "
            "%(skipped)d skipped."
        )
    )
    lines = [summary % data]
    if data.get("batch_id"):
        lines.append(_("Batch %(id)s (undo with: vernetzt undo %(id)s).") % {"id": data["batch_id"]})
    lines += [f"  {skip['message']}" for skip in data.get("erased_on", [])]
    lines += [f"  {error['file']}:{error['line']}: {error['message']}" for error in data["errors"]]
    for person in data.get("people", []):
        role = ", ".join(part for part in (person["title"], person["organization"]) if part)
        known = f"#{person['person_id']}" if person["person_id"] else _("new")
        lines.append(f"  {person['name']} ({known})" + (f": {role}" if role else ""))
    return "\n".join(lines)


def _run_import(ctx: click.Context, as_json: bool, run: Callable) -> None:
    from vernetzt.importers import ImportFormatError, describe_error

    user = current_user(ctx)
    try:
        with _progress(as_json) as progress:
            report = run(user, progress)
    except ImportFormatError as error:
        raise CommandError(describe_error(error, account_language(user))) from None
    except OSError as error:
        raise CommandError(f"{error.filename}: {error.strerror}") from None
    emit(report.as_dict(account_language(user)), as_json=as_json, human=_report_text)


def _import_options(func):
    func = click.option("--dry-run", is_flag=True, help="Show what would change; change nothing.")(func)
    return click.option("--overwrite-edits", is_flag=True, help="Also overwrite fields edited by hand.")(func)


@main.group("import")
def import_group() -> None:
    """Bring people in: LinkedIn export, vCards, address-book CSV, attendee lists, business cards."""


@import_group.command("linkedin")
@click.argument("path", type=click.Path(dir_okay=False))
@_import_options
@command
@click.pass_context
def import_linkedin_command(ctx, path: str, dry_run: bool, overwrite_edits: bool, as_json: bool) -> None:
    """A LinkedIn data export (the zip, or Connections.csv and its sibling files)."""
    from vernetzt.transfer.services import import_linkedin

    _run_import(
        ctx,
        as_json,
        lambda user, progress: import_linkedin(
            owner=user, source=path, dry_run=dry_run, overwrite_edits=overwrite_edits, progress=progress
        ),
    )


@import_group.command("vcard")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@_import_options
@command
@click.pass_context
def import_vcard_command(
    ctx, paths: tuple[str, ...], dry_run: bool, overwrite_edits: bool, as_json: bool
) -> None:
    """One or many vCard files (2.1, 3.0, 4.0), as one batch."""
    from vernetzt.transfer.services import import_vcards

    _run_import(
        ctx,
        as_json,
        lambda user, progress: import_vcards(
            owner=user,
            sources=list(paths),
            dry_run=dry_run,
            overwrite_edits=overwrite_edits,
            progress=progress,
        ),
    )


@import_group.command("contacts")
@click.argument("path", type=click.Path(dir_okay=False))
@_import_options
@command
@click.pass_context
def import_contacts_command(ctx, path: str, dry_run: bool, overwrite_edits: bool, as_json: bool) -> None:
    """A Google or Outlook contacts CSV (detected automatically)."""
    from vernetzt.transfer.services import import_contacts

    _run_import(
        ctx,
        as_json,
        lambda user, progress: import_contacts(
            owner=user, source=path, dry_run=dry_run, overwrite_edits=overwrite_edits, progress=progress
        ),
    )


@import_group.command("attendees")
@click.argument("path", type=click.Path(dir_okay=False))
@click.option("--event", "event_name", required=True, help="Name of the event (created when missing).")
@click.option("--date", "event_date", help="Date of the event, YYYY-MM-DD.")
@_import_options
@command
@click.pass_context
def import_attendees_command(
    ctx,
    path: str,
    event_name: str,
    event_date: str | None,
    dry_run: bool,
    overwrite_edits: bool,
    as_json: bool,
) -> None:
    """An event's attendee list (CSV or XLSX) into the event and its attendances."""
    from vernetzt.transfer.services import import_attendees

    day = parse_date(event_date, field="--date")
    _run_import(
        ctx,
        as_json,
        lambda user, progress: import_attendees(
            owner=user,
            source=path,
            event_name=event_name,
            event_date=day,
            dry_run=dry_run,
            overwrite_edits=overwrite_edits,
            progress=progress,
        ),
    )


@import_group.command("card")
@click.argument("paths", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--event", "event_name", default="", help="The event where you met (created when missing).")
@click.option("--date", "event_date", help="Date of the event and the conversation, YYYY-MM-DD.")
@click.option(
    "--keep-photos", is_flag=True, help="Keep each photo with the person (their address book picture)."
)
@click.option("--dry-run", is_flag=True, help="Show what would change; change nothing.")
@command
@click.pass_context
def import_card_command(
    ctx,
    paths: tuple[str, ...],
    event_name: str,
    event_date: str | None,
    keep_photos: bool,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Photos of business cards and badge QR codes (vCard, MeCard, LinkedIn/XING), read with Tesseract.

    With --event, everyone on the cards attended it and the conversation there is logged, so the
    follow-up is planned."""
    from vernetzt.transfer.cards import import_cards, read_cards

    day = parse_date(event_date, field="--date")
    _run_import(
        ctx,
        as_json,
        lambda user, progress: import_cards(
            owner=user,
            readings=read_cards(sources=list(paths)),
            event_name=event_name,
            event_date=day,
            keep_photos=keep_photos,
            dry_run=dry_run,
            progress=progress,
        ),
    )


@main.command()
@click.option("--limit", default=100, show_default=True, type=click.IntRange(1, 5000))
@command
@click.pass_context
def duplicates(ctx, limit: int, as_json: bool) -> None:
    """People who are probably the same person (same e-mail, profile or phone, or a matching name — with
    middle names, nicknames and other spellings — at the same organization), each with its reasons."""
    from vernetzt.core.duplicates import describe
    from vernetzt.people.models import Person
    from vernetzt.transfer.dedupe import find_duplicates

    user = current_user(ctx)
    lang = account_language(user)
    pairs = find_duplicates(owner=user, limit=limit)
    ids = {pid for pair in pairs for pid in (pair.first_id, pair.second_id)}
    names = dict(Person.objects.for_user(user).filter(pk__in=ids).values_list("pk", "display_name"))
    data = [
        {
            "first_id": pair.first_id,
            "first": names.get(pair.first_id, ""),
            "second_id": pair.second_id,
            "second": names.get(pair.second_id, ""),
            "reason": pair.kind,
            "score": pair.score,
            "reasons": [describe(reason, lang) for reason in pair.reasons],
        }
        for pair in pairs
    ]
    from django.utils.translation import gettext as _

    nothing = _("No likely duplicates")
    emit(
        data,
        as_json=as_json,
        human=lambda rows: (
            "\n".join(
                f"{r['first_id']} {r['first']} ⇄ {r['second_id']} {r['second']}: {'; '.join(r['reasons'])}"
                for r in rows
            )
            or nothing
        ),
    )


@main.command()
@click.argument("keep_id", type=int)
@click.argument("other_id", type=int)
@click.option(
    "--take", multiple=True, metavar="FIELD=keep|other|both", help="Override the default per field."
)
@click.option("--dry-run", is_flag=True, help="Show the side-by-side plan; change nothing.")
@command
@click.pass_context
def merge(ctx, keep_id: int, other_id: int, take: tuple[str, ...], dry_run: bool, as_json: bool) -> None:
    """Merge OTHER_ID into KEEP_ID, keeping all history of both (undo with `vernetzt undo`)."""
    from vernetzt.people.models import Person
    from vernetzt.transfer.merge import merge_persons, plan_merge

    user = current_user(ctx)
    people = Person.objects.for_user(user)
    keep = people.filter(pk=keep_id).first()
    other = people.filter(pk=other_id).first()
    if keep is None or other is None:
        raise CommandError(f"no person {keep_id if keep is None else other_id}")
    choices = {}
    for item in take:
        field, _, side = item.partition("=")
        if not side:
            raise CommandError(f"--take {item!r}: write FIELD=keep, FIELD=other or FIELD=both")
        choices[field.strip()] = side.strip()
    if dry_run:
        plan, batch_id = plan_merge(owner=user, keep=keep, other=other, choices=choices), None
    else:
        plan, batch_id = merge_persons(owner=user, keep=keep, other=other, choices=choices)
    data = {**plan.as_dict(), "dry_run": dry_run, "batch_id": batch_id}
    emit(data, as_json=as_json)


@main.command()
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 1000))
@command
@click.pass_context
def imports(ctx, limit: int, as_json: bool) -> None:
    """The import and merge batches, newest first."""
    from vernetzt.transfer.models import ImportBatch

    user = current_user(ctx)
    batches = ImportBatch.objects.for_user(user)[:limit]
    data = [
        {
            "id": batch.pk,
            "kind": batch.kind,
            "file": batch.filename,
            "created_at": batch.created_at.isoformat(),
            "status": batch.status,
            "counts": batch.counts,
        }
        for batch in batches
    ]
    emit(
        data,
        as_json=as_json,
        human=lambda rows: (
            "\n".join(
                f"{r['id']:>5} {r['created_at'][:16]} {r['kind']} {r['status']} {r['file']} {r['counts']}"
                for r in rows
            )
            or "No imports yet."
        ),
    )


@main.command()
@click.argument("batch_id", type=int)
@command
@click.pass_context
def undo(ctx, batch_id: int, as_json: bool) -> None:
    """Undo an import or merge batch (refused, with the reasons, when later changes conflict)."""
    from vernetzt.transfer.undo import undo_batch

    result = undo_batch(owner=current_user(ctx), batch_id=batch_id)
    from django.utils.translation import gettext as _

    emit(result.as_dict(), as_json=as_json, human=lambda d: _("Batch %(id)s undone.") % {"id": d["batch_id"]})


@main.command()
@click.argument("kind", type=click.Choice(["vcard", "csv", "json"]))
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@command
@click.pass_context
def export(ctx, kind: str, path: str, as_json: bool) -> None:
    """Your contacts as vCard 3.0 or spreadsheet-safe CSV, or everything of your account as JSON."""
    from vernetzt.accounts.audit import record
    from vernetzt.transfer.exports import export_csv, export_json, export_vcard

    user = current_user(ctx)
    target = Path(path)
    if kind == "csv":
        with target.open("w", encoding="utf-8-sig", newline="") as handle:
            counts: object = export_csv(owner=user, fileobj=handle)
    else:
        with target.open("w", encoding="utf-8", newline="" if kind == "vcard" else None) as handle:
            counts = (export_vcard if kind == "vcard" else export_json)(owner=user, fileobj=handle)
    record(user, "export", {"format": kind, "via": "cli"})
    emit({"kind": kind, "path": str(target), "count": counts}, as_json=as_json)


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, writable=True))
@click.option(
    "--encrypt",
    is_flag=True,
    help="Encrypt with a passphrase read from standard input (AES-256-GCM, key from scrypt).",
)
@command
def backup(path: str, encrypt: bool, as_json: bool) -> None:
    """A consistent backup of the whole database while the app runs (one zip file)."""
    from django.utils.translation import gettext as _

    from vernetzt.accounts.audit import record_for_everyone
    from vernetzt.transfer.backup import create_backup

    passphrase = None
    if encrypt:
        passphrase = read_secret(_("Passphrase for the backup"), confirm=True)
        if not passphrase:
            raise CommandError(_("No passphrase given on standard input."))
    counts = create_backup(path, passphrase=passphrase)
    record_for_everyone("backup", {"encrypted": encrypt, "via": "cli"})
    emit(
        {"path": path, "rows": sum(counts.values()), "tables": counts, "encrypted": encrypt},
        as_json=as_json,
        human=lambda d: _("Backup written to %(path)s (%(rows)d rows).") % d,
    )


@main.command()
@click.argument("path", type=click.Path(dir_okay=False, exists=True))
@command
def restore(path: str, as_json: bool) -> None:
    """Restore a backup into an empty database (a new VERNETZT_HOME or an empty PostgreSQL database)."""
    from django.utils.translation import gettext as _

    from vernetzt.accounts.audit import record_for_everyone
    from vernetzt.migrate import migrate_database
    from vernetzt.transfer.backup import backup_is_encrypted, readable_backup, restore_plain_backup

    passphrase = None
    encrypted = backup_is_encrypted(path)
    if encrypted:
        passphrase = read_secret(_("Passphrase of the backup"), confirm=False)
        if not passphrase:
            raise CommandError(_("The backup is encrypted; give its passphrase on standard input."))
    # Decrypted (and so checked) before the database is even set up: a wrong passphrase changes nothing.
    with readable_backup(path, passphrase=passphrase) as plain:
        migrate_database()
        counts = restore_plain_backup(plain, name=Path(path).name)
    record_for_everyone("restore", {"encrypted": encrypted, "file": Path(path).name, "via": "cli"})
    emit(
        {"path": path, "rows": sum(counts.values()), "tables": counts, "encrypted": encrypted},
        as_json=as_json,
        human=lambda d: _("Restored %(rows)d rows from %(path)s.") % d,
    )
