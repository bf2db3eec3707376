"""Commands of the follow-up: log, today, brief, worker (DESIGN §4)."""

from __future__ import annotations

import click

from vernetzt.cli.app import (
    CommandError,
    command,
    current_user,
    emit,
    main,
    parse_date,
    warn_special_categories,
)
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


def _speaking(lang: str):
    """Human output in the account's language (JSON stays language-neutral)."""
    from django.utils import translation

    return translation.override(lang)


def _worker_language(ctx) -> str:
    """The worker serves every account; it speaks the language of the one it is run as, if any."""
    try:
        return account_language(current_user(ctx))
    except LookupError:  # several accounts and none chosen
        return "en"


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
    from vernetzt.core.special_categories import special_categories_in
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
        "special_categories": [h.category for h in special_categories_in([note or "", *snippets])],
    }
    warn_special_categories([note or "", *snippets], lang=account_language(user))

    def human(d) -> str:
        from django.utils.translation import gettext as _

        from vernetzt.core.playbook import describe_task_kind
        from vernetzt.core.playbook_text import INTERACTION_KIND_LABELS
        from vernetzt.journal.agenda_text import long_day

        lang = account_language(user)
        with _speaking(lang):
            lines = [
                _("Logged: %(kind)s with %(name)s on %(date)s.")
                % {
                    "kind": INTERACTION_KIND_LABELS[kind][lang],
                    "name": person.display_name,
                    "date": long_day(date, lang),
                }
            ]
            lines += [
                "  "
                + _("[%(id)s] %(kind)s · %(name)s, due %(date)s")
                % {
                    "id": t["id"],
                    "kind": describe_task_kind(t["kind"], lang),
                    "name": person.display_name,
                    "date": long_day(t["due"], lang),
                }
                for t in d["tasks"]
            ]
        return "\n".join(lines)

    emit(data, as_json=as_json, human=human)


@main.command()
@click.option("--date", "day", default=None, help="YYYY-MM-DD (default: today); look ahead or back.")
@click.option(
    "--limit",
    type=click.IntRange(1, 100),
    default=None,
    help="How many tasks first (default: the setting, 10).",
)
@command
@click.pass_context
def today(ctx, day, limit, as_json) -> None:
    """The few tasks that matter most, the rest counted, the next 7 days, birthdays, events to prepare.

    Only reads: the daily rules run in `vernetzt worker` (or `vernetzt serve`).
    """
    from vernetzt.journal.agenda import agenda_as_dict, build_agenda
    from vernetzt.journal.agenda_text import agenda_lines

    user = current_user(ctx)
    lang = account_language(user)
    agenda = build_agenda(owner=user, today=_today(day), lang=lang, size=limit)
    emit(
        agenda_as_dict(agenda),
        as_json=as_json,
        human=lambda _: "\n".join(agenda_lines(agenda, lang, ids=True, unplanned_hint=day is None)),
    )


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
        from django.utils.translation import gettext as _

        from vernetzt.journal.agenda_text import long_day

        lang = account_language(user)
        lines = [
            d["name"],
            f"{d['title']} · {d['organization']}".strip(" ·"),
            d["salutation"],
            "",
            d["talk_reminder"],
            "",
        ]
        lines += [f"{n}. {q['text']}" for n, q in enumerate(d["questions"], 1)] or [d["research_hint"]]
        with _speaking(lang):
            if d["successes"]:
                lines += ["", *[f"- {long_day(s['date'], lang)}: {s['text']}" for s in d["successes"]]]
            if d["commonalities"]:
                lines += [
                    "",
                    _("In common: %(list)s") % {"list": ", ".join(c["label"] for c in d["commonalities"])},
                ]
            if d["best_path"]:
                lines += [_("Best introduction: %(name)s") % {"name": d["best_path"]["introducer"]}]
            if d["benefits"]:
                lines += [_("Benefit to offer: %(list)s") % {"list": "; ".join(d["benefits"])}]
        lines += [f"+ {s['text']} ({s['reasons'][0]})" for s in d["suggestions"] if s["reasons"]]
        return "\n".join(lines)

    emit(data, as_json=as_json, human=human)


@main.command()
@click.option("--once", is_flag=True, help="Do one round (calendar rules, digests, queued tasks) and exit.")
@click.option(
    "--interval", default=60, show_default=True, type=click.IntRange(1, 3600), help="Seconds between rounds."
)
@command
@click.pass_context
def worker(ctx, once, interval, as_json) -> None:
    """Run the background worker: daily playbook rules, the digest e-mail, your sources, queued tasks."""
    import threading

    from vernetzt.journal.worker import work, work_round
    from vernetzt.migrate import migrate_database

    migrate_database()
    if not once:
        work(interval=interval, poll=min(interval, 2), stop=threading.Event())
        return
    summary = work_round()
    from django.utils.translation import gettext as _

    with _speaking(_worker_language(ctx)):
        text = _(
            "Accounts: %(users)d · tasks planned: %(tasks)d · digests sent: %(digests)d · "
            "sources read: %(sources)d"
        ) % {
            "users": summary["users"],
            "tasks": summary["tasks_created"],
            "digests": summary["digests_enqueued"],
            "sources": summary["sources_enqueued"],
        }
    emit(summary, as_json=as_json, human=lambda _: text)


@main.command()
@click.argument("task_id", type=int)
@click.option(
    "--eml",
    "eml_path",
    type=click.Path(dir_okay=False, writable=True),
    default=None,
    help="Also write the draft as an .eml file for the mail program.",
)
@click.option(
    "--no-notice",
    is_flag=True,
    help="Leave out the privacy notice a first message to an imported person offers (Art. 14 GDPR).",
)
@command
@click.pass_context
def draft(ctx, task_id, eml_path, no_notice, as_json) -> None:
    """The message draft for a task (thank-you, birthday greeting, meeting request, lunch invitation)."""
    from pathlib import Path

    from vernetzt.journal.messages import build_eml, draft_for_task, mailto_url
    from vernetzt.journal.models import Task

    user = current_user(ctx)
    task = Task.objects.for_user(user).select_related("person").filter(pk=task_id).first()
    if task is None:
        raise CommandError(f"no task with id {task_id}")
    message = draft_for_task(owner=user, task=task, ui_lang=account_language(user), with_notice=not no_notice)
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
        "notice": message.notice,
        "with_notice": message.with_notice,
        "mailto": mailto_url(to=message.to, subject=message.subject, body=message.body),
    }

    def human(d) -> str:
        from django.utils.translation import gettext as _

        with _speaking(account_language(user)):
            return (
                _("To: %(to)s\nSubject: %(subject)s") % {"to": d["to"], "subject": d["subject"]}
                + f"\n\n{d['body']}"
            )

    emit(data, as_json=as_json, human=human)
