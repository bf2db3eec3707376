"""Every refusal of the API has one shape, ``{"error": message, "field": name or null}``, in the
caller's language, and the OpenAPI schema lists it: 401 where a token is needed (and 429 once a
client has failed too often, vernetzt.accounts.throttle), 404 where a path names a row, 400 and 422
where the request carries input."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError

from vernetzt.errors import DataError

ERROR_REF = {"$ref": "#/components/schemas/Error"}


def _message(error: dict[str, Any]) -> str:
    """Pydantic's error as a sentence for people, for the kinds a client can trigger."""
    kind, ctx = error["type"], error.get("ctx", {})
    messages = {
        "missing": lambda: _("required"),
        "extra_forbidden": lambda: _("not a known field"),
        "string_too_long": lambda: _("at most %(limit)s characters") % {"limit": ctx["max_length"]},
        "too_long": lambda: _("at most %(limit)s entries") % {"limit": ctx["max_length"]},
        "string_pattern_mismatch": lambda: _("must not contain control characters (such as NUL)"),
        "literal_error": lambda: _("use one of %(values)s") % {"values": ctx["expected"]},
        "greater_than_equal": lambda: _("must be at least %(limit)s") % {"limit": ctx["ge"]},
        "less_than_equal": lambda: _("must be at most %(limit)s") % {"limit": ctx["le"]},
        "int_parsing": lambda: _("must be a whole number"),
        "int_type": lambda: _("must be a whole number"),
        "int_from_float": lambda: _("must be a whole number"),
        "float_parsing": lambda: _("must be a number"),
        "float_type": lambda: _("must be a number"),
        "finite_number": lambda: _("must be a number"),
        "bool_parsing": lambda: _("must be true or false"),
        "bool_type": lambda: _("must be true or false"),
        "string_type": lambda: _("must be a text"),
        "list_type": lambda: _("must be a list"),
        "dict_type": lambda: _("must be an object"),
        "model_type": lambda: _("must be an object"),
        "date_from_datetime_parsing": lambda: _("must be a date like 2026-03-16"),
        "date_from_datetime_inexact": lambda: _("must be a date like 2026-03-16"),
        "date_parsing": lambda: _("must be a date like 2026-03-16"),
        "date_range": lambda: _("must lie between %(earliest)s and %(latest)s") % ctx,
    }
    describe = messages.get(kind)
    return describe() if describe else error["msg"]


def _field(error: dict[str, Any]) -> str | None:
    """The JSON key or parameter the error is about: ``("body", "payload", "emails", 0)`` → emails."""
    names = [part for part in error["loc"][1:] if isinstance(part, str)]
    if len(names) > 1 and names[0] in {"payload", "params"}:
        names = names[1:]
    return ".".join(names) or None


def install_error_handlers(api: NinjaAPI) -> None:
    def body(message: str, field: str | None = None) -> dict[str, Any]:
        return {"error": message, "field": field}

    @api.exception_handler(DataError)
    def data_error(request, exc: DataError):
        return api.create_response(request, body(exc.message, exc.field), status=422)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc: ValidationError):
        first = exc.errors[0]
        return api.create_response(request, body(_message(first), _field(first)), status=422)

    @api.exception_handler(HttpError)
    def http_error(request, exc: HttpError):
        # Ninja's own refusals; the only one a request body can cause is JSON it cannot parse (400).
        message = _("the body is not valid JSON") if exc.status_code == 400 else str(exc)
        return api.create_response(request, body(message), status=exc.status_code)

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc: AuthenticationError):
        message = _("an API token is needed: Authorization: Bearer vz_… (created in the settings)")
        return api.create_response(request, body(message), status=401)

    @api.exception_handler(Http404)
    def not_found(request, exc: Http404):
        return api.create_response(request, body(_("not found")), status=404)


def document_error_responses(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the refusals every operation can answer to the schema's own list of responses."""
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            wanted = []
            if operation.get("security"):
                wanted.append((401, _("No valid API token or session")))
                wanted.append((429, _("Too many failed logins from this client; see Retry-After")))
            if "{" in path:
                wanted.append((404, _("No such row in this account")))
            if operation.get("requestBody"):
                wanted.append((400, _("The body is not valid JSON")))
            if operation.get("parameters") or operation.get("requestBody"):
                wanted.append((422, _("A value was refused; `field` names it")))
            for status, description in wanted:
                responses.setdefault(
                    status,
                    {"description": description, "content": {"application/json": {"schema": ERROR_REF}}},
                )
    return schema
