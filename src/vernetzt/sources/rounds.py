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

from vernetzt.sources.feeds import poll_feeds
from vernetzt.sources.models import Feed

INTERVAL = timedelta(hours=1)


def _due(model, now):
    return model.objects.filter(Q(last_run_at__isnull=True) | Q(last_run_at__lt=now - INTERVAL))


def _claim(model, now) -> dict[int, list[int]]:
    """Per owner the ids of due rows this worker claimed (a concurrent worker's UPDATE finds 0 rows)."""
    claimed: dict[int, list[int]] = {}
    for pk, owner_id in _due(model, now).filter(owner__is_active=True).values_list("pk", "owner_id"):
        if _due(model, now).filter(pk=pk).update(last_run_at=now):
            claimed.setdefault(owner_id, []).append(pk)
    return claimed


@task()
def read_sources(user_id: int, feed_ids: list[int]) -> dict[str, int]:
    """Read the claimed sources of one account; returns what was found."""
    user = get_user_model().objects.get(pk=user_id, is_active=True)
    report = poll_feeds(owner=user, feeds=Feed.objects.for_user(user).filter(pk__in=feed_ids))
    return {"feeds": report.feeds, "items": report.items, "candidates": len(report.candidates)}


def enqueue_due_sources() -> int:
    """One task per account that has a due source; returns how many were enqueued."""
    feeds = _claim(Feed, timezone.now())
    for owner_id in sorted(feeds):
        read_sources.enqueue(owner_id, feeds[owner_id])
    return len(feeds)
