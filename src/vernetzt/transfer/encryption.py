"""Encrypted backups: a passphrase, scrypt for the key, AES-256-GCM in chunks (``cryptography``).

File layout (version 1), all integers big-endian::

    magic "VZCRYPT1" · version (1 byte) · scrypt log2(N), r, p (1 byte each) · salt (16 bytes)
    · nonce prefix (7 bytes) · key check (32 bytes) · chunks

The header (everything before the key check) is the associated data of every chunk, so changing a
parameter breaks them all. The key check is an HMAC-SHA256 of the header under a second key derived
with the first: a wrong passphrase is told apart from a damaged file before anything is decrypted.
Chunks are 1 MiB of plaintext sealed with AES-GCM under the nonce prefix · chunk number (4 bytes) ·
last-chunk flag (1 byte); reordering, dropping or cutting off chunks fails authentication.

scrypt with N = 2^17, r = 8, p = 1 (128 MiB, the OWASP recommendation) makes guessing a passphrase
slow; each backup has its own salt.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import struct
from typing import BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

MAGIC = b"VZCRYPT1"
VERSION = 1
CHUNK = 1 << 20
TAG = 16
LOG2_N, R, P = 17, 8, 1
MIN_PASSPHRASE = 8
_HEADER = struct.Struct(">8sBBBB16s7s")
_CHECK = 32


class WrongPassphrase(ValueError):
    pass


class DamagedFile(ValueError):
    pass


def is_encrypted(path) -> bool:
    with open(path, "rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValueError(f"the passphrase needs at least {MIN_PASSPHRASE} characters")
    return passphrase


def _keys(passphrase: str, salt: bytes, log2_n: int, r: int, p: int) -> tuple[bytes, bytes]:
    if not 14 <= log2_n <= 22 or not 1 <= r <= 32 or not 1 <= p <= 16:
        raise DamagedFile("the file's key parameters are out of range")
    material = Scrypt(salt=salt, length=64, n=1 << log2_n, r=r, p=p).derive(passphrase.encode("utf-8"))
    return material[:32], material[32:]


def _nonce(prefix: bytes, number: int, last: bool) -> bytes:
    return prefix + struct.pack(">IB", number, 1 if last else 0)


def encrypt_stream(source: BinaryIO, target: BinaryIO, *, passphrase: str) -> None:
    check_passphrase(passphrase)
    salt, prefix = os.urandom(16), os.urandom(7)
    header = _HEADER.pack(MAGIC, VERSION, LOG2_N, R, P, salt, prefix)
    key, check_key = _keys(passphrase, salt, LOG2_N, R, P)
    target.write(header + hmac.new(check_key, header, hashlib.sha256).digest())
    aead = AESGCM(key)
    number = 0
    chunk = source.read(CHUNK)
    while True:
        following = source.read(CHUNK)
        last = not following
        target.write(aead.encrypt(_nonce(prefix, number, last), chunk, header))
        if last:
            return
        chunk, number = following, number + 1


def decrypt_stream(source: BinaryIO, target: BinaryIO, *, passphrase: str) -> None:
    """Decrypt all of ``source`` into ``target``; WrongPassphrase or DamagedFile otherwise (``target``
    may then hold a part, which the caller throws away)."""
    header = source.read(_HEADER.size)
    if len(header) < _HEADER.size:
        raise DamagedFile("the file is too short to be an encrypted backup")
    magic, version, log2_n, r, p, salt, prefix = _HEADER.unpack(header)
    if magic != MAGIC:
        raise DamagedFile("the file is not an encrypted vernetzt backup")
    if version != VERSION:
        raise DamagedFile(f"the file is encrypted in format version {version}; this needs {VERSION}")
    key, check_key = _keys(passphrase, salt, log2_n, r, p)
    if not hmac.compare_digest(source.read(_CHECK), hmac.new(check_key, header, hashlib.sha256).digest()):
        raise WrongPassphrase("the passphrase is wrong (or the file's header was changed)")
    aead = AESGCM(key)
    number = 0
    sealed = source.read(CHUNK + TAG)
    while True:
        following = source.read(CHUNK + TAG)
        last = not following
        try:
            target.write(aead.decrypt(_nonce(prefix, number, last), sealed, header))
        except InvalidTag:
            raise DamagedFile(
                f"the file was changed or cut off after it was written (part {number + 1} does not match)"
            ) from None
        if last:
            return
        sealed, number = following, number + 1
