"""Commands of the follow-up: log, today, brief, worker (DESIGN §4)."""

from __future__ import annotations

import time

import click

from vernetzt.cli.app import CommandError, command, current_user, emit, main, parse_date
from vernetzt.language import account_language

INTERACTION_KINDS = (
    "event_conversation",
    "meeting",
    "lunch",
    "call",
    "email",
    "message",
    "birthday_greeting",
    "other",
)


def _today(value: str | None):
    from django.utils import timezone

    return parse_date(value, field="--date") or timezone.localdate()


@main.command()
@click.argument("person_id")
@click.option("--kind", required=True, help=f"One of: {', '.join(INTERACTION_KINDS)}.")
@click.option("--date", "day", required=True, help="YYYY-MM-DD")
@click.option("--note", default="", help="What was said.")
@click.option("--snippet", "snippets", multiple=True, help="Something worth remembering (repeatable).")
@click.option("--meeting-agreed", is_flag=True, help="A meeting was agreed.")
@click.option("--their-share", type=int, default=None, help="How much of the talking they did, in percent.")
@click.option("--event", "event_id", type=int, default=None, help="The event where it happened.")
@click.option("--topic", default="", help="What to talk about next time; the lunch invitation names it.")
@command
@click.pass_context
def log(
    ctx, person_id, kind, day, note, snippets, meeting_agreed, their_share, event_id, topic, as_json
) -> None:
    """Record an interaction; the playbook plans the follow-up."""
    from vernetzt.events.models import Event
    from vernetzt.journal.services import JournalDataError, find_person, log_interaction

    user = current_user(ctx)
    date = parse_date(day, field="--date")
    try:
        person = find_person(owner=user, person_id=person_id)
        event = None
        if event_id is not None:
            event = Event.objects.for_user(user).filter(pk=event_id).first()
            if event is None:
                raise JournalDataError("event", f"no event with id {event_id}")
        result = log_interaction(
            owner=user,
            person=person,
            kind=kind,
            date=date,
            notes=note,
            snippets=snippets,
            their_share=their_share,
            meeting_agreed=meeting_agreed,
            event=event,
            topic=topic,
            source="cli",
        )
    except JournalDataError as error:
        raise CommandError(f"--{error.field.replace('_', '-')}: {error.message}") from None
    data = {
        "id": result.interaction.pk,
        "person_id": person.pk,
        "kind": kind,
        "date": date,
        "snippets": [s.text for s in result.snippets],
        "tasks": [{"id": t.pk, "kind": t.kind, "due": t.due} for t in result.tasks],
        "stages": [{"target_id": pk, "from": a, "to": b} for pk, (a, b) in result.stages.items()],
    }
    emit(
        data,
        as_json=as_json,
        human=lambda d: "\n".join(
            [f"Logged {kind} with {person.display_name} on {date.isoformat()}."]
            + [f"  task: {t['kind']} due {t['due'].isoformat()}" for t in d["tasks"]]
        ),
    )


@main.command()
@click.option("--date", "day", default=None, help="YYYY-MM-DD (default: today)")
@command
@click.pass_context
def today(ctx, day, as_json) -> None:
    """Due and overdue tasks, birthdays this week, events to prepare."""
    from vernetzt.journal.agenda import agenda_as_dict, build_agenda

    user = current_user(ctx)
    agenda = build_agenda(owner=user, today=_today(day), lang=account_language(user))
    data = agenda_as_dict(agenda)

    def human(d) -> str:
        lines = [f"Today, {d['date'].isoformat()}"]
        for task in d["tasks"]:
            flag = "OVERDUE " if task["overdue"] else ""
            lines.append(f"  [{task['id']}] {flag}{task['due'].isoformat()} {task['reason']}")
        for b in d["birthdays"]:
            lines.append(f"  birthday: {b['person']} on {b['date'].isoformat()}")
        for e in d["events"]:
            lines.append(f"  event: {e['name']} on {e['date'].isoformat()} ({e['must_meet']} must meet)")
        return "\n".join(lines) if len(lines) > 1 else lines[0] + ": nothing due."

    emit(data, as_json=as_json, human=human)


