"""Benefit suggestions and the whole briefing for one person, in a network of 30,000 people of whom 3,000
are known well (ties of 3 of 5 or more, or a close tier) — the size of a long career's LinkedIn export.

    python benchmarks/bench_benefits.py [--people 30000] [--close 3000]

Runs in a fresh temporary data directory (SQLite) unless VERNETZT_DATABASE_URL names another database.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30000)
    parser.add_argument("--close", type=int, default=3000)
    args = parser.parse_args()
    os.environ.setdefault("VERNETZT_HOME", tempfile.mkdtemp(prefix="vernetzt-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()
    from django.utils import timezone

    from vernetzt.accounts.services import ensure_account
    from vernetzt.core.titles import classify_title
    from vernetzt.journal.benefits import suggest_benefits
    from vernetzt.journal.briefing import build_briefing
    from vernetzt.migrate import migrate_database
    from vernetzt.people.models import Person
    from vernetzt.people.services import create_person, set_me

    migrate_database()
    user, _ = ensure_account(username=f"bench-{random.randrange(10**9)}")
    set_me(
        owner=user,
        title="Logistikleiter",
        organization="Muster GmbH",
        city="Dortmund",
        expertise=["Intralogistik"],
    )
    rng = random.Random(1)
    titles = [
        "Head of Supply Chain",
        "Einkäufer",
        "Vertriebsleiterin",
        "CFO",
        "IT-Leiter",
        "Lagerleiter",
        "Director Operations",
        "HR Business Partner",
        "Key Account Manager",
        "Geschäftsführer",
    ]
    fields = ["Kühlketten", "Kontraktlogistik", "Einkauf", "Vertrieb", "Controlling", "Lagerlogistik", ""]
    countries = [
        ("DE", ["dach", "europe", "western_europe"]),
        ("SG", ["southeast_asia", "asia", "apac"]),
        ("VN", ["southeast_asia", "asia", "apac"]),
        ("US", ["north_america", "americas"]),
    ]
    rows = []
    for i in range(args.people):
        title = rng.choice(titles)
        role = classify_title(title)
        country, regions = rng.choice(countries)
        field = rng.choice(fields)
        rows.append(
            Person(
                owner=user,
                display_name=f"Person {i}",
                last_name=f"P{i}",
                title=title,
                organization_name=f"Org {rng.randrange(2000)}",
                function=role.function,
                seniority=role.seniority,
                country=country,
                regions=regions,
                expertise=[field] if field else [],
                tier="developing" if i < args.close else "pool",
            )
        )
    Person.objects.bulk_create(rows, batch_size=2000)
    person = create_person(
        owner=user,
        first_name="Priya",
        last_name="Raman",
        title="VP Supply Chain APAC",
        city="Singapur",
        expertise=["Kühlketten"],
        needs=["Lagerplaner in Vietnam"],
    )
    print(f"{Person.objects.for_user(user).count()} people, {args.close} known well")
    for label, run in (
        ("suggest_benefits", lambda: suggest_benefits(owner=user, person=person, lang="de")),
        (
            "build_briefing",
            lambda: build_briefing(owner=user, person=person, lang="de", today=timezone.localdate()),
        ),
    ):
        run()  # warm caches (title and place tables, stems)
        times = []
        for _ in range(5):
            started = time.perf_counter()
            run()
            times.append(time.perf_counter() - started)
        print(f"{label}: median {sorted(times)[2] * 1000:.0f} ms over 5 runs")


if __name__ == "__main__":
    main()
