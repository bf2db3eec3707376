"""Importing a 30,000-row LinkedIn Connections.csv into a fresh SQLite database, next to the floor.

.venv/bin/python benchmarks/bench_import.py [ROWS]

Measures the full import (parse, match, normalize titles and places, de-duplicate against the
account, write persons, organizations and positions as one batch) cold and as a re-import, then
`sqlite-utils insert --csv` of the same file into a bare table: the cost of only getting rows in.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 30000
HOME = Path(tempfile.mkdtemp(prefix="vernetzt-bench-import-"))
os.environ["VERNETZT_HOME"] = str(HOME)
os.environ.pop("VERNETZT_DATABASE_URL", None)
os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"

import django  # noqa: E402

django.setup()

from gen_linkedin import generate_connections_csv  # noqa: E402  (this folder is on sys.path)


def main() -> None:
    from vernetzt.accounts.services import ensure_account
    from vernetzt.migrate import migrate_database
    from vernetzt.transfer.dedupe import find_duplicates
    from vernetzt.transfer.services import import_linkedin

    csv_path = HOME / "Connections.csv"
    csv_path.write_bytes(generate_connections_csv(ROWS))
    migrate_database()
    owner, _ = ensure_account(username="bench")
    for label in ("cold import", "re-import"):
        start = time.perf_counter()
        report = import_linkedin(owner=owner, source=csv_path)
        elapsed = time.perf_counter() - start
        print(
            f"{label}: {elapsed:.2f} s  (created {report.created}, updated {report.updated}, "
            f"unchanged {report.unchanged}, skipped {report.skipped})"
        )
    start = time.perf_counter()
    suggestions = find_duplicates(owner=owner)
    print(f"duplicate scan: {time.perf_counter() - start:.2f} s  ({len(suggestions)} suggestions)")
    floor_db = HOME / "floor.db"
    body = csv_path.read_text(encoding="utf-8-sig").split("\n\n", 1)[-1]
    plain = HOME / "plain.csv"
    plain.write_text(body, encoding="utf-8")
    sqlite_utils = Path(sys.executable).with_name("sqlite-utils")
    start = time.perf_counter()
    subprocess.run(
        [str(sqlite_utils), "insert", str(floor_db), "connections", str(plain), "--csv"], check=True
    )
    print(f"floor, sqlite-utils insert --csv: {time.perf_counter() - start:.2f} s")
    print(
        f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}"
    )


if __name__ == "__main__":
    main()
