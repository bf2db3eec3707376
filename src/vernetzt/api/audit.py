"""The account's audit log over the API (as `vernetzt audit --json`): newest first, paged."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Field, Query, Router, Schema

from vernetzt.accounts.audit import audit_entries, describe_entry
from vernetzt.api.fields import Limit

router = Router(tags=["privacy"])


class AuditQuery(Schema):
    limit: Limit = 50
    offset: int = Field(default=0, ge=0, le=10_000_000)


class AuditOut(Schema):
    id: int
    kind: str
    at: datetime.datetime
    detail: dict[str, Any]
    text: str


@router.get("/audit", response=list[AuditOut])
def list_audit(request, params: Query[AuditQuery]):
    """Exports, backups, restores, erasures, retention runs and logins; ``text`` in the request's language."""
    entries = audit_entries(request.auth)[params.offset : params.offset + params.limit]
    return [
        {"id": e.pk, "kind": e.kind, "at": e.created_at, "detail": e.detail, "text": describe_entry(e)}
        for e in entries
    ]
