"""The research engine's only table: per-user versions of the data the ranking pool is built from."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PoolVersion(models.Model):
    """Two counters per user, kept in the database (not in process memory) so a change made by one
    process — a CLI import while the web server runs, another worker — invalidates every process's
    cached pool. ``structure`` is bumped when people, positions, organizations, education, ties or
    attendance change (the pool is rebuilt); ``relationship`` when only interactions or the
    relationship fields of people change (the cached pool's relationship columns are recomputed)."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    structure = models.PositiveBigIntegerField(default=0)
    relationship = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"pool version {self.structure}.{self.relationship} of user {self.owner_id}"
