"""The research engine's only table: a per-user version of the data the ranking pool is built from."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class PoolVersion(models.Model):
    """Bumped whenever people, positions, organizations, education, ties, attendance or interactions of
    ``owner`` change. Kept in the database (not in process memory) so a change made by one process —
    a CLI import while the web server runs, another worker — invalidates every process's cached pool."""

    owner = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    version = models.PositiveBigIntegerField(default=0)

    def __str__(self) -> str:
        return f"pool version {self.version} of user {self.owner_id}"
