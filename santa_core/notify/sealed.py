"""Secrets inside outbox payloads, encrypted at rest.

An invitation, email-verification or password-reset email must carry a plain
one-time code in its link, but the database may hold the code only as a hash.
So the link goes into the outbox row sealed, ``payload["sealed"] =
{"accept_url": "enc1:…"}``, encrypted with the installed keyring
(:mod:`santa_core.crypto`). Whoever renders the message calls
:func:`unseal_payload` first, which returns the payload with the sealed keys
opened at the top level.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from santa_core import crypto

SEALED_KEY = "sealed"


def seal(values: Mapping[str, str]) -> dict[str, str]:
    keyring = crypto.get_keyring()
    return {key: keyring.encrypt(value) for key, value in values.items()}


def unseal_payload(payload: Mapping[str, Any]) -> dict[str, Any]:
    """The payload with ``sealed`` values decrypted and merged in (others unchanged)."""
    out = {k: v for k, v in payload.items() if k != SEALED_KEY}
    sealed = payload.get(SEALED_KEY)
    if isinstance(sealed, Mapping):
        keyring = crypto.get_keyring()
        for key, value in sealed.items():
            out[str(key)] = keyring.decrypt(str(value))
    return out
