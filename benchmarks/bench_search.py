"""People search at scale: the full-text index against 30,000 (LinkedIn's cap) or more people.

    python benchmarks/bench_search.py [--people 30000] [--database-url postgres://…]

Creates the people in a fresh SQLite file in a temporary folder (or the given PostgreSQL database,
which must be empty), then times typical searches as the people list runs them: the first page of 50
results plus the total count.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time

from bench_setup import fresh_database

QUERIES = ["müller", "schae", "logistik", "harbourline", "sing", "priya ram", "leiter einkauf", "zz-nobody"]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()

    fresh_database(args.database_url)
    from django.db import connection

    from vernetzt.accounts.services import ensure_account
    from vernetzt.demo import GERMAN_FIRST, GERMAN_LAST, GERMAN_ORGS, GERMAN_TITLES, SEA_ORGS, SEA_TITLES
    from vernetzt.people.models import Person
    from vernetzt.people.search import search_people
    from vernetzt.people.services import refresh_derived

    owner, _ = ensure_account(username="bench")
    rng = random.Random(7)
    started = time.perf_counter()
    batch = []
    for i in range(args.people):
        org, city = rng.choice(GERMAN_ORGS + SEA_ORGS)
        person = Person(
            owner=owner,
            first_name=rng.choice(GERMAN_FIRST),
            last_name=rng.choice(GERMAN_LAST),
            title=rng.choice(GERMAN_TITLES + SEA_TITLES),
            organization_name=org,
            city=city,
            emails=[f"p{i}@example.com"],
        )
        person.display_name = f"{person.first_name} {person.last_name}"
        refresh_derived(person)
        batch.append(person)
        if len(batch) == 5000:
            Person.objects.bulk_create(batch)
            batch.clear()
    Person.objects.bulk_create(batch)
    created = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # What autovacuum does shortly after a bulk load; without statistics the planner ignores GIN.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE people_person")
    print(f"{connection.vendor}: created {args.people:,} people in {created:.1f} s")

    people = Person.objects.for_user(owner)
    for query in QUERIES:
        timings = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = search_people(people, query)
            page = list(found.only("id", "display_name", "title", "organization_name")[:50])
            total = found.count()
            timings.append(time.perf_counter() - t0)
        median_ms, max_ms = statistics.median(timings) * 1000, max(timings) * 1000
        print(
            f"  {query!r:16} {total:>7,} hits, first page + count: median {median_ms:6.1f} ms"
            f" (max {max_ms:.1f} ms, {len(page)} shown)"
        )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
