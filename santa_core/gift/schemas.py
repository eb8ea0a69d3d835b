"""Shapes of gift tracking over the API (no santa identity on the giftee's side)."""

from __future__ import annotations

import datetime as dt
import enum
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from santa_core.box.types import ShortText
from santa_core.models import GiftStatus, MessageSide

Carrier = Annotated[ShortText, Field(min_length=1, max_length=100)]
Note = Annotated[ShortText, Field(min_length=1, max_length=500)]


class GiftAction(enum.StrEnum):
    BOUGHT = "bought"
    SENT = "sent"
    RECEIVED = "received"
    MISSING = "missing"  # the giftee reports that nothing arrived


class GiftMove(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    action: GiftAction
    #: With ``sent``: who carries it, and a tracking number or note.
    carrier: Carrier | None = None
    tracking: Note | None = None
    #: With ``received``: a thank-you note the santa sees.
    thank_you: Note | None = None


class Gift(BaseModel):
    pair_id: str
    my_role: MessageSide
    #: The giftee's name for the santa, "Your Santa" (numbered) for the giftee.
    title: str
    status: GiftStatus
    carrier: str | None
    tracking: str | None
    thank_you: str | None
    bought_at: dt.datetime | None
    sent_at: dt.datetime | None
    received_at: dt.datetime | None
    missing_reported_at: dt.datetime | None
    #: The moves I may make now.
    allowed_actions: list[GiftAction]


class GiftList(BaseModel):
    items: list[Gift]
    shipping_deadline: dt.datetime | None


class GiftIssue(BaseModel):
    """A gift the organizers should look at: named by its giftee only."""

    pair_id: str
    giftee_participant_id: uuid.UUID
    giftee_name: str
    #: ``not_sent_by_deadline`` or ``nothing_arrived``.
    reason: str
    backup_assigned: bool


class GiftSummary(BaseModel):
    """Counts for the organizers (sent 12 / received 9); no pair is shown."""

    pairs: int
    pending: int
    bought: int
    sent: int
    received: int
    issues: list[GiftIssue] = Field(default_factory=list)


class BackupRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Optional: who should be the backup santa (default: the engine picks among allowed).
    santa_participant_id: uuid.UUID | None = None


class BackupResult(BaseModel):
    pair_id: str
    giftee_name: str
    #: The new pair (the backup santa and the same giftee).
    new_pair_id: str
    #: True when the organizer named the backup santa (otherwise they stay unknown).
    chosen_by_organizer: bool
