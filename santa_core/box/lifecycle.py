"""Who may do what in which box status. The services consult these tables; tests pin them.

A box moves ``draft → ready → drawing → matched → archived``. ``ready`` can go
back to ``draft`` (the organizer reopens sign-up); ``drawing`` is the short
state while the engine runs, and falls back to ``ready`` if the draw fails.
A matched box can be reset to ``ready`` only by an explicit redraw.
"""

from __future__ import annotations

import enum

from santa_core.errors import BoxNotEditable, InvalidTransition
from santa_core.models import BoxStatus

S = BoxStatus

TRANSITIONS: dict[BoxStatus, frozenset[BoxStatus]] = {
    S.DRAFT: frozenset({S.READY, S.ARCHIVED}),
    S.READY: frozenset({S.DRAFT, S.DRAWING, S.ARCHIVED}),
    S.DRAWING: frozenset({S.MATCHED, S.READY}),
    S.MATCHED: frozenset({S.ARCHIVED, S.READY}),
    S.ARCHIVED: frozenset(),
}


class Action(enum.StrEnum):
    EDIT_BOX = "edit_box"
    EDIT_RULES = "edit_rules"  # households, exclusions, forced pairs, draw options
    ADD_PARTICIPANT = "add_participant"
    REMOVE_PARTICIPANT = "remove_participant"
    JOIN = "join"
    INVITE = "invite"
    EDIT_CARD = "edit_card"  # a participant's own wishes and address
    DRAW = "draw"
    REPAIR = "repair"  # change people after the draw through the engine's repair
    VIEW_ASSIGNMENT = "view_assignment"
    DELETE_BOX = "delete_box"


A = Action

ALLOWED: dict[Action, frozenset[BoxStatus]] = {
    A.EDIT_BOX: frozenset({S.DRAFT, S.READY, S.MATCHED}),
    A.EDIT_RULES: frozenset({S.DRAFT, S.READY}),
    A.ADD_PARTICIPANT: frozenset({S.DRAFT, S.READY}),
    A.REMOVE_PARTICIPANT: frozenset({S.DRAFT, S.READY}),
    A.JOIN: frozenset({S.DRAFT, S.READY}),
    A.INVITE: frozenset({S.DRAFT, S.READY}),
    A.EDIT_CARD: frozenset({S.DRAFT, S.READY, S.MATCHED}),
    A.DRAW: frozenset({S.READY}),
    A.REPAIR: frozenset({S.MATCHED}),
    A.VIEW_ASSIGNMENT: frozenset({S.MATCHED, S.ARCHIVED}),
    A.DELETE_BOX: frozenset({S.DRAFT, S.READY, S.MATCHED, S.ARCHIVED}),
}

_MESSAGES: dict[Action, str] = {
    A.EDIT_BOX: "The box can no longer be edited.",
    A.EDIT_RULES: "Households, exclusions and draw options are fixed once the draw has run.",
    A.ADD_PARTICIPANT: "People can only be added before the draw.",
    A.REMOVE_PARTICIPANT: "People can only be removed before the draw (afterwards use a repair).",
    A.JOIN: "This box no longer accepts new members.",
    A.INVITE: "This box no longer accepts invitations.",
    A.EDIT_CARD: "Cards can no longer be changed in this box.",
    A.DRAW: "The box must be ready (sign-up closed) to run the draw.",
    A.REPAIR: "Repairs are only possible after the draw.",
    A.VIEW_ASSIGNMENT: "The draw has not run yet.",
    A.DELETE_BOX: "The box cannot be deleted now.",
}


def can(action: Action, status: BoxStatus) -> bool:
    return status in ALLOWED[action]


def require(action: Action, status: BoxStatus) -> None:
    if not can(action, status):
        raise BoxNotEditable(_MESSAGES[action], action=action.value, status=status.value)


def require_transition(current: BoxStatus, target: BoxStatus) -> None:
    if target not in TRANSITIONS[current]:
        raise InvalidTransition(
            f"A box cannot move from {current.value} to {target.value}.",
            current=current.value,
            target=target.value,
        )
