"""Whom to meet for a goal: every person in the pool scored at once, reasons for the top few.

Score model (0..100)::

    score = 100 * relevance * mix
    mix   = (w.relevance + sum(w_k * component_k)) / (w.relevance + sum(w_k))

All components lie in 0..1. Relevance (goal fit, :mod:`vernetzt.core.fit`) *gates* the score: a
person who does not fit the goal cannot float up on commonality, reachability or an event alone,
while among people who fit, the other components decide. ``Weights.relevance`` is the share of the
mix that goal fit decides by itself: raise it and the list follows the goal more strictly, lower it
and warm paths count more. On an upward goal, people two or more levels below the user and juniors
have their mix fixed at that share (goal fit alone), so that no weight setting lifts them above a
senior person who fits.

Equal scores are ordered by reachability, then commonality, then the more recent contact, then the
relationship (dormant and existing ties before strangers) and the user's own tie strength, then the
higher current level ("upward": higher is worth more). Only people equal in all of these are left in
id order here; the research service orders those by name, so import order never decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from vernetzt.core.commonality import score_commonalities
from vernetzt.core.explain import Explainer
from vernetzt.core.fit import demoted, home_of, score_relevance, segment_max
from vernetzt.core.paths import best_introduction_paths, score_introduction_paths
from vernetzt.core.pool import RELATIONSHIP_DORMANT, RELATIONSHIP_EXISTING, Pool
from vernetzt.core.reasons import Reason
from vernetzt.core.reporting import (
    HIGHER_IN_LINE,
    MANAGER,
    MANAGER_OF_MANAGER,
    MY_PEER,
    MY_REPORT,
    NONE,
    PEER_OF_MANAGER,
    RELATION_NAMES,
    reporting_roles,
)
from vernetzt.core.targeting import GoalSpec, MeSpec, Weights

__all__ = ["DORMANT_DAYS", "GoalSpec", "MeSpec", "RankedCandidate", "Weights", "rank_pool"]

# Upward by levels above the user: 1-3 levels above are the sponsors within reach; far above
# fades (they are less accessible and less likely to know the user's work).
UPWARD_BY_LEVELS = (0.0, 0.7, 1.0, 0.9, 0.7, 0.5)
# By reporting role: the boss is already known, the point is to go beyond — the boss's boss first,
# then the boss's peers; the user's own peers and reports are colleagues, not upward.
UPWARD_BY_ROLE = {
    MANAGER: 0.5,
    MANAGER_OF_MANAGER: 1.0,
    PEER_OF_MANAGER: 0.9,
    HIGHER_IN_LINE: 0.85,
    MY_PEER: 0.0,
    MY_REPORT: 0.0,
}

REACH_FIRST_DEGREE = 1.0
REACH_PATH_BASE, REACH_PATH_SPAN = 0.35, 0.5  # + span * best path value
REACH_SECOND_DEGREE = 0.45  # a second-degree contact whose introducer is not in the data
REACH_COLD = 0.1

RELATIONSHIP_VALUE = {0: 0.5, RELATIONSHIP_EXISTING: 0.7, RELATIONSHIP_DORMANT: 1.0}
DORMANT_DAYS = 3 * 365  # Levin, Walter & Murnighan 2011: 3+ years without contact


@dataclass(frozen=True)
class RankedCandidate:
    person_id: int
    row: int  # index in the pool
    score: float  # 0..100
    components: dict[str, float]  # each 0..1
    reasons: list[Reason]
    relation: str | None  # manager, manager_of_manager, peer_of_manager, above (same org, higher); None


def score_upward(
    pool: Pool, me: MeSpec, *, current_rank: np.ndarray, at_my_org: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """(upward 0..1, reporting role per person, see :mod:`vernetzt.core.reporting`). Network upward:
    seniority above the user's, and the people around and above their manager."""
    n = len(pool)
    upward = np.zeros(n)
    if me.seniority is not None:
        above = np.where(current_rank >= 0, current_rank.astype(np.int64) - me.seniority, 0)
        upward = np.asarray(UPWARD_BY_LEVELS)[np.clip(above, 0, len(UPWARD_BY_LEVELS) - 1)]
    me_rows = pool.rows_of([me.person_id]) if me.person_id is not None else []
    role = reporting_roles(
        pool.manager_row, me_row=int(me_rows[0]) if len(me_rows) else None, current_rank=current_rank,
        at_my_org=at_my_org, my_rank=me.seniority,
    )  # fmt: skip
    for value_of, value in UPWARD_BY_ROLE.items():
        upward = np.where(role == value_of, value, upward)
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
    """The ``limit`` best persons for the goal, best first.

    ``event_attendees`` are pool rows of the people attending the chosen event (``event_id`` names it
    in reasons); ``only_event`` keeps only them. ``exclude_ids`` are person ids never to return
    (the user, people already in the goal's pipeline).
    """
    weights = goal.weights if weights is None else weights
    n = len(pool)
    pos = pool.positions
    current_rank = segment_max(np.where(pos.is_current, pos.seniority, -1).astype(np.int8), pos.indptr, -1)
    at_my_org = np.zeros(n, dtype=bool)
    if me.org_id is not None:
        at_my_org = segment_max(pos.is_current & (pos.org_id == me.org_id), pos.indptr, False)
    attending = np.zeros(n, dtype=bool)
    if event_attendees is not None:
        attending[np.asarray(event_attendees, dtype=np.int64)] = True
    elif only_event:
        raise ValueError("only_event needs event_attendees")

    relevance, per_position = score_relevance(pool, goal, me)
    upward, role = score_upward(pool, me, current_rank=current_rank, at_my_org=at_my_org)
    home = home_of(pool, me)
    states = relationship_states(pool)
    components = {
        "relevance": relevance,
        "upward": upward,
        "commonality": score_commonalities(pool, mine=me.commonality_ids, home=home),
        "reachability": score_reachability(pool),
        "relationship": np.select(
            [states == s for s in RELATIONSHIP_VALUE], list(RELATIONSHIP_VALUE.values())
        ),
        "event": attending.astype(np.float64),
    }
    mixed = [name for name in components if name != "relevance"]
    if event_attendees is None:
        mixed.remove("event")  # no event chosen: its weight must not dilute the others
    total_weight = weights.relevance + sum(getattr(weights, name) for name in mixed)
    mix = np.full(n, weights.relevance)
    for name in mixed:
        mix += getattr(weights, name) * components[name]
    if total_weight > 0:
        mix = np.where(demoted(goal, me, current_rank), weights.relevance, mix) / total_weight
    else:
        mix = np.ones(n)
    scores = 100.0 * relevance * mix

    eligible = ~np.isin(pool.person_id, np.fromiter(exclude_ids, dtype=np.int64))
    if only_event:
        eligible &= attending
    rows = _select_top(scores, components, pool, eligible, limit, current_rank=current_rank)
    paths = best_introduction_paths(
        ties=pool.ties, first_degree=pool.degree == 1, my_strength=pool.my_strength, targets=rows
    )
    explainer = Explainer(
        pool=pool, goal=goal, me=me, per_position=per_position, current_rank=current_rank,
        at_my_org=at_my_org, role=role, home=home, states=states, attending=attending, event_id=event_id,
        paths=paths,
    )  # fmt: skip
    return [
        RankedCandidate(
            person_id=int(pool.person_id[row]),
            row=int(row),
            score=float(scores[row]),
            components={name: float(values[row]) for name, values in components.items()},
            reasons=explainer.reasons_for(int(row)),
            relation=_relation(role[row], at_my_org[row], upward[row]),
        )
        for row in rows
    ]


def _relation(role: int, at_my_org: bool, upward: float) -> str | None:
    if role in RELATION_NAMES:
        return RELATION_NAMES[role]
    return "above" if role == NONE and at_my_org and upward > 0 else None


def _select_top(
    scores: np.ndarray, components: dict, pool: Pool, eligible: np.ndarray, limit: int, *,
    current_rank: np.ndarray,
) -> np.ndarray:  # fmt: skip
    candidates = np.flatnonzero(eligible)
    k = min(limit, len(candidates))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    values = scores[candidates]
    if k < len(candidates):
        threshold = np.partition(values, len(values) - k)[len(values) - k]
        keep = values >= threshold  # keeps every tie at the threshold, decided below
        candidates, values = candidates[keep], values[keep]
    days = pool.last_contact_days[candidates]
    silence = np.where(days >= 0, days, np.iinfo(np.int32).max)  # never contacted: least recent
    order = np.lexsort((
        pool.person_id[candidates], -current_rank[candidates], -pool.my_strength[candidates],
        -components["relationship"][candidates], silence, -components["commonality"][candidates],
        -components["reachability"][candidates], -values,
    ))  # fmt: skip
    return candidates[order[:k]]
