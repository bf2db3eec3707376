"""Whom to meet for a goal: every person in the pool scored at once, reasons for the top few.

Score model (0..100)::

    score = 100 * relevance * mix
    mix   = (w.relevance + sum(w_k * component_k)) / (w.relevance + sum(w_k))

All components lie in 0..1. Relevance *gates* the score: a person who does not fit the goal cannot
float up on commonality, reachability or an event alone, while among people who fit, the other
components decide. ``Weights.relevance`` is the share of the mix that goal fit decides by itself:
raise it and the list follows the goal more strictly, lower it and warm paths count more.

Relevance of a position is the product of per-criterion fits (tables below) times 1.0 for a current
and 0.6 for a past position ("who holds or held the position"); a person's relevance is their best
position. Levels: holding a goal level fits fully; one level below fits a little, two or more
hardly; levels above still fit but fade slowly (a VP is a fine contact for a director goal, a
CEO somewhat less). The function fit is strict, so an executive of an unrelated function stays
below a senior person of the right one. Regions: a current position counts where its holder lives
and where its title points ("Head of Supply Chain APAC"); past positions only where their title points.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np

from vernetzt.core.commonality import find_commonalities, score_commonalities
from vernetzt.core.paths import best_introduction_paths, score_introduction_paths
from vernetzt.core.pool import (
    RELATIONSHIP_DORMANT,
    RELATIONSHIP_EXISTING,
    Pool,
    mask_of_regions,
    normalize_text,
    regions_of_mask,
)
from vernetzt.core.reasons import Reason

DIRECTOR_RANK = 5  # "director" in the binding seniority order; from here on a person leads a unit
FUNCTION_GENERAL_MANAGEMENT = 0
FUNCTION_OTHER = 24
N_RANKS = 10
N_FUNCTIONS = 25

POSITION_WEIGHT_CURRENT = 1.0
POSITION_WEIGHT_PAST = 0.6
LEVEL_FIT_BELOW = (0.45, 0.2, 0.05)  # one, two, three or more levels below the lowest goal level
LEVEL_FIT_ABOVE = (0.85, 0.7, 0.6, 0.5)  # one, two, three, four or more above the highest
LEVEL_FIT_UNKNOWN = 0.3
FUNCTION_FIT_GENERAL_MANAGEMENT = 0.35  # general managers shape every function, somewhat
FUNCTION_FIT_UNKNOWN = 0.25
FUNCTION_FIT_OTHER = 0.1
REGION_FIT_BROADER = 0.6  # e.g. APAC responsibility for a Southeast Asia goal
REGION_FIT_NONE = 0.15
ORG_FIT_NONE = 0.5  # organizations, industries and keywords sharpen a goal rather than define it
INDUSTRY_FIT_NONE = 0.6
KEYWORD_FIT_NONE = 0.6

# Upward by levels above the user: 1-3 levels above are the sponsors within reach; far above
# fades (they are less accessible and less likely to know the user's work).
UPWARD_BY_LEVELS = (0.0, 0.7, 1.0, 0.9, 0.7, 0.5)
UPWARD_MANAGER = 0.5  # the boss is already known; the point is to go beyond
UPWARD_PEER_OF_MANAGER = 0.9
UPWARD_ABOVE_MANAGER = 1.0

REACH_FIRST_DEGREE = 1.0
REACH_PATH_BASE, REACH_PATH_SPAN = 0.35, 0.5  # + span * best path value
REACH_SECOND_DEGREE = 0.45  # a second-degree contact whose introducer is not in the data
REACH_COLD = 0.1

RELATIONSHIP_VALUE = {0: 0.5, RELATIONSHIP_EXISTING: 0.7, RELATIONSHIP_DORMANT: 1.0}
DORMANT_DAYS = 3 * 365  # Levin, Walter & Murnighan 2011: 3+ years without contact
MAX_COMMONALITY_REASONS = 4


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
    levels: frozenset[int] = frozenset()  # seniority ranks 0..9
    functions: frozenset[int] = frozenset()  # function indices 0..24
    regions: frozenset[str] = frozenset()  # region codes, full fit
    broader_regions: frozenset[str] = frozenset()  # regions containing the goal's (APAC for SEA), part fit
    organizations: frozenset[int] = frozenset()
    industries: frozenset[int] = frozenset()
    keywords: tuple[str, ...] = ()
    weights: Weights = field(default_factory=Weights)


@dataclass(frozen=True)
class MeSpec:
    seniority: int | None = None  # rank 0..9
    org_id: int | None = None
    reports_to: tuple[int, ...] = ()  # person ids: my manager, their manager, ...
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


@dataclass(frozen=True)
class RankedCandidate:
    person_id: int
    row: int  # index in the pool
    score: float  # 0..100
    components: dict[str, float]  # each 0..1
    reasons: list[Reason]


def _level_table(levels: frozenset[int]) -> np.ndarray:
    """Fit per seniority rank, indexed by rank + 1 (index 0: unknown)."""
    if not levels:
        return np.ones(N_RANKS + 1)
    low, high = min(levels), max(levels)
    table = np.empty(N_RANKS + 1)
    table[0] = LEVEL_FIT_UNKNOWN
    for rank in range(N_RANKS):
        if rank < low:
            table[rank + 1] = LEVEL_FIT_BELOW[min(low - rank, len(LEVEL_FIT_BELOW)) - 1]
        elif rank > high:
            table[rank + 1] = LEVEL_FIT_ABOVE[min(rank - high, len(LEVEL_FIT_ABOVE)) - 1]
        else:
            table[rank + 1] = 1.0
    return table


def _function_table(functions: frozenset[int]) -> np.ndarray:
    """Fit per function index, indexed by index + 1 (index 0: unknown)."""
    if not functions:
        return np.ones(N_FUNCTIONS + 1)
    table = np.full(N_FUNCTIONS + 1, FUNCTION_FIT_OTHER)
    table[0] = table[FUNCTION_OTHER + 1] = FUNCTION_FIT_UNKNOWN
    table[FUNCTION_GENERAL_MANAGEMENT + 1] = FUNCTION_FIT_GENERAL_MANAGEMENT
    table[np.fromiter(functions, dtype=np.int64) + 1] = 1.0
    return table


def _soft_fit(values: np.ndarray, wanted: frozenset[int], miss: float) -> np.ndarray | float:
    if not wanted:
        return 1.0
    return np.where(np.isin(values, np.fromiter(wanted, dtype=np.int64)), 1.0, miss)


@dataclass(frozen=True)
class _GoalMasks:
    regions: int
    broader: int


def _fit(
    goal: GoalSpec, masks: _GoalMasks, *, seniority, function, region_mask, org_id, industry_id, keyword_hit
) -> np.ndarray:
    fit = _level_table(goal.levels)[seniority.astype(np.int64) + 1]
    fit = fit * _function_table(goal.functions)[function.astype(np.int64) + 1]
    if masks.regions:
        fit *= np.where(
            region_mask & masks.regions,
            1.0,
            np.where(region_mask & masks.broader, REGION_FIT_BROADER, REGION_FIT_NONE),
        )
    fit *= _soft_fit(org_id, goal.organizations, ORG_FIT_NONE)
    fit *= _soft_fit(industry_id, goal.industries, INDUSTRY_FIT_NONE)
    if goal.keywords:
        fit *= np.where(keyword_hit, 1.0, KEYWORD_FIT_NONE)
    return fit


def _segment_max(values: np.ndarray, indptr: np.ndarray, empty: float) -> np.ndarray:
    """Per CSR segment the maximum of ``values``; ``empty`` for segments without entries."""
    out = np.full(len(indptr) - 1, empty, dtype=values.dtype)
    filled = indptr[1:] > indptr[:-1]
    if len(values):
        out[filled] = np.maximum.reduceat(values, indptr[:-1][filled])
    return out


def _text_hits(text_ids: np.ndarray, matching: np.ndarray) -> np.ndarray:
    if not len(matching):
        return np.zeros(len(text_ids), dtype=bool)
    return (text_ids >= 0) & matching[np.maximum(text_ids, 0)]


def score_relevance(pool: Pool, goal: GoalSpec) -> tuple[np.ndarray, np.ndarray]:
    """(relevance per person, relevance per position); both 0..1."""
    masks = _GoalMasks(
        mask_of_regions(goal.regions, pool.region_codes),
        mask_of_regions(goal.broader_regions, pool.region_codes),
    )
    pos = pool.positions
    matching = pool.texts_matching(goal.keywords)
    headline_hit = _text_hits(pool.headline_text, matching)
    keyword_hit = (
        _text_hits(pos.title_text, matching)
        | _text_hits(pos.org_text, matching)
        | headline_hit[pos.person_row]
    )
    lives = np.where(pos.is_current, pool.region_mask[pos.person_row], 0)
    per_position = _fit(
        goal,
        masks,
        seniority=pos.seniority,
        function=pos.function,
        region_mask=pos.region_mask | lives,
        org_id=pos.org_id,
        industry_id=pos.industry_id,
        keyword_hit=keyword_hit,
    )
    per_position *= np.where(pos.is_current, POSITION_WEIGHT_CURRENT, POSITION_WEIGHT_PAST)
    # Someone without any position is judged by where they live and their headline alone.
    n = len(pool)
    unknown = np.full(n, -1)
    without = _fit(
        goal,
        masks,
        seniority=unknown,
        function=unknown,
        region_mask=pool.region_mask,
        org_id=unknown,
        industry_id=unknown,
        keyword_hit=headline_hit,
    )
    relevance = _segment_max(per_position, pos.indptr, -1.0)
    relevance = np.where(relevance < 0, without, relevance)
    return relevance, per_position


_ROLE_NONE, _ROLE_MANAGER, _ROLE_PEER_OF_MANAGER, _ROLE_MANAGER_OF_MANAGER, _ROLE_HIGHER_IN_LINE = range(5)


def score_upward(
    pool: Pool, me: MeSpec, *, current_rank: np.ndarray, at_my_org: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(upward 0..1, reporting-line role per person). Network upward: seniority above the user's,
    and in the user's organization the people around and above their manager."""
    n = len(pool)
    upward = np.zeros(n)
    if me.seniority is not None:
        above = np.where(current_rank >= 0, current_rank.astype(np.int64) - me.seniority, 0)
        upward = np.asarray(UPWARD_BY_LEVELS)[np.clip(above, 0, len(UPWARD_BY_LEVELS) - 1)]
    role = np.zeros(n, dtype=np.int8)
    chain = [pool.rows_of([person_id]) for person_id in me.reports_to]
    if chain:
        boss_rank = current_rank[chain[0][0]] if len(chain[0]) and current_rank[chain[0][0]] >= 0 else None
        if boss_rank is None and me.seniority is not None:
            boss_rank = me.seniority + 1
        if boss_rank is not None:
            peers = at_my_org & (current_rank == boss_rank)
            role[peers] = _ROLE_PEER_OF_MANAGER
            upward = np.where(peers, np.maximum(upward, UPWARD_PEER_OF_MANAGER), upward)
        for level, rows in enumerate(chain):
            role[rows] = (_ROLE_MANAGER, _ROLE_MANAGER_OF_MANAGER, _ROLE_HIGHER_IN_LINE)[min(level, 2)]
            upward[rows] = UPWARD_MANAGER if level == 0 else UPWARD_ABOVE_MANAGER
    return upward, role


