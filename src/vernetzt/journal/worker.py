"""The background worker: the daily calendar rules for every account, the opt-in digests, the sources,
and the queue.

The queue is the tasks API (django-tasks) with the database backend, so several workers can share a
PostgreSQL without a broker. `vernetzt worker` runs the loop in its own process; `vernetzt serve` runs
the same loop in a thread, so a single-process installation plans each day without a second command.

Opening Today never does this work in the request: when the rules have not run today it queues them
(``request_day_plan``) and answers at once.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.contrib.auth import get_user_model
from django.db import close_old_connections
from django.db.models import Q
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.management.commands.db_worker import Worker

from vernetzt.journal.digest import enqueue_digest
from vernetzt.journal.messages import smtp_configured
from vernetzt.journal.models import JournalSettings
from vernetzt.journal.services import journal_settings, run_calendar_playbook
from vernetzt.people.retention import run_retention_for_all
from vernetzt.sources.rounds import enqueue_due_sources

log = logging.getLogger(__name__)


@task()
def plan_day(user_id: int, day: str) -> int:
    """The calendar rules for one account and day (ISO date); returns how many tasks they created."""
    user = get_user_model().objects.get(pk=user_id, is_active=True)
    return len(run_calendar_playbook(owner=user, today=datetime.date.fromisoformat(day)))


def request_day_plan(*, owner, today: datetime.date) -> bool:
    """Queue today's calendar rules unless they ran or were queued today; True when this call queued.

    A conditional UPDATE marks the day first, so concurrent page views queue it once.
    """
    if not JournalSettings.objects.filter(owner=owner).exists():
        journal_settings(owner)
    claimed = (
        JournalSettings.objects.filter(owner=owner)
        .exclude(calendar_ran_on=today)
        .filter(Q(calendar_queued_on__isnull=True) | ~Q(calendar_queued_on=today))
        .update(calendar_queued_on=today)
    )
    if claimed:
        plan_day.enqueue(owner.pk, today.isoformat())
    return bool(claimed)


def run_daily(*, today: datetime.date) -> dict[str, int]:
    """The worker's round: calendar rules for every active account, the digests that are due, the
    sources (business press) due to be read, and retention (never-contacted people archived/deleted)."""
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
    retention = run_retention_for_all(now=timezone.now())
    return {
        "users": len(users),
        "tasks_created": created,
        "digests_enqueued": digests,
        "sources_enqueued": enqueue_due_sources(),
        "people_archived": retention["archive"],
        "people_deleted": retention["delete"],
        "people_restored": retention["restore"],
    }


def run_queued_tasks() -> None:
    """Run what is waiting in the database queue, then return (nothing to do for other backends)."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id=f"vernetzt-{threading.get_ident()}",
        excluded_queue_names=[],
    ).run()


def work_round() -> dict[str, int]:
    summary = run_daily(today=timezone.localdate())
    run_queued_tasks()
    return summary


def work(*, interval: float, poll: float, stop: threading.Event) -> None:
    """Daily rounds every ``interval`` seconds and the queue every ``poll`` seconds, until ``stop``.

    A failing round is logged and retried on the next one: the loop outlives a database hiccup.
    """
    next_round = 0.0
    while not stop.is_set():
        close_old_connections()
        try:
            if timezone.now().timestamp() >= next_round:
                run_daily(today=timezone.localdate())
                next_round = timezone.now().timestamp() + interval
            run_queued_tasks()
        except Exception:
            log.exception("worker round failed")
        stop.wait(poll)


def start_worker_thread(*, interval: float = 60, poll: float = 2) -> threading.Event:
    """The loop of ``work`` in a daemon thread (for `vernetzt serve`); set the returned event to stop."""
    stop = threading.Event()
    threading.Thread(
        target=work,
        kwargs={"interval": interval, "poll": poll, "stop": stop},
        name="vernetzt-worker",
        daemon=True,
    ).start()
    return stop
