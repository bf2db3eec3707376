"""What every benchmark starts from: Django on a fresh database, migrated."""

from __future__ import annotations

import os
import tempfile


def fresh_database(database_url: str = "", *, home: str = "") -> None:
    """A new SQLite file in a temporary folder (or in ``home``, kept for the next run), or the given
    PostgreSQL database (which must be empty)."""
    os.environ["VERNETZT_HOME"] = home or tempfile.mkdtemp(prefix="vernetzt-bench-")
    if database_url:
        os.environ["VERNETZT_DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "vernetzt.settings"
    import django

    django.setup()
    from vernetzt.migrate import migrate_database

    migrate_database()
