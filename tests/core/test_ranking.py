import random
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vernetzt.core.pool import PersonRow, Pool, PositionRow, normalize_text
from vernetzt.core.ranking import GoalSpec, MeSpec, Weights, rank_pool
from vernetzt.core.reasons import Reason, describe_reason

REGIONS = ("dach", "europe", "southeast_asia", "asia", "apac", "north_america")
SEA = frozenset({"southeast_asia", "asia", "apac"})
DE = frozenset({"dach", "europe"})
# Seniority ranks and function indices in the binding order of DESIGN §3.
ENTRY, SENIOR, MANAGER, DIRECTOR, VP, CXO = 2, 3, 4, 5, 6, 7
GENERAL_MANAGEMENT, SUPPLY_CHAIN, SALES, FINANCE = 0, 3, 6, 11
TU_DORTMUND, BVL, COLOGNE, BLUE_YONDER = 501, 701, 801, 901

LABELS = {
    "function": {SUPPLY_CHAIN: "Supply Chain & Logistik", FINANCE: "Finanzen", SALES: "Vertrieb"},
    "region": {"southeast_asia": "Südostasien", "apac": "Asien-Pazifik"},
    "person": {100: "Daniel Ortmann"},
    "school": {TU_DORTMUND: "TU Dortmund"},
    "event": {42: "Logistik-Forum 2026"},
    "association": {BVL: "BVL"},
    "city": {COLOGNE: "Köln"},
    "org": {BLUE_YONDER: "Blue Yonder"},
}


def person(person_id, title, seniority, function, regions=frozenset(), *, past=(), **fields):
    current = PositionRow(title=title, seniority=seniority, function=function, org_id=person_id + 1000)
    return PersonRow(person_id=person_id, positions=(current, *past), regions=regions, **fields)


def seeded_scenario_pool() -> Pool:
    people = [
        person(1, "Director Supply Chain SEA", DIRECTOR, SUPPLY_CHAIN, SEA),
        person(2, "VP Logistics", VP, SUPPLY_CHAIN, DE, past=()),
        person(3, "Head of Logistics Vietnam", DIRECTOR, SUPPLY_CHAIN, SEA, schools=frozenset({TU_DORTMUND})),
        person(
            4,
            "Logistics Coordinator",
            ENTRY,
            SUPPLY_CHAIN,
            SEA,
            degree=1,
            relationship="existing",
            schools=frozenset({TU_DORTMUND}),
            cities=frozenset({COLOGNE}),
            associations=frozenset({BVL}),
        ),
        person(5, "Chief Financial Officer", CXO, FINANCE, SEA, degree=1, schools=frozenset({TU_DORTMUND})),
        person(6, "Chief Executive Officer", CXO, GENERAL_MANAGEMENT, SEA),
        person(
            7, "Supply Chain Director", DIRECTOR, SUPPLY_CHAIN, DE, degree=1, schools=frozenset({TU_DORTMUND})
        ),
        person(8, "Supply Chain Manager", MANAGER, SUPPLY_CHAIN, SEA),
        person(
            9,
            "Leiter Logistik",
            DIRECTOR,
            SUPPLY_CHAIN,
            DE,
            past=(
                PositionRow(
                    title="Director Supply Chain Thailand",
                    seniority=DIRECTOR,
                    function=SUPPLY_CHAIN,
                    regions=frozenset({"southeast_asia"}),
                    current=False,
                ),
            ),
        ),
        person(10, "Sales Director SEA", DIRECTOR, SALES, SEA, degree=1),
        person(11, "Senior Buyer", SENIOR, SUPPLY_CHAIN, SEA),
        person(
            100,
            "Teamleiter Logistik",
            MANAGER,
            SUPPLY_CHAIN,
            DE,
            degree=1,
            my_strength=0.8,
            relationship="existing",
        ),
    ]
    people[1] = replace(people[1], positions=(replace(people[1].positions[0], regions=frozenset({"apac"})),))
    return Pool.from_rows(people, region_codes=REGIONS, ties=[(100, 1, 0.4), (100, 8, 0.9)])


