"""Sources reach public addresses only: nothing on this machine, the local network or a cloud's metadata
service, also not through a redirect, unless the operator allowed the network (VERNETZT_PRIVATE_SOURCES).

Real servers on loopback stand in for the private machines; each test also shows the same fetch going
through once the network is allowed, so the refusal is the guard's and not a broken server.
"""

from __future__ import annotations

import http.server
import json
import threading
from contextlib import contextmanager

import niquests
import pytest
from click.testing import CliRunner

from tests_support.http_files import serve_folder
from vernetzt.cli import main
from vernetzt.config import ConfigError, load_config
from vernetzt.errors import DataError
from vernetzt.sources.addresses import GuardedResolver, is_allowed, refused_address
from vernetzt.sources.calendars import add_calendar, poll_calendars
from vernetzt.sources.feeds import add_article, add_feed, poll_feeds
from vernetzt.sources.fetching import FetchError, fetch
from vernetzt.sources.mail import add_mail_account
from vernetzt.sources.models import Calendar, Feed

pytestmark = pytest.mark.django_db

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Intern</title>
<item><title>Hallo</title><link>http://example.org/1</link></item></channel></rss>"""


@pytest.fixture
def intranet(tmp_path):
    """A feed served on loopback, i.e. where an intranet server would be."""
    (tmp_path / "feed.xml").write_bytes(RSS)
    with serve_folder(tmp_path) as base:
        yield base + "feed.xml"


@contextmanager
def redirecting(target: str):
    """A server on 127.0.0.1 that sends every request on to ``target``."""

    class Redirect(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()

        def log_message(self, *args):
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirect)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.5.4",
        "192.168.178.1",
        "100.64.0.1",  # carrier-grade NAT
        "169.254.169.254",  # cloud metadata
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fd00:ec2::254",  # AWS metadata over IPv6
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
    ],
)
def test_private_loopback_link_local_and_metadata_addresses_are_refused(address):
    assert not is_allowed(address)


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:4700:4700::1111", "::ffff:93.184.215.14"])
def test_public_addresses_pass(address):
    assert is_allowed(address)


def test_an_allowed_network_passes_and_only_it(settings):
    settings.VERNETZT_PRIVATE_SOURCES = ("10.0.0.0/8",)
    assert is_allowed("10.20.30.40")
    assert not is_allowed("192.168.1.1")
    settings.VERNETZT_PRIVATE_SOURCES = ("*",)
    assert is_allowed("192.168.1.1") and is_allowed("169.254.169.254")


def test_a_feed_on_loopback_is_refused_until_the_operator_allows_it(user, intranet, settings):
    with pytest.raises(DataError) as refused:
        add_feed(owner=user, url=intranet)
    assert refused.value.message == "private_address"
    with pytest.raises(FetchError) as fetched:
        fetch(intranet.replace("127.0.0.1", "localhost"))  # a name that resolves to loopback
    assert fetched.value.code == "private_address"
    settings.VERNETZT_PRIVATE_SOURCES = ("127.0.0.1",)
    feed = add_feed(owner=user, url=intranet)
    assert poll_feeds(owner=user).items == 1
    # Allowed once, forbidden later: the next round refuses it and says so.
    settings.VERNETZT_PRIVATE_SOURCES = ()
    assert poll_feeds(owner=user).failed == [feed]
    assert Feed.objects.get(pk=feed.pk).last_error == "private_address"


@contextmanager
def feed_server(host: str):
    """The feed served on ``host``, a second loopback address standing in for another private one."""

    class Feed(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(RSS)

        def log_message(self, *args):
            return None

    server = http.server.ThreadingHTTPServer((host, 0), Feed)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}/feed.xml"
    finally:
        server.shutdown()
        server.server_close()


def test_a_redirect_into_a_private_address_is_refused(settings):
    # The redirecting server on 127.0.0.1 may be reached; the feed it points to, on 127.0.0.2, may not.
    try:
        inner_server = feed_server("127.0.0.2")
        inner = inner_server.__enter__()
    except OSError as error:  # pragma: no cover - a system without the whole 127/8 loopback block
        pytest.skip(f"cannot listen on 127.0.0.2: {error}")
    try:
        with redirecting(inner) as outer:
            settings.VERNETZT_PRIVATE_SOURCES = ("127.0.0.1/32",)
            with pytest.raises(FetchError) as refused:
                fetch(outer)
            assert refused.value.code == "private_address"
            assert "127.0.0.2" in refused.value.detail
            settings.VERNETZT_PRIVATE_SOURCES = ("127.0.0.0/8",)
            assert fetch(outer).body == RSS
    finally:
        inner_server.__exit__(None, None, None)


