import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.paths import (
    PEAK_STRENGTH,
    best_introduction_paths,
    score_introduction_paths,
    value_introducer_leg,
    value_target_leg,
)
from vernetzt.core.pool import Ties


def ties(*edges):
    return Ties(
        source=[a for a, _, _ in edges], target=[b for _, b, _ in edges], strength=[s for _, _, s in edges]
    )


@pytest.mark.parametrize(
    ("better", "worse"),
    [(PEAK_STRENGTH, 0.1), (PEAK_STRENGTH, 1.0), (0.35, 0.05), (0.6, 0.95), (1.0, 0.1)],
)
def test_target_leg_is_an_inverted_u_that_still_values_strong_ties(better, worse):
    assert value_target_leg(np.array([better]))[0] > value_target_leg(np.array([worse]))[0]


def test_introducer_leg_rises_with_closeness():
    values = value_introducer_leg(np.linspace(0, 1, 11))
    assert np.all(np.diff(values) > 0)


def test_moderately_weak_tie_beats_strong_and_very_weak_ones():
    # Rows: 0 1 2 are my contacts (equally close), 3 is the target they all know.
    first = np.array([True, True, True, False])
    closeness = np.array([0.6, 0.6, 0.6, 0.0], dtype=np.float32)
    graph = ties((0, 3, 0.95), (3, 1, 0.4), (2, 3, 0.05))
    path = best_introduction_paths(
        ties=graph, first_degree=first, my_strength=closeness, targets=np.array([3])
    )
    assert path[3].introducer == 1
    assert path[3].strength == pytest.approx(0.4)


def test_a_much_closer_introducer_outweighs_a_slightly_better_target_tie():
    first = np.array([True, True, False])
    closeness = np.array([0.1, 1.0, 0.0], dtype=np.float32)
    graph = ties((0, 2, PEAK_STRENGTH), (1, 2, 0.7))
    path = best_introduction_paths(
        ties=graph, first_degree=first, my_strength=closeness, targets=np.array([2])
    )
    assert path[2].introducer == 1


def test_only_first_degree_contacts_introduce_and_unreached_targets_are_absent():
    first = np.array([True, False, False, False])
    graph = ties((1, 2, 0.5), (0, 3, 0.5))
    paths = best_introduction_paths(
        ties=graph, first_degree=first, my_strength=np.zeros(4, np.float32), targets=np.array([2, 3])
    )
    assert set(paths) == {3}
    assert paths[3].closeness == pytest.approx(0.5), "unknown closeness counts as medium"
    scores = score_introduction_paths(ties=graph, first_degree=first, my_strength=np.zeros(4, np.float32))
    assert scores[2] == 0 and scores[3] > 0


def test_equal_paths_go_to_the_lower_introducer_row():
    first = np.array([False, True, True, False])
    graph = ties((2, 3, 0.5), (1, 3, 0.5))
    path = best_introduction_paths(
        ties=graph, first_degree=first, my_strength=np.full(4, 0.5, np.float32), targets=np.array([3])
    )
    assert path[3].introducer == 1


@given(
    n=st.integers(1, 12),
    data=st.data(),
)
def test_vectorised_scores_agree_with_the_named_best_paths(n, data):
    edges = data.draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1), st.floats(0, 1))))
    first = np.array(data.draw(st.lists(st.booleans(), min_size=n, max_size=n)))
    closeness = np.array(data.draw(st.lists(st.floats(0, 1), min_size=n, max_size=n)), dtype=np.float32)
    graph = ties(*edges) if edges else Ties.empty()
    scores = score_introduction_paths(ties=graph, first_degree=first, my_strength=closeness)
    paths = best_introduction_paths(
        ties=graph, first_degree=first, my_strength=closeness, targets=np.arange(n)
    )
    assert np.all(np.isfinite(scores)) and np.all((scores >= 0) & (scores <= 1))
    for target in range(n):
        if target in paths:
            assert paths[target].score == pytest.approx(scores[target])
            assert first[paths[target].introducer] and paths[target].introducer != target
        else:
            assert scores[target] == 0
