"""Write paths for goals and their pipeline of targets."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db import transaction

from vernetzt.core.industries import resolve_industry
from vernetzt.core.places import REGIONS, resolve_region
from vernetzt.core.titles import FUNCTIONS, SENIORITY_LEVELS
from vernetzt.errors import DataError
from vernetzt.goals.models import Goal, Target
from vernetzt.people.models import Person

WEIGHT_NAMES = ("relevance", "upward", "commonality", "reachability", "relationship", "event")


class GoalDataError(DataError):
    """A goal, its targeting or a pipeline change that cannot be stored."""


def _clean_list(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def _clean_levels(values: Iterable[str]) -> list[str]:
    levels = [v.lower() for v in _clean_list(values)]
    unknown = [v for v in levels if v not in SENIORITY_LEVELS]
    if unknown:
        raise GoalDataError(
            "levels", f"unknown level {unknown[0]!r}; use one of {', '.join(SENIORITY_LEVELS)}"
        )
    return sorted(levels, key=SENIORITY_LEVELS.index)


def _clean_functions(values: Iterable[str]) -> list[str]:
    functions = [v.lower() for v in _clean_list(values)]
    unknown = [v for v in functions if v not in FUNCTIONS]
    if unknown:
        raise GoalDataError(
            "functions", f"unknown function {unknown[0]!r}; use one of {', '.join(FUNCTIONS)}"
        )
    return functions


def _clean_regions(values: Iterable[str]) -> list[str]:
    """Regions may be given as codes or as names in either language ("Südostasien", "SEA")."""
    regions = []
    for value in _clean_list(values):
        code = value if value in REGIONS else resolve_region(value)
        if code is None:
            raise GoalDataError("regions", f"unknown region {value!r}")
        regions.append(code)
    return list(dict.fromkeys(regions))


def _clean_industries(values) -> list[str]:
    """As typed, each one an industry the taxonomy knows (a name in either language, a code, a word
    such as "Automobilzulieferer")."""
    industries = _clean_list(values)
    for text in industries:
        if resolve_industry(text) is None:
            raise GoalDataError(
                "industries", f"unknown industry {text!r} (vernetzt org industries lists them)"
            )
    return industries


def _clean_weights(weights: dict | None) -> dict:
    cleaned = {}
    for name, value in (weights or {}).items():
        if name not in WEIGHT_NAMES:
            raise GoalDataError("weights", f"unknown weight {name!r}")
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise GoalDataError("weights", f"{name} must be a number") from None
        if not 0 <= number <= 10:
            raise GoalDataError("weights", f"{name} must be between 0 and 10")
        cleaned[name] = number
    return cleaned


def _apply(goal: Goal, fields: dict) -> None:
    cleaners = {
        "levels": _clean_levels,
        "functions": _clean_functions,
        "regions": _clean_regions,
        "organizations": _clean_list,
        "industries": _clean_industries,
        "keywords": _clean_list,
        "weights": _clean_weights,
    }
    for name, value in fields.items():
        if name in cleaners:
            value = cleaners[name](value)
        elif name in {"text", "why"}:
            value = (value or "").strip()
        elif name == "anywhere":
            value = bool(value)
        elif name == "horizon":
            if value is not None and not isinstance(value, date):
                raise GoalDataError("horizon", "not a date")
        elif name == "status":
            if value not in Goal.Status.values:
                raise GoalDataError("status", f"unknown status {value!r}")
        else:
            raise GoalDataError(name, "not a field of a goal")
        setattr(goal, name, value)
    if goal.regions:
        goal.anywhere = False  # named regions say where; "anywhere" would contradict them
    if not goal.text:
        raise GoalDataError("text", "describe the goal")


def create_goal(*, owner, text: str, **fields) -> Goal:
    goal = Goal(owner=owner)
    _apply(goal, {"text": text, **fields})
    goal.save()
    return goal


def update_goal(*, goal: Goal, **fields) -> Goal:
    _apply(goal, fields)
    goal.save()
    return goal


def delete_goal(*, goal: Goal) -> None:
    goal.delete()


@transaction.atomic
def add_target(*, goal: Goal, person: Person, priority: int = 2) -> tuple[Target, bool]:
    if goal.owner_id != person.owner_id:
        raise PermissionError("goal and person belong to different accounts")
    return Target.objects.get_or_create(
        owner=goal.owner, goal=goal, person=person, defaults={"priority": priority}
    )


def set_target_stage(*, target: Target, stage: str) -> Target:
    if stage not in Target.Stage.values:
        raise GoalDataError("stage", f"unknown stage {stage!r}")
    target.stage = stage
    target.save(update_fields=["stage", "updated_at"])
    return target


def set_target_priority(*, target: Target, priority: int) -> Target:
    if not 1 <= priority <= 5:
        raise GoalDataError("priority", "must be between 1 (highest) and 5")
    target.priority = priority
    target.save(update_fields=["priority", "updated_at"])
    return target


def remove_target(*, target: Target) -> None:
    target.delete()


@dataclass(frozen=True)
class StageGroup:
    stage: str
    label: str
    targets: list[Target]

    @property
    def count(self) -> int:
        return len(self.targets)


def pipeline_by_stage(goal: Goal) -> list[StageGroup]:
    """Every stage in the method's order (empty ones too: the funnel shows where people get stuck)."""
    by_stage: dict[str, list[Target]] = {stage: [] for stage in Target.Stage.values}
    targets = goal.targets.select_related("person").order_by("priority", "person__display_name", "id")
    for target in targets:
        by_stage[target.stage].append(target)
    return [StageGroup(stage, label, by_stage[stage]) for stage, label in Target.Stage.choices]
