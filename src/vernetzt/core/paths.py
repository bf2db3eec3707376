"""Warm-introduction paths: which of the user's contacts can introduce them to a person.

Model. A path is user → introducer → target, with the introducer among the user's first-degree
contacts. Its value is the product of two legs:

* closeness(user, introducer) — the user must be able to ask a favour, so stronger is better
  (monotone): ``0.4 + 0.6 * closeness``. A contact whose closeness is unknown counts as 0.5.
* strength(introducer, target) — an inverted U peaking at moderately weak ties (0.45 on a 0..1
  scale). Very weak ties cannot vouch for anyone; strong ties still make good introductions but
  mostly lead into the user's own circle, whose information is redundant (Granovetter 1973; Burt 2004).
  Moderately weak ties bridge to new circles and are the ones that bring job moves
  (Rajkumar et al., Science 2022). Below the peak the value falls off as a Gaussian (width 0.25),
  above it linearly to 0.7 at full strength.

The best value per person is computed for the whole pool at once (one pass over the edges); the
named introducer only for the few candidates that are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from vernetzt.core.pool import Ties

PEAK_STRENGTH = 0.45
_BELOW_PEAK_WIDTH = 0.25
_STRONG_TIE_VALUE = 0.7
_UNKNOWN_CLOSENESS = 0.5


@dataclass(frozen=True)
class Path:
    introducer: int  # pool row
    strength: float  # introducer → target, 0..1
    closeness: float  # user → introducer, 0..1
    score: float  # 0..1


def value_introducer_leg(closeness: np.ndarray) -> np.ndarray:
    return 0.4 + 0.6 * closeness


def value_target_leg(strength: np.ndarray) -> np.ndarray:
    strength = np.asarray(strength, dtype=np.float64)
    below = np.exp(-(((strength - PEAK_STRENGTH) / _BELOW_PEAK_WIDTH) ** 2))
    above = 1.0 - (1.0 - _STRONG_TIE_VALUE) * (strength - PEAK_STRENGTH) / (1.0 - PEAK_STRENGTH)
    return np.where(strength <= PEAK_STRENGTH, below, above)


def _closeness_of(my_strength: np.ndarray, first_degree: np.ndarray) -> np.ndarray:
    known = np.where(my_strength > 0, my_strength, _UNKNOWN_CLOSENESS).astype(np.float64)
    return np.where(first_degree, known, 0.0)


def _directed_edges(ties: Ties, first_degree: np.ndarray, keep_target: np.ndarray | None):
    """Both directions of every tie whose start is a first-degree contact: (introducer, target, strength)."""
    introducers, targets, strengths = [], [], []
    for start, end in ((ties.source, ties.target), (ties.target, ties.source)):
        keep = first_degree[start] & (start != end)
        if keep_target is not None:
            keep &= keep_target[end]
        introducers.append(start[keep])
        targets.append(end[keep])
        strengths.append(ties.strength[keep])
    return np.concatenate(introducers), np.concatenate(targets), np.concatenate(strengths)


def score_introduction_paths(*, ties: Ties, first_degree: np.ndarray, my_strength: np.ndarray) -> np.ndarray:
    """Best path value 0..1 for every person row; 0 where no first-degree contact knows them."""
    best = np.zeros(len(first_degree), dtype=np.float64)
    introducers, targets, strengths = _directed_edges(ties, first_degree, None)
    if len(targets):
        closeness = _closeness_of(my_strength, first_degree)
        values = value_introducer_leg(closeness[introducers]) * value_target_leg(strengths)
        np.maximum.at(best, targets, values)
    return best


def best_introduction_paths(
    *, ties: Ties, first_degree: np.ndarray, my_strength: np.ndarray, targets: np.ndarray
) -> dict[int, Path]:
    """For each target row that some first-degree contact knows, the best path (ties in value go to
    the lower introducer row, so the answer is deterministic)."""
    wanted = np.zeros(len(first_degree), dtype=bool)
    wanted[np.asarray(targets, dtype=np.int64)] = True
    introducers, ends, strengths = _directed_edges(ties, first_degree, wanted)
    if not len(ends):
        return {}
    closeness = _closeness_of(my_strength, first_degree)[introducers]
    values = value_introducer_leg(closeness) * value_target_leg(strengths)
    order = np.lexsort((introducers, -values, ends))
    first = order[np.concatenate([[True], ends[order][1:] != ends[order][:-1]])]
    return {
        int(ends[i]): Path(
            introducer=int(introducers[i]),
            strength=float(strengths[i]),
            closeness=float(closeness[i]),
            score=float(values[i]),
        )
        for i in first
    }
