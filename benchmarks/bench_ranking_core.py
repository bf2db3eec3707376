"""Benchmark the pure ranking core on synthetic pools (no database).

    .venv/bin/python benchmarks/bench_ranking_core.py [--sizes 100000 1000000] [--repeat 3]

For each size it builds a realistic pool (about 2.5 positions per person, titles and organizations
repeating heavily, 30 % with a headline, 5 % first-degree contacts, 3 ties per person, several
commonality lists per person), then times ``rank_pool`` for an expat goal with keywords and an event,
plus rendering the reasons of the top 50 in German. Memory: the pool's own arrays, the peak of
additional allocations during one query (tracemalloc, which numpy reports to), and the process's
maximum resident set size.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time
import tracemalloc

import numpy as np

from vernetzt.core.pool import COMMONALITY_KINDS, IdLists, Pool, Positions, Ties, mask_of_regions
from vernetzt.core.ranking import GoalSpec, MeSpec, rank_pool
from vernetzt.core.reasons import describe_reason

REGION_CODES = ("dach", "europe", "benelux", "nordics", "north_america", "asia", "southeast_asia", "apac",
                "east_asia", "south_asia", "middle_east", "latin_america")  # fmt: skip
PLACES = [
    ("dach", "europe"), ("benelux", "europe"), ("north_america",), ("southeast_asia", "asia", "apac"),
    ("east_asia", "asia", "apac"), ("south_asia", "asia", "apac"), ("middle_east",), ("latin_america",),
]  # fmt: skip
PLACE_WEIGHTS = [0.45, 0.1, 0.12, 0.08, 0.08, 0.05, 0.06, 0.06]
TITLE_WORDS = ["Head of", "Director", "Manager", "Leiter", "Senior", "VP", "Teamleiter", "Referent"]
AREA_WORDS = [
    "Logistik",
    "Supply Chain",
    "Einkauf",
    "Sales",
    "Finance",
    "IT",
    "HR",
    "Marketing",
    "Operations",
]


def build_pool(n: int, seed: int = 1) -> Pool:
    rng = np.random.default_rng(seed)
    masks = np.array([mask_of_regions(p, REGION_CODES) for p in PLACES], dtype=np.int64)
    place = rng.choice(len(PLACES), size=n, p=PLACE_WEIGHTS)

    counts = rng.choice([1, 2, 3, 4], size=n, p=[0.3, 0.3, 0.25, 0.15])
    indptr = np.concatenate([[0], np.cumsum(counts)])
    m = int(indptr[-1])
    first_of_person = np.zeros(m, dtype=bool)
    first_of_person[indptr[:-1]] = True
    n_titles, n_orgs = max(1000, n // 50), max(2000, n // 20)
    titles = [f"{TITLE_WORDS[i % 8]} {AREA_WORDS[i // 8 % 9]} {i}" for i in range(n_titles)]
    orgs = [f"Organisation {i} GmbH" for i in range(n_orgs)]
    n_headlines = int(n * 0.3)
    headlines = [f"Profil {i}: {AREA_WORDS[i % 9]} und mehr" for i in range(n_headlines)]
    texts = tuple(t.casefold() for t in titles + orgs + headlines)
    org_id = rng.zipf(1.3, size=m) % n_orgs
    headline_text = np.full(n, -1, dtype=np.int32)
    with_headline = rng.choice(n, size=n_headlines, replace=False)
    headline_text[with_headline] = n_titles + n_orgs + np.arange(n_headlines)

    positions = Positions(
        indptr=indptr, is_current=first_of_person, seniority=rng.integers(-1, 10, size=m),
        function=rng.integers(-1, 25, size=m), org_id=org_id,
        region_mask=np.where(rng.random(m) < 0.05, masks[rng.integers(0, len(masks), size=m)], 0),
        industry_id=rng.integers(-1, 40, size=m), title_text=rng.zipf(1.2, size=m) % n_titles,
        org_text=n_titles + org_id,
    )  # fmt: skip
    person_row = positions.person_row
    employer_pairs = np.unique(person_row.astype(np.int64) << 32 | org_id)
    employer_counts = np.bincount((employer_pairs >> 32).astype(np.int64), minlength=n)
    common = {
        "employer": IdLists(np.concatenate([[0], np.cumsum(employer_counts)]), employer_pairs & 0xFFFFFFFF)
    }
    sizes = {"school": (1, 3, 3000), "city": (1, 2, 5000), "interest": (0, 4, 300), "language": (1, 4, 60),
             "association": (0, 3, 800), "event": (0, 4, 1500)}  # fmt: skip
    for kind in COMMONALITY_KINDS:
        if kind == "employer":
            continue
        low, high, universe = sizes[kind]
        row_counts = rng.integers(low, high, size=n)
        ids = rng.zipf(1.5, size=int(row_counts.sum())) % universe
        common[kind] = IdLists(np.concatenate([[0], np.cumsum(row_counts)]), ids)

    first_degree = rng.random(n) < 0.05
    n_edges = 3 * n
    ties = Ties(source=rng.integers(0, n, n_edges), target=rng.integers(0, n, n_edges),
                strength=rng.random(n_edges))  # fmt: skip
    manager_row = np.full(n, -1, dtype=np.int32)
    manager_row[[0, 10, *range(20, 25)]] = [10, 11, 11, 11, 11, 11, 11]  # the user (row 0) and a line
    return Pool(
        region_codes=REGION_CODES, person_id=np.arange(1, n + 1) * 7, region_mask=masks[place],
        country_idx=place, degree=np.where(first_degree, 1, 0),
        relationship=np.where(first_degree, rng.integers(0, 3, n), 0),
        last_contact_days=np.where(first_degree, rng.integers(0, 3000, n), -1),
        my_strength=np.where(first_degree, rng.random(n), 0), headline_text=headline_text,
        positions=positions, texts=texts, common=common, ties=ties, manager_row=manager_row,
    )  # fmt: skip


def pool_bytes(pool: Pool) -> int:
    arrays = [getattr(pool, name) for name, _ in pool._DTYPES]
    arrays += [getattr(pool.positions, name) for name, _ in pool.positions._DTYPES]
    arrays += [a for lists in pool.common.values() for a in (lists.indptr, lists.indices)]
    arrays += [pool.ties.source, pool.ties.target, pool.ties.strength]
    return sum(a.nbytes for a in arrays) + sum(len(t) + 49 for t in pool.texts)


GOAL = GoalSpec(
    levels=frozenset({5, 6, 7, 8, 9}), functions=frozenset({3}), regions=frozenset({"southeast_asia"}),
    broader_regions=frozenset({"asia", "apac"}), keywords=("logistik", "supply chain"),
)  # fmt: skip
ME = MeSpec(
    seniority=4, org_id=17, person_id=7, school_ids=frozenset({1, 2}), city_ids=frozenset({3}),
    interest_ids=frozenset({4, 5}), language_ids=frozenset({1, 2}), association_ids=frozenset({6}),
    event_ids=frozenset({7}), employer_ids=frozenset({8, 9}),
)  # fmt: skip


def query(pool: Pool, attendees: np.ndarray) -> list[str]:
    ranked = rank_pool(pool, goal=GOAL, me=ME, event_attendees=attendees, event_id=1, limit=50)
    return [describe_reason(r, "de", {}) for c in ranked for r in c.reasons]


def run(n: int, repeat: int) -> None:
    started = time.perf_counter()
    pool = build_pool(n)
    built = time.perf_counter() - started
    attendees = np.random.default_rng(2).choice(n, size=min(n, 2000), replace=False)

    started = time.perf_counter()
    query(pool, attendees)  # first query also joins the distinct texts for keyword search (cached)
    cold = time.perf_counter() - started
    timings = []
    for _ in range(repeat):
        started = time.perf_counter()
        query(pool, attendees)
        timings.append(time.perf_counter() - started)

    tracemalloc.start()
    tracemalloc.reset_peak()
    query(pool, attendees)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{n:>9,} persons · {len(pool.positions):>9,} positions · {len(pool.ties.source):>9,} ties | "
        f"build {built:5.2f} s | first query {cold:5.3f} s | "
        f"query median {statistics.median(timings):5.3f} s "
        f"(min {min(timings):5.3f}) | pool {pool_bytes(pool) / 2**20:6.1f} MiB | "
        f"query peak +{peak / 2**20:6.1f} MiB | max RSS {rss:6.0f} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    for n in args.sizes:
        run(n, args.repeat)


if __name__ == "__main__":
    main()
