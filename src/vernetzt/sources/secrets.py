"""Passwords of mail and calendar accounts, encrypted at rest (Fernet: AES-128-CBC with HMAC-SHA256).

The key lives in a file in ``$VERNETZT_HOME`` (mode 600), next to the secret key — never in the
database, so neither the database nor a backup of it reveals a password. Losing the key file means
entering the passwords again; the settings page says so.
"""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings

KEY_FILE = "sources.key"


class SecretUnavailable(Exception):
    """The stored password cannot be decrypted (the key file was replaced or lost)."""


def _key_path() -> Path:
    return settings.CONFIG.home / KEY_FILE


def _fernet() -> Fernet:
    path = _key_path()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(Fernet.generate_key())
    return Fernet(path.read_bytes().strip())


def encrypt_secret(text: str) -> str:
    return _fernet().encrypt(text.encode("utf-8")).decode("ascii")


def decrypt_secret(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except (InvalidToken, ValueError):
        raise SecretUnavailable("the key file changed; enter the password again") from None
