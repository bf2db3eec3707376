import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vernetzt.core.commonality import (
    Commonality,
    count_shared,
    find_commonalities,
    score_commonalities,
)
from vernetzt.core.pool import IdLists, PersonRow, Pool, PositionRow

TU_DORTMUND, RWTH, SIEMENS, BVL, SAILING, GERMAN = 1, 2, 30, 40, 50, 60


def pool_of(*people):
    return Pool.from_rows(people, region_codes=("dach",))


def test_count_shared_handles_empty_rows_and_counts_each_shared_id():
    lists = IdLists.from_lists([[], [1, 2, 3], [], [3], [7, 9]])
    assert count_shared(lists, np.array([3, 9])).tolist() == [0, 1, 0, 1, 1]
    assert count_shared(lists, np.array([], dtype=np.int64)).tolist() == [0, 0, 0, 0, 0]


def test_count_shared_with_widely_spread_ids():
    lists = IdLists.from_lists([[5, 2**40], [2**40 + 1]])
    assert count_shared(lists, np.array([5, 2**40 + 1])).tolist() == [1, 1]


@given(
    rows=st.lists(st.frozensets(st.integers(0, 50), max_size=6), max_size=20),
    mine=st.frozensets(st.integers(0, 50), max_size=8),
)
def test_count_shared_equals_set_intersection(rows, mine):
    counted = count_shared(IdLists.from_lists(rows), np.array(sorted(mine), dtype=np.int64))
    assert counted.tolist() == [len(row & mine) for row in rows]


@pytest.mark.parametrize(
    ("shared", "better_than"),
    [
        ({"schools": {TU_DORTMUND}}, {}),
        ({"schools": {TU_DORTMUND}}, {"languages": {GERMAN}}),
        ({"schools": {TU_DORTMUND}, "interests": {SAILING}}, {"schools": {TU_DORTMUND}}),
        ({"associations": {BVL}}, {"cities": {9}}),
    ],
)
def test_score_orders_by_kind_weight_and_count(shared, better_than):
    mine = {"school": {TU_DORTMUND}, "language": {GERMAN}, "interest": {SAILING}, "association": {BVL},
            "city": {9}}  # fmt: skip
    kinds = lambda fields: {k: frozenset(v) for k, v in fields.items()}  # noqa: E731
    pool = pool_of(PersonRow(person_id=1, **kinds(shared)), PersonRow(person_id=2, **kinds(better_than)))
    scores = score_commonalities(pool, mine=mine)
    assert scores[0] > scores[1]
    assert np.all((scores >= 0) & (scores < 1))


def test_employers_come_from_every_position_current_or_past():
    pool = pool_of(
        PersonRow(person_id=1, positions=(PositionRow(org_id=7), PositionRow(org_id=SIEMENS, current=False))),
    )
    found = find_commonalities(mine={"employer": [SIEMENS]}, pool=pool, index=0)
    assert found == [Commonality(kind="employer", id=SIEMENS, label_key="common_employer")]


def test_find_commonalities_names_strongest_kinds_first():
    pool = pool_of(
        PersonRow(person_id=1, schools=frozenset({RWTH, TU_DORTMUND}), languages=frozenset({GERMAN}),
                  associations=frozenset({BVL})),
    )  # fmt: skip
    mine = {"school": [TU_DORTMUND, RWTH], "language": [GERMAN], "association": [BVL], "interest": [SAILING]}
    found = find_commonalities(mine=mine, pool=pool, index=0)
    expected = [("school", TU_DORTMUND), ("school", RWTH), ("association", BVL), ("language", GERMAN)]
    assert [(c.kind, c.id) for c in found] == expected


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError, match="hobby"):
        score_commonalities(pool_of(PersonRow(person_id=1)), mine={"hobby": [1]})
