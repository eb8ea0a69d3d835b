"""Input and output shapes of the box services (shared by the API and the CLI).

Read schemas are bare nouns (``Box``); inputs are ``BoxCreate``/``BoxUpdate``;
lists are pages (``BoxPage``) with ``items``, ``total``, ``page`` and ``per_page``.
"""

from __future__ import annotations

import datetime as dt
import decimal
import enum
import uuid
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from santa_core.kit.schemas import Input as _Input
from santa_core.kit.schemas import Page, not_clearable
from santa_core.kit.types import (
    Bool,
    Cover,
    Currency,
    Day,
    IntCheck,
    LongText,
    Money,
    Name,
    When,
)
from santa_core.models import BoxStatus, ParticipantRole


class DrawOptions(_Input):
    """How the draw is shaped (checked again by the engine)."""

    #: No two people give to each other.
    avoid_two_cycles: Bool = False
    #: Everyone in one loop (A → B → C → … → A).
    single_cycle: Bool = False
    gifts_per_person: Annotated[int, Field(ge=1, le=5), IntCheck] = 1
    #: Avoid repeating pairs from the last N years of a renewed box (None: all years).
    history_years: Annotated[int, Field(ge=0, le=50), IntCheck] | None = None

    @model_validator(mode="after")
    def _check(self) -> DrawOptions:
        if self.single_cycle and self.gifts_per_person > 1:
            raise ValueError("single_cycle needs gifts_per_person 1")
        return self


# Budgets and dates are also checked together (min <= max, deadlines in order and not
# after the event) by the service, with an error naming the field.
class BoxCreate(_Input):
    name: Name
    description: LongText = ""
    rules: LongText = ""
    currency: Currency = "EUR"
    min_budget: Money | None = None
    max_budget: Money | None = None
    cover: Cover | None = None
    event_date: Day | None = None
    signup_deadline: When | None = None
    shipping_deadline: When | None = None
    is_private_names: Bool = False
    #: False: the organizer runs the box without exchanging gifts.
    organizer_participates: Bool = True
    auto_draw: Bool = False
    draw_options: DrawOptions = Field(default_factory=DrawOptions)


#: Fields that cannot be cleared (``null`` means "leave as is" for them).
NOT_NULLABLE = frozenset(
    {
        "name",
        "description",
        "rules",
        "currency",
        "is_private_names",
        "organizer_participates",
        "auto_draw",
        "draw_options",
    }
)


class BoxUpdate(_Input):
    """Partial update: only the fields sent are changed (``null`` clears optional ones)."""

    model_config = ConfigDict(json_schema_extra=not_clearable(*sorted(NOT_NULLABLE)))

    name: Name | None = None
    description: LongText | None = None
    rules: LongText | None = None
    currency: Currency | None = None
    min_budget: Money | None = None
    max_budget: Money | None = None
    cover: Cover | None = None
    event_date: Day | None = None
    signup_deadline: When | None = None
    shipping_deadline: When | None = None
    is_private_names: Bool | None = None
    organizer_participates: Bool | None = None
    auto_draw: Bool | None = None
    draw_options: DrawOptions | None = None


class BoxStatusChange(_Input):
    #: ``ready`` closes sign-up, ``draft`` reopens it, ``archived`` ends the box.
    #: ``drawing``/``matched`` happen through the draw, not here.
    status: BoxStatus


class BoxRenew(_Input):
    """Next year's box: people, households, exclusions and options are copied."""

    name: Name | None = None
    #: Defaults to the old box's event date plus one year.
    event_date: Day | None = None


class Box(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    slug: str
    name: str
    description: str
    rules: str
    currency: str
    min_budget: decimal.Decimal | None
    max_budget: decimal.Decimal | None
    cover: str | None
    event_date: dt.date | None
    signup_deadline: dt.datetime | None
    shipping_deadline: dt.datetime | None
    is_private_names: bool
    organizer_participates: bool
    auto_draw: bool
    draw_options: DrawOptions
    status: BoxStatus
    year: int | None
    series_id: uuid.UUID
    previous_box_id: uuid.UUID | None
    organizer_id: uuid.UUID
    drawn_at: dt.datetime | None
    pairs_revealed_at: dt.datetime | None
    created_at: dt.datetime
    updated_at: dt.datetime
    #: The caller's role in the box (None: a superuser who is not a member).
    my_role: ParticipantRole | None = None
    #: True when the caller may manage the box (organizers, co-organizers, superusers).
    can_manage: bool = False
    #: Members who joined or were added (invited ones included).
    participant_count: int = 0


class BoxPage(Page[Box]):
    pass


class BoxRoleFilter(enum.StrEnum):
    ANY = "any"
    ORGANIZER = "organizer"
    PARTICIPANT = "participant"


class AuditEvent(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    action: str
    actor_user_id: uuid.UUID | None
    target_type: str | None
    target_id: uuid.UUID | None
    details: dict[str, Any]
    created_at: dt.datetime


class AuditEventPage(Page[AuditEvent]):
    pass
