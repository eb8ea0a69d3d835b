"""Randomness: a secret seed from the OS, expanded deterministically.

Every draw has a seed. Without one the engine makes a 256-bit seed with
:mod:`secrets` (the OS cryptographic source); with one, the draw is reproducible,
which is what audits, ``santa draw verify`` and the tests rely on. The seed is
hashed (SHA-256) into the 128-bit key and counter of numpy's Philox4x64-10, a
counter-based generator built from a reduced-round block cipher. Philox is not a
certified CSPRNG; what protects a draw is that the seed is secret and that a
participant sees only their own giftee, a few bits of output, from which no key
recovery is known. Revealing the seed reveals the whole draw to anyone holding the
box state, so reveal it only when the pairs may be known.
"""

from __future__ import annotations

import hashlib
import secrets

import numpy as np

#: Part of every commitment. Bump it whenever any algorithm or the use of the
#: random stream changes, since a seed must map to the same draw forever after.
ENGINE_VERSION = "santa-draw/2"


def new_seed() -> str:
    """A fresh secret seed (64 hex characters, 256 bits from the OS)."""
    return secrets.token_hex(32)


def generator(seed: str) -> np.random.Generator:
    digest = hashlib.sha256(b"santa-draw-seed\x00" + seed.encode()).digest()
    key = int.from_bytes(digest[:16], "big")
    counter = int.from_bytes(digest[16:], "big")
    return np.random.Generator(np.random.Philox(key=key, counter=counter))
