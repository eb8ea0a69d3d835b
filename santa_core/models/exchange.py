"""After the draw: anonymous messages per pair, announcements, gift tracking, the reveal.

A *pair* is a santa and one of their giftees in a box (a row of ``draws``). Its
thread of messages and its gift point at that row (``draw_id``) and never name
the two participants, so who gives to whom is only readable through ``draws``.
A repair keeps the row of every pair that survives it; a pair that ends takes
its thread and its gift with it. Bodies, tracking notes and thank-you notes are
personal: encrypted at rest.
"""

from __future__ import annotations

import datetime as dt
import enum
import uuid

from sqlalchemy import Boolean, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from santa_core.db import Base, EncryptedText, UUIDPk, utcnow
from santa_core.models.enums import str_enum


class MessageSide(enum.StrEnum):
    SANTA = "santa"
    GIFTEE = "giftee"


class GiftStatus(enum.StrEnum):
    PENDING = "pending"
    BOUGHT = "bought"
    SENT = "sent"
    RECEIVED = "received"


class Message(UUIDPk, Base):
    """One message in the thread of a pair, written by one of its two sides."""

    __tablename__ = "messages"
    __table_args__ = (Index("ix_messages_thread", "draw_id", "created_at"),)

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    #: The pair (a row of ``draws``): the santa and the giftee are named only there.
    draw_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("draws.id", ondelete="CASCADE"))
    sender: Mapped[MessageSide] = mapped_column(str_enum(MessageSide, "message_side"))
    body: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    edited_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None]
    #: When the other side first listed the thread after this message arrived.
    read_at: Mapped[dt.datetime | None]


class Announcement(UUIDPk, Base):
    """Plain text from the organizers to every member of a box."""

    __tablename__ = "announcements"
    __table_args__ = (Index("ix_announcements_box_time", "box_id", "created_at"),)

    box_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("boxes.id", ondelete="CASCADE"))
    author_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    body: Mapped[str] = mapped_column(EncryptedText)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Gift(UUIDPk, Base):
    """The gift of one pair: bought → sent → received. No row yet means ``pending``."""

    __tablename__ = "gifts"
    __table_args__ = (UniqueConstraint("draw_id"),)

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    #: The pair (a row of ``draws``): the santa and the giftee are named only there.
    draw_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("draws.id", ondelete="CASCADE"))
    status: Mapped[GiftStatus] = mapped_column(
        str_enum(GiftStatus, "gift_status"), default=GiftStatus.PENDING
    )
    carrier: Mapped[str | None] = mapped_column(String(100))
    tracking: Mapped[str | None] = mapped_column(EncryptedText)
    thank_you: Mapped[str | None] = mapped_column(EncryptedText)
    bought_at: Mapped[dt.datetime | None]
    sent_at: Mapped[dt.datetime | None]
    received_at: Mapped[dt.datetime | None]
    #: The giftee reported that nothing arrived.
    missing_reported_at: Mapped[dt.datetime | None]
    #: Not sent by the shipping deadline; the organizers were told.
    flagged_at: Mapped[dt.datetime | None]
    #: An organizer gave the giftee a backup santa for this gift.
    backup_assigned_at: Mapped[dt.datetime | None]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class BoxReveal(Base):
    """Per box: whether the organizer may reveal all pairs after the event, and when they did."""

    __tablename__ = "box_reveals"

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), primary_key=True
    )
    allow_reveal: Mapped[bool] = mapped_column(Boolean, default=False)
    revealed_at: Mapped[dt.datetime | None]
    revealed_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class DrawRecord(Base):
    """The engine's input of a draw run exactly as it saw it (published at the reveal)."""

    __tablename__ = "draw_records"

    run_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("draw_runs.id", ondelete="CASCADE"), primary_key=True
    )
    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    #: Canonical JSON of the engine input (participant ids, groups, exclusions, history).
    engine_input: Mapped[str] = mapped_column(EncryptedText)
    #: Repairs applied after the draw (the published pairs then differ from the seed's draw).
    repairs: Mapped[int] = mapped_column(Integer, default=0)
