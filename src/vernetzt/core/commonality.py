"""What the user shares with a person — similarity creates liking (Cialdini).

Two views of the same data: a vectorised score for every person in the pool (to rank), and the named
commonalities of one person (for reasons and the briefing).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import numpy as np

from vernetzt.core.fit import HOME_COUNTRY, HOME_NONE, HOME_REGION
from vernetzt.core.pool import COMMONALITY_KINDS, IdLists, Pool

# How much one shared item of a kind tells about likely rapport. A shared school or association
# is a strong, chosen bond; a shared language is common among the user's own compatriots and says little.
KIND_WEIGHTS: Mapping[str, float] = {
    "school": 1.0,
    "employer": 0.8,
    "association": 0.8,
    "event": 0.7,
    "interest": 0.6,
    "city": 0.5,
    "language": 0.3,
}
# Living in the user's country or region is a commonality too, weaker than the same city (and not
# added to it: the same city already says it).
PLACE_WEIGHTS: Mapping[int, float] = {HOME_COUNTRY: 0.25, HOME_REGION: 0.1, HOME_NONE: 0.0}


@dataclass(frozen=True)
class Commonality:
    kind: str
    id: int
    label_key: str  # key of the reason text, e.g. "common_school"


def normalize_mine(mine: Mapping[str, Iterable[int]]) -> dict[str, np.ndarray]:
    """The user's ids per kind as sorted unique int64 arrays; unknown kinds are an error."""
    unknown = set(mine) - set(COMMONALITY_KINDS)
    if unknown:
        raise ValueError(f"unknown commonality kinds: {sorted(unknown)}")
    return {kind: np.unique(np.fromiter(mine.get(kind, ()), dtype=np.int64)) for kind in COMMONALITY_KINDS}


def count_shared(lists: IdLists, mine: np.ndarray) -> np.ndarray:
    """Per row, how many of its ids are in ``mine`` (rows hold distinct ids)."""
    if len(mine) == 0 or len(lists.indices) == 0:
        return np.zeros(lists.n_rows, dtype=np.int32)
    member = np.isin(lists.indices, mine, kind="table" if mine[-1] - mine[0] < 1 << 24 else None)
    # Prefix sums instead of np.add.reduceat, which mishandles empty rows.
    running = np.zeros(len(member) + 1, dtype=np.int32)
    np.cumsum(member, out=running[1:])
    return running[lists.indptr[1:]] - running[lists.indptr[:-1]]


def score_commonalities(
    pool: Pool, *, mine: Mapping[str, Iterable[int]], home: np.ndarray | None = None
) -> np.ndarray:
    """Commonality 0..1 per person: 1 - exp(-weighted count), so the first shared things count most.
    ``home`` is ``fit.home_of`` per person (where they live, seen from the user)."""
    mine_arrays = normalize_mine(mine)
    total = np.zeros(len(pool), dtype=np.float64)
    for kind in COMMONALITY_KINDS:
        shared = count_shared(pool.common[kind], mine_arrays[kind])
        total += KIND_WEIGHTS[kind] * shared
        if kind == "city":
            same_city = shared > 0
    if home is not None:
        place = np.select([home == code for code in PLACE_WEIGHTS], list(PLACE_WEIGHTS.values()))
        total += np.where(same_city, 0.0, place)
    return -np.expm1(-total)


def find_commonalities(*, mine: Mapping[str, Iterable[int]], pool: Pool, index: int) -> list[Commonality]:
    """The named commonalities of the person at row ``index``, strongest kind first, ids ascending."""
    mine_arrays = normalize_mine(mine)
    found = []
    for kind in sorted(COMMONALITY_KINDS, key=lambda k: (-KIND_WEIGHTS[k], k)):
        shared = np.intersect1d(pool.common[kind].row(index), mine_arrays[kind])
        found.extend(Commonality(kind=kind, id=int(i), label_key=f"common_{kind}") for i in shared)
    return found
