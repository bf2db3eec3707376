"""The daily round of the background worker: calendar rules for everyone, and the opt-in digest e-mail.

The digest runs on the tasks API (django-tasks, database backend). Enqueueing is guarded by a unique
(user, day) row, so several workers on one PostgreSQL send each user exactly one digest a day.
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from vernetzt.journal.agenda import Agenda, build_agenda
from vernetzt.journal.messages import send_mail_to, smtp_configured
from vernetzt.journal.models import DigestRun, JournalSettings
from vernetzt.journal.services import JournalDataError, journal_settings, run_calendar_playbook
from vernetzt.language import account_language


def set_digest(*, owner, enabled: bool) -> JournalSettings:
    if enabled and not owner.email:
        raise JournalDataError("digest_enabled", "set your own e-mail address first: the digest goes there")
    row = journal_settings(owner)
    row.digest_enabled = enabled
    row.save(update_fields=["digest_enabled"])
    return row


def render_digest(agenda: Agenda, lang: str) -> tuple[str, str]:
    """Subject and plain-text body of the digest in ``lang``."""
    with translation.override(lang):
        count = len(agenda.tasks)
        subject = ngettext(
            "vernetzt: %(count)d thing to do today", "vernetzt: %(count)d things to do today", count
        ) % {"count": count}
        lines = []
        sections = (
            (_("Overdue"), agenda.overdue),
            (_("Due today"), agenda.due),
        )
        for heading, items in sections:
            if items:
                lines.append(heading)
                for item in items:
                    lines.append(f"- {item.reason} ({item.task.due.isoformat()})")
                lines.append("")
        if agenda.birthdays:
            lines.append(_("Birthdays this week"))
            lines.extend(f"- {b.person.display_name}: {b.date.isoformat()}" for b in agenda.birthdays)
            lines.append("")
        if agenda.events:
            lines.append(_("Events to prepare"))
            for item in agenda.events:
                lines.append(
                    "- "
                    + _("%(name)s on %(date)s: %(ready)d of %(total)d must-meet people prepared")
                    % {
                        "name": item.event.name,
                        "date": item.event.starts_on.isoformat(),
                        "ready": min(
                            item.status.researched, item.status.with_questions, item.status.with_benefit
                        ),
                        "total": item.status.must_meet,
                    }
                )
            lines.append("")
        if not lines:
            lines = [_("Nothing due today. Enjoy the day."), ""]
        return subject, "\n".join(lines)


@task()
def send_daily_digest(user_id: int, day: str) -> int:
    """Mail the user what is due on ``day`` (ISO date); returns how many tasks it named."""
    user = get_user_model().objects.get(pk=user_id, is_active=True)
    today = datetime.date.fromisoformat(day)
    agenda = build_agenda(owner=user, today=today, lang=account_language(user))
    subject, body = render_digest(agenda, account_language(user))
    send_mail_to(owner=user, to=user.email, subject=subject, body=body)
    return len(agenda.tasks)


def enqueue_digest(*, owner, today: datetime.date) -> bool:
    """Enqueue today's digest unless some worker already did; True when this call enqueued it."""
    try:
        with transaction.atomic():
            DigestRun.objects.create(owner=owner, date=today)
    except IntegrityError:
        return False
    send_daily_digest.enqueue(owner.pk, today.isoformat())
    return True


def run_daily(*, today: datetime.date) -> dict[str, int]:
    """The worker's round: calendar rules for every active account, then the digests that are due."""
    users = list(get_user_model().objects.filter(is_active=True).order_by("pk"))
    created = sum(len(run_calendar_playbook(owner=user, today=today)) for user in users)
    digests = 0
    if smtp_configured():
        opted_in = set(
            JournalSettings.objects.filter(digest_enabled=True, owner__in=users).values_list(
                "owner_id", flat=True
            )
        )
        for user in users:
            if user.pk in opted_in and user.email and enqueue_digest(owner=user, today=today):
                digests += 1
    return {"users": len(users), "tasks_created": created, "digests_enqueued": digests}
