"""Bringing the database to the current schema, shared by `init`, `serve` and the tests."""

from __future__ import annotations

from django.core.management import call_command


def migrate_database() -> None:
    call_command("migrate", interactive=False, verbosity=0)
