"""The CardDAV endpoints: discovery, PROPFIND, REPORT and GET over the account's address book.

Layout: ``/dav/`` (the root), ``/dav/<account>/`` (principal and address-book home),
``/dav/<account>/contacts/`` (the address book), ``/dav/<account>/contacts/<id>.vcf`` (a card).
Clients log in with HTTP Basic: the account name and a personal API token. The book is read-only:
every write answers 403 with DAV:need-privileges, which DAVx5, iOS and Thunderbird show as
"read-only address book".
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from django.contrib.auth import authenticate
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse, HttpResponsePermanentRedirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.csrf import csrf_exempt

from vernetzt.carddav import dav
from vernetzt.carddav.book import Card, collection_tag, load_cards
from vernetzt.carddav.dav import CARD, CS, DAV, DavRequestError, DavResponse, element, href_element, tag
from vernetzt.exporters.vcard import VCardStyle, render_vcards
from vernetzt.language import account_language

ROOT = "/dav/"
BOOK = "contacts"
READ_METHODS = {"OPTIONS", "GET", "HEAD", "PROPFIND", "REPORT"}
WRITE_PRIVILEGES = {
    "PUT": "write-content",
    "DELETE": "unbind",
    "PROPPATCH": "write-properties",
    "MKCOL": "bind",
    "MKCALENDAR": "bind",
    "COPY": "bind",
    "MOVE": "unbind",
    "LOCK": "write",
    "UNLOCK": "write",
    "ACL": "write-acl",
    "POST": "bind",
}
SYNC_PREFIX = "urn:vernetzt:sync:"
# Apple's clients (Contacts on macOS, iOS's dataaccessd) read year-less birthdays only in Apple's form.
APPLE_AGENTS = ("iOS/", "macOS/", "Mac OS X/", "Mac_OS_X/", "dataaccessd", "AddressBook")
MAX_RESOURCE_BYTES = 1024 * 1024
DAV_HEADERS = {"DAV": "1, 3, addressbook", "Allow": ", ".join(sorted(READ_METHODS))}
XML = "application/xml; charset=utf-8"


@dataclass
class Resource:
    kind: str  # "root", "principal", "book" or "card"
    user: object
    person_id: int | None = None

    @property
    def principal(self) -> str:
        return f"{ROOT}{quote(self.user.get_username(), safe='@')}/"

    @property
    def book(self) -> str:
        return f"{self.principal}{BOOK}/"

    @property
    def href(self) -> str:
        return {"root": ROOT, "principal": self.principal, "book": self.book}.get(
            self.kind, f"{self.book}{self.person_id}.vcf"
        )


def _response(body: bytes = b"", *, status: int = 200, content_type: str = XML, **headers) -> HttpResponse:
    response = HttpResponse(body, status=status, content_type=content_type)
    for name, value in {**DAV_HEADERS, **headers}.items():
        response[name] = value
    return response


def _unauthorized() -> HttpResponse:
    return _response(
        _("Log in with your account name and a personal API token (Settings → API tokens).").encode(),
        status=401,
        content_type="text/plain; charset=utf-8",
        **{"WWW-Authenticate": 'Basic realm="vernetzt", charset="UTF-8"'},
    )


def _basic_credentials(request) -> tuple[str, str] | None:
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return None
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None
    username, colon, secret = decoded.partition(":")
    return (username, secret) if colon else None


def _authenticated_user(request):
    credentials = _basic_credentials(request)
    if credentials is None:
        return None
    username, secret = credentials
    return authenticate(request, username=username, token=secret)


def _error(status: int, message: str, *, precondition: str = "", namespace: str = DAV) -> HttpResponse:
    if precondition:
        return _response(dav.error_document(element(tag(namespace, precondition))), status=status)
    return _response(message.encode("utf-8"), status=status, content_type="text/plain; charset=utf-8")


def _style(request, version: str) -> VCardStyle:
    if version == "4.0":
        return VCardStyle(version="4.0", product="-//vernetzt//CardDAV//EN")
    agent = request.headers.get("User-Agent", "")
    apple = any(marker in agent for marker in APPLE_AGENTS)
    return VCardStyle(version="3.0", apple_birthdays=apple, product="-//vernetzt//CardDAV//EN")


def _cards(resource: Resource, *, person_ids=None, with_photos=False) -> list[Card]:
    return load_cards(
        resource.user,
        today=timezone.localdate(),
        lang=account_language(resource.user),
        person_ids=person_ids,
        with_photos=with_photos,
    )


# --- properties -------------------------------------------------------------------------------------


def _privileges() -> list:
    names = ("read", "read-current-user-privilege-set")
    return [element(tag(DAV, "privilege"), None, element(tag(DAV, name))) for name in names]


def _supported_reports() -> list:
    reports = (tag(CARD, "addressbook-query"), tag(CARD, "addressbook-multiget"), tag(DAV, "sync-collection"))
    return [
        element(tag(DAV, "supported-report"), None, element(tag(DAV, "report"), None, element(name)))
        for name in reports
    ]


def _address_data_types() -> list:
    types = []
    for version in ("3.0", "4.0"):
        node = element(tag(CARD, "address-data-type"))
        node.set("content-type", "text/vcard")
        node.set("version", version)
        types.append(node)
    return types


def _properties(resource: Resource, tag_value: str = "", card: Card | None = None) -> dict:
    user = resource.user
    common = {
        tag(DAV, "current-user-principal"): [href_element(resource.principal)],
        tag(DAV, "current-user-privilege-set"): _privileges(),
        tag(DAV, "owner"): [href_element(resource.principal)],
    }
    if resource.kind == "root":
        return {
            **common,
            tag(DAV, "resourcetype"): [element(tag(DAV, "collection"))],
            tag(DAV, "displayname"): "vernetzt",
        }
    if resource.kind == "principal":
        return {
            **common,
            tag(DAV, "resourcetype"): [element(tag(DAV, "collection")), element(tag(DAV, "principal"))],
            tag(DAV, "displayname"): user.get_full_name() or user.get_username(),
            tag(DAV, "principal-URL"): [href_element(resource.principal)],
            tag(DAV, "principal-collection-set"): [href_element(ROOT)],
            tag(CARD, "addressbook-home-set"): [href_element(resource.principal)],
        }
    if resource.kind == "book":
        with override(account_language(user)):
            name, description = _("vernetzt"), _("Your network from vernetzt (read-only)")
        return {
            **common,
            tag(DAV, "resourcetype"): [element(tag(DAV, "collection")), element(tag(CARD, "addressbook"))],
            tag(DAV, "displayname"): name,
            tag(CARD, "addressbook-description"): description,
            tag(CS, "getctag"): tag_value,
            tag(DAV, "sync-token"): SYNC_PREFIX + tag_value,
            tag(DAV, "supported-report-set"): _supported_reports(),
            tag(CARD, "supported-address-data"): _address_data_types(),
            tag(CARD, "max-resource-size"): str(MAX_RESOURCE_BYTES),
        }
    return {
        **common,
        tag(DAV, "resourcetype"): [],
        tag(DAV, "getetag"): card.etag,
        tag(DAV, "getcontenttype"): "text/vcard; charset=utf-8",
    }


def _answer(
    href: str, available: dict, request_props: dav.PropRequest, extra: dict | None = None
) -> DavResponse:
    available = {**available, **(extra or {})}
    if request_props.kind == "allprop":
        return DavResponse(href, found=available)
    if request_props.kind == "propname":
        return DavResponse(href, found=dict.fromkeys(available))
    found = {name: available[name] for name in request_props.names if name in available}
    missing = [name for name in request_props.names if name not in available]
    return DavResponse(href, found=found, missing=missing)


# --- methods ----------------------------------------------------------------------------------------


def _depth(request, default: str) -> str:
    depth = request.headers.get("Depth", default).strip().lower()
    if depth not in ("0", "1", "infinity"):
        raise DavRequestError(f"Depth {depth!r} is not 0, 1 or infinity")
    return depth


def _propfind(request, resource: Resource) -> HttpResponse:
    props = dav.parse_propfind(request.body)
    depth = _depth(request, "infinity")
    if depth == "infinity" and resource.kind != "card":
        return _error(403, "", precondition="propfind-finite-depth")
    if resource.kind == "card":
        cards = _cards(resource, person_ids=[resource.person_id])
        if not cards:
            return _error(404, _("This card is not in the address book."))
        return _response(
            dav.multistatus([_answer(resource.href, _properties(resource, card=cards[0]), props)]), status=207
        )
    cards = _cards(resource) if resource.kind == "book" else []
    responses = [_answer(resource.href, _properties(resource, collection_tag(cards)), props)]
    if depth == "1":
        if resource.kind == "root":
            child = Resource("principal", resource.user)
            responses.append(_answer(child.href, _properties(child), props))
        elif resource.kind == "principal":
            child = Resource("book", resource.user)
            responses.append(_answer(child.href, _properties(child, collection_tag(_cards(child))), props))
        else:
            for card in cards:
                child = Resource("card", resource.user, card.person_id)
                responses.append(_answer(child.href, _properties(child, card=card), props))
    return _response(dav.multistatus(responses), status=207)


def _card_props(request, resource: Resource, card: Card, report: dav.Report) -> DavResponse:
    child = Resource("card", resource.user, card.person_id)
    data = render_vcards([card.record], _style(request, report.version))
    return _answer(child.href, _properties(child, card=card), report.props, {tag(CARD, "address-data"): data})


def _wants_data(report: dav.Report) -> bool:
    return report.props.kind == "allprop" or tag(CARD, "address-data") in report.props.names


def _person_id_of(href: str, book: str) -> int | None:
    path = unquote(urlsplit(href).path)
    if not path.startswith(unquote(book)):
        return None
    name = path[len(unquote(book)) :]
    number = name.removesuffix(".vcf")
    return int(number) if name.endswith(".vcf") and number.isdigit() else None


def _report(request, resource: Resource) -> HttpResponse:
    report = dav.parse_report(request.body)
    if resource.kind != "book":
        return _error(403, "", precondition="supported-report")
    if report.kind == "addressbook-multiget":
        wanted = {href: _person_id_of(href, resource.book) for href in report.hrefs}
        ids = [pk for pk in wanted.values() if pk is not None]
        cards = {
            card.person_id: card for card in _cards(resource, person_ids=ids, with_photos=_wants_data(report))
        }
        responses = [
            _card_props(request, resource, cards[pk], report)
            if pk in cards
            else DavResponse(href, status=404)
            for href, pk in wanted.items()
        ]
        return _response(dav.multistatus(responses), status=207)
    cards = _cards(resource, with_photos=_wants_data(report))
    if report.kind == "sync-collection":
        current = collection_tag(cards)
        if report.sync_token and report.sync_token != SYNC_PREFIX + current:
            # Only the present state is known, not a history of changes: the client starts over.
            return _error(403, "", precondition="valid-sync-token")
        changed = [] if report.sync_token else cards
        responses = [_card_props(request, resource, card, report) for card in changed]
        return _response(dav.multistatus(responses, sync_token=SYNC_PREFIX + current), status=207)
    plain = VCardStyle()
    hits = [
        card
        for card in cards
        if dav.matches_filters(report, dav.card_properties(render_vcards([card.record], plain)))
    ]
    responses = [_card_props(request, resource, card, report) for card in hits[: report.limit]]
    if report.limit is not None and len(hits) > report.limit:
        responses.append(DavResponse(resource.href, status=507))
    return _response(dav.multistatus(responses), status=207)


def _get(request, resource: Resource) -> HttpResponse:
    version = "4.0" if "version=4.0" in request.headers.get("Accept", "").replace(" ", "") else "3.0"
    if resource.kind in ("root", "principal"):
        text = _("This is vernetzt's CardDAV address book. Add %(url)s in your phone's settings.")
        body = text % {"url": request.build_absolute_uri(ROOT)}
        return _response(body.encode("utf-8"), content_type="text/plain; charset=utf-8")
    person_ids = [resource.person_id] if resource.kind == "card" else None
    cards = _cards(resource, person_ids=person_ids, with_photos=True)
    if resource.kind == "card" and not cards:
        return _error(404, _("This card is not in the address book."))
    etag = cards[0].etag if resource.kind == "card" else f'"{collection_tag(cards)}"'
    if etag in [value.strip() for value in request.headers.get("If-None-Match", "").split(",")]:
        return _response(status=304, content_type="text/vcard", ETag=etag)
    body = render_vcards([card.record for card in cards], _style(request, version)).encode("utf-8")
    headers = {"ETag": etag}
    if resource.kind == "book":
        headers["Content-Disposition"] = 'attachment; filename="vernetzt.vcf"'
    response = _response(body, content_type=f"text/vcard; charset=utf-8; version={version}", **headers)
    if request.method == "HEAD":
        response.content = b""
    return response


def _dispatch(request, resource_kind: str, username: str | None = None, name: str | None = None):
    if request.method == "OPTIONS":
        return _response(content_type="text/plain")
    user = _authenticated_user(request)
    if user is None:
        return _unauthorized()
    request.user = user
    if username is not None and username != user.get_username():
        return _error(404, _("Not found."))
    person_id = None
    if name is not None:
        number = name.removesuffix(".vcf")
        if not (name.endswith(".vcf") and number.isdigit()):
            return _error(404, _("Not found."))
        person_id = int(number)
    resource = Resource(resource_kind, user, person_id)
    if request.method in WRITE_PRIVILEGES:
        return _response(dav.need_privileges(resource.href, WRITE_PRIVILEGES[request.method]), status=403)
    handlers = {"PROPFIND": _propfind, "REPORT": _report, "GET": _get, "HEAD": _get}
    handler = handlers.get(request.method)
    if handler is None:
        return _error(405, _("Method not allowed."))
    try:
        return handler(request, resource)
    except DavRequestError as error:
        if error.precondition:
            namespace = DAV if error.precondition in ("valid-sync-token", "supported-report") else CARD
            return _error(403, str(error), precondition=error.precondition, namespace=namespace)
        return _error(400, str(error))


def _endpoint(resource_kind: str):
    @csrf_exempt
    @login_not_required
    def view(request, **kwargs):
        return _dispatch(request, resource_kind, **kwargs)

    view.__name__ = f"dav_{resource_kind}"
    return view


dav_root = _endpoint("root")
dav_principal = _endpoint("principal")
dav_book = _endpoint("book")
dav_card = _endpoint("card")


@csrf_exempt
@login_not_required
def well_known(request):
    """RFC 6764: the context path of the CardDAV service, for any method (iOS asks with PROPFIND)."""
    return HttpResponsePermanentRedirect(ROOT)
