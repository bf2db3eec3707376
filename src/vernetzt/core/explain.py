"""Why a ranked person was suggested: the reasons of one pool row, goal fit first.

Only the few rows a ranking returns are explained, one at a time, from the same arrays the scores
were computed from — so a reason never claims what the score did not count.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vernetzt.core import reporting
from vernetzt.core.commonality import find_commonalities
from vernetzt.core.fit import FUNCTION_OTHER, HOME_COUNTRY, HOME_REGION
from vernetzt.core.pool import (
    RELATIONSHIP_DORMANT,
    RELATIONSHIP_EXISTING,
    Pool,
    mask_of_regions,
    normalize_text,
    regions_of_mask,
)
from vernetzt.core.reasons import Reason
from vernetzt.core.targeting import GoalSpec, MeSpec

DIRECTOR_RANK = 5  # "director" in the binding seniority order; from here on a person leads a unit
MAX_COMMONALITY_REASONS = 4

_ROLE_REASONS = {
    reporting.MANAGER: "your_manager",
    reporting.PEER_OF_MANAGER: "peer_of_manager",
    reporting.MANAGER_OF_MANAGER: "manager_of_manager",
    reporting.HIGHER_IN_LINE: "higher_in_line",
}


@dataclass(frozen=True)
class Explainer:
    """What the ranking computed, kept to explain the rows it returns."""

    pool: Pool
    goal: GoalSpec
    me: MeSpec
    per_position: np.ndarray
    current_rank: np.ndarray
    at_my_org: np.ndarray
    role: np.ndarray
    home: np.ndarray  # fit.home_of per person
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

    def _best_position(self, row: int) -> int | None:
        pos = self.pool.positions
        start, stop = pos.indptr[row], pos.indptr[row + 1]
        return int(start + np.argmax(self.per_position[start:stop])) if stop > start else None

    def _relevance(self, row: int) -> list[Reason]:
        pool, goal, pos = self.pool, self.goal, self.pool.positions
        best = self._best_position(row)
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
        if goal.at_home:
            reasons.extend(self._home(row))
        if best is not None and int(pos.org_id[best]) in goal.organizations:
            code = "target_org" if current else "target_org_past"
            reasons.append(Reason(code, {"org": int(pos.org_id[best])}))
        industry = int(pos.industry_id[best]) if best is not None else -1
        if industry in goal.industries or industry in goal.related_industries:
            code = "industry" if industry in goal.industries else "industry_related"
            reasons.append(Reason(code, {"industry": industry}))
        text_ids = [pool.headline_text[row]]
        if best is not None:
            text_ids += [pos.title_text[best], pos.org_text[best]]
        texts = [pool.texts[i] for i in text_ids if i >= 0]
        needles = [(k, normalize_text(k).strip()) for k in goal.keywords]
        keyword = next((k for k, needle in needles if needle and any(needle in t for t in texts)), None)
        if keyword:
            reasons.append(Reason("keyword", {"keyword": keyword}))
        return reasons

    def _home(self, row: int) -> list[Reason]:
        if self.home[row] == HOME_COUNTRY:
            return [Reason("home_country", {"country": self.me.country_idx})]
        if self.home[row] == HOME_REGION:
            return [Reason("home_region", {"region": self.me.home_region})]
        return []

    def _upward(self, row: int) -> list[Reason]:
        role = int(self.role[row])
        if role in _ROLE_REASONS:
            return [Reason(_ROLE_REASONS[role])]
        if role != reporting.NONE or self.me.seniority is None or self.current_rank[row] <= self.me.seniority:
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
        reasons = [Reason(c.label_key, {c.kind: c.id}) for c in found[:MAX_COMMONALITY_REASONS]]
        same_city = any(c.kind == "city" for c in found)
        if not self.goal.at_home and not same_city and len(reasons) < MAX_COMMONALITY_REASONS:
            reasons.extend(self._home(row))  # an at-home goal names the place with the goal fit
        return reasons

    def _relationship(self, row: int) -> list[Reason]:
        state = int(self.states[row])
        if state == RELATIONSHIP_DORMANT:
            days = int(self.pool.last_contact_days[row])
            return [Reason("dormant", {"years": days // 365 if days >= 0 else None})]
        return [Reason("existing")] if state == RELATIONSHIP_EXISTING else []

    def _event(self, row: int) -> list[Reason]:
        return [Reason("attends_event", {"event": self.event_id})] if self.attending[row] else []
