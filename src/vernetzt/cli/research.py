"""Commands of the research engine: whom to meet for a goal, and what a job title means."""

from __future__ import annotations

import json
import sys

import click

from vernetzt.cli.app import CommandError, command, current_user, emit, main
from vernetzt.language import account_language


def candidate_json(candidate) -> dict:
    return {
        "person_id": candidate.person_id,
        "name": candidate.name,
        "title": candidate.title,
        "organization": candidate.organization,
        "seniority": candidate.seniority,
        "function": candidate.function,
        "country": candidate.country,
        "score": candidate.score,
        "reasons": candidate.reasons,
        "components": candidate.components,
        "introducer_id": candidate.introducer_id,
        "introducer": candidate.introducer_name,
        "in_pipeline": candidate.in_pipeline,
    }


def _human(rows: list[dict]) -> str:
    if not rows:
        return "Nobody fits this goal yet; import your network or an attendee list."
    lines = []
    for rank, row in enumerate(rows, start=1):
        role = ", ".join(part for part in (row["title"], row["organization"]) if part)
        lines.append(f"{rank:>3}. {row['score']:5.1f}  {row['name']} (#{row['person_id']})  {role}")
        lines.extend(f"            · {reason}" for reason in row["reasons"])
    return "\n".join(lines)


@main.command()
@click.argument("goal_id", type=int)
@click.option("--event", "event_id", type=int, help="Count attendance at this event.")
@click.option("--only-event", is_flag=True, help="List only the event's attendees.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--region", help="Only people currently in this region (code or name).")
@click.option("--level", help="Only people currently at this seniority level.")
@click.option("--function", "function", help="Only people currently in this function.")
@click.option("--lang", type=click.Choice(["de", "en"]), help="Language of the reasons (default: account's).")
@command
@click.pass_context
def targets(ctx, goal_id, event_id, only_event, limit, region, level, function, lang, as_json) -> None:
    """Whom to meet for a goal: ranked persons with the reasons why."""
    from vernetzt.events.models import Event
    from vernetzt.goals.models import Goal
    from vernetzt.research.services import ResearchDataError, rank_for_goal

    user = current_user(ctx)
    goal = Goal.objects.for_user(user).filter(pk=goal_id).first()
    if goal is None:
        raise CommandError(f"no goal with id {goal_id}")
    event = None
    if event_id is not None:
        event = Event.objects.for_user(user).filter(pk=event_id).first()
        if event is None:
            raise CommandError(f"--event: no event with id {event_id}")
    try:
        found = rank_for_goal(
            owner=user,
            goal=goal,
            lang=lang or account_language(user),
            event=event,
            only_event=only_event,
            limit=limit,
            region=region,
            level=level,
            function=function,
        )
    except ResearchDataError as error:
        raise CommandError(f"--{error.field.replace('_', '-')}: {error.message}") from None
    emit([candidate_json(c) for c in found], as_json=as_json, human=_human)


def _title_line(row: dict) -> str:
    return f"{row['title']}\t{row['seniority']}\t{row['function']}"


@main.command()
@click.argument("text")
@command
def title(text: str, as_json: bool) -> None:
    """Classify a job title (seniority, function); "-" reads one title per line from stdin."""
    from vernetzt.research.services import summarize_title

    if text != "-":
        emit(summarize_title(text), as_json=as_json, human=_title_line)
        return
    # One JSON document per input line (JSON lines), streamed so a large file needs no memory.
    for line in sys.stdin:
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        row = summarize_title(line.strip())
        click.echo(json.dumps(row, ensure_ascii=False) if as_json else _title_line(row))
