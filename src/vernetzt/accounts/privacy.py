"""The account's privacy settings: the notice, the public page it links to, retention periods.

Reading never writes: an account without a row gets the defaults (the notice on, 24 + 12 months), and
the row (with its public address) is created the first time the user saves the settings.
"""

from __future__ import annotations

from ipaddress import ip_address
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from vernetzt.accounts.models import PrivacySettings

PRIVACY_FIELDS = (
    "notice_enabled",
    "contact_name",
    "contact_email",
    "postal_address",
    "archive_after_months",
    "delete_after_months",
    "retention_enabled",
)


def privacy_settings(owner) -> PrivacySettings:
    found = PrivacySettings.objects.for_user(owner).first()
    return found if found is not None else PrivacySettings(owner=owner)


@transaction.atomic
def update_privacy_settings(*, owner, **fields) -> PrivacySettings:
    unknown = set(fields) - set(PRIVACY_FIELDS)
    if unknown:
        raise ValueError(f"not a privacy setting: {sorted(unknown)[0]}")
    current = PrivacySettings.objects.select_for_update().filter(owner=owner).first()
    current = current if current is not None else PrivacySettings(owner=owner)
    for name, value in fields.items():
        setattr(current, name, value.strip() if isinstance(value, str) else value)
    current.save()
    return current


def claim_retention_day(*, owner, today) -> bool:
    """True once per day for an account with retention on: the worker's round runs every minute, the
    retention run once a day (a conditional UPDATE, so two workers never both run it)."""
    if not PrivacySettings.objects.filter(owner=owner).exists():
        PrivacySettings.objects.get_or_create(owner=owner)
    return bool(
        PrivacySettings.objects.filter(owner=owner, retention_enabled=True)
        .exclude(retention_ran_on=today)
        .update(retention_ran_on=today)
    )


def public_page_for_slug(slug: str) -> PrivacySettings | None:
    """The settings behind a public privacy page, or None when there is none or it is still off."""
    found = PrivacySettings.objects.select_related("owner").filter(public_slug=slug).first()
    if found is None or not found.public_page_on or not found.owner.is_active:
        return None
    return found


def _reachable(base: str) -> bool:
    """A loopback address in a message to someone else would lead nowhere."""
    host = urlsplit(base).hostname or ""
    if host == "localhost" or host.endswith(".localhost"):
        return False
    try:
        return not ip_address(host).is_loopback
    except ValueError:
        return True


def public_site(request_origin: str | None = None) -> str:
    """Where this vernetzt can be reached by others: VERNETZT_PUBLIC_URL, else the address the request
    came to, unless that is this machine only; "" when unknown."""
    base = settings.CONFIG.public_url or (request_origin or "").rstrip("/")
    return base if base and _reachable(base) else ""


def public_page_url(privacy: PrivacySettings, *, request_origin: str | None = None) -> str:
    """The full address of the account's public privacy page, or "" while it is off or unreachable."""
    site = public_site(request_origin)
    if not privacy.public_page_on or privacy.pk is None or not site:
        return ""
    return site + reverse("public_notice", args=[privacy.public_slug])
