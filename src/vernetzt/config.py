"""Every setting vernetzt reads from its environment, in one typed place.

Django's settings module is built from :func:`load_config`; nothing else reads ``os.environ``
for configuration. Secrets are generated on first run and kept in the data directory, so there is
no hard-coded fallback that could end up in production.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

import platformdirs

SECRET_KEY_FILE = "secret_key"
_MIN_SECRET_LENGTH = 50
_MIN_SECRET_DISTINCT = 5
# Behind a reverse proxy on the same machine (the documented setup) the proxy connects from loopback.
LOOPBACK_PROXIES = ("127.0.0.0/8", "::1/128")


class ConfigError(RuntimeError):
    """The environment asks for something vernetzt refuses to run with."""


@dataclass(frozen=True)
class Config:
    home: Path
    database_url: str | None
    debug: bool
    secret_key: str
    allowed_hosts: tuple[str, ...]
    public_url: str | None
    time_zone: str
    # The user's own mail server for drafts and the digest (smtp+starttls://me:pw@mail.example.org:587).
    # Without it vernetzt never sends mail: drafts open in the mail program or download as .eml.
    smtp_url: str | None = None
    # Peers (addresses or networks) whose X-Forwarded-For/-Proto/-Host/-Port headers are believed;
    # everyone else's are dropped, so a client cannot pose as HTTPS or as another address.
    trusted_proxies: tuple[str, ...] = ()
    # Failed logins (passwords, API tokens, login links) allowed per account and per client within
    # the lockout time; the next one locks them out for that long.
    login_attempts: int = 5
    lockout_minutes: int = 15
    # The largest import: its file (several vCards: together) in megabytes, checked before anything
    # is read, and the contacts (rows, cards) in it. A 30,000-row LinkedIn export (its cap) is 4 MB, a
    # Google or Outlook CSV of 30,000 contacts 8-15 MB; at both limits an import stays under 500 MB
    # of memory (benchmarks/bench_limits.py).
    max_import_mb: int = 20
    max_import_rows: int = 100_000
    # Private, loopback and link-local networks that feeds, article links, calendars and mail servers
    # may be on anyway (vernetzt.sources.addresses); by default sources reach public addresses only.
    private_sources: tuple[str, ...] = ()

    @property
    def https(self) -> bool:
        return bool(self.public_url and self.public_url.startswith("https://"))


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def default_home() -> Path:
    return Path(platformdirs.user_data_dir("vernetzt", appauthor=False))


def _is_weak(secret: str) -> bool:
    return len(secret) < _MIN_SECRET_LENGTH or len(set(secret)) < _MIN_SECRET_DISTINCT


def _read_or_create_secret(home: Path) -> str:
    path = home / SECRET_KEY_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    home.mkdir(parents=True, exist_ok=True)
    secret = secrets.token_urlsafe(64)
    # Create with owner-only permissions from the start: the key signs sessions and login links.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        handle.write(secret)
    return secret


def _networks(name: str, raw: str, *, wildcard: bool = False) -> tuple[str, ...]:
    """A comma-separated list of IP addresses or networks (and ``*`` where ``wildcard`` allows it)."""
    networks = []
    for entry in (part.strip() for part in raw.split(",")):
        if not entry:
            continue
        if wildcard and entry == "*":
            networks.append(entry)
            continue
        try:
            networks.append(str(ipaddress.ip_network(entry, strict=False)))
        except ValueError:
            raise ConfigError(
                f"{name}: {entry!r} is not an IP address or network (e.g. 127.0.0.1, 10.0.0.0/8, ::1"
                + (", or * for all" if wildcard else "")
                + ")"
            ) from None
    return tuple(networks)


def _trusted_proxies(public_url: str | None) -> tuple[str, ...]:
    raw = os.environ.get("VERNETZT_TRUSTED_PROXIES")
    if raw is None:
        return LOOPBACK_PROXIES if public_url else ()
    return _networks("VERNETZT_TRUSTED_PROXIES", raw)


def _positive_int(name: str, default: int) -> int:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    if not raw.isdigit() or int(raw) < 1:
        raise ConfigError(f"{name} must be a whole number of at least 1, not {raw!r}")
    return int(raw)


def load_config() -> Config:
    home = Path(os.environ.get("VERNETZT_HOME") or default_home()).expanduser()
    debug = _flag("VERNETZT_DEBUG")
    secret = os.environ.get("VERNETZT_SECRET_KEY", "").strip()
    if secret:
        if _is_weak(secret) and not debug:
            raise ConfigError(
                f"VERNETZT_SECRET_KEY is too weak: use at least {_MIN_SECRET_LENGTH} random characters "
                "(or unset it and vernetzt generates one in its data directory)."
            )
    else:
        secret = _read_or_create_secret(home)
    public_url = os.environ.get("VERNETZT_PUBLIC_URL", "").strip().rstrip("/") or None
    hosts = [h.strip() for h in os.environ.get("VERNETZT_ALLOWED_HOSTS", "").split(",") if h.strip()]
    if not hosts:
        hosts = ["127.0.0.1", "localhost", "[::1]"]
    if public_url:
        hosts.append(public_url.split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0])
    return Config(
        home=home,
        database_url=os.environ.get("VERNETZT_DATABASE_URL", "").strip() or None,
        debug=debug,
        secret_key=secret,
        allowed_hosts=tuple(dict.fromkeys(hosts)),
        public_url=public_url,
        time_zone=os.environ.get("VERNETZT_TIME_ZONE", "").strip() or "Europe/Berlin",
        smtp_url=os.environ.get("VERNETZT_SMTP_URL", "").strip() or None,
        trusted_proxies=_trusted_proxies(public_url),
        login_attempts=_positive_int("VERNETZT_LOGIN_ATTEMPTS", 5),
        lockout_minutes=_positive_int("VERNETZT_LOCKOUT_MINUTES", 15),
        max_import_mb=_positive_int("VERNETZT_MAX_IMPORT_MB", 20),
        max_import_rows=_positive_int("VERNETZT_MAX_IMPORT_ROWS", 100_000),
        private_sources=_networks(
            "VERNETZT_PRIVATE_SOURCES", os.environ.get("VERNETZT_PRIVATE_SOURCES", ""), wildcard=True
        ),
    )
