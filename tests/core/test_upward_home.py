"""Goals without levels are upward from the user's level; goals without regions are at home."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vernetzt.core.commonality import score_commonalities
from vernetzt.core.fit import home_of
from vernetzt.core.pool import PersonRow, Pool, PositionRow
from vernetzt.core.ranking import GoalSpec, MeSpec, Weights, rank_pool
from vernetzt.core.reasons import describe_reason

REGIONS = ("dach", "europe", "southeast_asia", "asia", "apac", "north_america", "eastern_europe")
UNPAID, TRAINING, ENTRY, SENIOR, MANAGER, DIRECTOR, VP, CXO = range(8)
SUPPLY_CHAIN, FINANCE, SALES = 3, 11, 6
GERMANY, USA, AUSTRIA, POLAND = 0, 1, 2, 3
TU_DORTMUND, SAILING, DORTMUND = 1, 2, 3
LABELS = {"region": {"dach": "DACH"}, "function": {FINANCE: "Finanzen"}}
ME = MeSpec(seniority=DIRECTOR, country_idx=GERMANY, home_region="dach", school_ids=frozenset({TU_DORTMUND}),
            interest_ids=frozenset({SAILING}), city_ids=frozenset({DORTMUND}))  # fmt: skip
PLACES = {
    GERMANY: frozenset({"dach", "europe"}),
    AUSTRIA: frozenset({"dach", "europe"}),
    POLAND: frozenset({"eastern_europe", "europe"}),
    USA: frozenset({"north_america"}),
}


def someone(person_id, seniority, function=FINANCE, country=GERMANY, *, warm=False, **fields):
    position = PositionRow(title="t", seniority=seniority, function=function, org_id=900 + person_id)
    if warm:
        fields |= {"degree": 1, "my_strength": 1.0, "relationship": "existing", "last_contact_days": 20,
                   "schools": frozenset({TU_DORTMUND}), "interests": frozenset({SAILING})}  # fmt: skip
    regions = PLACES.get(country, frozenset())
    return PersonRow(
        person_id=person_id, positions=(position,), country_idx=country, regions=regions, **fields
    )


def pool_of(*people):
    return Pool.from_rows(people, region_codes=REGIONS)


def ids(ranked):
    return [c.person_id for c in ranked]


CFO_GOAL = GoalSpec(functions=frozenset({FINANCE}))


def test_without_levels_higher_comes_first_and_juniors_last():
    pool = pool_of(
        someone(1, UNPAID, warm=True),
        someone(2, TRAINING, warm=True),
        someone(3, SENIOR, warm=True),
        someone(4, MANAGER),
        someone(5, DIRECTOR),
        someone(6, VP),
        someone(7, CXO),
    )
    order = ids(rank_pool(pool, goal=CFO_GOAL, me=ME))
    assert order[:5] == [7, 6, 5, 4, 3]
    assert set(order[5:]) == {1, 2}, "interns and trainees: last, however warm"


def test_an_intern_with_everything_in_common_no_longer_ties_with_the_head_of_the_function():
    # The case: a director-level user, a goal without levels.
    pool = pool_of(someone(1, UNPAID, SUPPLY_CHAIN), someone(2, DIRECTOR, SUPPLY_CHAIN))
    ranked = rank_pool(pool, goal=GoalSpec(functions=frozenset({SUPPLY_CHAIN})), me=ME)
    assert ids(ranked) == [2, 1]
    assert ranked[0].score > 5 * ranked[1].score


@settings(max_examples=60, deadline=None)
@given(
    weights=st.builds(Weights, **{name: st.floats(0.01, 10) for name in
                                  ("relevance", "upward", "commonality", "reachability", "relationship")}),
    junior_rank=st.sampled_from([UNPAID, TRAINING, ENTRY, SENIOR]),
    senior_rank=st.sampled_from([DIRECTOR, VP, CXO]),
    me_rank=st.sampled_from([MANAGER, DIRECTOR, VP]),
)  # fmt: skip
def test_two_levels_below_never_outranks_a_fitting_senior_whatever_the_weights(
    weights, junior_rank, senior_rank, me_rank
):
    me = MeSpec(
        seniority=me_rank, country_idx=GERMANY, home_region="dach", school_ids=frozenset({TU_DORTMUND})
    )
    junior = someone(1, junior_rank, warm=True)
    senior = someone(2, max(senior_rank, me_rank))
    ranked = rank_pool(pool_of(junior, senior), goal=CFO_GOAL, me=me, weights=weights)
    if junior_rank <= TRAINING or junior_rank <= me_rank - 2:
        assert ids(ranked) == [2, 1]


def test_explicit_levels_still_win():
    pool = pool_of(someone(1, TRAINING), someone(2, CXO))
    ranked = rank_pool(
        pool, goal=GoalSpec(levels=frozenset({TRAINING}), functions=frozenset({FINANCE})), me=ME
    )
    assert ids(ranked) == [1, 2]


def test_without_a_profile_upward_counts_from_a_professional_level():
    pool = pool_of(someone(1, UNPAID), someone(2, SENIOR), someone(3, MANAGER))
    assert ids(rank_pool(pool, goal=CFO_GOAL, me=MeSpec())) == [3, 2, 1]


def test_without_regions_home_country_then_home_region_then_the_rest():
    pool = pool_of(
        someone(1, VP, country=USA),
        someone(2, VP, country=POLAND),
        someone(3, VP, country=AUSTRIA),
        someone(4, VP, country=GERMANY),
        someone(5, VP, country=-1),
    )
    ranked = rank_pool(pool, goal=CFO_GOAL, me=ME)
    assert ids(ranked)[:3] == [4, 3, 5]
    assert set(ids(ranked)[3:]) == {1, 2}
    german = {c.person_id: [describe_reason(r, "de", LABELS) for r in c.reasons] for c in ranked}
    assert "In Ihrem Land" in german[4]
    assert "In Ihrer Region (DACH)" in german[3]
    english = [describe_reason(r, "en", LABELS) for r in ranked[0].reasons]
    assert "In your country" in english


def test_a_goal_for_anywhere_ignores_home():
    pool = pool_of(someone(1, CXO, country=USA), someone(2, VP, country=GERMANY))
    anywhere = GoalSpec(functions=frozenset({FINANCE}), anywhere=True)
    assert ids(rank_pool(pool, goal=anywhere, me=ME)) == [1, 2]
    assert ids(rank_pool(pool, goal=CFO_GOAL, me=ME)) == [2, 1]


def test_a_home_vp_beats_a_warm_vp_abroad_on_a_home_goal():
    pool = pool_of(someone(1, VP, country=USA, warm=True), someone(2, VP, country=GERMANY))
    assert ids(rank_pool(pool, goal=CFO_GOAL, me=ME)) == [2, 1]


def test_a_title_naming_the_home_region_counts_as_the_region():
    pool = pool_of(PersonRow(person_id=1, country_idx=USA, regions=frozenset({"dach", "north_america"})))
    assert home_of(pool, ME).tolist() == [1]


def test_same_country_and_region_are_weaker_commonalities_than_the_same_city():
    pool = pool_of(
        someone(1, VP, country=GERMANY, cities=frozenset({DORTMUND})),
        someone(2, VP, country=GERMANY),
        someone(3, VP, country=AUSTRIA),
        someone(4, VP, country=USA),
    )
    scores = score_commonalities(pool, mine=ME.commonality_ids, home=home_of(pool, ME))
    assert scores[0] > scores[1] > scores[2] > scores[3] == 0
    with_city = score_commonalities(pool, mine=ME.commonality_ids)
    assert scores[0] == pytest.approx(with_city[0]), "the same city already says the same country"


def test_a_goal_with_a_region_names_the_home_country_as_a_commonality():
    pool = pool_of(
        someone(1, VP, country=GERMANY), someone(2, VP, country=GERMANY, cities=frozenset({DORTMUND}))
    )
    goal = GoalSpec(functions=frozenset({FINANCE}), regions=frozenset({"europe"}))
    reasons = {c.person_id: [r.code for r in c.reasons] for c in rank_pool(pool, goal=goal, me=ME)}
    assert "home_country" in reasons[1]
    assert "home_country" not in reasons[2] and "common_city" in reasons[2]


def test_equal_scores_are_ordered_by_reach_then_commonality_then_recency_not_by_id():
    base = {"seniority": VP}
    pool = pool_of(
        someone(1, **base),
        someone(2, **base, relationship="existing", last_contact_days=400),
        someone(3, **base, relationship="existing", last_contact_days=30),
    )
    # Same score (an existing relationship counts the same, however recent): recency decides.
    ranked = rank_pool(pool, goal=CFO_GOAL, me=ME, weights=Weights(relationship=0))
    assert len({round(c.score, 9) for c in ranked}) == 1
    assert ids(ranked) == [3, 2, 1]
    ranked = rank_pool(pool, goal=CFO_GOAL, me=ME, weights=Weights(relationship=0, upward=0))
    assert ids(ranked) == [3, 2, 1]


def test_juniors_tie_on_goal_fit_and_are_ordered_by_warmth():
    pool = pool_of(someone(1, UNPAID), someone(2, UNPAID, warm=True))
    ranked = rank_pool(pool, goal=CFO_GOAL, me=ME)
    assert ranked[0].score == ranked[1].score
    assert ids(ranked) == [2, 1]


def test_home_needs_the_users_country():
    pool = pool_of(someone(1, VP, country=USA), someone(2, VP, country=GERMANY))
    scores = [c.score for c in rank_pool(pool, goal=CFO_GOAL, me=MeSpec(seniority=DIRECTOR))]
    assert np.isclose(scores[0], scores[1])
