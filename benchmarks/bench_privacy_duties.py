"""The privacy duties' costs: the Art. 9 check per saved note, the encrypted backup's key derivation
and throughput, and retention over a network of 30,000 people (dry run, archiving, erasing the ones
whose time is up).

    python benchmarks/bench_privacy_duties.py [--people 30000] [--erase 500] [--mib 64]

Runs in a fresh temporary data directory (SQLite) unless VERNETZT_DATABASE_URL names another database.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import tempfile
import time
from datetime import timedelta
from pathlib import Path

NOTES = Path(__file__).resolve().parent.parent / "tests" / "data" / "special_categories"


def bench_special_categories() -> None:
    from vernetzt.core.special_categories import find_special_categories

    notes = [line.split("\t", 1)[-1] for line in (NOTES / "positives.tsv").read_text().splitlines() if line]
    notes += [line for line in (NOTES / "negatives.txt").read_text().splitlines() if line]
    notes = notes * 100
    find_special_categories(notes[0])  # the word lists load once
    start = time.perf_counter()
    for note in notes:
        find_special_categories(note)
    took = time.perf_counter() - start
    print(f"Art. 9 check: {len(notes)} notes in {took:.2f} s, {took / len(notes) * 1e6:.0f} µs per note")


def bench_encryption(mib: int) -> None:
    from vernetzt.transfer import encryption

    plain = os.urandom(mib << 20)
    start = time.perf_counter()
    encryption._keys(
        "a passphrase of some length", os.urandom(16), encryption.LOG2_N, encryption.R, encryption.P
    )
    print(
        f"scrypt (N=2^{encryption.LOG2_N}, r={encryption.R}, p={encryption.P}): "
        f"{time.perf_counter() - start:.2f} s"
    )
    sealed = io.BytesIO()
    start = time.perf_counter()
    encryption.encrypt_stream(io.BytesIO(plain), sealed, passphrase="a passphrase of some length")
    encrypt = time.perf_counter() - start
    out = io.BytesIO()
    start = time.perf_counter()
    encryption.decrypt_stream(io.BytesIO(sealed.getvalue()), out, passphrase="a passphrase of some length")
    decrypt = time.perf_counter() - start
    assert out.getvalue() == plain
    print(f"encrypt {mib} MiB: {encrypt:.2f} s · decrypt: {decrypt:.2f} s (each including one scrypt)")


def bench_retention(people: int, erase: int) -> None:
    from django.utils import timezone

    from vernetzt.accounts.services import ensure_account
    from vernetzt.journal.models import Interaction
    from vernetzt.migrate import migrate_database
    from vernetzt.people.models import Person
    from vernetzt.people.retention import apply_retention, plan_retention

    migrate_database()
    user, _ = ensure_account(username=f"bench-{random.randrange(10**9)}")
    now = timezone.now()
    rows = [
        Person(
            owner=user,
            first_name=f"P{i}",
            last_name="Bench",
            display_name=f"P{i} Bench",
            organization_name=f"Org {i % 500}",
        )
        for i in range(people)
    ]
    Person.objects.bulk_create(rows, batch_size=2000)
    ids = list(Person.objects.filter(owner=user).values_list("id", flat=True))
    Person.objects.filter(owner=user).update(created_at=now - timedelta(days=800))
    contacted = ids[: people // 5]
    Interaction.objects.bulk_create(
        [Interaction(owner=user, person_id=pk, kind="call", date=now.date()) for pk in contacted],
        batch_size=2000,
    )
    start = time.perf_counter()
    _plan, counts = plan_retention(owner=user, now=now)
    print(
        f"retention dry run over {people} people: {time.perf_counter() - start:.2f} s, "
        f"{counts['archive']} to archive"
    )
    start = time.perf_counter()
    apply_retention(owner=user, now=now)
    print(f"archiving them: {time.perf_counter() - start:.2f} s")
    doomed = ids[-erase:]
    Person.objects.filter(pk__in=ids).exclude(pk__in=doomed).update(archived_at=None, kept_at=now)
    Person.objects.filter(pk__in=doomed).update(archived_at=now - timedelta(days=400))
    start = time.perf_counter()
    _plan, counts = apply_retention(owner=user, now=now)
    print(f"erasing {counts['delete']} people whose time was up: {time.perf_counter() - start:.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=30000)
    parser.add_argument("--erase", type=int, default=500)
    parser.add_argument("--mib", type=int, default=64)
    args = parser.parse_args()
    os.environ.setdefault("VERNETZT_HOME", tempfile.mkdtemp(prefix="vernetzt-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()
    bench_special_categories()
    bench_encryption(args.mib)
    bench_retention(args.people, args.erase)


if __name__ == "__main__":
    main()
