"""`vernetzt serve` as the README tells people to run it: a real server process."""

from __future__ import annotations

import http.client
import subprocess
import sys
import urllib.request
from http.cookiejar import CookieJar

from tests_support.server import clean_env, running_server


def test_serve_demo_prints_a_login_link_that_opens_the_demo(tmp_path):
    with running_server(tmp_path, "--demo") as server:
        assert server.login_link.startswith(f"http://127.0.0.1:{server.port}/login/")
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        page = opener.open(server.login_link, timeout=60).read().decode()
        assert "Logistik-Forum Rhein-Ruhr 2026" in page  # the demo's upcoming event on Today
        people = opener.open(f"{server.url}/people/?q=priya", timeout=60).read().decode()
        assert "Priya Raman" in people


def _get(port: int, path: str, **headers: str) -> http.client.HTTPResponse:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    connection.request("GET", path, headers={"Host": "crm.example.org", **headers})
    response = connection.getresponse()
    response.read()
    connection.close()
    return response


def test_behind_a_proxy_a_forwarded_https_request_is_served_not_redirected_again(tmp_path):
    # The reverse proxy on the same machine connects from loopback, trusted by default with a public URL.
    with running_server(tmp_path, VERNETZT_PUBLIC_URL="https://crm.example.org") as server:
        assert server.login_link.startswith("https://crm.example.org/login/")
        plain = _get(server.port, "/")
        assert plain.status == 301
        assert plain.getheader("Location") == "https://crm.example.org/"
        forwarded = _get(server.port, "/", **{"X-Forwarded-Proto": "https"})
        assert forwarded.status == 302
        assert forwarded.getheader("Location") == "/login/?next=/"
        assert "max-age=" in forwarded.getheader("Strict-Transport-Security")


def _post_announcing(port: int, length: int, body: bytes) -> tuple[int, str]:
    """POST /import/ announcing ``length`` bytes but sending only ``body``; the answer that comes."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest("POST", "/import/")
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(length))
    connection.endheaders(body)
    response = connection.getresponse()
    text = response.read().decode("utf-8", "replace")
    connection.close()
    return response.status, text


def test_the_server_refuses_a_body_beyond_the_import_limit_before_reading_it(tmp_path):
    limit = 1024 * 1024  # VERNETZT_MAX_IMPORT_MB=1, plus 1 MB for the form around the files
    with running_server(tmp_path, "--no-worker", VERNETZT_MAX_IMPORT_MB="1") as server:
        # 100 MB announced, not a byte sent: the answer comes at once (without the limit, waitress
        # would wait for the body until the timeout).
        status, text = _post_announcing(server.port, 100 * 1024 * 1024, b"")
        assert status == 413
        assert "Request Entity Too Large" in text
        status, _ = _post_announcing(server.port, 2 * limit + 1, b"")
        assert status == 413
        # At the limit the body is read and reaches vernetzt (whose CSRF check refuses it: no session).
        status, _ = _post_announcing(server.port, 2 * limit, b"-" * (2 * limit))
        assert status == 403


def test_serve_logs_in_the_account_init_created_not_a_new_one(tmp_path):
    """The README's server steps: `init --user anna`, then `serve` without --user is anna's (before,
    serve made a second, empty account "me" and printed its login link)."""
    env = clean_env(tmp_path)
    vernetzt = [sys.executable, "-m", "vernetzt"]
    subprocess.run(
        [*vernetzt, "init", "--user", "anna"], env=env, check=True, capture_output=True, timeout=120
    )
    with running_server(tmp_path, "--no-worker") as server:
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        assert opener.open(server.login_link, timeout=60).status == 200
    me = subprocess.run([*vernetzt, "--user", "me", "people"], env=env, capture_output=True, text=True)
    assert me.returncode == 1
    assert "no account named 'me'" in me.stderr
    single = subprocess.run([*vernetzt, "people", "--json"], env=env, capture_output=True, text=True)
    assert single.returncode == 0, single.stderr  # one account: anna's, the one the link logged in


def test_serve_speaks_the_accounts_language(tmp_path):
    """A German account's operator reads the server's lines in German (the login link included)."""
    env = clean_env(tmp_path)
    init = [sys.executable, "-m", "vernetzt", "init"]
    subprocess.run(init, env=env, check=True, capture_output=True, timeout=120)
    set_german = "from vernetzt.accounts.models import User; User.objects.update(language='de')"
    subprocess.run(
        [sys.executable, "-m", "vernetzt", "manage", "shell", "-c", set_german],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    with running_server(tmp_path) as server:
        printed = "".join(server.output)
        assert f"vernetzt läuft auf http://127.0.0.1:{server.port}/" in printed
        assert f"Öffnen Sie diesen einmaligen Anmeldelink: {server.login_link}" in printed
        assert "Open this one-time login link" not in printed
