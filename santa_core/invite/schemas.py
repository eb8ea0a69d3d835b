"""Shapes of invitations and join links."""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from santa_core.kit.schemas import Input as _Input
from santa_core.kit.types import Name, ShortText
from santa_core.models import InviteStatus, ParticipantStatus

#: The most addresses one import takes (the CLI splits bigger CSV files).
MAX_IMPORT = 10_000


class InviteCreate(_Input):
    email: EmailStr
    #: How the person appears until they join (default: the part of the email before @).
    display_name: Name | None = None
    #: A note added to the invitation email.
    message: ShortText | None = None


class InviteImportEntry(_Input):
    email: EmailStr
    display_name: Name | None = None


class InviteImport(_Input):
    """Many invitations at once (the CLI uploads a CSV file through this)."""

    invites: Annotated[list[InviteImportEntry], Field(min_length=1, max_length=MAX_IMPORT)]
    message: ShortText | None = None


class SkipReason(enum.StrEnum):
    ALREADY_MEMBER = "already_member"
    ALREADY_INVITED = "already_invited"
    DUPLICATE = "duplicate"


class SkippedInvite(BaseModel):
    email: str
    reason: SkipReason


class InviteImportResult(BaseModel):
    created: int
    skipped: list[SkippedInvite]


class Invite(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    email: str
    status: InviteStatus
    participant_id: uuid.UUID | None
    created_at: dt.datetime
    expires_at: dt.datetime
    last_sent_at: dt.datetime | None
    send_count: int
    responded_at: dt.datetime | None


class InvitePage(BaseModel):
    items: list[Invite]
    #: Counted on the first page (and with ``with_total=true``); null on later pages.
    total: int | None
    page: int
    per_page: int
    #: Pass as ``cursor`` for the next page; null on the last page.
    next_cursor: str | None = None


class JoinLink(BaseModel):
    """Shown once: only a hash of the code is kept. Create a new one to see a link again."""

    url: str
    code: str


class InvitationKind(enum.StrEnum):
    EMAIL = "email"
    LINK = "link"


class Invitation(BaseModel):
    """What a code opens, as anyone holding the code may see it (no sign-in needed)."""

    kind: InvitationKind
    box_name: str
    inviter_name: str
    description: str
    event_date: dt.date | None
    signup_deadline: dt.datetime | None
    currency: str
    min_budget: decimal.Decimal | None
    max_budget: decimal.Decimal | None
    #: For email invitations: the invite's status; ``pending`` for open join links.
    status: InviteStatus
    expires_at: dt.datetime | None
    #: False when the box no longer takes new members.
    open: bool


class Membership(BaseModel):
    """The result of accepting an invitation or joining by link."""

    box_id: uuid.UUID
    participant_id: uuid.UUID
    status: ParticipantStatus
