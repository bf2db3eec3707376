"""The CardDAV server answered request by request, as DAVx5, iOS and Thunderbird ask."""

from __future__ import annotations

from xml.etree import ElementTree as ET

import pytest
import vobject

from tests_support.dav import basic
from vernetzt.carddav.services import save_address_book_settings
from vernetzt.goals.models import Goal

pytestmark = pytest.mark.django_db

D = "{DAV:}"
C = "{urn:ietf:params:xml:ns:carddav}"
PROPFIND_ALL = b"""<?xml version="1.0"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav" xmlns:cs="http://calendarserver.org/ns/">
 <d:prop><d:resourcetype/><d:getetag/><d:displayname/><d:current-user-principal/>
 <c:addressbook-home-set/><cs:getctag/><d:sync-token/><d:current-user-privilege-set/>
 <d:supported-report-set/><c:supported-address-data/><x:unknown xmlns:x="urn:x"/>
 </d:prop></d:propfind>"""
BOOK = "/dav/alice/contacts/"


def dav(client, method, path, body=b"", secret=None, username="alice", **headers):
    auth = {"HTTP_AUTHORIZATION": basic(username, secret)} if secret else {}
    extra = {f"HTTP_{name.upper().replace('-', '_')}": value for name, value in headers.items()}
    return client.generic(method, path, body, content_type="application/xml", **auth, **extra)


def responses(response) -> dict[str, ET.Element]:
    assert response.status_code == 207, response.content
    root = ET.fromstring(response.content)
    return {node.findtext(f"{D}href"): node for node in root.findall(f"{D}response")}


def found(node: ET.Element, name: str) -> ET.Element | None:
    for propstat in node.findall(f"{D}propstat"):
        if "200" in propstat.findtext(f"{D}status"):
            value = propstat.find(f"{D}prop/{name}")
            if value is not None:
                return value
    return None


def test_discovery_from_the_well_known_address_to_the_address_book(client, book):
    secret = book["secret"]
    for method in ("GET", "PROPFIND"):
        redirect = dav(client, method, "/.well-known/carddav")
        assert redirect.status_code == 301
        assert redirect["Location"] == "/dav/"
    root = responses(dav(client, "PROPFIND", "/dav/", PROPFIND_ALL, secret, Depth="0"))["/dav/"]
    assert found(root, f"{D}current-user-principal").findtext(f"{D}href") == "/dav/alice/"
    principal = responses(dav(client, "PROPFIND", "/dav/alice/", PROPFIND_ALL, secret, Depth="0"))[
        "/dav/alice/"
    ]
    assert found(principal, f"{C}addressbook-home-set").findtext(f"{D}href") == "/dav/alice/"
    home = responses(dav(client, "PROPFIND", "/dav/alice/", PROPFIND_ALL, secret, Depth="1"))
    book_node = home["/dav/alice/contacts/"]
    assert found(book_node, f"{D}resourcetype").find(f"{C}addressbook") is not None
    assert found(book_node, f"{D}sync-token").text.startswith("urn:vernetzt:sync:")
    privileges = [p[0].tag for p in found(book_node, f"{D}current-user-privilege-set")]
    assert f"{D}write" not in privileges
    assert f"{D}read" in privileges
    reports = {r.find(f"{D}report")[0].tag for r in found(book_node, f"{D}supported-report-set")}
    assert reports == {f"{C}addressbook-query", f"{C}addressbook-multiget", f"{D}sync-collection"}
    unknown = [p for p in book_node.findall(f"{D}propstat") if "404" in p.findtext(f"{D}status")]
    assert unknown[0].find(f"{D}prop/{{urn:x}}unknown") is not None


def test_the_book_holds_exactly_the_chosen_people(client, book):
    listing = responses(dav(client, "PROPFIND", BOOK, PROPFIND_ALL, book["secret"], Depth="1"))
    cards = {href for href in listing if href.endswith(".vcf")}
    assert cards == {f"/dav/alice/contacts/{person.pk}.vcf" for person in book["in"]}
    assert all(found(listing[href], f"{D}getetag").text.startswith('"') for href in cards)


