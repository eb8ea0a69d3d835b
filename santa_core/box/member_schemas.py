"""Shapes of members (participant cards), households, exclusions and forced pairs."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

from santa_core.kit.schemas import Input as _Input
from santa_core.kit.schemas import not_clearable
from santa_core.kit.types import (
    Address,
    Bool,
    Label,
    LongText,
    Name,
    Phone,
    ShortName,
    ShortText,
    Url,
)
from santa_core.models import ParticipantRole, ParticipantStatus


class WishItem(_Input):
    title: Name
    url: Url | None = None
    note: ShortText = ""


WishItems = Annotated[list[WishItem], Field(max_length=50)]


class ParticipantCreate(_Input):
    """An organizer adds someone: by email (they get an invitation) or offline (no account)."""

    display_name: Name
    email: EmailStr | None = None
    #: A person without an account (a kid): the organizers fill their card.
    offline: Bool = False
    nickname: ShortName | None = None
    #: A note added to the invitation email.
    message: ShortText | None = None

    @model_validator(mode="after")
    def _email_or_offline(self) -> ParticipantCreate:
        if self.offline and self.email is not None:
            raise ValueError("an offline person has no email; leave it out")
        if not self.offline and self.email is None:
            raise ValueError("give an email, or mark the person as offline")
        return self


#: Card fields that may be left out of an update but not cleared.
CARD_NOT_CLEARABLE = ("display_name", "wishes", "wish_items")


class CardUpdate(_Input):
    """A participant's own card (or an offline person's, by an organizer). Partial."""

    model_config = ConfigDict(json_schema_extra=not_clearable(*CARD_NOT_CLEARABLE))

    display_name: Name | None = None
    nickname: ShortName | None = None
    wishes: LongText | None = None
    wish_items: WishItems | None = None
    address: Address | None = None
    phone: Phone | None = None


class ParticipantUpdate(CardUpdate):
    """What organizers change about a member. Card fields only for offline people."""

    role: ParticipantRole | None = None
    takes_part: Bool | None = None


class Participant(BaseModel):
    """A member as the caller may see them.

    With ``is_private_names`` plain members see nicknames in ``display_name``.
    ``email``, ``has_wishes`` and ``has_address`` are only shown to organizers
    and to the person themselves.
    """

    id: uuid.UUID
    display_name: str
    nickname: str | None
    status: ParticipantStatus
    role: ParticipantRole
    takes_part: bool
    is_offline: bool
    household_id: uuid.UUID | None
    is_me: bool
    email: str | None = None
    has_wishes: bool | None = None
    has_address: bool | None = None
    created_at: dt.datetime


class ParticipantCard(Participant):
    """A member with their card. The card fields are filled for the person themselves
    and for organizers of offline people; otherwise they are null."""

    wishes: str | None = None
    wish_items: list[WishItem] | None = None
    address: str | None = None
    phone: str | None = None
    wishes_updated_at: dt.datetime | None = None


class ParticipantPage(BaseModel):
    items: list[Participant]
    #: Counted on the first page (and with ``with_total=true``); null on later pages.
    total: int | None
    page: int
    per_page: int
    #: Pass as ``cursor`` for the next page; null on the last page.
    next_cursor: str | None = None


#: Two or more distinct people of the box.
MemberIds = Annotated[
    list[uuid.UUID], Field(min_length=2, max_length=100, json_schema_extra={"uniqueItems": True})
]


class HouseholdCreate(_Input):
    """People who give no gifts to each other, both ways, set in one step."""

    name: Label = ""
    participant_ids: Annotated[
        list[uuid.UUID],
        Field(min_length=2, max_length=100, json_schema_extra={"uniqueItems": True}),
    ]


class HouseholdUpdate(_Input):
    name: Label | None = None
    #: Replaces the members (at least two).
    participant_ids: (
        Annotated[
            list[uuid.UUID],
            Field(min_length=2, max_length=100, json_schema_extra={"uniqueItems": True}),
        ]
        | None
    ) = None


class Household(BaseModel):
    id: uuid.UUID
    name: str
    participant_ids: list[uuid.UUID]
    created_at: dt.datetime


class ExclusionCreate(_Input):
    santa_participant_id: uuid.UUID
    giftee_participant_id: uuid.UUID
    #: Also forbid the reverse pair.
    both_ways: Bool = False


class Exclusion(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    santa_participant_id: uuid.UUID
    giftee_participant_id: uuid.UUID
    created_at: dt.datetime


class ForcedPairCreate(_Input):
    santa_participant_id: uuid.UUID
    giftee_participant_id: uuid.UUID


class ForcedPair(BaseModel):
    """``santa`` must give to ``giftee``: an assignment chosen by the organizers."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    santa_participant_id: uuid.UUID
    giftee_participant_id: uuid.UUID
    created_at: dt.datetime
