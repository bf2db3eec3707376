"""Forwarded headers count only from the proxies in VERNETZT_TRUSTED_PROXIES (vernetzt.proxies)."""

from __future__ import annotations

import pytest

from vernetzt.config import ConfigError, load_config
from vernetzt.proxies import behind_proxies


def _seen(trusted, peer: str, **headers: str) -> dict:
    """What the application behind the wrapper sees of one request from ``peer``."""
    seen = {}

    def app(environ, start_response):
        seen.update(environ)
        start_response("200 OK", [])
        return [b""]

    environ = {
        "REMOTE_ADDR": peer,
        "wsgi.url_scheme": "http",
        "HTTP_HOST": "127.0.0.1:8000",
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8000",
        **{"HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()},
    }
    behind_proxies(app, trusted)(environ, lambda status, headers: None)
    return seen


FORWARDED = {
    "X-Forwarded-Proto": "https",
    "X-Forwarded-For": "203.0.113.99, 198.51.100.7",
    "X-Forwarded-Host": "crm.example.org",
}


def test_a_trusted_proxy_sets_scheme_host_and_the_client_address_it_saw():
    seen = _seen(["127.0.0.0/8"], "127.0.0.1", **FORWARDED)
    assert seen["wsgi.url_scheme"] == "https"
    assert seen["HTTP_HOST"] == "crm.example.org"
    # One hop: the address the proxy appended, not what the client wrote in front of it.
    assert seen["REMOTE_ADDR"] == "198.51.100.7"


def test_a_peer_outside_the_trusted_networks_cannot_claim_https_or_another_address():
    seen = _seen(["10.0.0.0/8"], "192.0.2.44", **FORWARDED)
    assert seen["wsgi.url_scheme"] == "http"
    assert seen["REMOTE_ADDR"] == "192.0.2.44"
    assert not any(name.startswith("HTTP_X_FORWARDED") for name in seen)


def test_networks_and_ipv4_mapped_peers_match():
    assert _seen(["10.0.0.0/8"], "10.20.30.40", **FORWARDED)["wsgi.url_scheme"] == "https"
    assert _seen(["127.0.0.0/8"], "::ffff:127.0.0.1", **FORWARDED)["wsgi.url_scheme"] == "https"
    assert _seen(["::1/128"], "::1", **FORWARDED)["wsgi.url_scheme"] == "https"


def test_nobody_is_trusted_without_proxies():
    assert _seen([], "127.0.0.1", **FORWARDED)["wsgi.url_scheme"] == "http"


def test_a_public_url_trusts_loopback_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.delenv("VERNETZT_TRUSTED_PROXIES", raising=False)
    monkeypatch.delenv("VERNETZT_PUBLIC_URL", raising=False)
    assert load_config().trusted_proxies == ()
    monkeypatch.setenv("VERNETZT_PUBLIC_URL", "https://crm.example.org")
    assert load_config().trusted_proxies == ("127.0.0.0/8", "::1/128")
    monkeypatch.setenv("VERNETZT_TRUSTED_PROXIES", "172.18.0.2, 10.1.0.0/16")
    assert load_config().trusted_proxies == ("172.18.0.2/32", "10.1.0.0/16")
    monkeypatch.setenv("VERNETZT_TRUSTED_PROXIES", "")
    assert load_config().trusted_proxies == ()


def test_a_trusted_proxy_that_is_not_an_address_is_refused(tmp_path, monkeypatch):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.setenv("VERNETZT_TRUSTED_PROXIES", "nginx.local")
    with pytest.raises(ConfigError, match="not an IP address"):
        load_config()