def test_multiget_returns_the_cards_and_404_for_others(client, book):
    met, target, _must = book["in"]
    pool = book["out"][0]
    hrefs = [f"/dav/alice/contacts/{pk}.vcf" for pk in (met.pk, target.pk, pool.pk)]
    body = (
        '<c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
        "<d:prop><d:getetag/><c:address-data/></d:prop>"
        + "".join(f"<d:href>{href}</d:href>" for href in hrefs)
        + "</c:addressbook-multiget>"
    ).encode()
    answer = responses(dav(client, "REPORT", "/dav/alice/contacts/", body, book["secret"], Depth="1"))
    assert "404" in answer[hrefs[2]].findtext(f"{D}status")
    card = vobject.readOne(found(answer[hrefs[0]], f"{C}address-data").text)
    assert card.fn.value == "Katrin Vogel"
    assert card.org.value == ["Elbe Terminal GmbH"]
    assert card.title.value == "Leiterin Kontraktlogistik"
    assert card.bday.value == "--03-15"
    assert card.photo.value.startswith(b"\xff\xd8")  # the JPEG kept with her
    assert card.note.value.startswith(
        "Last encounter: March 13, 2026, Conversation at an event (Logistik-Forum"
    )
    assert card.uid.value
    priya = vobject.readOne(found(answer[hrefs[1]], f"{C}address-data").text)
    assert priya.bday.value == "1978-11-02"


def test_vcard_4_and_apple_birthdays(client, book):
    met = book["in"][0]
    href = f"/dav/alice/contacts/{met.pk}.vcf"
    body = (
        '<c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">'
        '<d:prop><d:getetag/><c:address-data content-type="text/vcard" version="4.0"/></d:prop>'
        f"<d:href>{href}</d:href></c:addressbook-multiget>"
    ).encode()
    answer = responses(dav(client, "REPORT", "/dav/alice/contacts/", body, book["secret"]))
    text = found(answer[href], f"{C}address-data").text
    assert "VERSION:4.0" in text
    assert "BDAY:--0315" in text
    assert "PHOTO:data:image/jpeg;base64," in text
    iphone = dav(client, "GET", href, secret=book["secret"], User_Agent="iOS/17.4 (21E219) dataaccessd/1.0")
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15" in iphone.content.decode()
    assert iphone["ETag"] == found(answer[href], f"{D}getetag").text  # one ETag for every rendering


def test_addressbook_query_filters_by_text(client, book):
    body = """<c:addressbook-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
      <d:prop><d:getetag/></d:prop>
      <c:filter test="anyof">
        <c:prop-filter name="EMAIL">
          <c:text-match match-type="ends-with">@ELBE-terminal.de</c:text-match>
        </c:prop-filter>
        <c:prop-filter name="FN"><c:text-match match-type="starts-with">jörg</c:text-match></c:prop-filter>
      </c:filter></c:addressbook-query>""".encode()
    answer = responses(dav(client, "REPORT", "/dav/alice/contacts/", body, book["secret"], Depth="1"))
    met, _target, must = book["in"]
    assert set(answer) == {f"/dav/alice/contacts/{met.pk}.vcf", f"/dav/alice/contacts/{must.pk}.vcf"}
    limited = body.replace(b"</c:filter>", b"</c:filter><c:limit><c:nresults>1</c:nresults></c:limit>")
    answer = responses(dav(client, "REPORT", "/dav/alice/contacts/", limited, book["secret"]))
    assert "507" in answer["/dav/alice/contacts/"].findtext(f"{D}status")


def test_sync_collection_and_ctag_follow_the_settings(client, book):
    sync = (
        b'<d:sync-collection xmlns:d="DAV:"><d:sync-token/><d:sync-level>1</d:sync-level>'
        b"<d:prop><d:getetag/></d:prop></d:sync-collection>"
    )
    first = dav(client, "REPORT", "/dav/alice/contacts/", sync, book["secret"])
    token = ET.fromstring(first.content).findtext(f"{D}sync-token")
    assert len(responses(first)) == 3
    again = sync.replace(b"<d:sync-token/>", f"<d:sync-token>{token}</d:sync-token>".encode())
    unchanged = dav(client, "REPORT", "/dav/alice/contacts/", again, book["secret"])
    assert responses(unchanged) == {}
    # The user widens the book: the token no longer matches and the client is told to start over.
    save_address_book_settings(owner=book["in"][0].owner, connections=True)
    stale = dav(client, "REPORT", "/dav/alice/contacts/", again, book["secret"])
    assert stale.status_code == 403
    assert b"valid-sync-token" in stale.content
    listing = responses(dav(client, "PROPFIND", BOOK, PROPFIND_ALL, book["secret"], Depth="1"))
    assert f"/dav/alice/contacts/{book['out'][1].pk}.vcf" in listing
    save_address_book_settings(
        owner=book["in"][0].owner, relationships=False, pipelines=False, must_meet=False
    )
    listing = responses(dav(client, "PROPFIND", BOOK, PROPFIND_ALL, book["secret"], Depth="1"))
    assert {href for href in listing if href.endswith(".vcf")} == {
        f"/dav/alice/contacts/{book['out'][1].pk}.vcf"
    }


def test_a_person_leaves_the_book_when_their_goal_is_dropped(client, book):
    target = book["in"][1]
    Goal.objects.filter(owner=target.owner).update(status=Goal.Status.DROPPED)
    assert (
        dav(client, "GET", f"/dav/alice/contacts/{target.pk}.vcf", secret=book["secret"]).status_code == 404
    )


