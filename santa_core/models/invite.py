"""Email invitations. The code is looked up by its hash; it is also kept sealed
(encrypted) so that a reminder can repeat the link the first email carried."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from santa_core.db import Base, EncryptedText, UUIDPk, utcnow
from santa_core.models.enums import InviteStatus, str_enum


class EmailInvite(UUIDPk, Base):
    __tablename__ = "email_invites"
    __table_args__ = (
        UniqueConstraint("box_id", "email"),
        # The organizer's list of a box's invitations, newest first.
        Index("ix_email_invites_box_created", "box_id", "created_at", "email"),
    )

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), index=True
    )
    email: Mapped[str] = mapped_column(String(320))
    invite_code_hash: Mapped[str] = mapped_column(String(128), unique=True)
    #: The current code, encrypted: the invitation reminder repeats the same link.
    code_sealed: Mapped[str | None] = mapped_column(EncryptedText())
    status: Mapped[InviteStatus] = mapped_column(
        str_enum(InviteStatus, "invite_status"), default=InviteStatus.PENDING
    )
    invited_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    participant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="SET NULL")
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    last_sent_at: Mapped[dt.datetime | None]
    send_count: Mapped[int] = mapped_column(Integer, default=0)
    responded_at: Mapped[dt.datetime | None]
