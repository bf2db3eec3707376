"""Many people at once: readers and writers against a served demo, over loopback, for a bounded time.

    python benchmarks/bench_load.py [--seconds 60] [--readers 50] [--writers 5] [--threads 8]
                                    [--database-url postgres://…/NAME] [--json]

Starts a real `vernetzt serve --demo` (waitress, as the README runs it) on a free loopback port, on a
fresh SQLite file in a temporary folder or on the named PostgreSQL database (dropped and created again:
everything in it is lost). Every client logs in with a one-time login link of its own, as a browser
would, then for ``--seconds``:

- each reader opens, one after the other without pause, Today, a people search, a person, the ranked
  targets of a goal and a person's briefing;
- each writer logs an interaction, records a success note on a person, and imports a small vCard file
  (upload with its preview, then "Import now": two requests, timed together).

Reports requests per second, p50/p95/p99 per kind, errors (any answer but 200/302, or no answer within
30 s) and the load average of the machine while it ran (other work on a shared machine shows up there).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import requests

SEARCHES = ["priya", "logistik", "müller", "singapur", "einkauf", "director", "schmidt", "vp"]
TIMEOUT = 30
QUEUE_DEPTH = re.compile(r"Task queue depth is (\d+)")
# What the server always prints (in either language).
QUIET = re.compile(r"^\s*$|^Stop with Ctrl\+C|^Beenden mit Strg\+C|Task queue depth is")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def recreate_postgres(url: str) -> None:
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}"')


@contextlib.contextmanager
def served_demo(env: dict[str, str], threads: int, log: list[str]):
    """The server's base URL while it runs; what it prints afterwards is kept in ``log``."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vernetzt", "serve", "--demo", "--port", str(port), "--threads", str(threads)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for line in process.stdout:
            if "/login/" in line:  # the login link line, in either language
                break
        else:
            raise SystemExit("vernetzt serve ended before it printed a login link")
        threading.Thread(target=lambda: log.extend(process.stdout), daemon=True).start()
        for _ in range(300):
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                break
            time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=60)


def login_links(env: dict[str, str], count: int) -> list[str]:
    """One-time login links for the served account, made by the operator command's service."""
    os.environ.update(env)
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()
    from vernetzt.accounts.services import DEFAULT_USERNAME, ensure_account, issue_login_link

    user, _ = ensure_account(username=DEFAULT_USERNAME)
    return [issue_login_link(user=user) for _ in range(count)]


@dataclass
class Results:
    timings: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, kind: str, seconds: float, error: str = "") -> None:
        with self.lock:
            if error:
                self.errors[kind].append(error)
            else:
                self.timings[kind].append(seconds)


class Client:
    def __init__(self, base: str, link: str, results: Results, rng: random.Random):
        self.base, self.results, self.rng = base, results, rng
        self.session = requests.Session()
        self.session.headers["Accept-Language"] = rng.choice(["de", "en"])
        self.session.get(base + link, timeout=TIMEOUT).raise_for_status()

    def timed(self, kind: str, *calls) -> None:
        started = time.perf_counter()
        try:
            for method, path, kwargs in calls:
                response = self.session.request(
                    method, self.base + path, timeout=TIMEOUT, allow_redirects=False, **kwargs
                )
                if response.status_code not in (200, 302):
                    raise RuntimeError(f"{method} {path} answered {response.status_code}")
        except (requests.RequestException, RuntimeError) as error:
            self.results.record(kind, 0, str(error)[:200])
        else:
            self.results.record(kind, time.perf_counter() - started)

    def form(self, extra: dict) -> dict:
        return {"csrfmiddlewaretoken": self.session.cookies["csrftoken"], **extra}


def read(client: Client, ids: dict, stop: threading.Event) -> None:
    while not stop.is_set():
        person = client.rng.choice(ids["people"])
        client.timed("Today", ("GET", "/", {}))
        client.timed("people search", ("GET", "/people/", {"params": {"q": client.rng.choice(SEARCHES)}}))
        client.timed("person", ("GET", f"/people/{person}/", {}))
        client.timed("targets", ("GET", f"/goals/{client.rng.choice(ids['goals'])}/research/", {}))
        client.timed("briefing", ("GET", f"/people/{person}/briefing/", {}))


def vcard(number: int) -> bytes:
    cards = [
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Last Test {number}-{n}\r\nN:Test {number}-{n};Last;;;\r\n"
        f"ORG:Lastprobe GmbH\r\nTITLE:Leiterin Einkauf\r\nEMAIL:last{number}-{n}@example.org\r\nEND:VCARD\r\n"
        for n in range(5)
    ]
    return "".join(cards).encode()


def write(client: Client, ids: dict, stop: threading.Event, writer: int) -> None:
    today = time.strftime("%Y-%m-%d")
    number = 0
    while not stop.is_set():
        number += 1
        person = client.rng.choice(ids["people"])
        log = {"kind": "meeting", "date": today, "notes": f"Lasttest {writer}/{number}", "their_share": "60"}
        client.timed("log an interaction", ("POST", f"/people/{person}/log/", {"data": client.form(log)}))
        note = {"date": today, "text": f"Neues Projekt {writer}/{number}"}
        client.timed("add a note", ("POST", f"/people/{person}/successes/", {"data": client.form(note)}))
        import_file(client, f"load-{writer}-{number}.vcf", vcard(writer * 100_000 + number))


