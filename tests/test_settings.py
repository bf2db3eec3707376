"""Settings for the test suite: a fresh data directory, a real SQLite file in it, or the
PostgreSQL database named by VERNETZT_TEST_DATABASE_URL (CI runs both)."""

import os
import tempfile

os.environ["VERNETZT_HOME"] = tempfile.mkdtemp(prefix="vernetzt-test-")
os.environ.pop("VERNETZT_DATABASE_URL", None)
os.environ.pop("VERNETZT_SECRET_KEY", None)

import dj_database_url

from vernetzt.settings import *  # noqa: F403
from vernetzt.settings import CONFIG, DATABASES

_url = os.environ.get("VERNETZT_TEST_DATABASE_URL", "").strip()
if _url:
    DATABASES["default"] = dj_database_url.parse(_url)
else:
    DATABASES["default"]["TEST"] = {"NAME": str(CONFIG.home / "test.sqlite3")}

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
