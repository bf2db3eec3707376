"""The start page: the few tasks that matter most today, the rest later, and the days ahead.

Reading only: when the day's calendar rules have not run yet they are queued for the worker and the
page answers at once (``journal.worker.request_day_plan``).
"""

from __future__ import annotations

from datetime import date, timedelta

from django.shortcuts import render
from django.utils import timezone
from django.utils.formats import date_format

from vernetzt.goals.models import Goal
from vernetzt.journal.agenda import LOOKAHEAD_DAYS, build_agenda
from vernetzt.journal.worker import request_day_plan
from vernetzt.language import request_language
from vernetzt.people.models import Person

MAX_DAYS_AWAY = 366
PLAN_PER_DAY = 15


def _day(value: str | None, today: date) -> date | None:
    """The ``?date=`` asked for, if it is a date within a year of today."""
    try:
        day = date.fromisoformat(value or "")
    except ValueError:
        return None
    return day if abs((day - today).days) <= MAX_DAYS_AWAY else None


def _page(value: str | None) -> int:
    """The later list's page asked for; 0 (none, only its counts) unless a page number is given."""
    return int(value) if (value or "").isdigit() and 0 < len(value) < 6 else 0


def day_choices(first: date, last: date) -> list[tuple[str, str]]:
    """The days from ``first`` to ``last`` as (ISO date, "Mi, 02.12.2026") for a day choice, formatted
    once per page rather than once per task (``day_options``)."""
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    return [
        (day.isoformat(), f"{date_format(day, 'D')}, {date_format(day, 'SHORT_DATE_FORMAT')}") for day in days
    ]


def today(request):
    real_today = timezone.localdate()
    asked = request.GET.get("date")
    chosen = _day(asked, real_today)
    day = chosen or real_today
    agenda = build_agenda(
        owner=request.user, today=day, lang=request_language(), later_page=_page(request.GET.get("later"))
    )
    if day == real_today and not agenda.planned:
        request_day_plan(owner=request.user, today=real_today)
    context = {
        "agenda": agenda,
        "real_today": real_today,
        "is_today": day == real_today,
        "bad_date": bool(asked) and chosen is None,
        "previous_day": day - timedelta(days=1),
        "next_day": day + timedelta(days=1),
        "tomorrow": real_today + timedelta(days=1),
        "has_goal": Goal.objects.for_user(request.user).exists(),
        "has_people": Person.objects.for_user(request.user).filter(is_me=False).exists(),
    }
    return render(request, "vernetzt/today.html", context)


def plan(request):
    """The week from ``?from=`` (default tomorrow) in one view, every task with a day to move it to —
    for planning the days after a conference."""
    real_today = timezone.localdate()
    start = _day(request.GET.get("from"), real_today) or real_today + timedelta(days=1)
    start = max(start, real_today)
    agenda = build_agenda(
        owner=request.user, today=start - timedelta(days=1), lang=request_language(), per_day=PLAN_PER_DAY
    )
    upcoming = {entry.date: entry for entry in agenda.upcoming}
    days = [start + timedelta(days=n) for n in range(LOOKAHEAD_DAYS)]
    context = {
        "agenda": agenda,
        "start": start,
        "days": [(day, upcoming.get(day)) for day in days],
        "choices": day_choices(real_today, days[-1]),
        "with_today": start - timedelta(days=1) == real_today,
        "previous_week": max(start - timedelta(days=LOOKAHEAD_DAYS), real_today),
        "next_week": start + timedelta(days=LOOKAHEAD_DAYS),
        "real_today": real_today,
    }
    return render(request, "vernetzt/journal/plan.html", context)
