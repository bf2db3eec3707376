"""Commands that set vernetzt up and run it: init, serve, login-link, manage."""

from __future__ import annotations

import sys

import click
from django.utils.translation import gettext as _

from vernetzt.cli.app import command, current_user, emit, main, setup_django


@main.command()
@click.option("--user", "username", help="Name of the local account (default: me).")
@command
@click.pass_context
def init(ctx: click.Context, username: str | None, as_json: bool) -> None:
    """Create or migrate the database and the local account (safe to run twice)."""
    from vernetzt.accounts.services import DEFAULT_USERNAME, ensure_account
    from vernetzt.migrate import migrate_database

    migrate_database()
    user, created = ensure_account(username=username or ctx.obj.get("user") or DEFAULT_USERNAME)
    emit(
        {"user": user.username, "created": created},
        as_json=as_json,
        human=lambda d: (
            (
                _("Database ready; account %(user)r created.")
                if d["created"]
                else _("Database ready; account %(user)r exists.")
            )
            % d
        ),
    )


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--demo", is_flag=True, help="Load the demo workspace into an empty database.")
@click.option("--threads", default=8, show_default=True, type=click.IntRange(1, 64))
@click.option(
    "--worker/--no-worker",
    default=True,
    show_default=True,
    help="Also run the background worker (daily rules, digests, queued tasks) in this process.",
)
@command
@click.pass_context
def serve(
    ctx: click.Context, host: str, port: int, demo: bool, threads: int, worker: bool, as_json: bool
) -> None:
    """Run the web app (waitress, a production-grade WSGI server)."""
    from django.conf import settings
    from django.utils import translation
    from waitress import serve as waitress_serve

    from vernetzt.accounts.services import issue_login_link
    from vernetzt.journal.worker import start_worker_thread
    from vernetzt.language import account_language
    from vernetzt.migrate import migrate_database
    from vernetzt.proxies import behind_proxies
    from vernetzt.web.transfer_forms import largest_request_bytes
    from vernetzt.wsgi import application

    migrate_database()
    user = _serving_account(ctx.obj.get("user"))
    if user is None and demo:
        raise click.UsageError(_("several accounts exist; choose the demo's with --user or VERNETZT_USER"))
    loaded = None
    if demo:
        from vernetzt.demo import load_demo_if_empty

        loaded = load_demo_if_empty(owner=user)
    shown_host = "127.0.0.1" if host in {"0.0.0.0", "::"} else host
    # Behind a reverse proxy the link must go through it: the direct address would only redirect to https.
    direct = f"http://{shown_host}:{port}"
    base = settings.CONFIG.public_url or direct
    url = f"{base}{issue_login_link(user=user)}" if user else None
    info = {"url": f"{base}/", "login_link": url, "user": user and user.username, "demo": loaded}
    if as_json:
        emit(info, as_json=True)
    else:
        if user is not None:  # the serving account's language; with several accounts, the default's
            translation.activate(account_language(user))
        if demo:
            click.echo(
                _("Demo workspace loaded.") if loaded else _("Database is not empty; demo not loaded.")
            )
        if base != direct:
            click.echo(
                _("vernetzt runs on %(direct)s/, public at %(public)s/") % {"direct": direct, "public": base}
            )
        else:
            click.echo(_("vernetzt runs on %(direct)s/") % {"direct": direct})
        if url:
            click.echo(_("Open this one-time login link: %(url)s") % {"url": url})
        else:
            click.echo(_("Several accounts: `vernetzt --user NAME login-link` makes a one-time login link."))
        click.echo(_("Stop with Ctrl+C."))
    sys.stdout.flush()
    if worker:
        start_worker_thread()
    waitress_serve(
        behind_proxies(application, settings.CONFIG.trusted_proxies),
        host=host,
        port=port,
        threads=threads,
        ident="vernetzt",
        clear_untrusted_proxy_headers=False,  # behind_proxies clears them for untrusted peers
        # A body beyond the import limit is refused (413) before waitress reads and spools it
        # (waitress refuses a body of this length or more, hence + 1).
        max_request_body_size=largest_request_bytes() + 1,
    )


def _serving_account(username: str | None):
    """The account `serve` prints a login link for: the named one, else the single local one (as
    every command acts for it: after `init --user anna`, `serve` is anna's), else a new default one;
    None on a server with several accounts, where each makes its own link."""
    from django.contrib.auth import get_user_model

    from vernetzt.accounts.services import DEFAULT_USERNAME, ensure_account

    if username:
        return ensure_account(username=username)[0]
    accounts = list(get_user_model().objects.filter(is_active=True).order_by("id")[:2])
    if len(accounts) > 1:
        return None
    return accounts[0] if accounts else ensure_account(username=DEFAULT_USERNAME)[0]


@main.command("login-link")
@command
@click.pass_context
def login_link(ctx: click.Context, as_json: bool) -> None:
    """Print a new one-time login link (valid for 12 hours)."""
    from vernetzt.accounts.services import issue_login_link

    user = current_user(ctx)
    path = issue_login_link(user=user)
    emit({"path": path, "user": user.username}, as_json=as_json, human=lambda d: d["path"])


@main.command(context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.argument("args", nargs=-1, type=click.UNPROCESSED)
def manage(args: tuple[str, ...]) -> None:
    """Run a Django management command (for operators and developers)."""
    setup_django()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["vernetzt manage", *args])