EXPAT_GOAL = GoalSpec(
    levels=frozenset({DIRECTOR, VP, CXO, 8, 9}),
    functions=frozenset({SUPPLY_CHAIN}),
    regions=frozenset({"southeast_asia"}),
    broader_regions=frozenset({"asia", "apac"}),
)
LOGISTICS_LEAD = MeSpec(
    seniority=MANAGER,
    org_id=77,
    school_ids=frozenset({TU_DORTMUND}),
    city_ids=frozenset({COLOGNE}),
    association_ids=frozenset({BVL}),
)


def ids(ranked):
    return [candidate.person_id for candidate in ranked]


def test_seeded_scenario_puts_senior_supply_chain_people_in_southeast_asia_first():
    ranked = rank_pool(seeded_scenario_pool(), goal=EXPAT_GOAL, me=LOGISTICS_LEAD, limit=20)
    order = ids(ranked)
    assert set(order[:2]) == {1, 3}
    senior_sea = {1, 3}
    for outsider in (4, 11, 5, 6, 10, 7):  # juniors there, unrelated executives, seniors elsewhere
        assert all(order.index(top) < order.index(outsider) for top in senior_sea), outsider
    assert order.index(9) < order.index(7), "having held the role in SEA beats never having been there"
    assert order.index(2) < order.index(7), "APAC responsibility beats none"
    assert all(candidate.reasons for candidate in ranked[:5])


def test_seeded_scenario_explains_itself_in_both_languages():
    ranked = {c.person_id: c for c in rank_pool(seeded_scenario_pool(), goal=EXPAT_GOAL, me=LOGISTICS_LEAD)}
    german = [describe_reason(r, "de", LABELS) for r in ranked[1].reasons]
    assert "Leitet Supply Chain & Logistik in Südostasien" in german
    assert "Über Daniel Ortmann erreichbar (mäßig schwache Verbindung)" in german
    assert "Eine Ebene über Ihnen" in german
    english = [describe_reason(r, "en", LABELS) for r in ranked[3].reasons]
    assert english[:1] == ["Leads Supply Chain & Logistik in Südostasien"]
    assert "Same school: TU Dortmund" in english
    past = [describe_reason(r, "de", LABELS) for r in ranked[9].reasons]
    assert past[0] == "Leitete früher Supply Chain & Logistik in Südostasien"


def test_reasons_are_ordered_goal_first_and_components_lie_in_unit_interval():
    for candidate in rank_pool(seeded_scenario_pool(), goal=EXPAT_GOAL, me=LOGISTICS_LEAD):
        assert 0 <= candidate.score <= 100
        assert set(candidate.components) == {
            "relevance",
            "upward",
            "commonality",
            "reachability",
            "relationship",
            "event",
        }
        assert all(0 <= value <= 1 for value in candidate.components.values())


def test_junior_with_everything_in_common_cannot_float_up_on_commonality():
    weights = Weights(commonality=5.0, reachability=5.0)
    order = ids(rank_pool(seeded_scenario_pool(), goal=EXPAT_GOAL, me=LOGISTICS_LEAD, weights=weights))
    assert order.index(4) > order.index(1)
    assert order.index(4) > order.index(3)


def test_raising_reachability_weight_lifts_the_direct_contact_above_the_stranger():
    # 7 (German SC director, direct contact, same school) vs 6 (CEO in SEA, cold).
    pool = seeded_scenario_pool()
    default = ids(rank_pool(pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, limit=20))
    assert default.index(6) < default.index(7)
    warm = Weights(relevance=0.5, reachability=8.0, commonality=4.0)
    adjusted = ids(rank_pool(pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, weights=warm, limit=20))
    assert adjusted.index(7) < adjusted.index(6)


def test_goal_weights_are_used_when_none_are_passed():
    pool = seeded_scenario_pool()
    warm = Weights(relevance=0.5, reachability=8.0, commonality=4.0)
    explicit = rank_pool(pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, weights=warm, limit=20)
    from_goal = rank_pool(pool, goal=replace(EXPAT_GOAL, weights=warm), me=LOGISTICS_LEAD, limit=20)
    assert ids(explicit) == ids(from_goal)


