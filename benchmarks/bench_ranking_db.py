"""Benchmark the research engine end to end: from the database to the top 50 with reasons.

    .venv/bin/python benchmarks/bench_ranking_db.py [--sizes 30000 100000 1000000] [--repeat 5]

For each size it generates a realistic pool into a fresh SQLite database in a temporary folder (bulk
inserts: German and English names and titles, about 2.5 positions per person, organizations with
industries, cities in Germany, Europe, the Americas and Asia, schools, interests, languages, 4 %
first-degree contacts with ties into the pool, an event with 500 attendees, and the user "me" with a
reporting line), then measures, each in a fresh process:

- cold: ``build_pool`` with no cached file — the pool from the database, written to the disk cache
  (what the first request after a change pays);
- restart: ``build_pool`` in a new process — the pool read from the disk cache (what the first request
  after a server restart or a CLI call pays while the data is unchanged);
- warm: ``rank_for_goal`` with the pool in memory — the "Expat in Südostasien" goal, an event, the top
  50 with names and German reasons (what every further request pays);
- after logging one conversation (``journal.services.log_interaction`` with someone from the pool,
  rolled back afterwards so the database stays as generated): ``build_pool`` with the pool in memory,
  which recomputes only the relationship columns, and the first ranking after it; then the same
  after a restart (the pool read from the disk cache, then refreshed);
- peak RSS of each measuring process (Django, the pool, for restart also the queries).

``--data DIR`` keeps the generated databases in DIR/<size> and reuses them on the next run (a million
persons take minutes to generate).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta

BATCH = 20_000
FIRST = ["Anna", "Lukas", "Sophie", "Jonas", "Marie", "Felix", "Laura", "Paul", "Lea", "Tim", "Priya",
         "Wei Ling", "Minh", "Somchai", "Budi", "Maria", "James", "Emily", "Carlos", "Aisha"]  # fmt: skip
LAST = ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann",
        "Schäfer", "Tan", "Nguyen", "Santoso", "Raman", "Smith", "Garcia", "Kowalski", "Jansen"]  # fmt: skip
LEVELS = ["Head of", "Leiter", "Leiterin", "Director", "VP", "Senior", "Manager", "Teamleiter",
          "Referentin", "Sachbearbeiter", "Werkstudent", "Chief", "Junior", "Lead"]  # fmt: skip
AREAS = ["Logistik", "Supply Chain", "Einkauf", "Procurement", "Sales", "Vertrieb", "Finance", "Controlling",
         "IT", "HR", "Marketing", "Operations", "Qualität", "Produktion", "Engineering"]  # fmt: skip
SCOPES = ["", "", "", " DACH", " EMEA", " APAC", " Southeast Asia", " Europe", " Americas", " Asien"]
CITIES = ["Dortmund", "Hamburg", "München", "Köln", "Berlin", "Frankfurt am Main", "Stuttgart", "Wien",
          "Zürich", "Amsterdam", "Paris", "London", "Warschau", "Stockholm", "New York", "Chicago",
          "São Paulo", "Dubai", "Singapur", "Bangkok", "Ho-Chi-Minh-Stadt", "Jakarta", "Kuala Lumpur",
          "Manila", "Shanghai", "Tokio", "Mumbai", "Sydney"]  # fmt: skip
CITY_WEIGHTS = [6, 6, 6, 5, 6, 5, 4, 3, 3, 3, 3, 3, 2, 2, 3, 2, 2, 2, 3, 2, 2, 2, 2, 1, 2, 2, 2, 1]
INDUSTRIES = ["Logistics", "Automotive", "Chemicals", "Retail", "Banking", "Software", "Machinery",
              "Consulting", "Healthcare", "Energy"]  # fmt: skip
SCHOOLS = ["TU Dortmund", "RWTH Aachen", "WHU", "LMU München", "TU München", "Universität Mannheim",
           "NUS", "Universität St. Gallen", "Kühne Logistics University", "FH Münster"]  # fmt: skip
INTERESTS = ["Segeln", "Laufen", "Golf", "Jazz", "Kochen", "Schach", "Tauchen", "Rennrad"]
LANGUAGES = ["Deutsch", "Englisch", "Französisch", "Spanisch", "Mandarin", "Vietnamesisch"]


def _setup(home: str) -> None:
    os.environ["VERNETZT_HOME"] = home
    os.environ.pop("VERNETZT_DATABASE_URL", None)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()


def _inserter(model, fields: list[str]):
    """executemany over the model's table; columns not named get their field defaults."""
    from django.db import connection
    from django.utils import timezone

    now = timezone.now()
    named = [model._meta.get_field(name) for name in fields]
    rest = [f for f in model._meta.concrete_fields if f not in named and not f.primary_key]
    defaults = []
    for field in rest:
        value = now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else None
        value = value if value is not None else field.get_default()
        defaults.append(field.get_db_prep_save(value, connection))
    columns = ", ".join(f.column for f in named + rest)
    marks = ", ".join(["%s"] * (len(named) + len(rest)))
    sql = f"INSERT INTO {model._meta.db_table} ({columns}) VALUES ({marks})"
    tail = tuple(defaults)

    def insert(rows: list[tuple]) -> None:
        with connection.cursor() as cursor:
            cursor.executemany(sql, [row + tail for row in rows])

    return insert


