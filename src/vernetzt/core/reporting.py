"""Who stands where around the user, from the reporting lines in the pool (``Pool.manager_row``).

The user's manager and their manager come from the lines; the manager's peers are the others who
report to the manager's manager, and — where that line is not known — the people of the user's
organization at the manager's level. The user's own peers (the others reporting to their manager)
and everyone below the user are colleagues, not "upward": network upward leaves them out.
"""

from __future__ import annotations

import numpy as np

MAX_DEPTH = 8  # of the chain upward and of the user's reports downward

(
    NONE,
    MANAGER,
    MANAGER_OF_MANAGER,
    HIGHER_IN_LINE,
    PEER_OF_MANAGER,
    MY_PEER,
    MY_REPORT,
) = range(7)
# The binding names of ``vernetzt upward`` (DESIGN §4): further up the line is "above" too.
RELATION_NAMES = {
    MANAGER: "manager",
    MANAGER_OF_MANAGER: "manager_of_manager",
    HIGHER_IN_LINE: "above",
    PEER_OF_MANAGER: "peer_of_manager",
}


def chain_above(manager_row: np.ndarray, row: int) -> list[int]:
    """The rows of ``row``'s manager, their manager, … (stops at a loop or MAX_DEPTH)."""
    chain: list[int] = []
    current = int(manager_row[row])
    while current >= 0 and current != row and current not in chain and len(chain) < MAX_DEPTH:
        chain.append(current)
        current = int(manager_row[current])
    return chain


def _below(manager_row: np.ndarray, row: int) -> np.ndarray:
    """Everyone reporting to ``row``, directly or further down."""
    below = np.zeros(len(manager_row), dtype=bool)
    frontier = np.array([row])
    for _ in range(MAX_DEPTH):
        frontier = np.flatnonzero(np.isin(manager_row, frontier) & ~below)
        frontier = frontier[frontier != row]
        if not len(frontier):
            break
        below[frontier] = True
    return below


def reporting_roles(
    manager_row: np.ndarray, *, me_row: int | None, current_rank: np.ndarray, at_my_org: np.ndarray,
    my_rank: int | None,
) -> np.ndarray:  # fmt: skip
    """Per pool row, its place relative to the user (one of the constants above; NONE elsewhere)."""
    role = np.full(len(manager_row), NONE, dtype=np.int8)
    if me_row is None:
        return role
    chain = chain_above(manager_row, me_row)
    if chain:
        manager = chain[0]
        if len(chain) > 1:
            role[manager_row == chain[1]] = PEER_OF_MANAGER
        else:
            boss_rank = int(current_rank[manager]) if current_rank[manager] >= 0 else None
            if boss_rank is None and my_rank is not None:
                boss_rank = my_rank + 1
            if boss_rank is not None:
                role[at_my_org & (current_rank == boss_rank)] = PEER_OF_MANAGER
        role[manager_row == manager] = MY_PEER
    role[_below(manager_row, me_row)] = MY_REPORT
    for level, row in enumerate(chain):
        role[row] = (MANAGER, MANAGER_OF_MANAGER, HIGHER_IN_LINE)[min(level, 2)]
    role[me_row] = NONE
    return role