def score_reachability(pool: Pool) -> np.ndarray:
    """Reachability 0..1 per person: direct, through the best introducer, second degree, or cold."""
    first = pool.degree == 1
    paths = score_introduction_paths(ties=pool.ties, first_degree=first, my_strength=pool.my_strength)
    reach = np.where(paths > 0, REACH_PATH_BASE + REACH_PATH_SPAN * paths, REACH_COLD)
    reach = np.where(pool.degree == 2, np.maximum(reach, REACH_SECOND_DEGREE), reach)
    return np.where(first, REACH_FIRST_DEGREE, reach)


def relationship_states(pool: Pool) -> np.ndarray:
    """The stored state, with existing ties silent for 3+ years counted as dormant."""
    silent = (pool.relationship == RELATIONSHIP_EXISTING) & (pool.last_contact_days >= DORMANT_DAYS)
    return np.where(silent, RELATIONSHIP_DORMANT, pool.relationship)


def rank_pool(
    pool: Pool,
    *,
    goal: GoalSpec,
    me: MeSpec,
    weights: Weights | None = None,
    event_attendees: np.ndarray | None = None,
    event_id: int | None = None,
    only_event: bool = False,
    limit: int = 50,
    exclude_ids: Iterable[int] = (),
) -> list[RankedCandidate]:
    """The ``limit`` best persons for the goal, best first (equal scores: lower person id first).

    ``event_attendees`` are pool rows of the people attending the chosen event (``event_id`` names it
    in reasons); ``only_event`` keeps only them. ``exclude_ids`` are person ids never to return
    (the user, people already in the goal's pipeline).
    """
    weights = goal.weights if weights is None else weights
    n = len(pool)
    pos = pool.positions
    current_rank = _segment_max(np.where(pos.is_current, pos.seniority, -1).astype(np.int8), pos.indptr, -1)
    at_my_org = np.zeros(n, dtype=bool)
    if me.org_id is not None:
        at_my_org = _segment_max(pos.is_current & (pos.org_id == me.org_id), pos.indptr, False)
    attending = np.zeros(n, dtype=bool)
    if event_attendees is not None:
        attending[np.asarray(event_attendees, dtype=np.int64)] = True
    elif only_event:
        raise ValueError("only_event needs event_attendees")

    relevance, per_position = score_relevance(pool, goal)
    upward, role = score_upward(pool, me, current_rank=current_rank, at_my_org=at_my_org)
    reach = score_reachability(pool)
    states = relationship_states(pool)
    relationship = np.select([states == s for s in RELATIONSHIP_VALUE], list(RELATIONSHIP_VALUE.values()))
    components = {
        "relevance": relevance,
        "upward": upward,
        "commonality": score_commonalities(pool, mine=me.commonality_ids),
        "reachability": reach,
        "relationship": relationship,
        "event": attending.astype(np.float64),
    }
    mixed = [name for name in components if name != "relevance"]
    if event_attendees is None:
        mixed.remove("event")  # no event chosen: its weight must not dilute the others
    total_weight = weights.relevance + sum(getattr(weights, name) for name in mixed)
    mix = np.full(n, weights.relevance)
    for name in mixed:
        mix += getattr(weights, name) * components[name]
    scores = 100.0 * relevance * (mix / total_weight if total_weight > 0 else 1.0)

    eligible = ~np.isin(pool.person_id, np.fromiter(exclude_ids, dtype=np.int64))
    if only_event:
        eligible &= attending
    rows = _select_top(scores, pool.person_id, eligible, limit)
    paths = best_introduction_paths(
        ties=pool.ties, first_degree=pool.degree == 1, my_strength=pool.my_strength, targets=rows
    )
    context = _ReasonContext(
        pool, goal, me, per_position, current_rank, at_my_org, role, states, attending, event_id, paths
    )
    return [
        RankedCandidate(
            person_id=int(pool.person_id[row]),
            row=int(row),
            score=float(scores[row]),
            components={name: float(values[row]) for name, values in components.items()},
            reasons=context.reasons_for(int(row)),
        )
        for row in rows
    ]


