"""Held-back days for judging the focused agenda: generated open-task lists with an answer key.

Written before the ranking was tuned, from the method (DESIGN §1): success is an appointment, so the
call that fixes an agreed date is never left for later; a birthday greeting is worth most on the day;
a thank-you goes out within a day; the user's own tasks are commitments; routine keep-in-touch waits
while anything time-critical does. Each rule of the key is a function of a day and the ranked ids and
returns how often it held (checks) and how often it was broken (violations).

A day looks like a Monday after a conference on a realistic account: hundreds to thousands of overdue
keep-in-touch tasks, a handful of encounter follow-ups, birthdays, a goal pipeline.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta

from vernetzt.core.focus import TaskFacts
from vernetzt.core.playbook import TARGET_STAGES
from vernetzt.core.titles import SENIORITY_LEVELS

CAP = 10
GOALS = ("Expat in Südostasien", "Geschäftsführung Logistik DACH")
TIER_MIX = (
    ["inner"] * 2 + ["key"] * 5 + ["developing"] * 10 + ["new"] * 8 + ["secondary"] * 35 + ["pool"] * 40
)
TIME_CRITICAL = frozenset({"call_to_schedule", "birthday_greeting", "birthday_call"})
CADENCE = frozenset({"keep_in_touch", "reconnect"})


@dataclass(frozen=True)
class Day:
    today: date
    tasks: list[TaskFacts]

    def by_id(self) -> dict[int, TaskFacts]:
        return {task.task_id: task for task in self.tasks}


def generate_day(seed: int, *, backlog: tuple[int, int] = (100, 2900)) -> Day:
    rng = random.Random(seed)
    today = date(2026, 3, 16) + timedelta(days=seed % 300)
    tasks: list[TaskFacts] = []

    def person() -> dict:
        tier = rng.choice(TIER_MIX)
        targeted = rng.random() < (0.5 if tier in ("key", "inner") else 0.08)
        return {
            "tier": tier,
            "seniority": rng.choice(SENIORITY_LEVELS),
            "goal": rng.choice(GOALS) if targeted else None,
            "stage": rng.choice(TARGET_STAGES) if targeted else None,
            "priority": rng.choice((1, 2, 2, 3)) if targeted else None,
        }

    def add(kind: str, days_ago: int, **who) -> None:
        facts = who or person()
        tasks.append(
            TaskFacts(task_id=len(tasks) + 1, kind=kind, due=today - timedelta(days=days_ago), **facts)
        )

    for _ in range(rng.randint(0, 6)):
        add("thank_you_email", rng.choice((0, 0, 1)), **{**person(), "tier": rng.choice(("new", "pool"))})
    for _ in range(rng.randint(0, 4)):
        add("call_to_schedule", rng.choice((0, 0, 1, 2)))
    for _ in range(rng.randint(0, 8)):
        add(rng.choice(("connect_linkedin", "connect_xing")), rng.randint(0, 3))
    for _ in range(rng.randint(0, 2)):
        add(rng.choice(("birthday_greeting", "birthday_greeting", "birthday_call")), 0)
    for _ in range(rng.randint(0, 1)):
        add("birthday_greeting", 1)
    for _ in range(rng.randint(0, 2)):
        add("propose_lunch", rng.randint(0, 5))
    for _ in range(rng.randint(0, 2)):
        tasks.append(
            TaskFacts(task_id=len(tasks) + 1, kind="custom", due=today - timedelta(days=rng.randint(0, 3)))
        )
    if rng.random() < 0.3:
        tasks.append(TaskFacts(task_id=len(tasks) + 1, kind="start_goal", due=today, goal=GOALS[0]))
    for _ in range(rng.randint(*backlog)):
        facts = person()
        if facts["tier"] == "pool":  # pool people have no cadence; only targets get a touch
            facts["tier"] = "secondary"
        add("keep_in_touch", rng.randint(0, 90), **facts)
    for _ in range(rng.randint(0, 3)):
        add("reconnect", rng.randint(0, 20))
    return Day(today=today, tasks=tasks)


# --- the answer key ------------------------------------------------------------------------------


def _important(task: TaskFacts) -> bool:
    return task.goal is not None or task.tier in ("inner", "key")


def _routine(task: TaskFacts) -> bool:
    return task.kind in CADENCE and not _important(task)


def _must_do(day: Day, task: TaskFacts) -> bool:
    """Birthdays on the day, and calls to fix an agreed date that are due or at most a week late."""
    if task.kind in ("birthday_greeting", "birthday_call"):
        return task.due == day.today
    return task.kind == "call_to_schedule" and (day.today - task.due).days <= 7


def rule_must_do_on_top(day: Day, ranked: list[int]) -> tuple[int, int]:
    """K1/K2: when they fit, every must-do is in the focused few."""
    must = [t.task_id for t in day.tasks if _must_do(day, t)]
    if not must or len(must) > CAP:
        return 0, 0
    top = set(ranked[:CAP])
    return len(must), sum(pk not in top for pk in must)


def rule_thank_you_and_own_tasks_next(day: Day, ranked: list[int]) -> tuple[int, int]:
    """K3/K6: thank-yous due today or yesterday and the user's own tasks follow the must-dos when
    they fit."""
    must = [t for t in day.tasks if _must_do(day, t)]
    next_ones = [
        t.task_id
        for t in day.tasks
        if (t.kind == "thank_you_email" and (day.today - t.due).days <= 1) or t.kind == "custom"
    ]
    if not next_ones or len(must) + len(next_ones) > CAP:
        return 0, 0
    top = set(ranked[:CAP])
    return len(next_ones), sum(pk not in top for pk in next_ones)


def rule_important_thank_yous_first(day: Day, ranked: list[int]) -> tuple[int, int]:
    """K3: of the thank-yous due on the same day, those to goal targets, the inner circle and key
    contacts come before the others."""
    position = {pk: i for i, pk in enumerate(ranked)}
    thanks = [t for t in day.tasks if t.kind == "thank_you_email"]
    checks = violations = 0
    for a in thanks:
        for b in thanks:
            if a.due == b.due and _important(a) and not _important(b):
                checks += 1
                violations += position[a.task_id] > position[b.task_id]
    return checks, violations


def rule_no_routine_while_urgent_waits(day: Day, ranked: list[int]) -> tuple[int, int]:
    """K4: no routine keep-in-touch in the focused few while a non-cadence task waits in "later"."""
    tasks = day.by_id()
    top, later = ranked[:CAP], ranked[CAP:]
    if not any(tasks[pk].kind not in CADENCE for pk in later):
        return 0, 0
    routine_on_top = [pk for pk in top if _routine(tasks[pk])]
    return 1, int(bool(routine_on_top))


def rule_goal_touches_before_routine(day: Day, ranked: list[int]) -> tuple[int, int]:
    """K5: a keep-in-touch with someone in an active goal's pipeline comes before every routine one."""
    tasks = day.by_id()
    cadence = [pk for pk in ranked if tasks[pk].kind == "keep_in_touch"]
    last_goal = max((i for i, pk in enumerate(cadence) if tasks[pk].goal), default=None)
    first_routine = min((i for i, pk in enumerate(cadence) if _routine(tasks[pk])), default=None)
    if last_goal is None or first_routine is None:
        return 0, 0
    return 1, int(last_goal > first_routine)


