"""How well each person fits a goal (the *relevance* that gates every score), 0..1.

Relevance of a position is the product of per-criterion fits (tables below) times 1.0 for a current
and 0.6 for a past position ("who holds or held the position"); a person's relevance is their best
position.

Levels. A goal naming levels: holding one fits fully; one level below fits a little, two or more
hardly; levels above still fit but fade slowly (a VP is a fine contact for a director goal, a CEO
somewhat less). A goal naming none is *upward* from the user's own level — "wer Karriere machen
möchte, der netzwerkt nach oben": above the user fits best, the user's own level well (peers with
influence in the goal's field and region), one level below a little, two or more hardly, and interns,
trainees and students least of all (:func:`demoted` keeps them out of the top altogether).

Functions are strict, so an executive of an unrelated function stays below a senior person of the
right one. Regions: a current position counts where its holder lives and where its title points
("Head of Supply Chain APAC"); past positions only where their title points. A goal naming no region
is *at home*: the user's own country first, then their region (DACH for Germany), then the rest — the
preference is softer than a named region's, as the user did not say so; ``anywhere`` turns it off.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vernetzt.core.pool import Pool, mask_of_regions
from vernetzt.core.targeting import GoalSpec, MeSpec

FUNCTION_GENERAL_MANAGEMENT = 0
FUNCTION_OTHER = 24
N_RANKS = 10
N_FUNCTIONS = 25
TRAINING_RANK = 1  # "training" in the binding seniority order; "unpaid" (0) and it are the juniors
SENIOR_RANK = 3

POSITION_WEIGHT_CURRENT = 1.0
POSITION_WEIGHT_PAST = 0.6
LEVEL_FIT_BELOW = (0.45, 0.2, 0.05)  # one, two, three or more levels below the lowest goal level
LEVEL_FIT_ABOVE = (0.85, 0.7, 0.6, 0.5)  # one, two, three, four or more above the highest
LEVEL_FIT_UNKNOWN = 0.3
# Upward goals, by levels relative to the user: two or more above, one above, the same, one below,
# two or more below; juniors (interns, trainees) whatever the user's level.
UPWARD_FIT_ABOVE = (0.95, 1.0)
UPWARD_FIT_SAME = 0.8
UPWARD_FIT_BELOW = (0.4, 0.1)
UPWARD_FIT_JUNIOR = 0.05
UPWARD_REFERENCE_WITHOUT_PROFILE = SENIOR_RANK  # no profile: upward from a professional's level
FUNCTION_FIT_GENERAL_MANAGEMENT = 0.35  # general managers shape every function, somewhat
FUNCTION_FIT_UNKNOWN = 0.25
FUNCTION_FIT_OTHER = 0.1
REGION_FIT_BROADER = 0.6  # e.g. APAC responsibility for a Southeast Asia goal
REGION_FIT_NONE = 0.15
HOME_FIT_COUNTRY = 1.0
HOME_FIT_REGION = 0.7
HOME_FIT_UNKNOWN = 0.6  # many contacts come without a place (LinkedIn's connections list has none)
HOME_FIT_ABROAD = 0.35
ORG_FIT_NONE = 0.5  # organizations, industries and keywords sharpen a goal rather than define it
INDUSTRY_FIT_RELATED = 0.85  # Warehousing for a Logistics goal
INDUSTRY_FIT_NONE = 0.6
KEYWORD_FIT_NONE = 0.6

HOME_NONE, HOME_REGION, HOME_COUNTRY = 0, 1, 2


def upward_reference(me: MeSpec) -> int:
    """The level an upward goal counts from."""
    return me.seniority if me.seniority is not None else UPWARD_REFERENCE_WITHOUT_PROFILE


def level_table(goal: GoalSpec, me: MeSpec) -> np.ndarray:
    """Fit per seniority rank, indexed by rank + 1 (index 0: unknown)."""
    table = np.empty(N_RANKS + 1)
    table[0] = LEVEL_FIT_UNKNOWN
    if goal.upward:
        reference = upward_reference(me)
        for rank in range(N_RANKS):
            step = rank - reference
            if step > 0:
                table[rank + 1] = UPWARD_FIT_ABOVE[min(step, len(UPWARD_FIT_ABOVE)) - 1]
            elif step == 0:
                table[rank + 1] = UPWARD_FIT_SAME
            else:
                table[rank + 1] = UPWARD_FIT_BELOW[min(-step, len(UPWARD_FIT_BELOW)) - 1]
        table[1 : TRAINING_RANK + 2] = np.minimum(table[1 : TRAINING_RANK + 2], UPWARD_FIT_JUNIOR)
        return table
    low, high = min(goal.levels), max(goal.levels)
    for rank in range(N_RANKS):
        if rank < low:
            table[rank + 1] = LEVEL_FIT_BELOW[min(low - rank, len(LEVEL_FIT_BELOW)) - 1]
        elif rank > high:
            table[rank + 1] = LEVEL_FIT_ABOVE[min(rank - high, len(LEVEL_FIT_ABOVE)) - 1]
        else:
            table[rank + 1] = 1.0
    return table


def demoted(goal: GoalSpec, me: MeSpec, current_rank: np.ndarray) -> np.ndarray:
    """People an upward goal keeps below everyone senior who fits: two or more levels below the
    user, and juniors (interns, trainees, students) at any level. Their score is their goal fit
    alone, so no warm path, commonality or event can lift them (see ``ranking.rank_pool``)."""
    if not goal.upward:
        return np.zeros(len(current_rank), dtype=bool)
    known = current_rank >= 0
    far_below = current_rank.astype(np.int64) <= upward_reference(me) - 2
    return known & (far_below | (current_rank <= TRAINING_RANK))


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


def _industry_fit(industry_id: np.ndarray, goal: GoalSpec) -> np.ndarray | float:
    if not goal.industries:
        return 1.0
    wanted = np.fromiter(goal.industries, dtype=np.int64)
    related = np.fromiter(goal.related_industries, dtype=np.int64)
    fit = np.where(np.isin(industry_id, related), INDUSTRY_FIT_RELATED, INDUSTRY_FIT_NONE)
    return np.where(np.isin(industry_id, wanted), 1.0, fit)


def home_mask(pool: Pool, me: MeSpec) -> int:
    return mask_of_regions([me.home_region], pool.region_codes) if me.home_region else 0


def home_of(pool: Pool, me: MeSpec) -> np.ndarray:
    """Per person: HOME_COUNTRY (lives in the user's country), HOME_REGION (in the user's region, or
    responsible for it by title) or HOME_NONE."""
    home = np.full(len(pool), HOME_NONE, dtype=np.int8)
    if me.country_idx is None:
        return home
    home[(pool.region_mask & home_mask(pool, me)) != 0] = HOME_REGION
    home[pool.country_idx == me.country_idx] = HOME_COUNTRY
    return home


def _home_fit(pool: Pool, me: MeSpec) -> np.ndarray:
    home = home_of(pool, me)
    unknown = (pool.country_idx < 0) & (pool.region_mask == 0)
    fit = np.where(unknown, HOME_FIT_UNKNOWN, HOME_FIT_ABROAD)
    fit = np.where(home == HOME_REGION, HOME_FIT_REGION, fit)
    return np.where(home == HOME_COUNTRY, HOME_FIT_COUNTRY, fit)


@dataclass(frozen=True)
class _GoalMasks:
    regions: int
    broader: int


def _fit(
    goal: GoalSpec, masks: _GoalMasks, levels: np.ndarray, *, seniority, function, region_mask, org_id,
    industry_id, keyword_hit,
) -> np.ndarray:  # fmt: skip
    fit = levels[seniority.astype(np.int64) + 1]
    fit = fit * _function_table(goal.functions)[function.astype(np.int64) + 1]
    if masks.regions:
        fit *= np.where(
            region_mask & masks.regions,
            1.0,
            np.where(region_mask & masks.broader, REGION_FIT_BROADER, REGION_FIT_NONE),
        )
    fit *= _soft_fit(org_id, goal.organizations, ORG_FIT_NONE)
    fit *= _industry_fit(industry_id, goal)
    if goal.keywords:
        fit *= np.where(keyword_hit, 1.0, KEYWORD_FIT_NONE)
    return fit


def segment_max(values: np.ndarray, indptr: np.ndarray, empty: float) -> np.ndarray:
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


def score_relevance(pool: Pool, goal: GoalSpec, me: MeSpec) -> tuple[np.ndarray, np.ndarray]:
    """(relevance per person, relevance per position); both 0..1."""
    masks = _GoalMasks(
        mask_of_regions(goal.regions, pool.region_codes),
        mask_of_regions(goal.broader_regions, pool.region_codes),
    )
    levels = level_table(goal, me)
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
        goal, masks, levels, seniority=pos.seniority, function=pos.function,
        region_mask=pos.region_mask | lives, org_id=pos.org_id, industry_id=pos.industry_id,
        keyword_hit=keyword_hit,
    )  # fmt: skip
    per_position *= np.where(pos.is_current, POSITION_WEIGHT_CURRENT, POSITION_WEIGHT_PAST)
    # Someone without any position is judged by where they live and their headline alone.
    unknown = np.full(len(pool), -1)
    without = _fit(
        goal, masks, levels, seniority=unknown, function=unknown, region_mask=pool.region_mask,
        org_id=unknown, industry_id=unknown, keyword_hit=headline_hit,
    )  # fmt: skip
    if goal.at_home and me.country_idx is not None:
        home = _home_fit(pool, me)
        per_position *= home[pos.person_row]
        without *= home
    relevance = segment_max(per_position, pos.indptr, -1.0)
    relevance = np.where(relevance < 0, without, relevance)
    return relevance, per_position
