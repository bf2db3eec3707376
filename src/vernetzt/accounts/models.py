from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel


def hash_secret(secret: str) -> str:
    """Tokens are 256-bit random strings, so a plain SHA-256 is enough to make a stolen database
    useless for logging in (unlike passwords, which need Argon2)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


class User(AbstractUser):
    language = models.CharField(
        _("language"),
        max_length=5,
        blank=True,
        choices=[("", _("Browser language")), *settings.LANGUAGES],
        help_text=_("Empty: follow the browser."),
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="Europe/Berlin")


class ApiToken(models.Model):
    """A personal token for scripts; only its hash is stored, the token itself is shown once."""

    PREFIX = "vz_"

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100)
    key_hash = models.CharField(max_length=64, unique=True)
    hint = models.CharField(max_length=12, help_text="the first characters, to tell tokens apart")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.hint}…)"

    @classmethod
    def issue(cls, *, user: User, name: str) -> tuple[ApiToken, str]:
        secret = cls.PREFIX + secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_secret(secret), hint=secret[:8])
        return token, secret


class LoginLink(models.Model):
    """A one-time login link, printed by ``vernetzt serve`` so no default password exists."""

    LIFETIME = timedelta(hours=12)

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_links")
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    used_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"login link for {self.user} from {self.created_at:%Y-%m-%d %H:%M}"

    @classmethod
    def issue(cls, *, user: User) -> str:
        secret = secrets.token_urlsafe(32)
        cls.objects.create(user=user, key_hash=hash_secret(secret))
        return secret

    @property
    def is_valid(self) -> bool:
        return self.used_at is None and timezone.now() - self.created_at < self.LIFETIME


def new_public_slug() -> str:
    """The unguessable part of the account's public privacy page address."""
    return secrets.token_urlsafe(18)


class PrivacySettings(OwnedModel):
    """What the account needs for its duties as a controller: the privacy notice in first messages
    (Art. 14 GDPR), the public page it links to, and how long never-contacted people are kept."""

    notice_enabled = models.BooleanField(
        _("offer the privacy notice in first messages"),
        default=True,
        help_text=_("Appended to the first message to a person whose data came from an import."),
    )
    contact_name = models.CharField(_("your name (as the one responsible)"), max_length=200, blank=True)
    contact_email = models.EmailField(_("e-mail address for privacy requests"), blank=True)
    postal_address = models.TextField(_("postal address"), blank=True)
    public_slug = models.CharField(max_length=40, unique=True, default=new_public_slug, editable=False)
    archive_after_months = models.PositiveSmallIntegerField(
        _("archive never-contacted people after (months)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    delete_after_months = models.PositiveSmallIntegerField(
        _("delete them after a further (months)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(240)],
    )
    retention_enabled = models.BooleanField(_("apply the retention rules every day"), default=True)
    retention_ran_on = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["owner"], name="privacy_settings_one_per_owner")]

    def __str__(self) -> str:
        return f"privacy settings of user {self.owner_id}"

    @property
    def public_page_on(self) -> bool:
        """The public page (and the link to it) exists only once someone can be reached through it."""
        return bool(self.contact_name.strip() and (self.contact_email.strip() or self.postal_address.strip()))


class AuditEntry(OwnedModel):
    """One event worth answering for later: an export, an erasure, a restore, a backup, a login."""

    class Kind(models.TextChoices):
        EXPORT = "export", _("Export")
        BACKUP = "backup", _("Backup")
        RESTORE = "restore", _("Restore")
        ERASURE = "erasure", _("Erasure")
        RETENTION = "retention", _("Retention")
        LOGIN = "login", _("Login")
        LOGIN_FAILED = "login_failed", _("Failed login")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # Plain facts, e.g. {"format": "csv", "via": "web"}; never the personal data itself.
    detail = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["owner", "-created_at"], name="audit_owner_created")]
