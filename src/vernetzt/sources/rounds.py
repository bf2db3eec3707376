"""The worker's round over the sources: each account's due sources are read in one queued task.

A source is due when it never ran or its last run is older than ``INTERVAL``. Claiming happens by a
conditional UPDATE of ``last_run_at``, so two workers on one PostgreSQL never read a source twice.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django_tasks import task

from vernetzt.sources.calendars import poll_calendars
from vernetzt.sources.feeds import poll_feeds
from vernetzt.sources.mail import poll_mail
from vernetzt.sources.models import Calendar, Feed, MailAccount

# How often each kind of source is read: mail is what the playbook reacts to, the press can wait.
INTERVALS = {Feed: timedelta(hours=1), MailAccount: timedelta(minutes=15), Calendar: timedelta(minutes=30)}


def _due(model, now):
    return model.objects.filter(Q(last_run_at__isnull=True) | Q(last_run_at__lt=now - INTERVALS[model]))


def _claim(model, now) -> dict[int, list[int]]:
    """Per owner the ids of due rows this worker claimed (a concurrent worker's UPDATE finds 0 rows)."""
    claimed: dict[int, list[int]] = {}
    for pk, owner_id in _due(model, now).filter(owner__is_active=True).values_list("pk", "owner_id"):
        if _due(model, now).filter(pk=pk).update(last_run_at=now):
            claimed.setdefault(owner_id, []).append(pk)
    return claimed


@task()
def read_sources(user_id: int, feed_ids: list[int], mail_ids: list[int], calendar_ids: list[int]) -> dict:
    """Read the given sources of one account; returns what was found."""
    user = get_user_model().objects.get(pk=user_id, is_active=True)
    press = poll_feeds(owner=user, feeds=Feed.objects.for_user(user).filter(pk__in=feed_ids))
    mail = poll_mail(owner=user, accounts=MailAccount.objects.for_user(user).filter(pk__in=mail_ids))
    meetings = poll_calendars(
        owner=user, calendars=Calendar.objects.for_user(user).filter(pk__in=calendar_ids)
    )
    return {
        "feeds": press.feeds,
        "items": press.items,
        "candidates": len(press.candidates),
        "mail_accounts": mail.accounts,
        "mails": mail.messages,
        "interactions": mail.interactions,
        "calendars": meetings.calendars,
        "meetings": meetings.meetings,
    }


def enqueue_due_sources() -> int:
    """One task per account that has a due source; returns how many were enqueued."""
    now = timezone.now()
    feeds, accounts, calendars = _claim(Feed, now), _claim(MailAccount, now), _claim(Calendar, now)
    owners = sorted(set(feeds) | set(accounts) | set(calendars))
    for owner_id in owners:
        read_sources.enqueue(
            owner_id, feeds.get(owner_id, []), accounts.get(owner_id, []), calendars.get(owner_id, [])
        )
    return len(owners)


def read_now(owner) -> None:
    """The sources page's button: every source of the account, in the background."""
    read_sources.enqueue(
        owner.pk,
        list(Feed.objects.for_user(owner).values_list("pk", flat=True)),
        list(MailAccount.objects.for_user(owner).values_list("pk", flat=True)),
        list(Calendar.objects.for_user(owner).values_list("pk", flat=True)),
    )
