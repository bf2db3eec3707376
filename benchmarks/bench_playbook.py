"""The daily calendar rules and the Today page over 30,000 people and 20,000 logged meetings.

    python benchmarks/bench_playbook.py [--people 30000] [--interactions 20000]

Runs in a fresh temporary data directory (SQLite) unless VERNETZT_DATABASE_URL names another database.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from datetime import date, timedelta


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30000)
    parser.add_argument("--interactions", type=int, default=20000)
    args = parser.parse_args()
    os.environ.setdefault("VERNETZT_HOME", tempfile.mkdtemp(prefix="vernetzt-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()
    from vernetzt.accounts.services import ensure_account
    from vernetzt.journal.agenda import build_agenda
    from vernetzt.journal.models import Interaction
    from vernetzt.journal.services import run_calendar_playbook
    from vernetzt.migrate import migrate_database
    from vernetzt.people.models import Person

    migrate_database()
    user, _ = ensure_account(username=f"bench-{random.randrange(10**9)}")
    rng = random.Random(1)
    today = date(2026, 3, 16)
    # Mostly imported connections without a relationship, as after a LinkedIn import.
    tiers = ["pool"] * 90 + ["secondary"] * 5 + ["developing"] * 3 + ["inner", "new"]
    Person.objects.bulk_create(
        [
            Person(
                owner=user,
                display_name=f"Person {i}",
                last_name=f"P{i}",
                tier=rng.choice(tiers),
                birth_day=rng.randint(1, 28) if rng.random() < 0.3 else None,
                birth_month=rng.randint(1, 12),
                last_contact_on=today - timedelta(days=rng.randint(1, 2000)) if rng.random() < 0.2 else None,
            )
            for i in range(args.people)
        ],
        batch_size=2000,
    )
    ids = list(Person.objects.filter(owner=user).values_list("id", flat=True))
    Interaction.objects.bulk_create(
        [
            Interaction(
                owner=user,
                person_id=rng.choice(ids),
                kind="meeting",
                date=today - timedelta(days=rng.randint(1, 900)),
            )
            for _ in range(args.interactions)
        ],
        batch_size=2000,
    )
    started = time.perf_counter()
    created = run_calendar_playbook(owner=user, today=today)
    first = time.perf_counter() - started
    started = time.perf_counter()
    again = run_calendar_playbook(owner=user, today=today, force=True)
    second = time.perf_counter() - started
    started = time.perf_counter()
    agenda = build_agenda(owner=user, today=today, lang="de")
    page = time.perf_counter() - started
    print(f"calendar rules, first run of the day: {first:.2f} s, {len(created)} tasks")
    print(f"calendar rules, forced second run:    {second:.2f} s, {len(again)} new tasks (idempotent)")
    print(f"Today agenda (rules already ran):     {page * 1000:.0f} ms, {len(agenda.tasks)} tasks")


if __name__ == "__main__":
    main()
