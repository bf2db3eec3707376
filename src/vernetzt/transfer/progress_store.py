"""Where a running web import's progress is kept, so that every server process (and every host on one
PostgreSQL) can show it, and can tell a job whose process died from one that is still working.

The import runs as one transaction (a refused file or a killed server leaves the database as it was),
so progress written through the import's connection would stay invisible until the end. The store
therefore has a connection of its own, one per thread, in autocommit:

- on PostgreSQL to the same database, so every process and host sees a row the moment it is written;
- on SQLite to a file next to the database (``vernetzt-jobs.sqlite3``): SQLite lets one connection
  write at a time and the import holds that lock until it commits. An SQLite database serves one host,
  so a file beside it reaches every process there.

One row per running job: contacts done and in all, the process running it, and when that process last
said it is alive (``beat``, on the database's clock, so hosts with different clocks agree). The table is
created on first use; its rows only live while a job runs, so it is not part of the schema that
backups and migrations carry.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from dataclasses import dataclass
from pathlib import Path

from django.db import DatabaseError, connections
from django.db.utils import load_backend

log = logging.getLogger(__name__)

# A process beats every ~0.5 s (vernetzt.transfer.jobs); one silent for this long has died.
STALE_SECONDS = 30.0
TABLE = "vernetzt_job_progress"
_CREATE = f"""CREATE TABLE IF NOT EXISTS {TABLE} (
    job_id BIGINT PRIMARY KEY,
    process VARCHAR(32) NOT NULL,
    done INTEGER NOT NULL,
    total INTEGER NOT NULL,
    beat DOUBLE PRECISION NOT NULL
)"""
_NOW = {
    "postgresql": "EXTRACT(EPOCH FROM CLOCK_TIMESTAMP())",
    "sqlite": "((JULIANDAY('now') - 2440587.5) * 86400.0)",
}

_local = threading.local()
_created: set[str] = set()
_created_lock = threading.Lock()


@dataclass(frozen=True)
class StoredProgress:
    done: int
    total: int
    process: str
    silent_for: float  # seconds since the running process last wrote

    @property
    def alive(self) -> bool:
        return self.silent_for < STALE_SECONDS


def store_settings() -> dict:
    """The default database's settings, pointed at the side file on SQLite."""
    settings = dict(connections["default"].settings_dict)
    if settings["ENGINE"].endswith("sqlite3"):
        database = Path(settings["NAME"])
        settings["NAME"] = database.with_name(f"{database.stem}-jobs.sqlite3")
    return settings


def _connection():
    settings = store_settings()
    wrapper = getattr(_local, "wrapper", None)
    if wrapper is not None and wrapper.settings_dict["NAME"] == settings["NAME"]:
        return wrapper
    close_store()
    backend = load_backend(settings["ENGINE"])
    _local.wrapper = backend.DatabaseWrapper(settings, alias="job_progress")
    return _local.wrapper


def _run(statements: list[tuple[str, list]], *, keep_open: bool = False):
    """Run ``statements`` ("NOW" in them is the database's clock in seconds); the last one's first
    row. A broken connection (a restarted database) is opened again once. The connection is closed
    afterwards unless ``keep_open`` (the beat thread writes twice a second; a page reads once per
    poll, and keeping one open per server thread would hold idle PostgreSQL connections)."""
    try:
        return _run_once_or_twice(statements)
    finally:
        if not keep_open:
            close_store()


def _run_once_or_twice(statements: list[tuple[str, list]]):
    for attempt in (1, 2):
        wrapper = _connection()
        try:
            key = f"{wrapper.vendor}:{wrapper.settings_dict['NAME']}"
            with wrapper.cursor() as cursor:
                if key not in _created:
                    with _created_lock:
                        cursor.execute(_CREATE)
                        _created.add(key)
                for sql, params in statements:
                    cursor.execute(sql.replace("NOW", _NOW[wrapper.vendor]), params)
                return cursor.fetchone() if cursor.description else None
        except DatabaseError:
            close_store()
            if attempt == 2:
                raise
    return None


def close_store() -> None:
    """Close this thread's store connection (threads outside Django's request cycle call it)."""
    wrapper = getattr(_local, "wrapper", None)
    _local.wrapper = None
    if wrapper is not None:
        with contextlib.suppress(DatabaseError):
            wrapper.close()


def begin_progress(job_id: int, *, process: str) -> None:
    """The row of a job that starts now (a row left by an earlier job with this id is replaced)."""
    _run(
        [
            (
                f"INSERT INTO {TABLE} (job_id, process, done, total, beat) VALUES (%s, %s, 0, 0, NOW) "
                "ON CONFLICT (job_id) DO UPDATE SET process = excluded.process, done = 0, total = 0, "
                "beat = excluded.beat",
                [job_id, process],
            )
        ]
    )


def save_progress(beats: dict[int, tuple[int, int]]) -> None:
    """Contacts done and in all of this process's running jobs, and that it is alive; the connection
    stays open while there are jobs and is closed once there are none.

    An UPDATE only: a job that has just ended (its row forgotten) is not brought back.
    """
    if not beats:
        close_store()
        return
    update = f"UPDATE {TABLE} SET done = %s, total = %s, beat = NOW WHERE job_id = %s"
    _run([(update, [done, total, job_id]) for job_id, (done, total) in beats.items()], keep_open=True)


def read_progress(job_id: int) -> StoredProgress | None:
    row = _run([(f"SELECT done, total, process, NOW - beat FROM {TABLE} WHERE job_id = %s", [job_id])])
    return StoredProgress(int(row[0]), int(row[1]), row[2], float(row[3])) if row else None


def forget_progress(job_id: int) -> None:
    _run([(f"DELETE FROM {TABLE} WHERE job_id = %s", [job_id])])
