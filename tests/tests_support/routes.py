"""Walking the URL configuration and the API's paths: shared by the isolation and accessibility tests.

Every id parameter has a kind (person, goal, …), read from the path segment before it (web) or from
its name (API), so a walk can fill each parameter with a row of the right kind: the caller's own rows
in every position but one, and another account's id in that one. A parameter of a kind this table
does not know fails loudly, so a new route is never walked with guessed values.
"""

from __future__ import annotations

import re

from django.urls import URLPattern, URLResolver, get_resolver

# Routes that are not pages of the logged-in app (the login itself, the token-protected calendar feed,
# walked in tests/journal, CardDAV with its HTTP Basic login, walked in tests/carddav, and what a
# browser fetches to install the app, public by design and tested in tests/web/test_installable_app.py,
# the account's public privacy page, public by design and tested in tests/privacy_duties) or end the
# session.
SKIPPED_ROUTES = {
    "login",
    "login_link",
    "logout",
    "calendar_feed",
    "carddav_well_known",
    "dav_root",
    "dav_principal",
    "dav_book",
    "dav_card",
    "manifest",
    "service_worker",
    "offline",
    "public_notice",
}
# Parameters filled with a non-id value; an action is one the route knows, by its first segment, so
# only the ownership check can refuse it.
STRING_PARAMS = {"secret": "not-a-secret", "token": "not-a-token", "kind": "json"}
ACTIONS = {"tasks": "done", "news": "dismiss"}
# Web: the kind of row an int parameter names, by the path segment before it.
WEB_KINDS = {
    "people": "person",
    "must-meet": "person",
    "duplicates": "person",
    "benefits": "benefit",
    "tasks": "task",
    "goals": "goal",
    "pipeline": "target",
    "events": "event",
    "tokens": "token",
    "jobs": "import_job",
    "batches": "import_batch",
    "feeds": "feed",
    "news": "candidate",
    "mail": "mail_account",
    "calendars": "calendar",
    "organizations": "organization",
}
# API: the kind of row a path parameter or a body key names, by its name.
API_KINDS = {
    "person_id": "person",
    "goal_id": "goal",
    "target_id": "target",
    "task_id": "task",
    "event_id": "event",
    "manager_id": "person",
}

_WEB_PARAM = re.compile(r"<(?:(\w+):)?(\w+)>")
_API_PARAM = re.compile(r"\{(\w+)\}")


def _patterns(resolver: URLResolver, prefix: str = ""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if "api" in str(entry.pattern):
                continue  # the API is walked through its OpenAPI schema
            yield from _patterns(entry, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            yield entry.name, prefix + str(entry.pattern)


def web_routes() -> list[tuple[str, str]]:
    return sorted((name, route) for name, route in _patterns(get_resolver()) if name not in SKIPPED_ROUTES)


def id_parameters(route: str) -> list[tuple[str, str]]:
    """(name, kind) of every id parameter of a web route ("goals/<int:pk>/…") or an API path."""
    found = []
    for match in _API_PARAM.finditer(route):
        found.append((match[1], API_KINDS.get(match[1], "")))
    for match in _WEB_PARAM.finditer(route):
        if match[1] == "int":
            before = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
            kind = WEB_KINDS.get(before) or (found[-1][1] if before.startswith("<int:") and found else "")
            found.append((match[2], kind))
    unknown = [name for name, kind in found if not kind]
    assert not unknown, f"{route}: add the kind of {unknown} to tests_support.routes"
    return found


def _fill(route: str, ids: dict[str, int]) -> str:
    def replace_web(match: re.Match) -> str:
        converter, name = match.group(1), match.group(2)
        if converter == "int":
            return str(ids[name])
        if name == "action":
            return ACTIONS[route.split("/", 1)[0]]
        return STRING_PARAMS.get(name, "x")

    if route.startswith("/"):  # an API path
        return _API_PARAM.sub(lambda match: str(ids[match[1]]), route)
    return "/" + _WEB_PARAM.sub(replace_web, route)


def fill_route(route: str, rows: dict[str, int]) -> str:
    """The route naming ``rows`` (kind → id) in its id parameters, fixed values in the others."""
    return _fill(route, {name: rows[kind] for name, kind in id_parameters(route)})


def own_ids(positions: list[tuple[str, str]], own: dict[str, int]) -> dict[str, int]:
    """The caller's row of its kind per position; a second parameter of the same kind gets the
    kind's second row (``person_2``), so no two parameters share an id."""
    counted: dict[str, int] = {}
    ids = {}
    for name, kind in positions:
        counted[kind] = counted.get(kind, 0) + 1
        ids[name] = own[kind if counted[kind] == 1 else f"{kind}_{counted[kind]}"]
    return ids


def fill_distinct(route: str, rows: dict[str, int]) -> str:
    """The route naming ``rows`` with a different row in every id parameter (see own_ids)."""
    return _fill(route, own_ids(id_parameters(route), rows))


def _one_foreign(positions: list[tuple[str, str]], own: dict[str, int], foreign: dict[str, int]):
    """Per position: the ids by name, ``foreign[kind]`` there and the caller's ``own`` elsewhere."""
    for name, kind in positions:
        ids = own_ids(positions, own)
        ids[name] = foreign[kind]
        yield ids


def foreign_fillings(route: str, own: dict[str, int], foreign: dict[str, int]) -> list[str]:
    """``route`` once per id parameter: another account's row of that kind (``foreign``, kind → id)
    there, the caller's ``own`` rows in all other positions. A route answering anything but 404 to
    one of them ignores the owner in its lookup of that parameter; the ids of every parameter differ,
    so a view that looks one parameter up by another's value fails too."""
    return [_fill(route, ids) for ids in _one_foreign(id_parameters(route), own, foreign)]


def foreign_api_requests(schema: dict, path: str, operation: dict, own: dict[str, int], foreign):
    """(url, body) like ``foreign_fillings``, with the ids in a JSON body as positions too."""
    body, body_ids = api_body(schema, operation)
    positions = id_parameters(path) + body_ids
    if not positions:
        return [(path, body)]
    return [
        (_fill(path, ids), {**body, **{name: ids[name] for name, _kind in body_ids}})
        for ids in _one_foreign(positions, own, foreign)
    ]


def api_body(schema: dict, operation: dict) -> tuple[dict, list[tuple[str, str]]]:
    """The smallest body ``operation`` accepts (required keys only, each its simplest valid value)
    and (key, kind) of the ids in it, which the walk fills like path parameters. Ids a body may
    carry without needing them (``event_id``) are included, so the walk tries them too."""
    content = operation.get("requestBody", {}).get("content", {}).get("application/json")
    if content is None:
        return {}, []
    body_schema = _resolve(schema, content["schema"])
    body, ids = {}, []
    for key, prop in body_schema.get("properties", {}).items():
        if key in API_KINDS:
            ids.append((key, API_KINDS[key]))
        elif key in body_schema.get("required", []):
            body[key] = _simplest(schema, prop)
    return body, ids


def _resolve(schema: dict, node: dict) -> dict:
    while "$ref" in node:
        node = schema["components"]["schemas"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def _simplest(schema: dict, node: dict):
    node = _resolve(schema, node)
    if "anyOf" in node:
        return _simplest(schema, node["anyOf"][0])
    if "enum" in node:
        return node["enum"][0]
    kind = node.get("type")
    if kind == "string":
        return "2026-03-02" if node.get("format") == "date" else "Walk"
    if kind == "integer":
        return node.get("minimum", 1)
    simple = {"number": 1.0, "boolean": False, "array": [], "object": {}}
    return simple[kind]
