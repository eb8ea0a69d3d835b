"""Checking a revealed draw: same box, same seed, same engine, same result.

The report says whether the commitment and the draw match, and never contains
a pair, so it can be shown in boxes where the organizer must not see them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from santa_core.draw.engine._commit import commit
from santa_core.draw.engine._model import DrawInput
from santa_core.draw.engine._result import Draw, assignments_digest
from santa_core.draw.engine._rng import ENGINE_VERSION


@dataclass(frozen=True)
class Verification:
    ok: bool
    #: None when no commitment was given.
    commitment_ok: bool | None
    #: None when neither assignments nor a digest were given.
    draw_ok: bool | None
    message: str
    #: Digest of the re-run draw (publishable; reveals no pair).
    digest: str | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "commitment_ok": self.commitment_ok,
            "draw_ok": self.draw_ok,
            "message": self.message,
            "digest": self.digest,
            "engine_version": ENGINE_VERSION,
        }


def verify(
    data: DrawInput,
    *,
    seed: str,
    commitment: str | None = None,
    assignments: Mapping[str, str | Sequence[str]] | None = None,
    digest: str | None = None,
) -> Verification:
    """Re-run the draw of ``data`` with the revealed ``seed`` and compare.

    Give the published ``commitment`` and either the claimed ``assignments`` or
    their published ``digest`` (:attr:`Draw.digest`).
    """
    from santa_core.draw.engine._solve import solve

    commitment_ok = None if commitment is None else commit(data, seed) == commitment.strip()
    result = solve(data, seed=seed, secrecy=False, suggest=False)
    rerun = result.digest if isinstance(result, Draw) else None
    draw_ok: bool | None = None
    if assignments is not None:
        draw_ok = rerun is not None and assignments_digest(assignments) == rerun
    elif digest is not None:
        draw_ok = rerun is not None and digest.strip() == rerun
    checks = [c for c in (commitment_ok, draw_ok) if c is not None]
    ok = bool(checks) and all(checks)
    if not checks:
        message = "nothing to check: give a commitment, assignments or a digest"
    elif ok:
        message = "verified: " + " and ".join(
            part
            for part, c in (
                ("the commitment matches this box, seed and engine", commitment_ok),
                ("the draw is what this seed produces", draw_ok),
            )
            if c
        )
    else:
        problems = []
        if commitment_ok is False:
            problems.append(
                f"the commitment does not match this box and seed under engine {ENGINE_VERSION}"
            )
        if draw_ok is False:
            problems.append(
                "the draw differs from what this seed produces"
                if rerun is not None
                else "this box has no valid draw"
            )
        message = "verification failed: " + "; ".join(problems)
    return Verification(ok, commitment_ok, draw_ok, message, rerun)
