"""Encryption of personal data at rest, and hashing of secrets we only compare.

Addresses, phones, wishes and outbox payloads are encrypted with AES-256-GCM
under keys derived from ``SANTA_ENCRYPTION_KEYS`` (``id:secret,...``). The first
key encrypts; every key decrypts (the ciphertext names its key id), so keys are
rotated by prepending a new one and running ``santa keys rotate``. Invite and
join codes, reset, verification and refresh tokens are random and high-entropy,
so a keyed SHA-256 (HMAC) under ``SANTA_HASH_KEYS`` is enough to store them: a
database dump does not reveal them. Hash keys are separate from encryption keys
and versioned the same way: lookups try every configured hash key, so prepending
a key never invalidates a pending invitation, link or session.

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
from typing import TYPE_CHECKING

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

if TYPE_CHECKING:
    from santa_core.config import Settings

_PREFIX = "enc1"
#: A stored hash names its key: ``<key id>$<hex HMAC>``. Hashes made before hash keys
#: had ids are bare hex, keyed by a key derived from an encryption key.
_HASH_SEP = "$"


class DecryptionError(Exception):
    """A stored value could not be decrypted with any configured key."""


def _legacy_key_id(key: bytes) -> str:
    return hashlib.sha256(key).hexdigest()[:8]


def split_key_spec(spec: str) -> tuple[str | None, str]:
    """``"2026a:secret"`` → ``("2026a", "secret")``; a spec without an id → ``(None, spec)``.

    An id is 1-32 letters, digits, ``-`` or ``_``; anything else before a colon is
    part of the secret (so old, id-less keys keep working)."""
    head, sep, rest = spec.partition(":")
    if sep and rest and 0 < len(head) <= 32 and all(c.isalnum() or c in "-_" for c in head):
        return head, rest
    return None, spec


@dataclass(frozen=True)
class Keyring:
    """Versioned keys: ``keys`` encrypt (the first) and decrypt (all), ``hash_keys`` hash
    stored secrets (the first) and find them (all). Each key has an id that the
    ciphertext or hash names, so rotating means prepending a key."""

    keys: tuple[tuple[str, bytes], ...]
    hash_keys: tuple[tuple[str, bytes], ...]
    #: Hash keys of stored hashes from before hash keys had ids (bare hex).
    legacy_hash_keys: tuple[bytes, ...] = ()

    @classmethod
    def from_secrets(
        cls, secrets_: Sequence[str], hash_secrets: Sequence[str] | None = None
    ) -> Keyring:
        if not secrets_:
            raise ValueError("at least one encryption key is required")
        keys: list[tuple[str, bytes]] = []
        legacy: list[bytes] = []
        for spec in secrets_:
            kid, secret = split_key_spec(spec)
            key = hashlib.sha256(b"santa-pii:" + secret.encode()).digest()
            keys.append((kid or _legacy_key_id(key), key))
            legacy.append(hashlib.sha256(b"santa-hash:" + secret.encode()).digest())
        hashes: list[tuple[str, bytes]] = []
        for spec in hash_secrets or ():
            kid, secret = split_key_spec(spec)
            key = hashlib.sha256(b"santa-token-hash:" + secret.encode()).digest()
            hashes.append((kid or _legacy_key_id(key), key))
        if not hashes:
            # No hash keys configured (development, or a deployment from before they
            # existed): hash with the legacy key of the first encryption key.
            return cls(keys=tuple(keys), hash_keys=(), legacy_hash_keys=tuple(legacy))
        return cls(keys=tuple(keys), hash_keys=tuple(hashes), legacy_hash_keys=tuple(legacy))

    @property
    def current_key_id(self) -> str:
        return self.keys[0][0]

    def encrypt(self, plaintext: str) -> str:
        kid, key = self.keys[0]
        nonce = os.urandom(12)
        sealed = AESGCM(key).encrypt(nonce, plaintext.encode(), None)
        blob = base64.urlsafe_b64encode(nonce + sealed).decode()
        return f"{_PREFIX}:{kid}:{blob}"

    @staticmethod
    def key_id_of(stored: str) -> str | None:
        """The id of the key a stored value was encrypted with (None: not encrypted)."""
        prefix, _, rest = stored.partition(":")
        if prefix != _PREFIX:
            return None
        return rest.partition(":")[0] or None

    def decrypt(self, stored: str) -> str:
        try:
            prefix, key_id, blob = stored.split(":", 2)
        except ValueError:
            raise DecryptionError("value is not in the encrypted format") from None
        if prefix != _PREFIX:
            raise DecryptionError("value is not in the encrypted format")
        raw = base64.urlsafe_b64decode(blob)
        nonce, sealed = raw[:12], raw[12:]
        named = [key for kid, key in self.keys if kid == key_id]
        others = [key for kid, key in self.keys if kid != key_id]
        for key in named + others:
            try:
                return AESGCM(key).decrypt(nonce, sealed, None).decode()
            except InvalidTag:
                continue
        raise DecryptionError("no configured key decrypts this value")

    def hash(self, token: str) -> str:
        if self.hash_keys:
            kid, key = self.hash_keys[0]
            digest = hmac.new(key, token.encode(), hashlib.sha256).hexdigest()
            return f"{kid}{_HASH_SEP}{digest}"
        return hmac.new(self.legacy_hash_keys[0], token.encode(), hashlib.sha256).hexdigest()

    def hash_candidates(self, token: str) -> list[str]:
        """Every stored form the token may have: one per hash key, then legacy bare hashes."""
        out = [
            f"{kid}{_HASH_SEP}{hmac.new(key, token.encode(), hashlib.sha256).hexdigest()}"
            for kid, key in self.hash_keys
        ]
        out += [
            hmac.new(k, token.encode(), hashlib.sha256).hexdigest() for k in self.legacy_hash_keys
        ]
        return list(dict.fromkeys(out))


_keyring: Keyring | None = None


def install_keyring(keyring: Keyring) -> None:
    global _keyring
    _keyring = keyring


def get_keyring() -> Keyring:
    if _keyring is None:
        raise RuntimeError("encryption keys are not configured (call install_keyring first)")
    return _keyring


def hash_token(token: str) -> str:
    """Hash a random, high-entropy secret for storage (HMAC-SHA256 with the current hash
    key, as ``<key id>$<hex>``)."""
    return get_keyring().hash(token)


def hash_candidates(token: str) -> list[str]:
    """What to look a secret up by (``column.in_(...)``): its hash under every hash key."""
    return get_keyring().hash_candidates(token)


def keyring_from_settings(settings: Settings) -> Keyring:
    return Keyring.from_secrets(
        [k.get_secret_value() for k in settings.encryption_keys],
        [k.get_secret_value() for k in settings.hash_keys],
    )


def new_token(nbytes: int = 32) -> str:
    """A URL-safe random secret (256 bits by default)."""
    return secrets.token_urlsafe(nbytes)
