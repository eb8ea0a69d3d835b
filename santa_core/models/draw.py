"""Draw results: one run per box draw, its pairs, and history across years."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from santa_core.db import Base, UUIDPk, utcnow


class DrawRun(UUIDPk, Base):
    """One execution of the engine on a box. A box has at most one current run."""

    __tablename__ = "draw_runs"
    __table_args__ = (UniqueConstraint("box_id", "round"),)

    box_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("boxes.id", ondelete="CASCADE"))
    #: 1 for the first draw; a redraw after a reset takes the next number.
    round: Mapped[int] = mapped_column(Integer, default=1)
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    method: Mapped[str] = mapped_column(String(64))
    engine_version: Mapped[str] = mapped_column(String(32))
    #: Published before the draw; the seed is kept to let anyone verify the run.
    commitment: Mapped[str | None] = mapped_column(String(128))
    seed: Mapped[str | None] = mapped_column(String(128))
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Draw(UUIDPk, Base):
    """One assignment: ``santa`` gives a gift to ``giftee``."""

    __tablename__ = "draws"
    __table_args__ = (
        UniqueConstraint("box_id", "santa_participant_id", "slot"),
        UniqueConstraint("box_id", "giftee_participant_id", "santa_participant_id"),
        Index("ix_draws_giftee", "giftee_participant_id"),
    )

    box_id: Mapped[uuid.UUID] = mapped_column(
        # No index of its own: the unique (box_id, santa, slot) constraint leads with it.
        ForeignKey("boxes.id", ondelete="CASCADE")
    )
    run_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("draw_runs.id", ondelete="CASCADE"), index=True
    )
    santa_participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    giftee_participant_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("participants.id", ondelete="CASCADE")
    )
    #: 0..k-1 when each person gives k gifts.
    slot: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    #: Set when a repair or an organizer override changed this pair.
    override_by: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )


class DrawHistory(UUIDPk, Base):
    """Past pairs of a box series, keyed by person, so renewals avoid repeats."""

    __tablename__ = "draw_history"
    __table_args__ = (
        UniqueConstraint("series_id", "year", "santa_person_key", "giftee_person_key"),
    )

    series_id: Mapped[uuid.UUID] = mapped_column(index=True)
    box_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("boxes.id", ondelete="SET NULL"))
    year: Mapped[int] = mapped_column(Integer)
    santa_person_key: Mapped[uuid.UUID]
    giftee_person_key: Mapped[uuid.UUID]
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
