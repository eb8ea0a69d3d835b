"""Audit trail and the transactional outbox of notifications."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from santa_core.db import Base, EncryptedJSON, UUIDPk, utcnow
from santa_core.logs import current_request_id
from santa_core.models.enums import Channel, Language, OutboxStatus, str_enum


class AuditEvent(UUIDPk, Base):
    """Who did what to which thing, when. Never holds pair contents."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_box_time", "box_id", "created_at"),)

    box_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("boxes.id", ondelete="CASCADE"))
    actor_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    action: Mapped[str] = mapped_column(String(64))
    target_type: Mapped[str | None] = mapped_column(String(32))
    target_id: Mapped[uuid.UUID | None]
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class OutboxMessage(UUIDPk, Base):
    """A notification written in the same transaction as the action that causes it."""

    __tablename__ = "outbox_messages"
    __table_args__ = (Index("ix_outbox_messages_due", "status", "next_attempt_at"),)

    kind: Mapped[str] = mapped_column(String(64))
    channel: Mapped[Channel] = mapped_column(str_enum(Channel, "channel"), default=Channel.EMAIL)
    recipient_user_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    #: Email address, Telegram chat id or VK user id.
    recipient: Mapped[str] = mapped_column(String(320))
    language: Mapped[Language] = mapped_column(str_enum(Language, "language"), default=Language.EN)
    box_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("boxes.id", ondelete="SET NULL"))
    #: Encrypted (it names people: a santa's row names the giftee); emptied once delivered.
    payload: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    #: Makes a notification happen at most once (e.g. "reminder:signup:<box>:<user>").
    dedupe_key: Mapped[str | None] = mapped_column(String(255), unique=True)
    status: Mapped[OutboxStatus] = mapped_column(
        str_enum(OutboxStatus, "outbox_status"), default=OutboxStatus.PENDING
    )
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: A worker that claimed the row holds it until then (crash → it becomes due again).
    locked_until: Mapped[dt.datetime | None]
    provider_message_id: Mapped[str | None] = mapped_column(String(255))
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_at: Mapped[dt.datetime | None]
    #: The request (or job) that wrote the row: the worker's log lines about it carry it.
    request_id: Mapped[str | None] = mapped_column(String(128), default=current_request_id)