def import_file(client: Client, name: str, data: bytes) -> None:
    started = time.perf_counter()
    try:
        preview = client.session.post(
            client.base + "/import/",
            data=client.form({"kind": "vcard"}),
            files={"files": (name, data)},
            timeout=TIMEOUT,
        )
        token = re.search(r'name="token" value="(\w+)"', preview.text)
        if preview.status_code != 200 or token is None:
            raise RuntimeError(f"import preview answered {preview.status_code} without a preview")
        done = client.session.post(
            client.base + "/import/confirm/",
            data=client.form({"kind": "vcard", "token": token.group(1)}),
            timeout=TIMEOUT,
            allow_redirects=False,
        )
        if done.status_code != 302 or "/import/batches/" not in done.headers.get("Location", ""):
            raise RuntimeError(f"import confirm answered {done.status_code} {done.headers.get('Location')}")
    except (requests.RequestException, RuntimeError) as error:
        client.results.record("import a vCard", 0, str(error)[:200])
    else:
        client.results.record("import a vCard", time.perf_counter() - started)


def demo_ids(client: Client) -> dict[str, list[int]]:
    people = client.session.get(client.base + "/people/", timeout=TIMEOUT).text
    goals = client.session.get(client.base + "/goals/", timeout=TIMEOUT).text
    return {
        "people": sorted({int(pk) for pk in re.findall(r'href="/people/(\d+)/"', people)}),
        "goals": sorted({int(pk) for pk in re.findall(r'href="/goals/(\d+)/"', goals)}),
    }


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def summary(timings: list[float], errors: list[str]) -> dict:
    shares = {"p50_ms": 0.5, "p95_ms": 0.95, "p99_ms": 0.99}
    return {
        "count": len(timings),
        "errors": len(errors),
        **{key: round(1000 * percentile(timings, p)) if timings else None for key, p in shares.items()},
        "first_errors": errors[:3],
    }


def run(args) -> dict:
    home = tempfile.mkdtemp(prefix="vernetzt-load-")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VERNETZT_", "DJANGO_"))}
    env["VERNETZT_HOME"] = home
    if args.database_url:
        recreate_postgres(args.database_url)
        env["VERNETZT_DATABASE_URL"] = args.database_url
    results = Results()
    log: list[str] = []
    with served_demo(env, args.threads, log) as base:
        links = login_links(env, args.readers + args.writers)
        rng = random.Random(7)
        clients = [Client(base, link, results, random.Random(rng.random())) for link in links]
        ids = demo_ids(clients[0])
        assert ids["people"] and ids["goals"], ids
        stop = threading.Event()
        workers = [
            threading.Thread(target=read, args=(client, ids, stop)) for client in clients[: args.readers]
        ] + [
            threading.Thread(target=write, args=(client, ids, stop, number))
            for number, client in enumerate(clients[args.readers :])
        ]
        loads = [os.getloadavg()[0]]
        started = time.monotonic()
        for worker in workers:
            worker.start()
        while (left := args.seconds - (time.monotonic() - started)) > 0:
            time.sleep(min(5.0, left))
            loads.append(os.getloadavg()[0])
        stop.set()
        for worker in workers:
            worker.join(TIMEOUT * 3)
        elapsed = time.monotonic() - started
    kinds = sorted(set(results.timings) | set(results.errors))
    return {
        "database": "PostgreSQL" if args.database_url else "SQLite",
        "seconds": round(elapsed, 1),
        "readers": args.readers,
        "writers": args.writers,
        "server_threads": args.threads,
        "requests_per_second": round(sum(len(t) for t in results.timings.values()) / elapsed, 1),
        "load_average": {"min": min(loads), "max": max(loads), "mean": round(sum(loads) / len(loads), 1)},
        "kinds": {kind: summary(results.timings[kind], results.errors[kind]) for kind in kinds},
        # waitress warns of every new depth of requests waiting for one of its threads: kept as the most.
        "most_requests_waiting": max((int(m[1]) for m in map(QUEUE_DEPTH.search, log) if m), default=0),
        "server_log": [line.rstrip() for line in log if not QUIET.search(line)][:60],
    }


def show(report: dict) -> None:
    load = report["load_average"]
    print(
        f"{report['database']}: {report['readers']} readers + {report['writers']} writers for "
        f"{report['seconds']} s, {report['server_threads']} server threads — "
        f"{report['requests_per_second']} answers/s; load average {load['min']:.1f}–{load['max']:.1f}; "
        f"at most {report['most_requests_waiting']} requests waited for a server thread"
    )
    print(f"{'kind':<22}{'count':>7}{'errors':>8}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind, row in report["kinds"].items():
        shown = [row[key] if row[key] is not None else "–" for key in ("p50_ms", "p95_ms", "p99_ms")]
        print(f"{kind:<22}{row['count']:>7}{row['errors']:>8}" + "".join(f"{value:>9}" for value in shown))
        for error in row["first_errors"]:
            print(f"    {error}")
    if report["server_log"]:
        print("the server logged:", *report["server_log"], sep="\n  ")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--readers", type=int, default=50)
    parser.add_argument("--writers", type=int, default=5)
    parser.add_argument("--threads", type=int, default=8, help="waitress threads (vernetzt serve --threads)")
    parser.add_argument("--database-url", default="", help="a PostgreSQL database, dropped and created again")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    if not 0 < args.seconds <= 600:
        parser.error("--seconds must be between 0 and 600")
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        show(report)
    if Path("/proc/cpuinfo").exists():
        print(f"machine: {os.cpu_count()} CPUs", file=sys.stderr)


if __name__ == "__main__":
    main()
