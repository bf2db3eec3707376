"""The audit log: exports, erasures, restores, backups, retention runs and logins, one row each, shown
in Settings → Privacy. ``record`` is the one way to write it, for every app (an erasure records itself
here: ``record(owner, "erasure", {"count": 1, "via": "cli"})``).

``detail`` holds plain facts — how (``via``: web, cli, api, worker), a format, whether encrypted, a
count, the client's address for logins — never personal data of the people in the network.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vernetzt.accounts.models import AuditEntry

KINDS = frozenset(AuditEntry.Kind.values)


def record(owner, kind: str, detail: dict | None = None) -> AuditEntry:
    """Log one event of ``kind`` (see ``AuditEntry.Kind``) for ``owner``."""
    if kind not in KINDS:
        raise ValueError(f"unknown audit kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
    return AuditEntry.objects.create(owner=owner, kind=kind, detail=dict(detail or {}))


def record_for_everyone(kind: str, detail: dict) -> int:
    """A backup or restore holds every account's data, so each account's log shows it."""
    users = list(get_user_model().objects.all())
    AuditEntry.objects.bulk_create(AuditEntry(owner=u, kind=kind, detail=dict(detail)) for u in users)
    return len(users)


def audit_entries(owner):
    return AuditEntry.objects.for_user(owner)


def _client(request) -> str:
    return (request.META.get("REMOTE_ADDR", "") if request is not None else "") or ""


@receiver(user_logged_in, dispatch_uid="vernetzt-audit-login")
def _logged_in(sender, request, user, **kwargs) -> None:
    record(user, AuditEntry.Kind.LOGIN, {"ip": _client(request)})


@receiver(user_login_failed, dispatch_uid="vernetzt-audit-login-failed")
def _login_failed(sender, credentials, request=None, **kwargs) -> None:
    """A failed login is logged for the account it named, when that account exists."""
    username = (credentials or {}).get("username") or ""
    user = get_user_model().objects.filter(username=username).first() if username else None
    if user is not None:
        record(user, AuditEntry.Kind.LOGIN_FAILED, {"ip": _client(request)})


def describe_entry(entry: AuditEntry) -> str:
    """The entry's details in the current language: "CSV · in the web", "encrypted · on the command line"."""
    detail = entry.detail or {}
    vias = {
        "web": _("in the web"),
        "cli": _("on the command line"),
        "api": _("through the API"),
        "worker": _("by the daily run"),
    }
    parts = []
    if "format" in detail:
        parts.append(str(detail["format"]).upper())
    if "encrypted" in detail:
        parts.append(_("encrypted") if detail["encrypted"] else _("not encrypted"))
    if "file" in detail:
        parts.append(str(detail["file"]))
    if entry.kind == AuditEntry.Kind.RETENTION:
        parts.append(
            _("%(archive)d archived, %(delete)d deleted, %(restore)d restored")
            % {key: int(detail.get(key, 0)) for key in ("archive", "delete", "restore")}
        )
    elif "count" in detail:
        count = int(detail["count"])
        parts.append(ngettext("%(count)d person", "%(count)d people", count) % {"count": count})
    if detail.get("via") in vias:
        parts.append(vias[detail["via"]])
    if detail.get("ip"):
        parts.append(_("from %(address)s") % {"address": detail["ip"]})
    return " · ".join(parts)
