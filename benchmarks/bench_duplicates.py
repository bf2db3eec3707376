"""The full duplicate scan (`vernetzt duplicates`, the web page) over a 30,000-person network.

    .venv/bin/python benchmarks/bench_duplicates.py [--people N] [--database-url postgres://…] [--repeat 3]

Generates a network into a fresh database (SQLite in a temporary folder, or the given empty PostgreSQL
database): German, English, Turkish and Southeast Asian given names, about 700 family names with a
long tail (a few very common ones, as in a real German network), 1,500 organizations; 8 % of the people
appear a second time the way another source writes them (nickname, middle name, "Dr.", "ue" for "ü",
the organization with or without its legal form); half have a work e-mail, 40 % a phone, 70 % a
LinkedIn profile. Then measures ``find_duplicates`` from the database to the sorted pairs with reasons:
reading the people, blocking, comparing, and leaving out dismissed pairs. Prints the median of the
repeats, the number of pairs compared and the number suggested.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench_setup import fresh_database  # this folder is on sys.path

PREFIXES = (
    "Ober Unter Hoch Klein Groß Alt Neu Schön Rot Grün Weiß Schwarz Berg Wald Feld Stein Bach Brunn "
    "Linden Eich Buch Hasel Ros Lieb Fried Wolf Bär Fuchs Hahn Vogel Kirch Mühl Sonn Winter"
).split()
SUFFIXES = (
    "er mann berg bach feld hofer meier huber hausen stein brink kamp dorf inger ling hardt wald".split()
)
SECTORS = ("Logistik", "Maschinenbau", "Chemie", "Software", "Spedition", "Handel", "Pharma", "Energie")
LEGAL = ("GmbH", "AG", "SE", "GmbH & Co. KG", "KG", "")


def _network(people: int, seed: int = 7) -> list[dict]:
    from tests.tests_support.duplicate_export import FAMILY, FEMALE, MALE, MIDDLE

    rng = random.Random(seed)
    families = list(FAMILY) + [p + s for p in PREFIXES for s in SUFFIXES]
    weights = [1 / (rank + 1) ** 0.9 for rank in range(len(families))]
    orgs = [
        (f"{rng.choice(PREFIXES)}{rng.choice(SUFFIXES)} {rng.choice(SECTORS)}", rng.choice(LEGAL))
        for _ in range(1500)
    ]
    rows = []
    for n in range(people):
        gender = rng.choice("mf")
        given, nicknames = rng.choice(MALE if gender == "m" else FEMALE)
        family = rng.choices(families, weights)[0]
        org, legal = rng.choice(orgs)
        domain = org.split()[0].lower().replace("ß", "ss").replace("ö", "oe").replace("ü", "ue") + ".de"
        local = f"{given}.{family}".lower().replace(" ", "")
        row = {
            "first_name": given,
            "last_name": family,
            "organization_name": f"{org} {legal}".strip(),
            "emails": [f"{local}@{domain}"] if rng.random() < 0.5 else [],
            "phones": [f"+49 {rng.randrange(150, 179)} {rng.randrange(10**6, 10**7)}"]
            if rng.random() < 0.4
            else [],
            "linkedin_slug": f"{local}-{n}" if rng.random() < 0.7 else "",
        }
        rows.append(row)
        if rng.random() < 0.08:
            twin = dict(
                row, linkedin_slug="", emails=[], phones=list(row["phones"]) if rng.random() < 0.3 else []
            )
            change = rng.randrange(5)
            if change == 0 and nicknames:
                twin["first_name"] = rng.choice(nicknames)
            elif change == 1:
                twin["first_name"] = f"{given} {rng.choice(MIDDLE[gender])}"
            elif change == 2:
                twin["first_name"] = f"Dr. {given}"
            elif change == 3:
                twin["last_name"] = family.replace("ü", "ue").replace("ö", "oe").replace("ä", "ae")
            else:
                twin["organization_name"] = org
            rows.append(twin)
    return rows


def _insert(owner, rows: list[dict]) -> None:
    from vernetzt.people.models import Person

    Person.objects.bulk_create(
        [Person(owner=owner, display_name=f"{r['first_name']} {r['last_name']}", **r) for r in rows],
        batch_size=5000,
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30000)
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    fresh_database(args.database_url)
    from vernetzt.accounts.services import ensure_account
    from vernetzt.transfer import dedupe

    owner, _ = ensure_account(username="bench")
    rows = _network(args.people)
    _insert(owner, rows)
    timings, cpu, reading, pairs = [], [], [], []
    for _ in range(args.repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        pairs = dedupe.find_duplicates(owner=owner, limit=100_000)
        timings.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        start = time.perf_counter()
        dedupe.load_rows(owner)
        reading.append(time.perf_counter() - start)
    backend = "PostgreSQL" if args.database_url else "SQLite"
    print(
        f"{backend}: {len(rows)} people, duplicate scan median {statistics.median(timings):.2f} s wall, "
        f"{statistics.median(cpu):.2f} s CPU (runs: {', '.join(f'{t:.2f}' for t in timings)}); "
        f"reading the people alone {statistics.median(reading):.2f} s; {len(pairs)} pairs suggested"
    )


if __name__ == "__main__":
    main()
