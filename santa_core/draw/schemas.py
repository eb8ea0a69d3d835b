"""Shapes of the draw over the API: preview, run, summary, assignment, break-glass reveal."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import BaseModel, Field

from santa_core.box.member_schemas import WishItem
from santa_core.kit.schemas import Input as _Input
from santa_core.kit.types import Bool, Reason


class DrawRequest(_Input):
    #: Required when the preview warned that people could deduce pairs.
    acknowledge_secrecy_warning: Bool = False


class DrawWarning(BaseModel):
    code: str
    message: str


class DrawPreview(BaseModel):
    """Whether a draw exists now, and what people could deduce. Reveals no pair."""

    feasible: bool
    #: People who will be drawn (joined, taking part).
    participant_count: int
    #: Invited people who have not joined: they are left out of the draw.
    not_joined_count: int
    #: Engine's reason when infeasible (``hall``, ``forced_conflict``, ``two_cycles``, …),
    #: or ``offline_rule``: offline people never give to the organizers who open their
    #: assignment, and that is what leaves no draw.
    reason: str | None = None
    explanation: str | None = None
    suggestion: str | None = None
    #: Number of valid draws, when small enough to count.
    valid_draws: int | None = None
    secrecy_checked: bool
    warnings: list[DrawWarning] = Field(default_factory=list)
    #: True when running the draw needs ``acknowledge_secrecy_warning``.
    requires_acknowledgement: bool


class DrawSummary(BaseModel):
    """The current draw of a box, as any member may see it (no pairs, no seed)."""

    box_id: uuid.UUID
    round: int
    method: str
    engine_version: str
    #: Published commitment to the box state and the secret seed.
    commitment: str | None
    participant_count: int
    created_at: dt.datetime


class GifteeCard(BaseModel):
    participant_id: uuid.UUID
    display_name: str
    wishes: str
    wish_items: list[WishItem]
    address: str | None
    phone: str | None


class Assignment(BaseModel):
    """Who the santa gives to (several giftees when each person gives several gifts)."""

    box_id: uuid.UUID
    santa_participant_id: uuid.UUID
    giftees: list[GifteeCard]
    opened_at: dt.datetime | None
    #: Set when an organizer used the break-glass reveal: the pairs are no longer secret.
    pairs_revealed_at: dt.datetime | None


class RevealRequest(_Input):
    """Break-glass: show every pair. Audited, and every participant is told."""

    reason: Reason
    confirm: Literal[True]


class PairPerson(BaseModel):
    participant_id: uuid.UUID
    display_name: str


class Pair(BaseModel):
    santa: PairPerson
    giftee: PairPerson


class PairsReveal(BaseModel):
    box_id: uuid.UUID
    revealed_at: dt.datetime
    pairs: list[Pair]
