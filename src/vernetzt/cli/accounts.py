"""Operator commands for an account: its password, API tokens, and lifting a login lockout."""

from __future__ import annotations

import click
from django.utils import translation

from vernetzt.cli.app import CommandError, command, current_user, emit, main, read_secret
from vernetzt.language import account_language


def _read_password() -> str:
    from django.utils.translation import gettext as _

    return read_secret(_("New password"), confirm=True)


@main.command()
@command
@click.pass_context
def password(ctx: click.Context, as_json: bool) -> None:
    """Set the account's password, read from standard input (never from the command line)."""
    from django.utils.translation import gettext as _

    from vernetzt.accounts.services import set_account_password

    user = current_user(ctx)
    with translation.override(account_language(user)):
        secret = _read_password()
        if not secret:
            raise CommandError(_("No password given on standard input."))
        set_account_password(user=user, password=secret)
        emit(
            {"user": user.username, "password_set": True},
            as_json=as_json,
            human=lambda d: _("Password set for %(user)s.") % {"user": d["user"]},
        )


@main.group()
def token() -> None:
    """Personal API tokens (also the password of CardDAV clients)."""


@token.command("create")
@click.argument("name")
@command
@click.pass_context
def token_create(ctx: click.Context, name: str, as_json: bool) -> None:
    """Create an API token called NAME and print it once; only its hash is kept."""
    from django.utils.translation import gettext as _

    from vernetzt.accounts.services import issue_api_token

    user = current_user(ctx)
    with translation.override(account_language(user)):
        api_token, secret = issue_api_token(user=user, name=name)
        emit(
            {"token": secret, "id": api_token.pk},
            as_json=as_json,
            human=lambda d: (
                _("%(token)s\nThis token is shown only now; keep it somewhere safe.") % {"token": d["token"]}
            ),
        )


@main.command()
@click.option("--user", "username", help="Only this account's lockout (default: every lockout).")
@command
@click.pass_context
def unlock(ctx: click.Context, username: str | None, as_json: bool) -> None:
    """Lift a login lockout after too many failed attempts, at once."""
    from django.utils.translation import gettext as _

    from vernetzt.accounts.services import resolve_account
    from vernetzt.accounts.throttle import unlock as lift_lockouts

    language = account_language(resolve_account(username)) if username else "en"
    with translation.override(language):
        cleared = lift_lockouts(username=username)
        emit(
            {"user": username, "cleared": cleared},
            as_json=as_json,
            human=lambda d: (
                (
                    _("Unlocked %(user)s (%(count)d failed attempts forgotten).")
                    if d["user"]
                    else _("Unlocked every account and client (%(count)d failed attempts forgotten).")
                )
                % {"user": d["user"], "count": d["cleared"]}
            ),
        )


@main.command()
@click.option("--limit", type=click.IntRange(1, 10000), default=50, show_default=True)
@command
@click.pass_context
def audit(ctx: click.Context, limit: int, as_json: bool) -> None:
    """The account's audit log, newest first: exports, backups, restores, erasures, retention, logins."""
    from vernetzt.accounts.audit import audit_entries, describe_entry

    user = current_user(ctx)
    entries = list(audit_entries(user)[:limit])
    with translation.override(account_language(user)):
        data = [
            {
                "id": e.pk,
                "kind": e.kind,
                "at": e.created_at.isoformat(timespec="seconds"),
                "detail": e.detail,
                "text": f"{e.get_kind_display()}: {describe_entry(e)}".rstrip(": "),
            }
            for e in entries
        ]
    emit(data, as_json=as_json, human=lambda d: "\n".join(f"{row['at']}  {row['text']}" for row in d))
