"""A stored goal → the core's GoalSpec, against one user's pool."""

from __future__ import annotations

from dataclasses import fields

from vernetzt.core.industries import resolve_industry, same_section
from vernetzt.core.places import REGIONS
from vernetzt.core.ranking import GoalSpec, Weights
from vernetzt.core.text import normalize_org_name
from vernetzt.core.titles import FUNCTIONS, SENIORITY_LEVELS
from vernetzt.goals.models import Goal
from vernetzt.people.models import Organization
from vernetzt.research.pool_builder import PoolBundle

WEIGHT_NAMES = tuple(f.name for f in fields(Weights))


def broader_regions(codes: frozenset[str]) -> frozenset[str]:
    """Regions that contain a goal region (Asia and APAC for Southeast Asia): a part fit."""
    found = set()
    for code in codes:
        inner = REGIONS[code].countries
        found |= {other for other, region in REGIONS.items() if other != code and inner <= region.countries}
    return frozenset(found - codes)


def weights_of(goal: Goal) -> Weights:
    """The defaults, overridden by what the user set on the goal."""
    stored = {name: float(value) for name, value in (goal.weights or {}).items() if name in WEIGHT_NAMES}
    return Weights(**stored)


def goal_spec(goal: Goal, bundle: PoolBundle) -> GoalSpec:
    regions = frozenset(code for code in goal.regions if code in REGIONS)
    organizations = frozenset()
    if goal.organizations:
        keys = {normalize_org_name(name) for name in goal.organizations}
        organizations = frozenset(
            Organization.objects.for_user(goal.owner)
            .filter(normalized_name__in=keys)
            .values_list("id", flat=True)
        )
    # An industry named on the goal (a name in either language, a word like "Automobilzulieferer")
    # matches the organizations of that industry fully and those of its NACE section in part.
    industries = frozenset(code for code in map(resolve_industry, goal.industries) if code is not None)
    return GoalSpec(
        levels=frozenset(SENIORITY_LEVELS.index(code) for code in goal.levels if code in SENIORITY_LEVELS),
        functions=frozenset(FUNCTIONS.index(code) for code in goal.functions if code in FUNCTIONS),
        regions=regions,
        broader_regions=broader_regions(regions),
        anywhere=goal.anywhere,
        organizations=organizations,
        industries=industries,
        related_industries=same_section(industries),
        keywords=tuple(goal.keywords),
        weights=weights_of(goal),
    )
