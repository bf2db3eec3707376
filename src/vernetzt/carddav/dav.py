"""The XML of WebDAV (RFC 4918), CardDAV (RFC 6352) and sync-collection (RFC 6578): requests in,
multistatus out. No database and no HTTP here, only documents.

Request bodies are parsed with defusedxml (no entity expansion, no external entities): they come from
the network before anyone is known to be who they claim.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from defusedxml import ElementTree as SafeET

DAV = "DAV:"
CARD = "urn:ietf:params:xml:ns:carddav"
CS = "http://calendarserver.org/ns/"
ET.register_namespace("d", DAV)
ET.register_namespace("card", CARD)
ET.register_namespace("cs", CS)

MAX_BODY_BYTES = 1024 * 1024
STATUS_TEXT = {200: "OK", 403: "Forbidden", 404: "Not Found", 507: "Insufficient Storage"}
COLLATIONS = ("i;unicode-casemap", "i;ascii-casemap", "i;octet")
MATCH_TYPES = ("equals", "contains", "starts-with", "ends-with")


class DavRequestError(ValueError):
    """A body the server cannot act on. ``precondition`` names the DAV/CardDAV element for a 403."""

    def __init__(self, message: str, *, precondition: str = "") -> None:
        super().__init__(message)
        self.precondition = precondition


def tag(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"


def _parse(body: bytes, root: str) -> ET.Element:
    if len(body) > MAX_BODY_BYTES:
        raise DavRequestError("the request body is too large")
    try:
        element = SafeET.fromstring(body)
    except (ET.ParseError, ValueError) as error:  # defusedxml's refusals are ValueErrors
        raise DavRequestError(f"the request body is not well-formed XML: {error}") from None
    if root and element.tag != root:
        raise DavRequestError(f"expected {root}, got {element.tag}")
    return element


def _prop_names(element: ET.Element | None) -> list[str]:
    return [] if element is None else [child.tag for child in element]


# --- requests ---------------------------------------------------------------------------------------


@dataclass
class PropRequest:
    kind: str  # "allprop", "propname" or "prop"
    names: list[str] = field(default_factory=list)


def parse_propfind(body: bytes) -> PropRequest:
    """An empty body asks for all properties (RFC 4918 §9.1)."""
    if not body.strip():
        return PropRequest("allprop")
    root = _parse(body, tag(DAV, "propfind"))
    if root.find(tag(DAV, "propname")) is not None:
        return PropRequest("propname")
    prop = root.find(tag(DAV, "prop"))
    if prop is None:
        return PropRequest("allprop")
    return PropRequest("prop", _prop_names(prop))


@dataclass
class TextMatch:
    text: str
    collation: str = "i;unicode-casemap"
    match_type: str = "contains"
    negate: bool = False


@dataclass
class ParamFilter:
    name: str
    is_not_defined: bool = False
    text_match: TextMatch | None = None


@dataclass
class PropFilter:
    name: str
    test: str = "anyof"
    is_not_defined: bool = False
    text_matches: list[TextMatch] = field(default_factory=list)
    param_filters: list[ParamFilter] = field(default_factory=list)


@dataclass
class Report:
    kind: str  # "addressbook-multiget", "addressbook-query" or "sync-collection"
    props: PropRequest
    version: str = ""  # the vCard version asked for in address-data, "" for the default
    hrefs: list[str] = field(default_factory=list)
    test: str = "anyof"
    filters: list[PropFilter] = field(default_factory=list)
    limit: int | None = None
    sync_token: str = ""


def _text_match(element: ET.Element) -> TextMatch:
    collation = element.get("collation", "i;unicode-casemap")
    if collation not in COLLATIONS:
        raise DavRequestError(f"unsupported collation {collation!r}", precondition="supported-collation")
    match_type = element.get("match-type", "contains")
    if match_type not in MATCH_TYPES:
        raise DavRequestError(f"unknown match-type {match_type!r}", precondition="supported-filter")
    return TextMatch(
        text=element.text or "",
        collation=collation,
        match_type=match_type,
        negate=element.get("negate-condition", "no") == "yes",
    )


def _test(element: ET.Element) -> str:
    test = element.get("test", "anyof")
    if test not in ("anyof", "allof"):
        raise DavRequestError(f"unknown test {test!r}", precondition="supported-filter")
    return test


def _prop_filter(element: ET.Element) -> PropFilter:
    name = (element.get("name") or "").upper()
    if not name:
        raise DavRequestError("a prop-filter needs a name", precondition="supported-filter")
    result = PropFilter(name=name, test=_test(element))
    for child in element:
        if child.tag == tag(CARD, "is-not-defined"):
            result.is_not_defined = True
        elif child.tag == tag(CARD, "text-match"):
            result.text_matches.append(_text_match(child))
        elif child.tag == tag(CARD, "param-filter"):
            param = ParamFilter(name=(child.get("name") or "").upper())
            param.is_not_defined = child.find(tag(CARD, "is-not-defined")) is not None
            match = child.find(tag(CARD, "text-match"))
            param.text_match = _text_match(match) if match is not None else None
            result.param_filters.append(param)
    return result


def _report_props(root: ET.Element) -> tuple[PropRequest, str]:
    if root.find(tag(DAV, "allprop")) is not None:
        return PropRequest("allprop"), ""
    prop = root.find(tag(DAV, "prop"))
    names = _prop_names(prop)
    data = prop.find(tag(CARD, "address-data")) if prop is not None else None
    version = (data.get("version") or "") if data is not None else ""
    if version not in ("", "3.0", "4.0"):
        raise DavRequestError(f"vCard {version} is not offered", precondition="supported-address-data")
    return PropRequest("prop", names), version


def _limit(root: ET.Element, path: str) -> int | None:
    element = root.find(path)
    if element is None:
        return None
    try:
        value = int((element.text or "").strip())
    except ValueError:
        raise DavRequestError("nresults must be a number") from None
    if value < 1:
        raise DavRequestError("nresults must be positive")
    return value


def parse_report(body: bytes) -> Report:
    root = _parse(body, "")
    props, version = _report_props(root)
    if root.tag == tag(CARD, "addressbook-multiget"):
        hrefs = [(href.text or "").strip() for href in root.findall(tag(DAV, "href"))]
        return Report("addressbook-multiget", props, version, hrefs=hrefs)
    if root.tag == tag(CARD, "addressbook-query"):
        report = Report("addressbook-query", props, version)
        filter_element = root.find(tag(CARD, "filter"))
        if filter_element is not None:
            report.test = _test(filter_element)
            report.filters = [
                _prop_filter(child) for child in filter_element.findall(tag(CARD, "prop-filter"))
            ]
        report.limit = _limit(root, f"{tag(CARD, 'limit')}/{tag(CARD, 'nresults')}")
        return report
    if root.tag == tag(DAV, "sync-collection"):
        token = (root.findtext(tag(DAV, "sync-token")) or "").strip()
        report = Report("sync-collection", props, version, sync_token=token)
        report.limit = _limit(root, f"{tag(DAV, 'limit')}/{tag(DAV, 'nresults')}")
        return report
    raise DavRequestError(f"unsupported report {root.tag}", precondition="supported-report")


# --- filters ----------------------------------------------------------------------------------------

CardProperties = dict[str, list[tuple[dict[str, str], str]]]


def card_properties(text: str) -> CardProperties:
    """The properties of a vCard this server wrote: name → [(parameters, value)]."""
    found: CardProperties = {}
    for line in text.replace("\r\n ", "").split("\r\n"):
        head, _, value = line.partition(":")
        name, *params = head.split(";")
        parameters = {}
        for param in params:
            key, _, param_value = param.partition("=")
            parameters[key.upper()] = param_value
        found.setdefault(name.upper(), []).append((parameters, value.replace("\\,", ",").replace("\\;", ";")))
    return found


def _fold(text: str, collation: str) -> str:
    if collation == "i;octet":
        return text
    if collation == "i;ascii-casemap":
        return "".join(char.lower() if char.isascii() else char for char in text)
    return unicodedata.normalize("NFKC", text).casefold()


def _text_matches(match: TextMatch, value: str) -> bool:
    needle, haystack = _fold(match.text, match.collation), _fold(value, match.collation)
    hit = {
        "equals": haystack == needle,
        "contains": needle in haystack,
        "starts-with": haystack.startswith(needle),
        "ends-with": haystack.endswith(needle),
    }[match.match_type]
    return hit != match.negate


def _param_matches(param: ParamFilter, parameters: dict[str, str]) -> bool:
    if param.name not in parameters:
        return param.is_not_defined
    if param.is_not_defined:
        return False
    if param.text_match is None:
        return True
    return any(_text_matches(param.text_match, value) for value in parameters[param.name].split(","))


def _prop_filter_matches(prop_filter: PropFilter, properties: CardProperties) -> bool:
    instances = properties.get(prop_filter.name, [])
    if prop_filter.is_not_defined:
        return not instances
    if not instances:
        return False
    tests = [
        *(lambda p, v, m=m: _text_matches(m, v) for m in prop_filter.text_matches),
        *(lambda p, v, f=f: _param_matches(f, p) for f in prop_filter.param_filters),
    ]
    if not tests:
        return True
    combine = all if prop_filter.test == "allof" else any
    return any(combine(test(parameters, value) for test in tests) for parameters, value in instances)


def matches_filters(report: Report, properties: CardProperties) -> bool:
    if not report.filters:
        return True
    combine = all if report.test == "allof" else any
    return combine(_prop_filter_matches(prop_filter, properties) for prop_filter in report.filters)


# --- responses --------------------------------------------------------------------------------------

PropValue = str | list[ET.Element] | None


def element(name: str, text: str | None = None, *children: ET.Element) -> ET.Element:
    node = ET.Element(name)
    if text is not None:
        node.text = text
    node.extend(children)
    return node


def href_element(href: str) -> ET.Element:
    return element(tag(DAV, "href"), href)


@dataclass
class DavResponse:
    href: str
    found: dict[str, PropValue] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    status: int | None = None  # a response without properties: 404 for a href that does not exist


def _status_line(code: int) -> str:
    return f"HTTP/1.1 {code} {STATUS_TEXT[code]}"


def _propstat(props: dict[str, PropValue], code: int) -> ET.Element:
    prop = element(tag(DAV, "prop"))
    for name, value in props.items():
        node = element(name)
        if isinstance(value, str):
            node.text = value
        elif value:
            node.extend(value)
        prop.append(node)
    return element(tag(DAV, "propstat"), None, prop, element(tag(DAV, "status"), _status_line(code)))


def multistatus(responses: list[DavResponse], *, sync_token: str = "") -> bytes:
    root = element(tag(DAV, "multistatus"))
    for response in responses:
        node = element(tag(DAV, "response"), None, href_element(response.href))
        if response.status is not None:
            node.append(element(tag(DAV, "status"), _status_line(response.status)))
        else:
            if response.found:
                node.append(_propstat(response.found, 200))
            if response.missing:
                node.append(_propstat(dict.fromkeys(response.missing), 404))
        root.append(node)
    if sync_token:
        root.append(element(tag(DAV, "sync-token"), sync_token))
    return serialize(root)


def error_document(condition: ET.Element) -> bytes:
    return serialize(element(tag(DAV, "error"), None, condition))


def need_privileges(href: str, privilege: str) -> bytes:
    """RFC 3744 §7.1.1: which privilege on which resource the request lacked."""
    resource = element(
        tag(DAV, "resource"),
        None,
        href_element(href),
        element(tag(DAV, "privilege"), None, element(tag(DAV, privilege))),
    )
    return error_document(element(tag(DAV, "need-privileges"), None, resource))


def serialize(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