def test_event_presence_counts_and_only_event_filters():
    pool = seeded_scenario_pool()
    attendees = pool.rows_of([8, 11])
    ranked = rank_pool(
        pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, event_attendees=attendees, event_id=42, only_event=True
    )
    assert ids(ranked) == [8, 11]
    assert "Nimmt an Logistik-Forum 2026 teil" in [
        describe_reason(r, "de", LABELS) for r in ranked[0].reasons
    ]
    without = {c.person_id: c.score for c in rank_pool(pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, limit=20)}
    with_event = {
        c.person_id: c.score
        for c in rank_pool(pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, limit=20, event_attendees=attendees)
    }
    assert with_event[8] > with_event[6]
    assert without[8] < without[6] or with_event[8] - with_event[6] > without[8] - without[6]
    with pytest.raises(ValueError, match="only_event"):
        rank_pool(pool, goal=EXPAT_GOAL, me=LOGISTICS_LEAD, only_event=True)


def test_exclude_ids_and_limit():
    ranked = rank_pool(seeded_scenario_pool(), goal=EXPAT_GOAL, me=LOGISTICS_LEAD, limit=3, exclude_ids=[1])
    assert len(ranked) == 3 and 1 not in ids(ranked)


@pytest.mark.parametrize(
    ("chain_role", "person_id", "expected"),
    [
        ("manager", 21, "Ihre Führungskraft"),
        ("manager of manager", 22, "Führungskraft Ihrer Führungskraft"),
        ("further up", 23, "Weiter oben in Ihrer Berichtslinie"),
        (
            "the manager's level, no line: the boss's boss is known",
            24,
            "In Ihrem Unternehmen eine Ebene über Ihnen",
        ),
        ("peer of manager, by line", 28, "Auf einer Ebene mit Ihrer Führungskraft"),
        ("above me, same org", 25, "In Ihrem Unternehmen zwei Ebenen über Ihnen"),
    ],
)
def test_network_upward_in_my_organization(chain_role, person_id, expected):
    def colleague(pid, seniority, reports_to=-1):
        return PersonRow(
            person_id=pid, positions=(PositionRow(seniority=seniority, org_id=77),), reports_to=reports_to
        )

    pool = Pool.from_rows(
        [
            colleague(20, MANAGER, reports_to=21),  # the user
            colleague(21, DIRECTOR, reports_to=22),
            colleague(22, VP, reports_to=23),
            colleague(23, CXO),
            colleague(24, DIRECTOR),
            colleague(25, VP),
            colleague(26, MANAGER),
            colleague(27, ENTRY),
            colleague(28, MANAGER, reports_to=22),
            colleague(29, VP, reports_to=21),  # the user's peer, whatever the title says
            colleague(30, ENTRY, reports_to=20),  # the user's report
        ],
        region_codes=REGIONS,
    )
    me = MeSpec(seniority=MANAGER, org_id=77, person_id=20)
    ranked = {c.person_id: c for c in rank_pool(pool, goal=GoalSpec(), me=me)}
    assert expected in [describe_reason(r, "de", LABELS) for r in ranked[person_id].reasons]
    assert ranked[person_id].components["upward"] > ranked[26].components["upward"] == 0
    assert ranked[22].score > ranked[21].score, "the boss's boss matters more than the boss"
    assert ranked[29].components["upward"] == ranked[30].components["upward"] == 0
    relations = {pid: ranked[pid].relation for pid in (21, 22, 23, 24, 25, 26, 28, 29, 30)}
    assert relations == {
        21: "manager", 22: "manager_of_manager", 23: "above", 24: "above", 25: "above",
        26: None, 28: "peer_of_manager", 29: None, 30: None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("goal_levels", "person_rank", "better_than_rank"),
    [
        ({DIRECTOR}, DIRECTOR, MANAGER),
        ({DIRECTOR}, VP, MANAGER),
        ({DIRECTOR}, MANAGER, SENIOR),
        ({DIRECTOR}, DIRECTOR, CXO),
        ({MANAGER, DIRECTOR}, MANAGER, ENTRY),
    ],
)
def test_level_fit_table(goal_levels, person_rank, better_than_rank):
    pool = Pool.from_rows(
        [person(1, "a", better_than_rank, SUPPLY_CHAIN), person(2, "b", person_rank, SUPPLY_CHAIN)],
        region_codes=REGIONS,
    )
    goal = GoalSpec(levels=frozenset(goal_levels), functions=frozenset({SUPPLY_CHAIN}))
    ranked = rank_pool(pool, goal=goal, me=MeSpec())
    assert ids(ranked) == [2, 1]


