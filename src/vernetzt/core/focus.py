"""The few open tasks worth doing first, and in one line why each of them is there.

Nobody acts on 2,800 tasks; the method bundles one's energy (DESIGN §1). A task's score adds three
things, all in points:

* **urgency** by kind, in steps far enough apart that worth only orders tasks within a step: the
  call that fixes an agreed date and a birthday on the day first (success is an appointment; a
  greeting a day late loses most of its value), then the thank-you and the user's own tasks, then
  the quick follow-ups (connecting, lunch, a goal's first step, a belated birthday), then the
  keep-in-touch cadences. Lateness adds a little (a call gets more pressing for a few days) or, for
  a birthday, takes away.
* **worth** for the user's active goals: a person in a goal's pipeline counts most, more the further
  along (an agreed appointment, a meeting) and the higher the target's priority; then closeness
  (inner circle, key contacts, new contacts who need several touches) and a little seniority.
* **effort**: the quicker task first among equals (connecting takes a minute, a reconnect a while).

Pure: facts in, ranking out; the database layer reads the facts and renders the reasons.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from vernetzt.core.playbook_text import TARGET_STAGE_LABELS
from vernetzt.core.titles import SENIORITY_LEVELS

Key = TypeVar("Key")

# Points by kind for a task due today. The steps lie 25–30 points apart and worth adds at most 25, so
# worth orders tasks within a step and crosses into the next only at the extremes.
_URGENCY = {
    "call_to_schedule": 100.0,
    "birthday_greeting": 100.0,
    "birthday_call": 100.0,
    "thank_you_email": 70.0,
    "custom": 70.0,
    "connect_linkedin": 45.0,
    "connect_xing": 45.0,
    "propose_lunch": 45.0,
    "start_goal": 45.0,
    "keep_in_touch": 15.0,
    "reconnect": 15.0,
}
_BELATED_BIRTHDAY = 45.0
# Minutes a task takes, roughly; a draft is ready for the written ones.
_MINUTES = {
    "connect_linkedin": 1,
    "connect_xing": 1,
    "birthday_greeting": 3,
    "thank_you_email": 5,
    "call_to_schedule": 5,
    "propose_lunch": 5,
    "birthday_call": 10,
    "keep_in_touch": 10,
    "custom": 10,
    "reconnect": 15,
    "start_goal": 20,
}
_STAGE_POINTS = {
    "identified": 0.0,
    "researched": 1.0,
    "benefit_found": 2.0,
    "approached": 3.0,
    "relationship": 3.0,
    "met": 4.0,
    "appointment_agreed": 5.0,
}
_PRIORITY_POINTS = {1: 3.0, 2: 1.5}
_GOAL_POINTS = 9.0
# Stored contact tiers (people.models.Tier); "key" are people who matter for a goal.
_TIER_POINTS = {"inner": 6.0, "key": 5.5, "new": 3.0, "developing": 2.0, "secondary": 1.0, "pool": 0.0}
_SENIORITY_POINTS = {level: 2.0 * n / (len(SENIORITY_LEVELS) - 1) for n, level in enumerate(SENIORITY_LEVELS)}
_EFFORT = {kind: math.log2(1 + minutes) for kind, minutes in _MINUTES.items()}
_DEFAULT_EFFORT = math.log2(1 + 10)


@dataclass(frozen=True)
class TaskFacts:
    """One open task and what the ranking needs to know about its person.

    ``goal``/``stage``/``priority`` describe the person's target in an active goal (the most advanced
    one when there are several); ``tier`` is the stored contact tier; ``seniority`` a level code.
    """

    task_id: int
    kind: str
    due: date
    tier: str | None = None
    seniority: str = ""
    goal: str | None = None
    stage: str | None = None
    priority: int | None = None


@dataclass(frozen=True)
class Ranked:
    facts: TaskFacts
    score: float
    days_late: int

    @property
    def task_id(self) -> int:
        return self.facts.task_id


def _urgency(kind: str, days_late: int) -> float:
    if kind in ("birthday_greeting", "birthday_call") and days_late > 0:
        return _BELATED_BIRTHDAY - 2.0 * min(days_late, 10)
    base = _URGENCY.get(kind, _URGENCY["custom"])
    if kind in ("call_to_schedule", "thank_you_email", "custom"):
        # More pressing for three days, then the moment fades (never below the next step).
        return base + min(days_late, 3) - min(max(days_late - 7, 0), 20)
    if kind in ("keep_in_touch", "reconnect"):
        return base + min(days_late / 14, 2.0)
    return base


def worth(facts: TaskFacts) -> float:
    """Points for what the task's person is worth for the user's active goals and network."""
    points = _TIER_POINTS.get(facts.tier or "", 0.0) + _SENIORITY_POINTS.get(facts.seniority, 0.0)
    if facts.goal is not None:
        points += _GOAL_POINTS + _STAGE_POINTS.get(facts.stage or "", 0.0)
        points += _PRIORITY_POINTS.get(facts.priority or 0, 0.0)
    return points


MAX_WORTH = (
    max(_TIER_POINTS.values())
    + max(_SENIORITY_POINTS.values())
    + _GOAL_POINTS
    + max(_STAGE_POINTS.values())
    + max(_PRIORITY_POINTS.values())
)


def base_score(kind: str, days_late: int) -> float:
    """A task's points before its person's worth: urgency minus effort."""
    return _urgency(kind, max(days_late, 0)) - _EFFORT.get(kind, _DEFAULT_EFFORT)


def score(facts: TaskFacts, *, today: date) -> Ranked:
    days_late = (today - facts.due).days
    points = base_score(facts.kind, days_late) + worth(facts)
    return Ranked(facts=facts, score=round(points, 3), days_late=days_late)


def contenders(bases: Mapping[Key, float], needed: int) -> list[Key]:
    """The tasks that can be among the ``needed`` best, knowing only their base scores.

    Worth adds 0 to ``MAX_WORTH``, so a task whose base plus ``MAX_WORTH`` stays below the
    ``needed``-th best base can never be among them: the thousands of keep-in-touch tasks under a
    day's calls and thank-yous need no facts about their people.
    """
    if needed >= len(bases):
        return list(bases)
    floor = heapq.nlargest(needed, bases.values())[-1] if needed > 0 else math.inf
    return [key for key, base in bases.items() if base + MAX_WORTH >= floor]


def rank_tasks(tasks: Iterable[TaskFacts], *, today: date) -> list[Ranked]:
    """Every task, the most worthwhile first (ties: earlier due, then lower id)."""
    ranked = [score(facts, today=today) for facts in tasks]
    ranked.sort(key=lambda r: (-r.score, r.facts.due, r.facts.task_id))
    return ranked


# --- why it is there, in one line --------------------------------------------------------------

_WHEN = {
    "today": {"de": "heute fällig", "en": "due today"},
    "yesterday": {"de": "seit gestern fällig", "en": "due since yesterday"},
    "late": {"de": "seit {days} Tagen fällig", "en": "due for {days} days"},
    "ahead": {"de": "fällig in {days} Tagen", "en": "due in {days} days"},
    "tomorrow": {"de": "morgen fällig", "en": "due tomorrow"},
}
_NOTES = {
    "call_to_schedule": {
        "de": "Termin festmachen, solange das Gespräch frisch ist",
        "en": "fix the date while the conversation is fresh",
    },
    "thank_you_email": {"de": "ein Dank wirkt am ersten Tag", "en": "a thank-you counts on the first day"},
    "birthday_greeting": {"de": "Geburtstag heute", "en": "birthday today"},
    "birthday_call": {"de": "Geburtstag heute", "en": "birthday today"},
    "belated": {"de": "nachträglich gratulieren", "en": "belated greetings"},
    "connect_linkedin": {"de": "dauert eine Minute", "en": "takes a minute"},
    "connect_xing": {"de": "dauert eine Minute", "en": "takes a minute"},
    "propose_lunch": {
        "de": "aus dem Treffen eine Beziehung machen",
        "en": "turn the meeting into a relationship",
    },
    "start_goal": {"de": "der erste Schritt zum Ziel", "en": "the goal's first step"},
    "custom": {"de": "Ihre eigene Aufgabe", "en": "your own task"},
    "reconnect": {"de": "ruhender Kontakt mit frischem Rat", "en": "a dormant tie with fresh advice"},
}
_GOAL = {"de": "für „{goal}“ ({stage})", "en": "for “{goal}” ({stage})"}
_TIER = {
    "inner": {"de": "engster Kreis", "en": "inner circle"},
    "key": {"de": "Schlüsselkontakt", "en": "key contact"},
    "new": {"de": "neuer Kontakt: jetzt mehrmals melden", "en": "new contact: several touches now"},
}


def _when(days_late: int, lang: str) -> str:
    if days_late == 0:
        return _WHEN["today"][lang]
    if days_late == 1:
        return _WHEN["yesterday"][lang]
    if days_late > 1:
        return _WHEN["late"][lang].format(days=days_late)
    if days_late == -1:
        return _WHEN["tomorrow"][lang]
    return _WHEN["ahead"][lang].format(days=-days_late)


def describe_why(ranked: Ranked, lang: str, *, when: bool = True) -> str:
    """E.g. "Heute fällig · Termin festmachen, solange das Gespräch frisch ist · für „Expat in
    Südostasien“ (Termin vereinbart)"; without ``when`` (under a day's heading) from the second part."""
    if lang not in ("de", "en"):
        raise ValueError(f"unsupported language: {lang!r}")
    facts = ranked.facts
    parts = [_when(ranked.days_late, lang)] if when else []
    note = "belated" if facts.kind.startswith("birthday") and ranked.days_late > 0 else facts.kind
    if note in _NOTES:
        parts.append(_NOTES[note][lang])
    if facts.goal is not None and facts.kind != "start_goal":
        stage = TARGET_STAGE_LABELS.get(facts.stage or "identified", TARGET_STAGE_LABELS["identified"])
        parts.append(_GOAL[lang].format(goal=facts.goal, stage=stage[lang]))
    elif facts.tier in _TIER:
        parts.append(_TIER[facts.tier][lang])
    line = " · ".join(parts)
    return line[:1].upper() + line[1:]
