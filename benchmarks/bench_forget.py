"""Forgetting one person in a network of 30,000 (LinkedIn's cap), and importing the same file again
with erased people in it.

    python benchmarks/bench_forget.py [--people 30000] [--erase 5] [--database-url postgres://…]

Imports a generated Connections.csv into a fresh database, then times ``erase_person`` (on SQLite it
merges the full-text index and rebuilds the file with VACUUM, so no deleted byte stays behind) and a
re-import of the same file that skips the erased people.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from bench_setup import fresh_database
from gen_linkedin import generate_connections_csv


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--erase", type=int, default=5)
    parser.add_argument("--database-url", default="")
    args = parser.parse_args()

    fresh_database(args.database_url)
    from django.conf import settings
    from django.db import connection

    from vernetzt.accounts.services import ensure_account
    from vernetzt.people.models import Person
    from vernetzt.privacy.erasure import erase_person
    from vernetzt.transfer.services import import_linkedin

    owner, _ = ensure_account(username="bench")
    data = generate_connections_csv(args.people)
    import_linkedin(owner=owner, source=data, filename="Connections.csv")
    size = ""
    if connection.vendor == "sqlite":
        size = f", database file {Path(settings.DATABASES['default']['NAME']).stat().st_size / 1e6:.0f} MB"
    count = Person.objects.for_user(owner).count()
    print(f"{connection.vendor}: {count} people{size}")
    timings = []
    for person in list(Person.objects.for_user(owner).filter(is_me=False).order_by("?")[: args.erase]):
        start = time.perf_counter()
        erase_person(owner=owner, person=person)
        timings.append(time.perf_counter() - start)
    print(f"erase one person: median {statistics.median(timings):.2f} s, max {max(timings):.2f} s")
    start = time.perf_counter()
    report = import_linkedin(owner=owner, source=data, filename="Connections.csv")
    took = time.perf_counter() - start
    print(f"re-import of the same file: {took:.1f} s, {report.extra.get('erased', 0)} skipped as erased")
    sys.exit(0 if report.extra.get("erased") == args.erase else 1)


if __name__ == "__main__":
    main()
