"""Believing X-Forwarded-* headers only from the reverse proxies the operator named.

Behind nginx or Caddy the scheme (https) and the client's address arrive in X-Forwarded-* headers;
waitress drops them unless the peer is its one ``trusted_proxy`` (a single address or ``*``), but
proxies in containers and clusters connect from several addresses. So waitress' own header parsing is
applied here per request, trusting the peer only when it lies in one of ``VERNETZT_TRUSTED_PROXIES``'
networks, and clearing the headers for everyone else. One hop is trusted (``trusted_proxy_count=1``):
the address the proxy itself appends to X-Forwarded-For, not what a client wrote before it.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable

from waitress.proxy_headers import proxy_headers_middleware

TRUSTED_HEADERS = frozenset({"x-forwarded-for", "x-forwarded-proto", "x-forwarded-host", "x-forwarded-port"})


def _networks(entries: Iterable[str]):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries)


def _address(peer: str):
    try:
        return ipaddress.ip_address(peer.strip("[]"))
    except ValueError:
        return None


def behind_proxies(app: Callable, trusted: Iterable[str]) -> Callable:
    """A WSGI app that reads forwarded headers from trusted peers and clears them from the rest.

    Serve it with waitress' ``clear_untrusted_proxy_headers=False`` (this wrapper does the clearing).
    """
    networks = _networks(trusted)
    believing = proxy_headers_middleware(
        app, trusted_proxy="*", trusted_proxy_count=1, trusted_proxy_headers=set(TRUSTED_HEADERS)
    )
    doubting = proxy_headers_middleware(app, trusted_proxy=None, clear_untrusted=True)

    def dispatch(environ, start_response):
        peer = _address(environ.get("REMOTE_ADDR", ""))
        peer = getattr(peer, "ipv4_mapped", None) or peer  # ::ffff:127.0.0.1 on a dual-stack socket
        trusted_peer = peer is not None and any(peer in network for network in networks)
        return (believing if trusted_peer else doubting)(environ, start_response)

    return dispatch