def generate(n: int) -> dict:
    """Fill the fresh database with a pool of ``n`` people; returns the ids the measurement needs."""
    from django.db import transaction

    from vernetzt.accounts.services import ensure_account
    from vernetzt.core.places import place_of
    from vernetzt.core.text import normalize_org_name, search_words
    from vernetzt.core.titles import classify_title
    from vernetzt.events.models import Attendance, Event
    from vernetzt.goals.services import create_goal
    from vernetzt.migrate import migrate_database
    from vernetzt.people.models import Education, Organization, Person, Position, Tie
    from vernetzt.research.freshness import mark_pool_stale

    migrate_database()
    owner, _ = ensure_account(username="bench")
    rng = random.Random(n)
    titles = sorted({f"{level} {area}{scope}" for level in LEVELS for area in AREAS for scope in SCOPES})
    roles = {title: classify_title(title) for title in titles}
    title_regions = {title: place_of(title=title).regions for title in titles}
    city_place = {city: place_of(city=city) for city in CITIES}
    today = date.today()

    n_orgs = max(500, n // 20)
    with transaction.atomic():
        insert = _inserter(Organization, ["owner", "name", "normalized_name", "industry", "country"])
        rows = []
        for i in range(n_orgs):
            name = f"{rng.choice(LAST)} {rng.choice(INDUSTRIES)} {i} GmbH"
            rows.append((owner.pk, name, normalize_org_name(name), rng.choice(INDUSTRIES), ""))
            if len(rows) == BATCH:
                insert(rows)
                rows.clear()
        insert(rows)
    org_ids = list(Organization.objects.for_user(owner).order_by("id").values_list("id", "name"))

    person_fields = ["owner", "first_name", "last_name", "display_name", "is_me", "tier",
                     "linkedin_connected", "city", "country", "regions", "interests", "languages",
                     "title", "organization_name", "seniority", "function", "search_text",
                     "last_contact_on"]  # fmt: skip
    insert_person = _inserter(Person, person_fields)
    current_roles = []
    with transaction.atomic():
        rows = []
        for _ in range(n):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            city = rng.choices(CITIES, weights=CITY_WEIGHTS)[0]
            title = rng.choice(titles)
            org_id, org_name = rng.choice(org_ids)
            current_roles.append((title, org_id))
            role = roles[title]
            place = city_place[city]
            connected = rng.random() < 0.04
            contacted = connected and rng.random() < 0.5
            rows.append((
                owner.pk, first, last, f"{first} {last}", False,
                "secondary" if connected else "pool", connected,
                city, place.country or "", json.dumps(sorted(place.regions | title_regions[title])),
                json.dumps(rng.sample(INTERESTS, rng.randint(0, 2))),
                json.dumps(rng.sample(LANGUAGES, rng.randint(0, 2))),
                title, org_name, role.seniority, role.function,
                " ".join(search_words(f"{first} {last} {org_name} {title} {city}")),
                today - timedelta(days=rng.randint(10, 2500)) if contacted else None,
            ))  # fmt: skip
            if len(rows) == BATCH:
                insert_person(rows)
                rows.clear()
        insert_person(rows)
    person_ids = list(Person.objects.for_user(owner).order_by("id").values_list("id", flat=True))

    insert_position = _inserter(
        Position,
        ["owner", "person", "organization", "title", "seniority", "function", "regions", "is_current"],
    )
    insert_education = _inserter(Education, ["owner", "person", "school", "normalized_school"])
    with transaction.atomic():
        positions, schools = [], []
        for pid, (title, org_id) in zip(person_ids, current_roles, strict=True):
            role = roles[title]
            regions = json.dumps(sorted(title_regions[title]))
            positions.append((owner.pk, pid, org_id, title, role.seniority, role.function, regions, True))
            for _ in range(rng.choice([0, 1, 1, 2, 3])):
                past = rng.choice(titles)
                past_role = roles[past]
                past_regions = json.dumps(sorted(title_regions[past]))
                positions.append((owner.pk, pid, rng.choice(org_ids)[0], past, past_role.seniority,
                                  past_role.function, past_regions, False))  # fmt: skip
            if rng.random() < 0.5:
                school = rng.choice(SCHOOLS)
                schools.append((owner.pk, pid, school, normalize_org_name(school)))
            if len(positions) >= BATCH:
                insert_position(positions)
                positions.clear()
            if len(schools) >= BATCH:
                insert_education(schools)
                schools.clear()
        insert_position(positions)
        insert_education(schools)

    first_degree = list(Person.objects.for_user(owner).filter(tier="secondary").values_list("id", flat=True))
    insert_tie = _inserter(Tie, ["owner", "from_person", "to_person", "kind", "strength"])
    with transaction.atomic():
        seen, ties = set(), []
        for _ in range(n * 2):
            a, b = rng.choice(first_degree), rng.choice(person_ids)
            if a != b and (a, b) not in seen:
                seen.add((a, b))
                ties.append((owner.pk, a, b, "knows", rng.randint(1, 5)))
            if len(ties) == BATCH:
                insert_tie(ties)
                ties.clear()
        insert_tie(ties)
        event = Event.objects.create(
            owner=owner, name="BVL Supply Chain Forum", starts_on=today + timedelta(7)
        )
        _inserter(Attendance, ["owner", "event", "person"])(
            [(owner.pk, event.pk, pid) for pid in rng.sample(person_ids, min(500, n))]
        )
    mark_pool_stale(owner)

    from vernetzt.people.services import set_me

    set_me(owner=owner, title="Logistikleiter", organization=org_ids[0][1], city="Dortmund",
           schools=["TU Dortmund"], interests=["Segeln"], languages=["Deutsch", "Englisch"],
           reports_to=Person.objects.get(pk=person_ids[0]))  # fmt: skip
    goal = create_goal(
        owner=owner, text="Expat in Südostasien", levels=["director", "vp", "cxo"],
        functions=["supply_chain_logistics"], regions=["Südostasien"], keywords=["Logistik"],
    )  # fmt: skip
    return {"goal": goal.pk, "event": event.pk, "owner": owner.pk}


def measure_refresh(owner, goal, event) -> dict:
    """Log a conversation inside a transaction that is rolled back, and time what the next ranking
    pays: with the pool in memory, and after a restart."""
    from django.db import transaction
    from django.utils import timezone

    from vernetzt.journal.services import log_interaction
    from vernetzt.people.models import Person
    from vernetzt.research import services

    services.build_pool(owner=owner)
    person = Person.objects.for_user(owner).filter(tier="pool", is_me=False).order_by("id").first()
    result = {}
    with transaction.atomic():
        log_interaction(owner=owner, person=person, kind="meeting", date=timezone.localdate())
        t0 = time.perf_counter()
        bundle = services.build_pool(owner=owner)
        result["refresh_s"] = round(time.perf_counter() - t0, 3)
        t0 = time.perf_counter()
        services.rank_for_goal(owner=owner, goal=goal, lang="de", event=event, limit=50)
        result["first_query_after_refresh_s"] = round(time.perf_counter() - t0, 3)
        row = int(bundle.pool.rows_of([person.pk])[0])
        result["logged_person_degree"] = int(bundle.pool.degree[row])
        services._cache.clear()
        t0 = time.perf_counter()
        services.build_pool(owner=owner)
        result["restart_and_refresh_s"] = round(time.perf_counter() - t0, 3)
        transaction.set_rollback(True)
    return result


def measure(ids: dict, repeat: int, phase: str) -> dict:
    from vernetzt.accounts.models import User
    from vernetzt.events.models import Event
    from vernetzt.goals.models import Goal
    from vernetzt.migrate import migrate_database
    from vernetzt.research import services
    from vernetzt.research.pool_cache import cache_dir

    migrate_database()  # a database kept with --data may predate the newest migrations
    owner = User.objects.get(pk=ids["owner"])
    goal, event = Goal.objects.get(pk=ids["goal"]), Event.objects.get(pk=ids["event"])
    if phase == "cold":
        shutil.rmtree(cache_dir(), ignore_errors=True)
    if phase == "refresh":
        return {"phase": phase} | measure_refresh(owner, goal, event)
    t0 = time.perf_counter()
    bundle = services.build_pool(owner=owner)
    elapsed = time.perf_counter() - t0
    pool = bundle.pool
    result = {
        "phase": phase,
        "persons": len(pool),
        "positions": len(pool.positions),
        "ties": len(pool.ties.source),
        f"{phase}_build_s": round(elapsed, 2),
        "cache_file_mb": round(sum(f.stat().st_size for f in cache_dir().glob("pool-*")) / 2**20, 1),
    }
    if phase == "cold":
        result["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        return result
    arrays = [getattr(pool, n) for n, _ in pool._DTYPES] + [
        getattr(pool.positions, n) for n, _ in pool.positions._DTYPES
    ]
    arrays += [lists.indptr for lists in pool.common.values()] + [
        lists.indices for lists in pool.common.values()
    ]
    arrays += [pool.ties.source, pool.ties.target, pool.ties.strength]
    timings, plain = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        top = services.rank_for_goal(owner=owner, goal=goal, lang="de", event=event, limit=50)
        timings.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        services.rank_for_goal(owner=owner, goal=goal, lang="de", limit=50)
        plain.append(time.perf_counter() - t0)
    return result | {
        "warm_query_event_s": round(statistics.median(timings), 3),
        "warm_query_s": round(statistics.median(plain), 3),
        "pool_arrays_mb": round(sum(a.nbytes for a in arrays) / 2**20, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "top": [(c.name, c.title, c.score, c.reasons[:2]) for c in top[:3]],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[30_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", help="keep generated databases in DATA/<size> and reuse them")
    # Internal: each phase runs in a fresh process, so the measured peak RSS is the phase's alone.
    parser.add_argument("--home", help=argparse.SUPPRESS)
    parser.add_argument("--generate", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    parser.add_argument("--phase", choices=["cold", "restart", "refresh"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.home:
        _setup(args.home)
        if args.generate:
            print(json.dumps(generate(args.generate)))
        else:
            print(json.dumps(measure(json.loads(args.measure), args.repeat, args.phase), ensure_ascii=False))
        return
    for n in args.sizes:
        if args.data:
            home = os.path.join(args.data, str(n))
        else:
            home = tempfile.mkdtemp(prefix=f"vernetzt-bench-{n}-")
        phase = [sys.executable, __file__, "--home", home]
        saved = os.path.join(home, "bench-ids.json")
        if os.path.exists(saved):
            with open(saved) as f:
                ids = f.read().strip()
        else:
            os.makedirs(home, exist_ok=True)
            t0 = time.perf_counter()
            made = subprocess.run([*phase, "--generate", str(n)], capture_output=True, text=True, check=True)
            ids = made.stdout.strip().splitlines()[-1]
            with open(saved, "w") as f:
                f.write(ids)
            print(f"{n:,} persons generated in {time.perf_counter() - t0:.0f} s ({home})", flush=True)
        for name in ("cold", "restart", "refresh"):
            result = subprocess.run(
                [*phase, "--measure", ids, "--repeat", str(args.repeat), "--phase", name],
                capture_output=True,
                text=True,
                check=True,
            )
            print(result.stdout.strip(), flush=True)


if __name__ == "__main__":
    main()
