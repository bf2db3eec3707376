"""What is left of an erased person: the day, and keyed hashes of their identifiers (nothing readable),
so that an import, a business card, a feed or a mail does not bring them back."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from vernetzt.accounts.ownership import OwnedModel


class Erasure(OwnedModel):
    erased_on = models.DateField(_("erased on"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-erased_on", "-id"]


class ErasedIdentifier(OwnedModel):
    """HMAC-SHA256 (key in ``$VERNETZT_HOME``, see privacy.erasure) of one identifier of an erased
    person: a normalized e-mail, a profile slug, their folded name with an organization."""

    erasure = models.ForeignKey(Erasure, on_delete=models.CASCADE, related_name="identifiers")
    digest = models.CharField(max_length=64)

    class Meta:
        indexes = [models.Index(fields=["owner", "digest"], name="erased_owner_digest")]
