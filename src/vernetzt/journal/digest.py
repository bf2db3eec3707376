"""The opt-in daily digest e-mail: what is due, in the account's language.

The digest runs on the tasks API (django-tasks, database backend; see ``journal.worker``). Enqueueing
is guarded by a unique (user, day) row, so several workers on one PostgreSQL send each user exactly
one digest a day.
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
from vernetzt.journal.agenda_text import agenda_lines
from vernetzt.journal.messages import send_mail_to
from vernetzt.journal.models import DigestRun, JournalSettings
from vernetzt.journal.services import JournalDataError, journal_settings
from vernetzt.language import account_language


def set_digest(*, owner, enabled: bool) -> JournalSettings:
    if enabled and not owner.email:
        raise JournalDataError("digest_enabled", "set your own e-mail address first: the digest goes there")
    row = journal_settings(owner)
    row.digest_enabled = enabled
    row.save(update_fields=["digest_enabled"])
    return row


def render_digest(agenda: Agenda, lang: str) -> tuple[str, str]:
    """Subject and plain-text body of the digest in ``lang``: the focused few, counts of the rest, the
    week ahead, birthdays and events."""
    with translation.override(lang):
        count = len(agenda.tasks)
        subject = ngettext(
            "vernetzt: %(count)d thing to do today", "vernetzt: %(count)d things to do today", count
        ) % {"count": count}
        if agenda.is_empty and not agenda.upcoming:
            return subject, _("Nothing due today. Enjoy the day.") + "\n"
    return subject, "\n".join(agenda_lines(agenda, lang, ids=False)) + "\n"


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