def rule_belated_birthday_before_routine(day: Day, ranked: list[int]) -> tuple[int, int]:
    """K8: a birthday missed yesterday ranks below today's birthdays and above routine touches."""
    position = {pk: i for i, pk in enumerate(ranked)}
    belated = [t for t in day.tasks if t.kind.startswith("birthday") and t.due < day.today]
    today_ones = [t for t in day.tasks if t.kind.startswith("birthday") and t.due == day.today]
    first_routine = min((position[t.task_id] for t in day.tasks if _routine(t)), default=len(ranked))
    checks = violations = 0
    for late in belated:
        checks += 1
        pos = position[late.task_id]
        violations += pos > first_routine or any(position[t.task_id] > pos for t in today_ones)
    return checks, violations


RULES: dict[str, Callable[[Day, list[int]], tuple[int, int]]] = {
    "must-dos (birthdays today, calls to fix a date) in the focused few": rule_must_do_on_top,
    "thank-yous and own tasks next": rule_thank_you_and_own_tasks_next,
    "thank-yous to goal targets, inner circle and key contacts first": rule_important_thank_yous_first,
    "no routine keep-in-touch while anything else waits": rule_no_routine_while_urgent_waits,
    "keep-in-touch with goal targets before routine ones": rule_goal_touches_before_routine,
    "a belated birthday between today's and the routine": rule_belated_birthday_before_routine,
}


def judge(days: list[Day], rank: Callable[[Day], list[int]]) -> dict[str, tuple[int, int]]:
    """Checks and violations per rule of the key over ``days``."""
    totals = {name: (0, 0) for name in RULES}
    for day in days:
        ranked = rank(day)
        for name, rule in RULES.items():
            checks, violations = rule(day, ranked)
            before = totals[name]
            totals[name] = (before[0] + checks, before[1] + violations)
    return totals
