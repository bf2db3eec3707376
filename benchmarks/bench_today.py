"""Today on a realistic big account: 30,000 people, 200,000 interactions, 3,000 open tasks.

    python benchmarks/bench_today.py [--database-url postgres://…] [--repeat 40] [--show]

Generates the account into a fresh SQLite file in a temporary folder (or the given PostgreSQL database,
which must be empty): 29,074-style LinkedIn connections of whom 4,273 have a relationship, years of
logged interactions, a goal pipeline, an upcoming event with attendees. Then

1. times the daily calendar rules on it (the first run of the day, as the worker does it) — with the
   cadences phased in, they plan a few days' worth instead of thousands of tasks;
2. adds 3,000 open tasks as the old rules left such an account (2,811 keep-in-touch) and times the
   Today page rendered through Django's test client — middleware, queries, template — reporting
   p50/p95 server time and the HTML size; then tomorrow's look-ahead, the week plan and the data of
   `vernetzt today --json`.

``--show`` prints the focused few with their one-line reasons, to read them as the user would.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from datetime import date, timedelta

from bench_setup import fresh_database

SENIORITY = ["entry"] * 30 + ["senior"] * 25 + ["manager"] * 20 + ["director"] * 12 + ["vp"] * 6 + ["cxo"] * 5
RELATIONSHIP_TIERS = (
    ["inner"] * 40 + ["key"] * 150 + ["developing"] * 800 + ["new"] * 300 + ["secondary"] * 2983
)
BACKLOG = {
    "keep_in_touch": 2811,
    "connect_linkedin": 80,
    "thank_you_email": 30,
    "propose_lunch": 30,
    "custom": 25,
    "call_to_schedule": 20,
    "reconnect": 3,
    "start_goal": 1,
}


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def generate(user, *, today: date, rng: random.Random) -> dict:
    from vernetzt.demo import GERMAN_FIRST, GERMAN_LAST, GERMAN_ORGS, GERMAN_TITLES
    from vernetzt.events.models import Attendance, Event
    from vernetzt.goals.models import Goal, Target
    from vernetzt.journal.models import Interaction
    from vernetzt.people.models import Person

    people = []
    for n in range(30_000):
        first, last = rng.choice(GERMAN_FIRST), rng.choice(GERMAN_LAST)
        org, city = GERMAN_ORGS[rng.randrange(len(GERMAN_ORGS))]
        # LinkedIn exports carry no birthdays; address books do, for people one knows.
        birthday = n < len(RELATIONSHIP_TIERS) and rng.random() < 0.3
        people.append(
            Person(
                owner=user,
                first_name=first,
                last_name=last,
                display_name=f"{first} {last}",
                title=rng.choice(GERMAN_TITLES),
                organization_name=org,
                city=city,
                seniority=rng.choice(SENIORITY),
                tier=RELATIONSHIP_TIERS[n] if n < len(RELATIONSHIP_TIERS) else "pool",
                birth_day=rng.randint(1, 28) if birthday else None,
                birth_month=rng.randint(1, 12) if birthday else None,
            )
        )
    Person.objects.bulk_create(people, batch_size=2000)
    ids = list(Person.objects.filter(owner=user, is_me=False).order_by("pk").values_list("pk", flat=True))
    related, pool = ids[: len(RELATIONSHIP_TIERS)], ids[len(RELATIONSHIP_TIERS) :]
    last_contact: dict[int, date] = {}
    rows = []
    for n in range(200_000):
        person = rng.choice(related) if n < 150_000 else rng.choice(pool)
        day = today - timedelta(days=int(rng.expovariate(1 / 400)) + 1)
        last_contact[person] = max(day, last_contact.get(person, day))
        kind = rng.choice(["meeting", "call", "email", "message", "lunch"]) if n < 150_000 else "message"
        rows.append(Interaction(owner=user, person_id=person, kind=kind, date=day, source="bench"))
    Interaction.objects.bulk_create(rows, batch_size=5000)
    Person.objects.bulk_update(
        [Person(pk=pk, last_contact_on=day) for pk, day in last_contact.items()],
        ["last_contact_on"],
        batch_size=1000,
    )
    goal = Goal.objects.create(owner=user, text="Expat in Südostasien: Leitung Supply Chain")
    stages = [stage for stage, _ in Target.Stage.choices]
    Target.objects.bulk_create(
        [
            Target(
                owner=user,
                goal=goal,
                person_id=pk,
                stage=rng.choice(stages),
                priority=rng.choice((1, 2, 2, 3)),
            )
            for pk in rng.sample(related[:1200], 200)
        ]
    )
    event = Event.objects.create(
        owner=user, name="Logistik-Forum Rhein-Ruhr", starts_on=today + timedelta(days=10)
    )
    attendees = rng.sample(ids, 300)
    Attendance.objects.bulk_create(
        [
            Attendance(owner=user, event=event, person_id=pk, must_meet=n < 12)
            for n, pk in enumerate(attendees)
        ]
    )
    return {"related": related, "pool": pool, "goal": goal}


def plant_backlog(user, *, today: date, related: list[int], goal, rng: random.Random) -> None:
    from vernetzt.journal.models import Task

    tasks = []
    for kind, count in BACKLOG.items():
        for _ in range(count):
            if kind == "keep_in_touch":
                due = today - timedelta(days=rng.randint(-7, 150))
            elif kind in ("thank_you_email", "connect_linkedin", "call_to_schedule"):
                due = today - timedelta(days=rng.randint(-2, 3))
            else:
                due = today - timedelta(days=rng.randint(-7, 20))
            tasks.append(
                Task(
                    owner=user,
                    kind=kind,
                    due=due,
                    person_id=None if kind in ("custom", "start_goal") else rng.choice(related),
                    goal=goal if kind == "start_goal" else None,
                    title="Angebot für das Hochregallager nachfassen" if kind == "custom" else "",
                )
            )
    Task.objects.bulk_create(tasks, batch_size=2000)


def timed(label: str, repeat: int, call) -> None:
    call()  # warm-up: templates compiled, connections open
    call()
    times, size = [], 0
    for _ in range(repeat):
        started = time.perf_counter()
        size = call()
        times.append((time.perf_counter() - started) * 1000)
    extra = f", {size / 1024:.0f} KB HTML" if size else ""
    print(f"{label}: p50 {statistics.median(times):.0f} ms, p95 {percentile(times, 0.95):.0f} ms{extra}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--database-url", default="")
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--show", action="store_true", help="Print the focused few with their reasons.")
    parser.add_argument("--data", default="", help="Keep the generated SQLite account in DATA and reuse it.")
    args = parser.parse_args()
    reuse = bool(args.data) and os.path.exists(os.path.join(args.data, "generated"))
    fresh_database(args.database_url, home=args.data)
    from django.db import connection
    from django.test import Client
    from django.utils import timezone

    from vernetzt.accounts.services import ensure_account
    from vernetzt.journal.agenda import agenda_as_dict, build_agenda
    from vernetzt.journal.agenda_text import agenda_lines
    from vernetzt.journal.services import run_calendar_playbook

    user, _ = ensure_account(username="bench")
    user.language = "de"
    user.save()
    today = timezone.localdate()
    if not reuse:
        rng = random.Random(2026)
        started = time.perf_counter()
        world = generate(user, today=today, rng=rng)
        took = time.perf_counter() - started
        print(f"{connection.vendor}: generated 30,000 people, 200,000 interactions in {took:.0f} s")

        started = time.perf_counter()
        planned = run_calendar_playbook(owner=user, today=today)
        kinds = {task.kind for task in planned}
        print(
            f"calendar rules, first run of the day: {time.perf_counter() - started:.2f} s, "
            f"{len(planned)} tasks planned ({', '.join(sorted(kinds))}; at most 3 cadence tasks a day, "
            f"the next 7 days)"
        )
        plant_backlog(user, today=today, related=world["related"], goal=world["goal"], rng=rng)
        if connection.vendor == "postgresql":
            # What autovacuum does within a minute of such a bulk load (it is off on the build
            # machine's server): without statistics the planner walks all 30,000 people for ten.
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        if args.data:
            open(os.path.join(args.data, "generated"), "w").close()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    tomorrow = (today + timedelta(days=1)).isoformat()

    def page(path: str):
        def get() -> int:
            response = client.get(path)
            assert response.status_code == 200, response.status_code
            return len(response.content)

        return get

    timed("Today page, 3,000 open tasks", args.repeat, page("/"))
    timed("Today, look-ahead to tomorrow", args.repeat, page(f"/?date={tomorrow}"))
    timed("Today, later list page 50", args.repeat, page("/?later=50"))
    timed("Plan the week", args.repeat, page("/plan/"))

    def today_json() -> int:
        agenda_as_dict(build_agenda(owner=user, today=today, lang="de"))
        return 0

    timed("vernetzt today --json (data)", args.repeat, today_json)
    if args.show:
        print("\n".join(agenda_lines(build_agenda(owner=user, today=today, lang="de"), "de", ids=False)))


if __name__ == "__main__":
    main()
