"""Which machines a source may reach: public addresses only, unless the operator allowed a private network.

A user types the address of a feed, an article, a calendar or a mail server, and vernetzt connects to
it from the machine it runs on. Unguarded, anyone with an account on a shared server could make it read
from that machine itself (127.0.0.1, an admin port), from the local network (10.0.0.0/8, a router) or
from a cloud's metadata service (169.254.169.254, which hands out credentials), and learn from the
answers what runs there. So every connection a web source opens resolves the host name here and checks
*every* address it resolves to, at the moment of connecting: a redirect to another host, and a name that
answers differently the second time (DNS rebinding), are checked again. Only globally routable unicast
addresses pass; ``VERNETZT_PRIVATE_SOURCES`` names the networks an operator wants reachable anyway (a
feed on the intranet, a Radicale next door), or ``*`` for all of them.

A proxy the operator configured (``https_proxy`` and friends) is reached as configured; then the target
name is checked once before the request, as the proxy, not vernetzt, connects to it.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import urllib.parse
import urllib.request
from functools import cache

from django.conf import settings
from niquests.packages.urllib3.contrib.resolver.system import SystemResolver

ANY_NETWORK = "*"


class PrivateAddress(OSError):
    """The host resolves to an address sources may not reach; ``host`` and ``address`` say which."""

    def __init__(self, host: str, address: str):
        super().__init__(f"{host} resolves to {address}, a private, loopback, link-local or reserved address")
        self.host, self.address = host, address


@cache
def _networks(entries: tuple[str, ...]):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in entries if entry != ANY_NETWORK)


def is_allowed(address: str) -> bool:
    """A public unicast address, or one in a network the operator allowed."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped  # ::ffff:127.0.0.1 is loopback too
    allowed = tuple(getattr(settings, "VERNETZT_PRIVATE_SOURCES", ()))
    if ANY_NETWORK in allowed or any(ip in network for network in _networks(allowed)):
        return True
    return ip.is_global and not ip.is_multicast


def check_records(host: str, records: list) -> list:
    """``records`` (getaddrinfo's answer for ``host``) unchanged, or :class:`PrivateAddress`."""
    for record in records:
        address = str(record[4][0])
        if not is_allowed(address):
            raise PrivateAddress(host, address)
    return records


def check_host(host: str, port: int | None = None) -> None:
    """Resolve ``host`` and refuse it if any address is not allowed; a name that does not resolve
    passes (the connection will fail on its own, with its own message)."""
    host = (host or "").strip("[]")
    try:
        records = socket.getaddrinfo(host, port or 0, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return
    check_records(host, records)


def check_url(url: str) -> None:
    check_host(urllib.parse.urlsplit(url).hostname or "")


def refused_address(error: BaseException | None) -> PrivateAddress | None:
    """The :class:`PrivateAddress` behind an HTTP library's error, if that is what it was."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, PrivateAddress):
            return error
        seen.add(id(error))
        reason = getattr(error, "reason", None)
        error = reason if isinstance(reason, BaseException) else (error.__cause__ or error.__context__)
    return None


def _proxy_hosts() -> frozenset[str]:
    hosts = set()
    for value in urllib.request.getproxies().values():
        host = urllib.parse.urlsplit(value if "://" in value else "//" + value).hostname
        if host:
            hosts.add(host.lower())
    return frozenset(hosts)


def create_connection(address, timeout=socket._GLOBAL_DEFAULT_TIMEOUT, source_address=None, **kwargs):
    """``socket.create_connection`` that connects only to the addresses it checked."""
    host, port = address
    records = check_records(host, socket.getaddrinfo(host, port, type=socket.SOCK_STREAM))
    error: OSError | None = None
    for family, kind, proto, _name, sockaddr in records:
        sock = socket.socket(family, kind, proto)
        try:
            if timeout is not socket._GLOBAL_DEFAULT_TIMEOUT:
                sock.settimeout(timeout)
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
            return sock
        except OSError as failure:
            error = failure
            sock.close()
    raise error or OSError(f"no address for {host}")


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = create_connection


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = create_connection


def _through_proxy(request: urllib.request.Request) -> bool:
    if request.has_proxy() or request._tunnel_host:
        check_url(request.full_url)
        return True
    return False


class _GuardedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        connection = http.client.HTTPConnection if _through_proxy(req) else _GuardedHTTPConnection
        return self.do_open(connection, req)


class _GuardedHTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        connection = http.client.HTTPSConnection if _through_proxy(req) else _GuardedHTTPSConnection
        return self.do_open(connection, req, context=self._context)


def guarded_opener() -> urllib.request.OpenerDirector:
    """urllib with only HTTP and HTTPS, both guarded: no ftp:// or file:// a redirect could lead to."""
    opener = urllib.request.OpenerDirector()
    for handler in (
        urllib.request.ProxyHandler(),
        urllib.request.UnknownHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPRedirectHandler(),
        urllib.request.HTTPErrorProcessor(),
        _GuardedHTTPHandler(),
        _GuardedHTTPSHandler(),
    ):
        opener.add_handler(handler)
    return opener


class GuardedResolver(SystemResolver):
    """The system resolver for niquests (CalDAV), answering only with allowed addresses."""

    def getaddrinfo(self, host, port, family, type, proto=0, flags=0, **kwargs):
        records = super().getaddrinfo(host, port, family, type, proto, flags, **kwargs)
        name = host.decode("ascii") if isinstance(host, bytes) else str(host or "")
        if name.lower() in _proxy_hosts():
            return records
        return check_records(name, records)