def _select_top(scores: np.ndarray, person_id: np.ndarray, eligible: np.ndarray, limit: int) -> np.ndarray:
    candidates = np.flatnonzero(eligible)
    k = min(limit, len(candidates))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    values = scores[candidates]
    if k < len(candidates):
        threshold = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= threshold  # keeps every tie at the threshold, decided by person id below
        candidates, values = candidates[keep], values[keep]
    order = np.lexsort((person_id[candidates], -values))
    return candidates[order[:k]]


@dataclass(frozen=True)
class _ReasonContext:
    pool: Pool
    goal: GoalSpec
    me: MeSpec
    per_position: np.ndarray
    current_rank: np.ndarray
    at_my_org: np.ndarray
    role: np.ndarray
    states: np.ndarray
    attending: np.ndarray
    event_id: int | None
    paths: dict

    def reasons_for(self, row: int) -> list[Reason]:
        return [
            *self._relevance(row),
            *self._upward(row),
            *self._reach(row),
            *self._common(row),
            *self._relationship(row),
            *self._event(row),
        ]

    def _relevance(self, row: int) -> list[Reason]:
        pool, goal, pos = self.pool, self.goal, self.pool.positions
        start, stop = pos.indptr[row], pos.indptr[row + 1]
        best = int(start + np.argmax(self.per_position[start:stop])) if stop > start else None
        current = best is None or bool(pos.is_current[best])
        where = int(pool.region_mask[row]) if current else 0
        if best is not None:
            where |= int(pos.region_mask[best])
        places = regions_of_mask(where & mask_of_regions(goal.regions, pool.region_codes), pool.region_codes)
        places = places or regions_of_mask(
            where & mask_of_regions(goal.broader_regions, pool.region_codes), pool.region_codes
        )
        reasons = []
        function = int(pos.function[best]) if best is not None else -1
        if 0 <= function != FUNCTION_OTHER:
            leads = int(pos.seniority[best]) >= DIRECTOR_RANK
            code = {
                (True, True): "role_leads",
                (True, False): "role_led",
                (False, True): "role_works",
                (False, False): "role_worked",
            }[leads, current]
            reasons.append(Reason(code, {"function": function, "regions": places}))
        elif places:
            reasons.append(Reason("located", {"regions": places}))
        if best is not None and int(pos.org_id[best]) in goal.organizations:
            code = "target_org" if current else "target_org_past"
            reasons.append(Reason(code, {"org": int(pos.org_id[best])}))
        if best is not None and int(pos.industry_id[best]) in goal.industries:
            reasons.append(Reason("industry", {"industry": int(pos.industry_id[best])}))
        text_ids = [pool.headline_text[row]]
        if best is not None:
            text_ids += [pos.title_text[best], pos.org_text[best]]
        texts = [pool.texts[i] for i in text_ids if i >= 0]
        needles = [(k, normalize_text(k).strip()) for k in goal.keywords]
        keyword = next((k for k, needle in needles if needle and any(needle in t for t in texts)), None)
        if keyword:
            reasons.append(Reason("keyword", {"keyword": keyword}))
        return reasons

    def _upward(self, row: int) -> list[Reason]:
        code = {
            _ROLE_MANAGER: "your_manager",
            _ROLE_PEER_OF_MANAGER: "peer_of_manager",
            _ROLE_MANAGER_OF_MANAGER: "manager_of_manager",
            _ROLE_HIGHER_IN_LINE: "higher_in_line",
        }
        if self.role[row] != _ROLE_NONE:
            return [Reason(code[int(self.role[row])])]
        if self.me.seniority is None or self.current_rank[row] <= self.me.seniority:
            return []
        levels = int(self.current_rank[row]) - self.me.seniority
        return [Reason("levels_above", {"levels": levels, "same_org": bool(self.at_my_org[row])})]

    def _reach(self, row: int) -> list[Reason]:
        degree = int(self.pool.degree[row])
        if degree == 1:
            return [Reason("first_degree")]
        path = self.paths.get(row)
        if path is not None:
            introducer = int(self.pool.person_id[path.introducer])
            return [Reason("introducer", {"person": introducer, "strength": path.strength})]
        return [Reason("second_degree")] if degree == 2 else []

    def _common(self, row: int) -> list[Reason]:
        found = find_commonalities(mine=self.me.commonality_ids, pool=self.pool, index=row)
        return [Reason(c.label_key, {c.kind: c.id}) for c in found[:MAX_COMMONALITY_REASONS]]

    def _relationship(self, row: int) -> list[Reason]:
        state = int(self.states[row])
        if state == RELATIONSHIP_DORMANT:
            days = int(self.pool.last_contact_days[row])
            return [Reason("dormant", {"years": days // 365 if days >= 0 else None})]
        return [Reason("existing")] if state == RELATIONSHIP_EXISTING else []

    def _event(self, row: int) -> list[Reason]:
        return [Reason("attends_event", {"event": self.event_id})] if self.attending[row] else []
