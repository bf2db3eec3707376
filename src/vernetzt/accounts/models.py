from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


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
