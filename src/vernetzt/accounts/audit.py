"""The audit log: exports, erasures, restores, backups and logins, one row each, shown in Settings →
Privacy. ``record`` is the one way to write it, for every app (an erasure records itself here)."""

from __future__ import annotations

from vernetzt.accounts.models import AuditEntry

KINDS = frozenset(AuditEntry.Kind.values)


def record(owner, kind: str, detail: dict | None = None) -> AuditEntry:
    """Log one event of ``kind`` (see ``AuditEntry.Kind``) for ``owner``; ``detail`` holds plain facts
    (a format, a file name, a count, "web" or "cli"), never personal data of the people concerned."""
    if kind not in KINDS:
        raise ValueError(f"unknown audit kind {kind!r}; use one of {', '.join(sorted(KINDS))}")
    return AuditEntry.objects.create(owner=owner, kind=kind, detail=dict(detail or {}))


def audit_entries(owner):
    return AuditEntry.objects.for_user(owner)
