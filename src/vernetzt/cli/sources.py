"""Commands for the sources that read news in by themselves: feed, candidates (DESIGN §4 Additions)."""

from __future__ import annotations

import click

from vernetzt.cli.app import command, current_user, emit, main
from vernetzt.language import account_language


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
    row = add_feed(owner=user, url=url, name=name)
    emit(
        {"id": row.pk, "url": row.url, "name": row.name},
        as_json=as_json,
        human=lambda d: f"Feed {d['id']} added: {d['name'] or d['url']}",
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
            f"[{f['id']}] {f['name'] or f['url']} — last run {f['last_run_at'] or 'never'}, "
            f"{f['last_found']} found" + (f" — {f['error']}" if f["error"] else "")
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
        human=lambda d: f"Feed removed ({d['successes_removed']} successes deleted).",
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
        lines = [f"{d['feeds']} feeds read, {d['items']} new articles, {len(d['candidates'])} candidates."]
        lines += [f"  [{c['id']}] {c['person']}: {c['title']}" for c in d["candidates"]]
        lines += [f"  feed {e['feed_id']}: {e['error']}" for e in d["errors"]]
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
    found = [candidate_as_dict(c) for c in add_article(owner=user, url=url)]
    emit(
        {"candidates": found},
        as_json=as_json,
        human=lambda d: "\n".join(
            [f"{len(found)} candidates."]
            + [f"  [{c['id']}] {c['person']}: {c['title']}" for c in d["candidates"]]
        ),
    )


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
    emit(data, as_json=as_json, human=lambda d: f"Candidate {d['id']} {d['status']}.")


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
