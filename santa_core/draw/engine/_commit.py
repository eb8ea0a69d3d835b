"""Commitments: publish before the draw, check after the seed is revealed.

``commitment = sha256(canonical JSON of {engine version, sha256 of the canonical
box state, sha256 of the seed})``. The draw is a function of exactly those three
things, so once the seed is revealed anyone can recompute both the commitment
and the draw. Use :func:`new_seed` seeds: a short guessable seed could be found
from the published commitment by trying candidates.
"""

from __future__ import annotations

import hashlib
import json

from santa_core.draw.engine._model import DrawInput
from santa_core.draw.engine._rng import ENGINE_VERSION


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def input_digest(data: DrawInput) -> str:
    return _sha256(data.canonical_json())


def seed_digest(seed: str) -> str:
    return _sha256(b"santa-draw-seed-commitment\x00" + seed.encode())


def commitment_from_digests(input_sha256: str, seed_sha256: str) -> str:
    payload = {"engine": ENGINE_VERSION, "input_sha256": input_sha256, "seed_sha256": seed_sha256}
    blob = json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()
    return "sha256:" + _sha256(blob)


def commit(data: DrawInput, seed: str) -> str:
    """The commitment to publish before drawing ``data`` with ``seed``."""
    return commitment_from_digests(input_digest(data), seed_digest(seed))
