"""Every domain row belongs to exactly one user, and every query starts from that user.

Views, the API and the CLI reach data only through ``Model.objects.for_user(user)``; looking up an
id through it makes another user's rows indistinguishable from rows that do not exist (404).
Every save checks the row against its fields' rules first (vernetzt.validation), so no write path can
store a value one database accepts and the other refuses.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from vernetzt.validation import check_model_fields


class OwnedQuerySet(models.QuerySet):
    def for_user(self, user) -> OwnedQuerySet:
        if user is None or not getattr(user, "is_authenticated", False):
            return self.none()
        return self.filter(owner=user)


class OwnedModel(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    objects = OwnedQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        check_model_fields(self, kwargs.get("update_fields"))
        super().save(*args, **kwargs)