@main.command()
@click.argument("person_id")
@click.option("--event", "event_id", type=int, default=None, help="Prepare for this event.")
@command
@click.pass_context
def brief(ctx, person_id, event_id, as_json) -> None:
    """The dossier: role, successes, commonalities, paths, prepared questions, benefit."""
    from vernetzt.events.models import Event
    from vernetzt.journal.briefing import briefing_as_dict, build_briefing
    from vernetzt.journal.services import JournalDataError, find_person

    user = current_user(ctx)
    try:
        person = find_person(owner=user, person_id=person_id)
    except JournalDataError as error:
        raise CommandError(error.message) from None
    event = None
    if event_id is not None:
        event = Event.objects.for_user(user).filter(pk=event_id).first()
        if event is None:
            raise CommandError(f"--event: no event with id {event_id}")
    briefing = build_briefing(
        owner=user, person=person, lang=account_language(user), today=_today(None), event=event
    )
    data = briefing_as_dict(briefing)

    def human(d) -> str:
        lines = [d["name"], f"{d['title']} · {d['organization']}".strip(" ·"), d["salutation"], "",
                 d["talk_reminder"], ""]
        lines += [f"{n}. {q['text']}" for n, q in enumerate(d["questions"], 1)] or [d["research_hint"]]
        if d["successes"]:
            lines += ["", *[f"- {s['date'].isoformat()}: {s['text']}" for s in d["successes"]]]
        if d["commonalities"]:
            lines += ["", "In common: " + ", ".join(c["label"] for c in d["commonalities"])]
        if d["best_path"]:
            lines += [f"Best introduction: {d['best_path']['introducer']}"]
        if d["benefits"]:
            lines += ["Benefit to offer: " + "; ".join(d["benefits"])]
        lines += [f"+ {s['text']} ({s['reasons'][0]})" for s in d["suggestions"] if s["reasons"]]
        return "\n".join(lines)

    emit(data, as_json=as_json, human=human)


@main.command()
@click.option("--once", is_flag=True, help="Do one round (calendar rules, digests, queued tasks) and exit.")
@click.option(
    "--interval", default=60, show_default=True, type=click.IntRange(1, 3600), help="Seconds between rounds."
)
@command
def worker(once, interval, as_json) -> None:
    """Run the background worker: daily playbook rules, the digest e-mail, your sources, queued tasks."""
    from django.core.management import call_command
    from django.utils import timezone
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend

    from vernetzt.journal.digest import run_daily
    from vernetzt.migrate import migrate_database
    from vernetzt.sources.rounds import enqueue_due_sources

    migrate_database()
    database_queue = isinstance(task_backends["default"], DatabaseBackend)
    while True:
        summary = run_daily(today=timezone.localdate())
        summary["sources_enqueued"] = enqueue_due_sources()
        if database_queue:
            call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
        if once:
            emit(
                summary,
                as_json=as_json,
                human=lambda d: (
                    f"{d['users']} accounts, {d['tasks_created']} tasks planned, "
                    f"{d['digests_enqueued']} digests sent."
                ),
            )
            return
        time.sleep(interval)


@main.command()
@click.argument("task_id", type=int)
@click.option(
    "--eml",
    "eml_path",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Also write the draft as an .eml file for the mail program.",
)
@command
@click.pass_context
def draft(ctx, task_id, eml_path, as_json) -> None:
    """The message draft for a task (thank-you, birthday greeting, meeting request, lunch invitation)."""
    from pathlib import Path

    from vernetzt.journal.messages import build_eml, draft_for_task, mailto_url
    from vernetzt.journal.models import Task

    user = current_user(ctx)
    task = Task.objects.for_user(user).select_related("person").filter(pk=task_id).first()
    if task is None:
        raise CommandError(f"no task with id {task_id}")
    message = draft_for_task(owner=user, task=task, ui_lang=account_language(user))
    if message is None:
        raise CommandError(f"a {task.kind} task has no message to draft")
    if eml_path:
        Path(eml_path).write_bytes(
            build_eml(sender=user.email, to=message.to, subject=message.subject, body=message.body)
        )
    data = {
        "task_id": task.pk,
        "kind": message.kind,
        "lang": message.lang,
        "to": message.to,
        "subject": message.subject,
        "body": message.body,
        "mailto": mailto_url(to=message.to, subject=message.subject, body=message.body),
    }
    emit(data, as_json=as_json, human=lambda d: f"To: {d['to']}\nSubject: {d['subject']}\n\n{d['body']}")
