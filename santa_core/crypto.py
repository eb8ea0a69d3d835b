"""Encryption of personal data at rest, and hashing of secrets we only compare.

Addresses and phones are encrypted with AES-256-GCM under keys derived from
``SANTA_ENCRYPTION_KEYS``. The first key encrypts; every key decrypts, so keys
can be rotated by prepending a new one. Invite codes, reset tokens and refresh
tokens are random and high-entropy, so a keyed SHA-256 (HMAC) is enough to
store them: a database dump does not reveal them.

The keyring is installed by the entry point (:func:`install_keyring`), never at
import time.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from collections.abc import Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_PREFIX = "enc1"


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


@dataclass(frozen=True)
class Keyring:
    keys: tuple[bytes, ...]
    hash_key: bytes

    @classmethod
    def from_secrets(cls, secrets_: Sequence[str]) -> Keyring:
        if not secrets_:
            raise ValueError("at least one encryption key is required")
        keys = tuple(hashlib.sha256(b"santa-pii:" + s.encode()).digest() for s in secrets_)
        hash_key = hashlib.sha256(b"santa-hash:" + secrets_[0].encode()).digest()
        return cls(keys=keys, hash_key=hash_key)

    @staticmethod
    def _key_id(key: bytes) -> str:
        return hashlib.sha256(key).hexdigest()[:8]

    def encrypt(self, plaintext: str) -> str:
        key = self.keys[0]
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), None)
        blob = base64.urlsafe_b64encode(nonce + sealed).decode()
        return f"{_PREFIX}:{self._key_id(key)}:{blob}"

    def decrypt(self, stored: str) -> str:
        try:
            prefix, key_id, blob = stored.split(":", 2)
        except ValueError:
            raise DecryptionError("value is not in the encrypted format") from None
        if prefix != _PREFIX:
            raise DecryptionError("value is not in the encrypted format")
        raw = base64.urlsafe_b64decode(blob)
        nonce, sealed = raw[:12], raw[12:]
        candidates = sorted(self.keys, key=lambda k: self._key_id(k) != key_id)
        for key in candidates:
            try:
                return AESGCM(key).decrypt(nonce, sealed, None).decode()
            except InvalidTag:
                continue
        raise DecryptionError("no configured key decrypts this value")


_keyring: Keyring | None = None


def install_keyring(keyring: Keyring) -> None:
    global _keyring
    _keyring = keyring


def get_keyring() -> Keyring:
    if _keyring is None:
        raise RuntimeError("encryption keys are not configured (call install_keyring first)")
    return _keyring


def hash_token(token: str) -> str:
    """Hash a random, high-entropy secret for storage (HMAC-SHA256, hex)."""
    return hmac.new(get_keyring().hash_key, token.encode(), hashlib.sha256).hexdigest()


def new_token(nbytes: int = 32) -> str:
    """A URL-safe random secret (256 bits by default)."""
    return secrets.token_urlsafe(nbytes)
