"""Boxes (one gift exchange each), their members, households, exclusion and forced-pair rules."""

from __future__ import annotations

import datetime as dt
import decimal
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    Numeric,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from santa_core.db import Base, EncryptedJSON, EncryptedText, Timestamped, UUIDPk, utcnow
from santa_core.models.enums import BoxStatus, ParticipantRole, ParticipantStatus, str_enum

if TYPE_CHECKING:
    from santa_core.models.user import User


class Box(UUIDPk, Timestamped, Base):
    __tablename__ = "boxes"
    __table_args__ = (
        CheckConstraint(
            "min_budget IS NULL OR max_budget IS NULL OR min_budget <= max_budget",
            name="budget_range",
        ),
    )

    organizer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    rules: Mapped[str] = mapped_column(Text, default="")
    currency: Mapped[str] = mapped_column(String(3), default="EUR")
    min_budget: Mapped[decimal.Decimal | None] = mapped_column(Numeric(12, 2))
    max_budget: Mapped[decimal.Decimal | None] = mapped_column(Numeric(12, 2))
    cover: Mapped[str | None] = mapped_column(String(64))
    #: A place the organizer shares with members (e.g. a party venue); encrypted.
    address: Mapped[str | None] = mapped_column(EncryptedText)
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    is_private_names: Mapped[bool] = mapped_column(Boolean, default=False)
    organizer_participates: Mapped[bool] = mapped_column(Boolean, default=True)
    auto_draw: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[BoxStatus] = mapped_column(
        str_enum(BoxStatus, "box_status"), default=BoxStatus.DRAFT, index=True
    )
    event_date: Mapped[dt.date | None] = mapped_column(Date)
    signup_deadline: Mapped[dt.datetime | None]
    shipping_deadline: Mapped[dt.datetime | None]
    #: Engine options: avoid_two_cycles, single_cycle, gifts_per_person, history_years.
    draw_options: Mapped[dict[str, Any]] = mapped_column(default=dict)
    #: Boxes renewed year after year share a series; draw history is kept per series.
    series_id: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4, index=True)
    year: Mapped[int | None] = mapped_column(Integer)
    previous_box_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("boxes.id", ondelete="SET NULL")
    )
    #: The shareable join link's code, hashed; NULL when the link is disabled.
    join_code_hash: Mapped[str | None] = mapped_column(String(128), unique=True)
    drawn_at: Mapped[dt.datetime | None]
    #: Set by an audited break-glass reveal of pairs; every participant is told.
    pairs_revealed_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None] = mapped_column(index=True)

    organizer: Mapped[User] = relationship(lazy="raise")
    participants: Mapped[list[Participant]] = relationship(
        back_populates="box", lazy="raise", cascade="all, delete-orphan"
    )


class Household(UUIDPk, Base):
    """People who do not give to each other (both ways), e.g. a couple."""

    __tablename__ = "households"
    __table_args__ = (Index("ix_households_box_created", "box_id", "created_at", "id"),)

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Participant(UUIDPk, Timestamped, Base):
    """A member of a box: a santa and a giftee, or an organizer who does not take part."""

    __tablename__ = "participants"
    __table_args__ = (
        UniqueConstraint("box_id", "user_id"),
        Index("ix_participants_box_status", "box_id", "status"),
        # Imports and invitations look people up by address within a box.
        Index("ix_participants_box_email", "box_id", "email"),
        # Pages of a box's members in join order (keyset: created_at, id).
        Index("ix_participants_box_created", "box_id", "created_at", "id"),
    )

    box_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("boxes.id", ondelete="CASCADE"))
    user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    #: Same person across renewals of a box (draw history is keyed by it).
    person_key: Mapped[uuid.UUID] = mapped_column(default=uuid.uuid4)
    email: Mapped[str | None] = mapped_column(String(320))
    display_name: Mapped[str] = mapped_column(String(200))
    nickname: Mapped[str | None] = mapped_column(String(100))
    #: Encrypted: only the person, their santa and organizers of offline people read them.
    wishes: Mapped[str] = mapped_column(EncryptedText, default="")
    #: [{"title": ..., "url": ..., "note": ...}], encrypted.
    wish_items: Mapped[list[Any]] = mapped_column(EncryptedJSON, default=list)
    address: Mapped[str | None] = mapped_column(EncryptedText)
    phone: Mapped[str | None] = mapped_column(EncryptedText)
    status: Mapped[ParticipantStatus] = mapped_column(
        str_enum(ParticipantStatus, "participant_status"), default=ParticipantStatus.ACTIVE
    )
    role: Mapped[ParticipantRole] = mapped_column(
        str_enum(ParticipantRole, "participant_role"), default=ParticipantRole.PARTICIPANT
    )
    #: False for an organizer who runs the box without exchanging gifts.
    takes_part: Mapped[bool] = mapped_column(Boolean, default=True)
    #: Offline people (kids, no account) are managed by the organizers.
    is_offline: Mapped[bool] = mapped_column(Boolean, default=False)
    household_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("households.id", ondelete="SET NULL"), index=True
    )
    assignment_opened_at: Mapped[dt.datetime | None]
    wishes_updated_at: Mapped[dt.datetime | None]

    box: Mapped[Box] = relationship(back_populates="participants", lazy="raise")
    user: Mapped[User | None] = relationship(back_populates="memberships", lazy="raise")

    @property
    def is_organizer(self) -> bool:
        return self.role in (ParticipantRole.ORGANIZER, ParticipantRole.CO_ORGANIZER)


class Exclusion(UUIDPk, Base):
    """A directed rule: ``santa`` must not give to ``giftee``."""

    __tablename__ = "exclusions"
    __table_args__ = (
        UniqueConstraint("box_id", "santa_participant_id", "giftee_participant_id"),
        CheckConstraint("santa_participant_id <> giftee_participant_id", name="not_self"),
    )

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    santa_participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    giftee_participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ForcedPair(UUIDPk, Base):
    """A directed rule: ``santa`` must give to ``giftee`` (one per santa and per giftee).

    It names an assignment, so only the organizers read it (never the giftee's export).
    """

    __tablename__ = "forced_pairs"
    __table_args__ = (
        UniqueConstraint("box_id", "santa_participant_id"),
        UniqueConstraint("box_id", "giftee_participant_id"),
        CheckConstraint("santa_participant_id <> giftee_participant_id", name="not_self"),
    )

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    santa_participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    giftee_participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
