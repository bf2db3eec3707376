"""`vernetzt serve` as the README tells people to run it: a real server process."""

from __future__ import annotations

import http.client
import urllib.request
from http.cookiejar import CookieJar

from tests_support.server import running_server


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
