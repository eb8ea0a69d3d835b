"""Errors of the draw service (the engine's own errors live in ``engine/_errors``).

Conflict
├── DrawInfeasible            the rules allow no draw; carries the engine's explanation
├── SecrecyNotAcknowledged    the rules let people deduce pairs; confirm to draw anyway
├── NotEnoughParticipants
└── DrawRaced                 another draw of the box committed first (unique backstop)
NotFound
└── AssignmentNotFound        the caller takes no part in this draw
Forbidden
└── PairsArePrivate           organizers do not see pairs (except offline people's)
"""

from __future__ import annotations

from typing import Any

from santa_core.errors import Conflict, Forbidden, NotFound


class DrawInfeasible(Conflict):
    code = "draw_infeasible"
    default_message = "No draw satisfies the box's rules."

    def __init__(self, message: str | None = None, *, result: dict[str, Any] | None = None):
        super().__init__(message)
        self.result = result or {}


class SecrecyNotAcknowledged(Conflict):
    code = "draw_secrecy_unacknowledged"
    default_message = (
        "With these rules some participants could work out other pairs. "
        "Check the preview and confirm to draw anyway."
    )


class NotEnoughParticipants(Conflict):
    code = "not_enough_participants"
    default_message = "A draw needs at least two people taking part."


class DrawRaced(Conflict):
    code = "draw_already_running"
    default_message = "The draw for this box has just been run."


class AssignmentNotFound(NotFound):
    code = "assignment_not_found"
    default_message = "You have no assignment in this box."


class PairsArePrivate(Forbidden):
    code = "pairs_are_private"
    default_message = "Pairs are secret, also from organizers."