def test_keywords_match_titles_organizations_and_headlines_case_and_umlaut_insensitively():
    pool = Pool.from_rows(
        [
            PersonRow(person_id=1, positions=(PositionRow(title="Leiterin Kontraktlogistik", org_name="X"),)),
            PersonRow(person_id=2, positions=(PositionRow(title="Buyer", org_name="Kühne + Nagel"),)),
            PersonRow(person_id=3, headline="Expat in Singapore, Lieferkette"),
            PersonRow(person_id=4, positions=(PositionRow(title="Accountant", org_name="Muster"),)),
        ],
        region_codes=REGIONS,
    )
    goal = GoalSpec(keywords=("LOGISTIK", "kuehne", "lieferkette"))
    ranked = rank_pool(pool, goal=goal, me=MeSpec())
    assert ids(ranked)[-1] == 4
    assert {r.params["keyword"] for c in ranked[:3] for r in c.reasons if r.code == "keyword"} == {
        "LOGISTIK",
        "kuehne",
        "lieferkette",
    }


def test_dormant_ties_are_recognised_from_silence_and_named():
    pool = Pool.from_rows(
        [
            PersonRow(person_id=1, degree=1, relationship="existing", last_contact_days=4 * 365 + 10),
            PersonRow(person_id=2, degree=1, relationship="existing", last_contact_days=30),
        ],
        region_codes=REGIONS,
    )
    ranked = rank_pool(pool, goal=GoalSpec(), me=MeSpec())
    assert ids(ranked) == [1, 2]
    texts = [describe_reason(r, "de", LABELS) for r in ranked[0].reasons]
    assert "Ruhender Kontakt, seit 4 Jahren kein Austausch – eine Wiederaufnahme lohnt sich" in texts


def test_order_does_not_depend_on_row_order_and_ties_go_to_lower_person_id():
    people = [person(pid, "Supply Chain Director", DIRECTOR, SUPPLY_CHAIN, SEA) for pid in range(1, 41)]
    shuffled = people[:]
    random.Random(7).shuffle(shuffled)
    results = [
        ids(
            rank_pool(
                Pool.from_rows(rows, region_codes=REGIONS), goal=EXPAT_GOAL, me=LOGISTICS_LEAD, limit=10
            )
        )
        for rows in (people, shuffled)
    ]
    assert results[0] == results[1] == list(range(1, 11))


def test_unknown_region_in_goal_is_an_error():
    with pytest.raises(ValueError, match="unknown region"):
        rank_pool(seeded_scenario_pool(), goal=GoalSpec(regions=frozenset({"atlantis"})), me=MeSpec())


def test_describe_reason_rejects_unknown_language_and_falls_back_to_ids():
    with pytest.raises(ValueError, match="language"):
        describe_reason(Reason("first_degree"), "fr", {})
    assert describe_reason(Reason("common_school", {"school": 9}), "en", {}) == "Same school: #9"


_positions = st.builds(
    PositionRow,
    title=st.sampled_from(["", "Head of Logistics", "Einkäuferin", "CFO"]),
    seniority=st.integers(-1, 9),
    function=st.integers(-1, 24),
    org_id=st.integers(-1, 5),
    regions=st.frozensets(st.sampled_from(REGIONS), max_size=3),
    industry_id=st.integers(-1, 3),
    current=st.booleans(),
)
_id_sets = st.frozensets(st.integers(0, 6), max_size=3)