def test_pasted_article_links_and_ics_calendars_are_guarded_too(user, intranet, settings):
    with pytest.raises(DataError) as article:
        add_article(owner=user, url=intranet)
    assert article.value.message == "private_address"
    with pytest.raises(DataError) as calendar:
        add_calendar(owner=user, url="http://169.254.169.254/latest/meta-data/")
    assert calendar.value.message == "private_address"
    settings.VERNETZT_PRIVATE_SOURCES = ("127.0.0.1",)
    add_calendar(owner=user, url=intranet)
    settings.VERNETZT_PRIVATE_SOURCES = ()
    [failed] = poll_calendars(owner=user).failed
    assert Calendar.objects.get(pk=failed.pk).last_error == "private_address"


def test_caldav_connections_go_through_the_guarded_resolver(intranet, settings):
    """Every connection of the CalDAV client's session, redirects included, resolves through the guard."""
    with niquests.Session(resolver=GuardedResolver()) as session:
        with pytest.raises(niquests.exceptions.ConnectionError) as refused:
            session.get(intranet, timeout=5)
        assert refused_address(refused.value) is not None
        settings.VERNETZT_PRIVATE_SOURCES = ("127.0.0.1",)
        assert session.get(intranet, timeout=5).content == RSS


def test_a_mail_server_on_a_private_address_is_refused(user):
    for host in ("127.0.0.1", "localhost", "10.0.0.5"):
        with pytest.raises(DataError) as refused:
            add_mail_account(owner=user, host=host, username="u", password="p")
        assert (refused.value.field, refused.value.message) == ("host", "private_address")


def test_the_settings_page_says_what_happened_in_german_and_english(alice_client, user, intranet):
    user.language = "de"
    user.save()
    german = alice_client.post("/settings/sources/feeds/", {"url": intranet})
    assert german.status_code == 422
    assert "privates Netz" in german.content.decode()
    assert "VERNETZT_PRIVATE_SOURCES" in german.content.decode()
    user.language = "en"
    user.save()
    english = alice_client.post("/settings/sources/calendars/", {"url": "http://10.0.0.1/cal.ics"})
    assert english.status_code == 422
    assert "private network" in english.content.decode()


def test_the_command_line_says_it_in_the_accounts_language(user, intranet):
    user.language = "de"
    user.save()
    result = CliRunner().invoke(main, ["feed", "add", intranet, "--json"])
    assert result.exit_code != 0
    assert "privates Netz" in json.loads(result.stderr)["error"]


def test_the_setting_reads_networks_and_refuses_nonsense(monkeypatch, tmp_path):
    monkeypatch.setenv("VERNETZT_HOME", str(tmp_path))
    monkeypatch.setenv("VERNETZT_PRIVATE_SOURCES", "10.0.0.0/8, 192.168.1.7")
    assert load_config().private_sources == ("10.0.0.0/8", "192.168.1.7/32")
    monkeypatch.setenv("VERNETZT_PRIVATE_SOURCES", "*")
    assert load_config().private_sources == ("*",)
    monkeypatch.setenv("VERNETZT_PRIVATE_SOURCES", "intranet")
    with pytest.raises(ConfigError, match="VERNETZT_PRIVATE_SOURCES"):
        load_config()
    monkeypatch.delenv("VERNETZT_PRIVATE_SOURCES")
    assert load_config().private_sources == ()


def test_a_mail_server_allowed_once_is_refused_when_connecting_later(user, dovecot, settings):
    """The IMAP connection itself checks the address (not only adding the account)."""
    from vernetzt.sources.mail import poll_mail

    add_mail_account(
        owner=user, host=dovecot.host, port=dovecot.port, username=dovecot.user, password=dovecot.password
    )
    assert poll_mail(owner=user).failed == []  # on loopback, allowed by the fixture
    settings.VERNETZT_PRIVATE_SOURCES = ()
    [failed] = poll_mail(owner=user).failed
    failed.refresh_from_db()
    assert failed.last_error == "private_address" and dovecot.host in failed.last_error_detail
