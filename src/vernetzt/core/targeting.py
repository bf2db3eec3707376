"""What a ranking is asked: the goal's targeting, the user's own position, and the weights of the mix."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np


@dataclass(frozen=True)
class Weights:
    relevance: float = 3.0
    upward: float = 1.0
    commonality: float = 1.0
    reachability: float = 1.5
    relationship: float = 0.5
    event: float = 1.5

    def __post_init__(self) -> None:
        values = (
            self.relevance,
            self.upward,
            self.commonality,
            self.reachability,
            self.relationship,
            self.event,
        )
        if not all(np.isfinite(v) and v >= 0 for v in values):
            raise ValueError("weights must be finite and not negative")


@dataclass(frozen=True)
class GoalSpec:
    """``levels`` empty: upward from the user's own level. ``regions`` empty: at home (the user's
    country, then their region) unless ``anywhere``."""

    levels: frozenset[int] = frozenset()  # seniority ranks 0..9
    functions: frozenset[int] = frozenset()  # function indices 0..24
    regions: frozenset[str] = frozenset()  # region codes, full fit
    broader_regions: frozenset[str] = frozenset()  # regions containing the goal's (APAC for SEA), part fit
    anywhere: bool = False
    organizations: frozenset[int] = frozenset()
    industries: frozenset[int] = frozenset()  # industry codes (core.industries), full fit
    related_industries: frozenset[int] = frozenset()  # the same NACE sections' others, part fit
    keywords: tuple[str, ...] = ()
    weights: Weights = field(default_factory=Weights)

    @property
    def upward(self) -> bool:
        return not self.levels

    @property
    def at_home(self) -> bool:
        return not self.regions and not self.anywhere


@dataclass(frozen=True)
class MeSpec:
    seniority: int | None = None  # rank 0..9
    org_id: int | None = None
    country_idx: int | None = None  # index into the pool's countries, like Pool.country_idx
    home_region: str | None = None  # the smallest region around the user's country (DACH for Germany)
    person_id: int | None = None  # the user's own row in the pool: where reporting lines start
    school_ids: frozenset[int] = frozenset()
    employer_ids: frozenset[int] = frozenset()
    city_ids: frozenset[int] = frozenset()
    interest_ids: frozenset[int] = frozenset()
    language_ids: frozenset[int] = frozenset()
    association_ids: frozenset[int] = frozenset()
    event_ids: frozenset[int] = frozenset()

    @property
    def commonality_ids(self) -> dict[str, frozenset[int]]:
        return {
            "school": self.school_ids, "employer": self.employer_ids, "city": self.city_ids,
            "interest": self.interest_ids, "language": self.language_ids,
            "association": self.association_ids, "event": self.event_ids,
        }  # fmt: skip