@st.composite
def pools(draw):
    count = draw(st.integers(1, 30))
    people = [
        PersonRow(
            person_id=draw(st.integers(0, 10**9)) * 100 + i,
            positions=tuple(draw(st.lists(_positions, max_size=3))),
            regions=draw(st.frozensets(st.sampled_from(REGIONS), max_size=3)),
            degree=draw(st.integers(0, 2)),
            relationship=draw(st.sampled_from(["new", "existing", "dormant"])),
            last_contact_days=draw(st.integers(-1, 5000)),
            my_strength=draw(st.floats(0, 1)),
            headline=draw(st.sampled_from(["", "logistics expat"])),
            schools=draw(_id_sets),
            interests=draw(_id_sets),
            events=draw(_id_sets),
        )
        for i in range(count)
    ]
    edges = draw(st.lists(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1), st.floats(0, 1))))
    ties = [(people[a].person_id, people[b].person_id, s) for a, b, s in edges]
    return Pool.from_rows(people, region_codes=REGIONS, ties=ties)


_goals = st.builds(
    GoalSpec,
    levels=st.frozensets(st.integers(0, 9), max_size=3),
    functions=st.frozensets(st.integers(0, 24), max_size=2),
    regions=st.frozensets(st.sampled_from(REGIONS), max_size=2),
    organizations=st.frozensets(st.integers(0, 5)),
    industries=st.frozensets(st.integers(0, 3), max_size=2),
    keywords=st.sampled_from([(), ("logist",)]),
    weights=st.builds(
        Weights,
        **{
            name: st.floats(0, 10)
            for name in ("relevance", "upward", "commonality", "reachability", "relationship", "event")
        },
    ),
)
_me = st.builds(
    MeSpec,
    seniority=st.none() | st.integers(0, 9),
    org_id=st.none() | st.integers(0, 5),
    school_ids=_id_sets,
    interest_ids=_id_sets,
    event_ids=_id_sets,
)


@settings(max_examples=150, deadline=None)
@given(pool=pools(), goal=_goals, me=_me, limit=st.integers(0, 12), with_event=st.booleans())
def test_random_pools_rank_finitely_sorted_and_explained(pool, goal, me, limit, with_event):
    attendees = np.arange(0, len(pool), 2) if with_event else None
    ranked = rank_pool(pool, goal=goal, me=me, limit=limit, event_attendees=attendees, event_id=1)
    assert len(ranked) == min(limit, len(pool))

    def key(c):
        days = int(pool.last_contact_days[c.row])
        silence = days if days >= 0 else np.iinfo(np.int32).max
        reach, common = c.components["reachability"], c.components["commonality"]
        return (-c.score, -reach, -common, silence, c.person_id)

    keys = [key(c) for c in ranked]
    assert keys == sorted(keys)
    for candidate in ranked:
        assert np.isfinite(candidate.score) and 0 <= candidate.score <= 100
        for reason in candidate.reasons:
            assert describe_reason(reason, "de", LABELS) and describe_reason(reason, "en", LABELS)
    everyone = rank_pool(pool, goal=goal, me=me, limit=len(pool), event_attendees=attendees)
    assert ids(ranked) == ids(everyone)[:limit], "top-K selection must agree with the full order"


@given(
    texts=st.lists(st.text(alphabet="abcü ß\n", max_size=8), max_size=8),
    keywords=st.lists(st.text(alphabet="abcü ß", max_size=3), max_size=3),
)
def test_keyword_matching_over_distinct_texts_equals_substring_search(texts, keywords):
    people = [PersonRow(person_id=i, headline=text) for i, text in enumerate(texts)]
    pool = Pool.from_rows(people, region_codes=REGIONS)
    needles = [normalize_text(k).strip() for k in keywords]
    expected = [any(needle and needle in text for needle in needles) for text in pool.texts]
    assert pool.texts_matching(keywords).tolist() == expected


@pytest.mark.parametrize(
    ("keyword", "lang", "text"),
    [
        ("Kühlkette", "en", "Matches “cold chain”"),
        ("Kühlkette", "de", "Passt zu „Kühlkette“"),
        ("Hafen", "en", "Matches “port”"),
        ("Regalbau", "en", "Matches “Regalbau”"),  # a word the vocabulary does not know stays as written
    ],
)
def test_a_goal_keyword_reads_in_the_readers_language_where_known(keyword, lang, text):
    assert describe_reason(Reason("keyword", {"keyword": keyword}), lang, LABELS) == text
