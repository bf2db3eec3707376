"""The `vernetzt` command group and what every command shares (DESIGN §4).

With ``--json`` every command prints exactly one JSON document on stdout; errors go to stderr as
``{"error": "..."}`` with a non-zero exit, so scripts never parse human text.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from datetime import date
from typing import Any

import click

EXIT_USAGE = 2
EXIT_ERROR = 1


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vernetzt.settings")
    import django

    django.setup()


class CommandError(click.ClickException):
    """A failure the user can fix; printed as plain text or as {"error": ...}."""


def _json_default(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    raise TypeError(f"cannot serialise {type(value).__name__}")


def emit(data: Any, *, as_json: bool, human: Callable[[Any], str] | None = None) -> None:
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, default=_json_default))
    elif human is not None:
        click.echo(human(data))
    else:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=_json_default))


def command(func: Callable) -> Callable:
    """Adds ``--json`` and turns every failure the user can fix into the error contract."""

    @click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
    @functools.wraps(func)
    def wrapper(*args: Any, as_json: bool, **kwargs: Any) -> Any:
        setup_django()
        from django.utils import translation

        spoken = translation.get_language()  # current_user switches to the account's language
        try:
            return func(*args, as_json=as_json, **kwargs)
        except (CommandError, LookupError, ValueError, PermissionError) as error:
            message = error.message if isinstance(error, click.ClickException) else str(error)
            if as_json:
                click.echo(json.dumps({"error": message}, ensure_ascii=False), err=True)
            else:
                click.echo(f"Error: {message}", err=True)
            sys.exit(EXIT_ERROR)
        finally:
            if spoken:
                translation.activate(spoken)
            else:
                translation.deactivate()

    return wrapper


def read_secret(prompt: str, *, confirm: bool) -> str:
    """A password or passphrase: typed hidden on a terminal (twice when ``confirm``), otherwise the first
    line of standard input (scripts); never an argument, which other users could see in the process list."""
    if sys.stdin.isatty():
        return click.prompt(prompt, hide_input=True, confirmation_prompt=confirm, err=True)
    return sys.stdin.readline().rstrip("\r\n")


def current_user(ctx: click.Context):
    """The account the command acts for; from here on its human output speaks the account's language."""
    from django.utils import translation

    from vernetzt.accounts.services import resolve_account
    from vernetzt.language import account_language

    user = resolve_account(ctx.obj.get("user"))
    translation.activate(account_language(user))
    return user


def parse_date(value: str | None, *, field: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{field}: {value!r} is not a date in the form YYYY-MM-DD") from None


@click.group()
@click.option(
    "--user", envvar="VERNETZT_USER", help="The account to act for (default: the single local one)."
)
@click.version_option(package_name="vernetzt")
@click.pass_context
def main(ctx: click.Context, user: str | None) -> None:
    """vernetzt — goal-driven career networking, on your own machine."""
    ctx.ensure_object(dict)
    ctx.obj["user"] = user


def warn_special_categories(texts, *, lang: str) -> None:
    """The gentle Art. 9 warning on stderr (stdout stays one JSON document); never stops the command."""
    from vernetzt.core.special_categories import special_category_warning

    warning = special_category_warning(texts, lang=lang)
    if warning:
        click.echo(warning, err=True)
