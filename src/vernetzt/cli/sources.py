"""Commands for the sources that read news in by themselves: feed, candidates (DESIGN §4 Additions)."""

from __future__ import annotations

import contextlib
import sys

import click
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vernetzt.cli.app import CommandError, command, current_user, emit, main
from vernetzt.language import account_language


@contextlib.contextmanager
def _problems_in_words(user):
    """A service's refusal that names a source problem (a code) in the account's words."""
    from vernetzt.errors import DataError
    from vernetzt.sources.problems import PROBLEMS, describe_problem

    try:
        yield
    except DataError as error:
        if error.message not in PROBLEMS:
            raise
        words = describe_problem(error.message, account_language(user))
        raise CommandError(f"{error.field}: {words}") from None


def _removed_line(removed: str, interactions: int) -> str:
    deleted = ngettext("%(n)d interaction deleted.", "%(n)d interactions deleted.", interactions)
    return f"{removed} {deleted % {'n': interactions}}"


def _feed_as_dict(feed, lang: str) -> dict:
    from vernetzt.sources.problems import describe_problem

    return {
        "id": feed.pk,
        "url": feed.url,
        "name": feed.name,
        "last_run_at": feed.last_run_at.isoformat() if feed.last_run_at else None,
        "last_found": feed.last_found,
        "error": describe_problem(feed.last_error, lang) or None,
    }


@main.group()
def feed() -> None:
    """The business press: RSS/Atom feeds matched to your network."""


@feed.command("add")
@click.argument("url")
@click.option("--name", default="", help="A name to show instead of the address.")
@command
@click.pass_context
def feed_add(ctx, url, name, as_json) -> None:
    """Subscribe to a feed (nothing is fetched until `feed poll` or the worker runs)."""
    from vernetzt.sources.feeds import add_feed

    user = current_user(ctx)
    with _problems_in_words(user):
        row = add_feed(owner=user, url=url, name=name)
    emit(
        {"id": row.pk, "url": row.url, "name": row.name},
        as_json=as_json,
        human=lambda d: _("Feed %(id)s added: %(name)s") % {"id": d["id"], "name": d["name"] or d["url"]},
    )


@feed.command("list")
@command
@click.pass_context
def feed_list(ctx, as_json) -> None:
    """The subscribed feeds, when each last ran and what it found."""
    from vernetzt.sources.models import Feed

    user = current_user(ctx)
    rows = [_feed_as_dict(row, account_language(user)) for row in Feed.objects.for_user(user)]

    def human(feeds) -> str:
        if not feeds:
            return "No feeds yet. Add one with: vernetzt feed add URL"
        return "\n".join(
            f"[{f['id']}] {f['name'] or f['url']} — "
            + _("last run %(when)s, %(found)s found")
            % {"when": f["last_run_at"] or _("never"), "found": f["last_found"]}
            + (f" — {f['error']}" if f["error"] else "")
            for f in feeds
        )

    emit(rows, as_json=as_json, human=human)


@feed.command("remove")
@click.argument("feed_id")
@click.option("--purge", is_flag=True, help="Also delete the successes confirmed from this feed.")
@command
@click.pass_context
def feed_remove(ctx, feed_id, purge, as_json) -> None:
    """Unsubscribe; its articles and open candidates are deleted."""
    from vernetzt.sources.feeds import find_feed, remove_feed

    user = current_user(ctx)
    removed = remove_feed(owner=user, feed=find_feed(owner=user, feed_id=feed_id), purge=purge)
    emit(
        {"removed": 1, "successes_removed": removed},
        as_json=as_json,
        human=lambda d: (
            _("Feed removed.")
            + " "
            + ngettext("%(n)d success deleted.", "%(n)d successes deleted.", d["successes_removed"])
            % {"n": d["successes_removed"]}
        ),
    )


@feed.command("poll")
@command
@click.pass_context
def feed_poll(ctx, as_json) -> None:
    """Read every feed now and match new articles to your network."""
    from vernetzt.sources.candidates import candidate_as_dict
    from vernetzt.sources.feeds import poll_feeds
    from vernetzt.sources.problems import describe_problem

    user = current_user(ctx)
    report = poll_feeds(owner=user)
    data = {
        "feeds": report.feeds,
        "items": report.items,
        "candidates": [candidate_as_dict(c) for c in report.candidates],
        "errors": [
            {"feed_id": f.pk, "error": describe_problem(f.last_error, account_language(user))}
            for f in report.failed
        ],
    }

    def human(d) -> str:
        lines = [
            _("%(feeds)d feeds read, %(items)d new articles, %(candidates)d candidates.")
            % {"feeds": d["feeds"], "items": d["items"], "candidates": len(d["candidates"])}
        ]
        lines += [f"  [{c['id']}] {c['person']}: {c['title']}" for c in d["candidates"]]
        lines += [
            "  " + _("feed %(id)s: %(error)s") % {"id": e["feed_id"], "error": e["error"]}
            for e in d["errors"]
        ]
        return "\n".join(lines)

    emit(data, as_json=as_json, human=human)


