"""A private iCalendar feed: open tasks, birthdays, events and meetings, subscribable from any calendar.

The URL carries a secret token (only its hash is stored, like API tokens); issuing a new one revokes the
old, so a leaked link is closed with one click. Everything is all-day, so no time zone can shift a date.
"""

from __future__ import annotations

import datetime
import secrets
from calendar import isleap
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from icalendar import Calendar, Event, vRecur

from vernetzt.accounts.models import hash_secret
from vernetzt.accounts.services import owner_of_secret
from vernetzt.core.playbook_text import INTERACTION_KIND_LABELS, TASK_KIND_LABELS
from vernetzt.events.models import Event as EventRow
from vernetzt.journal.facts import open_tasks
from vernetzt.journal.models import FeedToken, Interaction
from vernetzt.journal.services import task_reason
from vernetzt.people.models import Person

PREFIX = "vzf_"
MEETINGS_DAYS_BACK = 365
_TEXTS = {
    "birthday": {"de": "Geburtstag: {name}", "en": "Birthday: {name}"},
    "calendar": {"de": "vernetzt", "en": "vernetzt"},
}


@transaction.atomic
def issue_feed_token(*, owner) -> str:
    """A new feed secret for ``owner``; any earlier feed URL stops working."""
    FeedToken.objects.filter(owner=owner).delete()
    secret = PREFIX + secrets.token_urlsafe(32)
    FeedToken.objects.create(owner=owner, key_hash=hash_secret(secret), hint=secret[:8])
    return secret


def revoke_feed_tokens(*, owner) -> int:
    deleted, _ = FeedToken.objects.filter(owner=owner).delete()
    return deleted


def feed_owner(secret: str):
    """The account a feed secret belongs to, or None."""
    return owner_of_secret(FeedToken, secret, prefix=PREFIX, user_field="owner")


def _all_day(uid: str, day: datetime.date, summary: str, *, end: datetime.date | None = None) -> Event:
    item = Event()
    item.add("uid", uid)
    item.add("dtstamp", timezone.now())
    item.add("dtstart", day)
    item.add("dtend", (end or day) + timedelta(days=1))
    item.add("summary", summary)
    item.add("transp", "TRANSPARENT")
    return item


def birthday_event(*, person_id: int, name: str, month: int, day: int, year: int | None, lang: str) -> Event:
    """A yearly all-day event; year-less birthdays start in 2000, a leap year, so 29 February exists.

    29 February recurs on the last day of February: 29th in leap years, 28th otherwise — the day the
    playbook observes it, instead of the RFC 5545 default of skipping three years out of four.
    """
    start_year = year if year is not None else 2000
    if month == 2 and day == 29 and (year is None or not isleap(start_year)):
        start_year = 2000 if year is None else next(y for y in range(year, year + 8) if isleap(y))
    item = _all_day(
        f"birthday-{person_id}@vernetzt",
        datetime.date(start_year, month, day),
        _TEXTS["birthday"][lang].format(name=name),
    )
    rule = {"freq": "yearly"}
    if month == 2 and day == 29:
        rule.update({"bymonth": 2, "bymonthday": -1})
    item.add("rrule", vRecur(rule))
    return item


def build_feed(*, owner, today: datetime.date, lang: str) -> bytes:
    """The whole feed as iCalendar bytes."""
    calendar = Calendar()
    calendar.add("prodid", "-//vernetzt//feed//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _TEXTS["calendar"][lang])
    for task in open_tasks(owner).select_related("person", "goal"):
        who = task.person.display_name if task.person else (task.goal.text if task.goal else "")
        label = task.title if task.kind == "custom" else TASK_KIND_LABELS[task.kind][lang]
        item = _all_day(f"task-{task.pk}@vernetzt", task.due, f"{label}: {who}" if who else label)
        item.add("description", task_reason(task, lang))
        calendar.add_component(item)
    people = Person.objects.for_user(owner).filter(
        is_me=False, birth_month__isnull=False, birth_day__isnull=False, archived_at__isnull=True
    )
    for pid, name, month, day, year in people.values_list(
        "id", "display_name", "birth_month", "birth_day", "birth_year"
    ):
        try:
            calendar.add_component(
                birthday_event(person_id=pid, name=name, month=month, day=day, year=year, lang=lang)
            )
        except ValueError:  # an impossible date typed by hand (31 April) has no day to recur on
            continue
    for event in EventRow.objects.for_user(owner).filter(starts_on__isnull=False):
        item = _all_day(f"event-{event.pk}@vernetzt", event.starts_on, event.name, end=event.ends_on)
        if event.location:
            item.add("location", event.location)
        if event.url:
            item.add("url", event.url)
        calendar.add_component(item)
    meetings = Interaction.objects.for_user(owner).filter(
        kind__in=("meeting", "lunch"), date__gte=today - timedelta(days=MEETINGS_DAYS_BACK)
    )
    for meeting in meetings.select_related("person"):
        label = INTERACTION_KIND_LABELS[meeting.kind][lang]
        item = _all_day(
            f"meeting-{meeting.pk}@vernetzt", meeting.date, f"{label}: {meeting.person.display_name}"
        )
        calendar.add_component(item)
    return calendar.to_ical()
