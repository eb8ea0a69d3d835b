"""Live events of a box, persisted so a reconnecting client can catch up by cursor.

``seq`` is per box and strictly increasing in commit order: it is taken from
``box_event_cursors`` with an ``UPDATE … RETURNING`` whose row lock is held to
the end of the writing transaction, so no event can commit behind a later one.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from santa_core.db import Base, EncryptedJSON, UUIDPk, utcnow


class BoxEventCursor(Base):
    __tablename__ = "box_event_cursors"

    box_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("boxes.id", ondelete="CASCADE"), primary_key=True
    )
    last_seq: Mapped[int] = mapped_column(BigInteger, default=0)


class BoxEvent(UUIDPk, Base):
    """One event; ``audience`` says who may receive it (see :mod:`santa_core.events`)."""

    __tablename__ = "box_events"
    __table_args__ = (
        UniqueConstraint("box_id", "seq"),
        Index("ix_box_events_created", "created_at"),
    )

    box_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("boxes.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(BigInteger)
    kind: Mapped[str] = mapped_column(String(64))
    #: ``members``, ``organizers`` or ``participant`` (only ``participant_id``).
    audience: Mapped[str] = mapped_column(String(16))
    participant_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE"), index=True
    )
    #: Encrypted at rest: the two sides of a pair get events naming the same pair
    #: (``pair_id``, ``message_id``), which in clear would pair their participant ids.
    data: Mapped[dict[str, Any]] = mapped_column(EncryptedJSON, default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
