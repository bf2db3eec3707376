"""`vernetzt retention [--dry-run]`: storage limitation for never-contacted people (Art. 5 GDPR)."""

from __future__ import annotations

import click

from vernetzt.cli.app import command, current_user, emit, main
from vernetzt.language import account_language


def _people(rows) -> list[dict]:
    return [
        {
            "person_id": row["id"],
            "name": row["display_name"],
            "organization": row["organization_name"],
            "added": row["created_at"].date(),
            "archived": row["archived_at"].date() if row["archived_at"] else None,
        }
        for row in rows
    ]


@main.command()
@click.option("--dry-run", is_flag=True, help="Only show who would be archived, deleted or restored.")
@command
@click.pass_context
def retention(ctx, dry_run: bool, as_json: bool) -> None:
    """Archive people never contacted (and on no pipeline or must-meet list) after the set time, delete
    them after a further one (Settings → Privacy; default 24 and 12 months)."""
    from django.utils import timezone, translation
    from django.utils.translation import gettext as _

    from vernetzt.accounts.audit import record
    from vernetzt.people.retention import apply_retention, plan_retention

    user = current_user(ctx)
    now = timezone.now()
    plan, counts = (plan_retention if dry_run else apply_retention)(owner=user, now=now)
    if not dry_run and any(counts.values()):
        record(user, "retention", {**counts, "via": "cli"})
    data = {
        "dry_run": dry_run,
        "archive": {"count": counts["archive"], "people": _people(plan.archive)},
        "delete": {"count": counts["delete"], "people": _people(plan.delete)},
        "restore": {"count": counts["restore"], "people": _people(plan.restore)},
    }

    def human(d) -> str:
        with translation.override(account_language(user)):
            head = (
                _("Would archive %(archive)d, delete %(delete)d, restore %(restore)d people.")
                if dry_run
                else _("Archived %(archive)d, deleted %(delete)d, restored %(restore)d people.")
            )
            lines = [head % counts]
            for key, label in (("archive", _("archive")), ("delete", _("delete")), ("restore", _("restore"))):
                lines += [
                    f"  {label}: {p['name']} ({p['organization'] or '–'}, {p['added']})"
                    for p in d[key]["people"]
                ]
            return "\n".join(lines)

    emit(data, as_json=as_json, human=human)
