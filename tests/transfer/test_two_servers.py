"""Two `vernetzt serve` processes on one database, as behind a load-balancing proxy: an import started on
one is followed, progress bar and result, through the other; when the one running it is killed, the
other says the import was interrupted, and nothing of it is saved.

On PostgreSQL (VERNETZT_TEST_DATABASE_URL) both servers use a database of their own created next to the
test database, as two hosts would; on SQLite both share one data directory (WAL), as two processes on
one host would.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import time
from collections.abc import Iterator

import psycopg
import requests

from tests_support.connections import connections_csv
from tests_support.server import running_server

ROWS = 6000
HTMX = {"HX-Request": "true"}


@contextlib.contextmanager
def shared_database() -> Iterator[dict[str, str]]:
    """The environment naming the database both servers use (nothing extra on SQLite)."""
    url = os.environ.get("VERNETZT_TEST_DATABASE_URL", "").strip()
    if not url:
        yield {}
        return
    base, _, name = url.rpartition("/")
    shared = f"{name}_two_servers"
    with psycopg.connect(url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{shared}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{shared}"')
    try:
        yield {"VERNETZT_DATABASE_URL": f"{base}/{shared}"}
    finally:
        with psycopg.connect(url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{shared}" WITH (FORCE)')


def _csrf(session: requests.Session, url: str) -> str:
    session.get(url, timeout=60).raise_for_status()
    return session.cookies["csrftoken"]


def _follow(session: requests.Session, base: str, job_url: str) -> tuple[list[tuple[int, int]], str]:
    """Poll the job's progress bar as the page does until the server sends the browser on; the
    (done, total) of every answer while the job ran ((0, 0) while the file is being read)."""
    seen: list[tuple[int, int]] = []
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        response = session.get(f"{base}{job_url}progress/", headers=HTMX, timeout=60)
        assert response.status_code == 200, response.text
        if "HX-Redirect" in response.headers:
            return seen, response.headers["HX-Redirect"]
        match = re.search(r'<progress value="(\d+)" max="(\d+)"', response.text)
        seen.append((int(match.group(1)), int(match.group(2))) if match else (0, 0))
        time.sleep(0.05)
    raise AssertionError(f"{job_url} still running after 300 s; progress seen: {seen[-5:]}")


def _assert_moving_progress(seen: list[tuple[int, int]]) -> None:
    counted = [(done, total) for done, total in seen if total]
    assert {total for _, total in counted} == {ROWS}, seen
    assert [done for done, _ in counted] == sorted(done for done, _ in counted), seen
    assert any(0 < done < ROWS for done, _ in counted), f"no progress between start and end: {seen}"


def test_an_import_started_on_one_server_is_followed_through_the_other(tmp_path):
    with (
        shared_database() as env,
        running_server(tmp_path, "--no-worker", **env) as first,
        running_server(tmp_path, "--no-worker", **env) as second,
        requests.Session() as session,
    ):
        session.get(first.login_link, timeout=60).raise_for_status()
        started = session.post(
            f"{first.url}/import/",
            data={"kind": "linkedin", "csrfmiddlewaretoken": _csrf(session, f"{first.url}/import/")},
            files={"files": ("Connections.csv", connections_csv(ROWS))},
            headers=HTMX,
            timeout=120,
        )
        assert started.status_code == 204, started.text
        job_url = started.headers["HX-Redirect"]

        # The preview (a dry run) may be over before the first poll; its result must be there.
        _seen, preview_url = _follow(session, second.url, job_url)
        assert preview_url == job_url
        preview = session.get(f"{second.url}{preview_url}", headers={"Accept-Language": "en"}, timeout=60)
        assert "6,000" in preview.text
        token = re.search(r'name="token" value="(\w+)"', preview.text).group(1)

        # Confirmed on the second server (same host, same upload folder), followed through the first.
        confirmed = session.post(
            f"{second.url}/import/confirm/",
            data={"token": token, "kind": "linkedin", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
            headers=HTMX,
            timeout=120,
        )
        assert confirmed.status_code == 204, confirmed.text
        import_url = confirmed.headers["HX-Redirect"]
        assert import_url != job_url
        seen, batch_url = _follow(session, first.url, import_url)
        _assert_moving_progress(seen)
        assert re.fullmatch(r"/import/batches/\d+/", batch_url)
        batch = session.get(f"{second.url}{batch_url}", headers={"Accept-Language": "en"}, timeout=60)
        assert batch.status_code == 200
        assert "6,000" in batch.text
        people = json.loads(second.cli("people", "--json", "--limit", str(2 * ROWS)).stdout)
        assert len(people) == ROWS


def _start_import(session: requests.Session, server, rows: int) -> str:
    """Upload ``rows`` connections on ``server``, wait for the preview there, say "Import now";
    the import job's URL."""
    started = session.post(
        f"{server.url}/import/",
        data={"kind": "linkedin", "csrfmiddlewaretoken": _csrf(session, f"{server.url}/import/")},
        files={"files": ("Connections.csv", connections_csv(rows))},
        headers=HTMX,
        timeout=120,
    )
    _seen, preview_url = _follow(session, server.url, started.headers["HX-Redirect"])
    preview = session.get(f"{server.url}{preview_url}", timeout=60)
    token = re.search(r'name="token" value="(\w+)"', preview.text).group(1)
    confirmed = session.post(
        f"{server.url}/import/confirm/",
        data={"token": token, "kind": "linkedin", "csrfmiddlewaretoken": session.cookies["csrftoken"]},
        headers=HTMX,
        timeout=120,
    )
    return confirmed.headers["HX-Redirect"]


def test_an_import_whose_server_is_killed_ends_interrupted_on_the_other_and_saves_nothing(tmp_path):
    rows = 20_000
    with (
        shared_database() as env,
        running_server(tmp_path, "--no-worker", **env) as first,
        running_server(tmp_path, "--no-worker", **env) as second,
        requests.Session() as session,
    ):
        session.get(first.login_link, timeout=60).raise_for_status()
        import_url = _start_import(session, first, rows)
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:  # until the other server shows the import under way
            page = session.get(f"{second.url}{import_url}progress/", headers=HTMX, timeout=60).text
            match = re.search(r'<progress value="(\d+)" max="(\d+)"', page)
            if match and 0 < int(match.group(1)) < rows:
                break
            time.sleep(0.05)
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)

        killed_at = time.monotonic()
        seen, next_url = _follow(session, second.url, import_url)
        assert next_url == "/import/"
        assert time.monotonic() - killed_at < 120
        assert seen  # it kept answering "running" until the first server had been silent too long
        message = session.get(f"{second.url}/import/", headers={"Accept-Language": "en"}, timeout=60).text
        assert "The import was interrupted (the server stopped); nothing was saved." in message
        people = json.loads(second.cli("people", "--json", "--limit", str(2 * rows)).stdout)
        assert people == []