@feed.command("article")
@click.argument("url")
@command
@click.pass_context
def feed_article(ctx, url, as_json) -> None:
    """Read one article link you paste and match it to your network."""
    from vernetzt.sources.candidates import candidate_as_dict
    from vernetzt.sources.feeds import add_article

    user = current_user(ctx)
    with _problems_in_words(user):
        read = add_article(owner=user, url=url)
    found = [candidate_as_dict(c) for c in read.candidates]

    def human(d) -> str:
        with translation.override(account_language(user)):
            count = len(d["candidates"])
            if d["seen_before"]:
                head = ngettext(
                    "This article was read before; %(n)d candidate is waiting for your word.",
                    "This article was read before; %(n)d candidates are waiting for your word.",
                    count,
                )
            else:
                head = ngettext("%(n)d candidate found.", "%(n)d candidates found.", count)
            lines = [head % {"n": count}]
        return "\n".join(lines + [f"  [{c['id']}] {c['person']}: {c['title']}" for c in d["candidates"]])

    emit({"candidates": found, "seen_before": read.seen_before}, as_json=as_json, human=human)


@main.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON document.")
@click.pass_context
def candidates(ctx, as_json) -> None:
    """News that may be a success of someone in your network: confirm or dismiss each."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(candidates_list, as_json=as_json)


@command
@click.pass_context
def candidates_list(ctx, as_json) -> None:
    from vernetzt.sources.candidates import candidate_as_dict, pending_candidates

    user = current_user(ctx)
    rows = [candidate_as_dict(c) for c in pending_candidates(user)]
    emit(
        rows,
        as_json=as_json,
        human=lambda d: (
            "\n".join([f"[{c['id']}] {c['published'] or '—'} {c['person']}: {c['title']}" for c in d])
            or "No candidate successes waiting."
        ),
    )


def _decide(ctx, candidate_id, as_json, confirm: bool) -> None:
    from vernetzt.sources.candidates import confirm_candidate, dismiss_candidate, find_candidate

    user = current_user(ctx)
    candidate = find_candidate(owner=user, candidate_id=candidate_id)
    if confirm:
        success = confirm_candidate(owner=user, candidate=candidate)
        data = {
            "id": candidate.pk,
            "status": "confirmed",
            "success_id": success.pk,
            "person_id": candidate.person_id,
            "date": success.date,
        }
    else:
        dismiss_candidate(owner=user, candidate=candidate)
        data = {"id": candidate.pk, "status": "dismissed", "person_id": candidate.person_id}
    said = {"confirmed": _("Candidate %(id)s confirmed."), "dismissed": _("Candidate %(id)s dismissed.")}
    emit(data, as_json=as_json, human=lambda d: said.get(d["status"], "%(id)s") % {"id": d["id"]})


@candidates.command("confirm")
@click.argument("candidate_id")
@command
@click.pass_context
def candidates_confirm(ctx, candidate_id, as_json) -> None:
    """Record the news as a dated success of the person, with its source."""
    _decide(ctx, candidate_id, as_json, confirm=True)


@candidates.command("dismiss")
@click.argument("candidate_id")
@command
@click.pass_context
def candidates_dismiss(ctx, candidate_id, as_json) -> None:
    """Not about them, or not worth keeping."""
    _decide(ctx, candidate_id, as_json, confirm=False)


@main.group()
def mail() -> None:
    """Mail, read only: e-mails with people in your network become interactions."""


@mail.command("add")
@click.option("--host", required=True, help="The IMAP server, e.g. imap.example.org.")
@click.option("--user", "username", required=True, help="The user name, often the e-mail address.")
@click.option("--port", default=993, show_default=True, type=int, help="993 (TLS) or 143 (STARTTLS).")
@click.option(
    "--folder", "folders", multiple=True, help="A folder to read (repeatable; default INBOX and Sent)."
)
@click.option("--first-lines", is_flag=True, help="Also keep the first lines of each mail.")
@command
@click.pass_context
def mail_add(ctx, host, username, port, folders, first_lines, as_json) -> None:
    """Connect an IMAP account; the (app) password is read from standard input."""
    from vernetzt.sources.mail import add_mail_account

    password = sys.stdin.readline().rstrip("\r\n")
    user = current_user(ctx)
    with _problems_in_words(user):
        account = add_mail_account(
            owner=user,
            host=host,
            username=username,
            password=password,
            port=port,
            folders=folders,
            read_body=first_lines,
        )
    emit(
        {"id": account.pk, "host": account.host, "user": account.username, "folders": account.folders},
        as_json=as_json,
        human=lambda d: _("Mail account %(id)s added: %(user)s @ %(host)s") % d,
    )


def _poll_lines(summary: str, problems: list[str]) -> str:
    """What a poll prints: its summary, then one indented line per source that failed."""
    return "\n".join([summary, *("  " + problem for problem in problems)])


@mail.command("poll")
@command
@click.pass_context
def mail_poll(ctx, as_json) -> None:
    """Read the new mail of every connected account now."""
    from vernetzt.sources.mail import poll_mail
    from vernetzt.sources.problems import describe_problem

    user = current_user(ctx)
    report = poll_mail(owner=user)
    data = {
        "accounts": report.accounts,
        "messages": report.messages,
        "kept": report.kept,
        "interactions": report.interactions,
        "tasks_closed": report.tasks_closed,
        "errors": [
            {"account_id": a.pk, "error": describe_problem(a.last_error, account_language(user))}
            for a in report.failed
        ],
    }
    emit(
        data,
        as_json=as_json,
        human=lambda d: _poll_lines(
            _(
                "%(accounts)d accounts: %(messages)d new mails, %(kept)d with your network, "
                "%(interactions)d interactions, %(tasks_closed)d thank-you tasks closed."
            )
            % d,
            [
                _("account %(id)s: %(error)s") % {"id": e["account_id"], "error": e["error"]}
                for e in d["errors"]
            ],
        ),
    )


@main.group()
def calendar() -> None:
    """Calendars, read only: meetings with people in your network become interactions."""


@calendar.command("add")
@click.argument("url")
@click.option("--name", default="", help="A name to show instead of the address.")
@click.option(
    "--user", "username", default="", help="CalDAV user name; the password is read from standard input."
)
@command
@click.pass_context
def calendar_add(ctx, url, name, username, as_json) -> None:
    """Subscribe to an ICS address, or connect a CalDAV calendar (with --user)."""
    from vernetzt.sources.calendars import add_calendar

    password = sys.stdin.readline().rstrip("\r\n") if username else ""
    user = current_user(ctx)
    with _problems_in_words(user):
        row = add_calendar(owner=user, url=url, name=name, username=username, password=password)
    emit(
        {"id": row.pk, "url": row.url, "name": row.name},
        as_json=as_json,
        human=lambda d: _("Calendar %(id)s added: %(name)s") % {"id": d["id"], "name": d["name"] or d["url"]},
    )


@calendar.command("poll")
@command
@click.pass_context
def calendar_poll(ctx, as_json) -> None:
    """Read every calendar now."""
    from vernetzt.sources.calendars import poll_calendars
    from vernetzt.sources.problems import describe_problem

    user = current_user(ctx)
    report = poll_calendars(owner=user)
    data = {
        "calendars": report.calendars,
        "events": report.events,
        "meetings": report.meetings,
        "logged": report.logged,
        "scheduled": report.scheduled,
        "errors": [
            {"calendar_id": c.pk, "error": describe_problem(c.last_error, account_language(user))}
            for c in report.failed
        ],
    }
    emit(
        data,
        as_json=as_json,
        human=lambda d: _poll_lines(
            _(
                "%(calendars)d calendars: %(meetings)d new meetings with your network, "
                "%(logged)d logged, %(scheduled)d dates fixed."
            )
            % d,
            [
                _("calendar %(id)s: %(error)s") % {"id": e["calendar_id"], "error": e["error"]}
                for e in d["errors"]
            ],
        ),
    )


@mail.command("remove")
@click.argument("account_id")
@click.option("--purge", is_flag=True, help="Also delete the interactions it recorded.")
@command
@click.pass_context
def mail_remove(ctx, account_id, purge, as_json) -> None:
    """Disconnect a mail account."""
    from vernetzt.sources.mail import find_mail_account, remove_mail_account

    user = current_user(ctx)
    account = find_mail_account(owner=user, account_id=account_id)
    removed = remove_mail_account(owner=user, account=account, purge=purge)
    emit(
        {"removed": 1, "interactions_removed": removed},
        as_json=as_json,
        human=lambda d: _removed_line(_("Mail account removed."), d["interactions_removed"]),
    )


@calendar.command("remove")
@click.argument("calendar_id")
@click.option("--purge", is_flag=True, help="Also delete the interactions it recorded.")
@command
@click.pass_context
def calendar_remove(ctx, calendar_id, purge, as_json) -> None:
    """Disconnect a calendar."""
    from vernetzt.sources.calendars import find_calendar, remove_calendar

    user = current_user(ctx)
    calendar = find_calendar(owner=user, calendar_id=calendar_id)
    removed = remove_calendar(owner=user, calendar=calendar, purge=purge)
    emit(
        {"removed": 1, "interactions_removed": removed},
        as_json=as_json,
        human=lambda d: _removed_line(_("Calendar removed."), d["interactions_removed"]),
    )
