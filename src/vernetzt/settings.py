"""Django settings, built from :mod:`vernetzt.config` (the only place that reads the environment)."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url

from vernetzt.config import load_config

CONFIG = load_config()
PACKAGE_DIR = Path(__file__).resolve().parent

DEBUG = CONFIG.debug
SECRET_KEY = CONFIG.secret_key
ALLOWED_HOSTS = list(CONFIG.allowed_hosts)
if CONFIG.public_url:
    CSRF_TRUSTED_ORIGINS = [CONFIG.public_url]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_tasks",
    "django_tasks_db",
    "ninja",  # the API docs page then uses ninja's bundled Swagger UI, not a CDN
    "axes",
    "vernetzt.accounts",
    "vernetzt.people",
    "vernetzt.goals",
    "vernetzt.events",
    "vernetzt.journal",
    "vernetzt.research",
    "vernetzt.transfer",
    "vernetzt.sources",
    "vernetzt.carddav",
    "vernetzt.privacy",
    "vernetzt.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "vernetzt.web.headers.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "vernetzt.accounts.middleware.UserLanguageMiddleware",
    "vernetzt.accounts.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as axes asks: it turns a request flagged as locked out into the lockout answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses a locked-out account or client before the password
    "django.contrib.auth.backends.ModelBackend",
    # CardDAV clients: the account name and a personal API token (never accepted by the login form);
    # their failures count towards the same lockout.
    "vernetzt.accounts.backends.ApiTokenBackend",
]

ROOT_URLCONF = "vernetzt.urls"
WSGI_APPLICATION = "vernetzt.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"
LOGOUT_REDIRECT_URL = "login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database() -> dict:
    url = CONFIG.database_url
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    CONFIG.home.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": CONFIG.home / "vernetzt.sqlite3",
        "OPTIONS": {
            # WAL lets the web app read while an import writes; IMMEDIATE transactions avoid
            # "database is locked" upgrades from read to write locks under concurrency.
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                "PRAGMA busy_timeout=10000;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database()}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
LANGUAGES = [("de", "Deutsch"), ("en", "English")]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = CONFIG.time_zone
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = None  # files are served from the package by WhiteNoise finders; no collectstatic
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve straight from the package: no collectstatic step is needed to run the app.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "vernetzt.web.views.auth.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# No SECURE_PROXY_SSL_HEADER: `vernetzt serve` sets the scheme from X-Forwarded-Proto only for the
# proxies in VERNETZT_TRUSTED_PROXIES (vernetzt.proxies), so no client can claim https by a header.
if CONFIG.https:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_SSL_REDIRECT = True

# Login protection (vernetzt.accounts.throttle). The client's address is REMOTE_ADDR, which waitress
# sets from X-Forwarded-For only for trusted proxies; axes' own proxy parsing (ipware) stays off.
AXES_FAILURE_LIMIT = CONFIG.login_attempts
AXES_COOLOFF_TIME = timedelta(minutes=CONFIG.lockout_minutes)
AXES_LOCKOUT_PARAMETERS = "vernetzt.accounts.throttle.lockout_parameters"
AXES_LOCKOUT_CALLABLE = "vernetzt.accounts.throttle.lockout_response"
AXES_RESET_ON_SUCCESS = False  # a success would also clear other accounts' failures from its address
AXES_DISABLE_ACCESS_LOG = True  # keep no record of successful logins, only failures until they expire
AXES_VERBOSE = False

# Sources (feeds, article links, calendars, mail servers) reach public addresses only, and these
# networks besides (vernetzt.sources.addresses; VERNETZT_PRIVATE_SOURCES, docs/deploy.md).
VERNETZT_PRIVATE_SOURCES = CONFIG.private_sources

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
VERNETZT_SMTP_URL = CONFIG.smtp_url

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