@pytest.mark.parametrize("method", ["PUT", "DELETE", "PROPPATCH", "MKCOL", "MOVE"])
def test_edits_on_the_phone_are_refused_with_need_privileges(client, book, method):
    href = f"/dav/alice/contacts/{book['in'][0].pk}.vcf"
    response = dav(client, method, href, b"BEGIN:VCARD\r\nEND:VCARD\r\n", book["secret"])
    assert response.status_code == 403
    assert b"need-privileges" in response.content
    assert href.encode() in response.content


def test_get_a_card_and_the_whole_book(client, book):
    href = f"/dav/alice/contacts/{book['in'][0].pk}.vcf"
    card = dav(client, "GET", href, secret=book["secret"])
    assert card["Content-Type"].startswith("text/vcard")
    assert dav(client, "GET", href, secret=book["secret"], If_None_Match=card["ETag"]).status_code == 304
    whole = dav(client, "GET", "/dav/alice/contacts/", secret=book["secret"])
    assert len(list(vobject.readComponents(whole.content.decode()))) == 3


def test_nobody_and_other_accounts_see_nothing(client, book):
    href = f"/dav/alice/contacts/{book['in'][0].pk}.vcf"
    nobody = dav(client, "PROPFIND", "/dav/alice/contacts/", PROPFIND_ALL, Depth="1")
    assert nobody.status_code == 401
    assert nobody["WWW-Authenticate"].startswith("Basic")
    assert dav(client, "GET", href, secret="vz_wrong").status_code == 401
    # Mallory's own token with Alice's name, and Mallory's token on Alice's paths.
    assert dav(client, "GET", href, secret=book["other_secret"]).status_code == 401
    as_mallory = dav(client, "GET", href, secret=book["other_secret"], username="mallory")
    assert as_mallory.status_code == 404
    own = responses(
        dav(
            client,
            "PROPFIND",
            "/dav/mallory/contacts/",
            PROPFIND_ALL,
            book["other_secret"],
            username="mallory",
            Depth="1",
        )
    )
    assert b"Katrin" not in b"".join(ET.tostring(node) for node in own.values())
    assert not [href for href in own if href.endswith(".vcf") and "alice" in href]
    # The login form does not take an API token as a password.
    login = client.post("/login/", {"username": "alice", "password": book["secret"]})
    assert login.status_code == 200


@pytest.mark.parametrize(
    "body",
    [
        b"<not xml",
        b'<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b'<d:propfind xmlns:d="DAV:">&b;</d:propfind>',
        b'<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'.replace(b"getetag", b"\x00"),
    ],
)
def test_broken_bodies_answer_400(client, book, body):
    response = dav(client, "PROPFIND", "/dav/alice/contacts/", body, book["secret"], Depth="1")
    assert response.status_code == 400


def test_bad_requests_answer_clearly(client, book):
    secret = book["secret"]
    assert dav(client, "PROPFIND", "/dav/alice/contacts/", PROPFIND_ALL, secret).status_code == 403  # Depth ∞
    assert dav(client, "PROPFIND", "/dav/alice/contacts/", PROPFIND_ALL, secret, Depth="2").status_code == 400
    query = (
        b'<c:addressbook-query xmlns:c="urn:ietf:params:xml:ns:carddav"><c:filter><c:prop-filter name="FN">'
        b'<c:text-match collation="x;klingon">a</c:text-match></c:prop-filter></c:filter>'
        b"</c:addressbook-query>"
    )
    refused = dav(client, "REPORT", "/dav/alice/contacts/", query, secret)
    assert refused.status_code == 403
    assert b"supported-collation" in refused.content
    assert dav(client, "GET", "/dav/alice/contacts/999999.vcf", secret=secret).status_code == 404
    assert dav(client, "GET", "/dav/alice/contacts/..%2F1.vcf", secret=secret).status_code == 404
    assert dav(client, "OPTIONS", "/dav/").headers["DAV"] == "1, 3, addressbook"
    garbage = {"HTTP_AUTHORIZATION": "Basic !!!notbase64"}
    assert client.generic("PROPFIND", "/dav/", b"", **garbage).status_code == 401


def test_guessing_tokens_locks_the_address_book_like_the_login(client, book, settings):
    href = f"/dav/alice/contacts/{book['in'][0].pk}.vcf"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        assert dav(client, "GET", href, secret="vz_guessed").status_code in {401, 429}
    locked = dav(client, "GET", href, secret=book["secret"])
    assert locked.status_code == 429
    assert locked["Content-Type"].startswith("text/plain")
    assert "vernetzt unlock" in locked.content.decode()
