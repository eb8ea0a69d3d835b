"""Reading a box's events as a member: what a reconnecting client missed."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import events, models
from santa_core.box.access import load
from santa_core.errors import BoxNotFound


class BoxEvent(BaseModel):
    cursor: int
    kind: str
    data: dict[str, Any]
    at: dt.datetime


class BoxEventPage(BaseModel):
    """Events after the given cursor, oldest first; ``cursor`` is where to continue."""

    items: list[BoxEvent]
    cursor: int
    has_more: bool


def viewer_of(member: models.Participant) -> events.Viewer:
    return events.Viewer(participant_id=member.id, is_organizer=member.is_organizer)


def list_box_events(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, after: int = 0, limit: int = 100
) -> BoxEventPage:
    access = load(session, actor, box_id)
    if access.member is None:
        raise BoxNotFound()  # events are for members (a superuser outside the box has none)
    rows = events.events_after(
        session, access.box.id, viewer_of(access.member), after=after, limit=limit + 1
    )
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1].seq if rows else max(after, 0)
    if not more and not rows:
        last = max(after, 0)
    return BoxEventPage(
        items=[
            BoxEvent(cursor=r.seq, kind=r.kind, data=r.data, at=dt.datetime.fromisoformat(r.at))
            for r in rows
        ],
        cursor=last,
        has_more=more,
    )


def memberships(
    session: Session, user_id: uuid.UUID, box_ids: list[uuid.UUID] | None = None
) -> dict[uuid.UUID, events.Viewer]:
    """The boxes a user may follow live, with who they are in each."""
    P, B = models.Participant, models.Box
    stmt = select(P).join(B, B.id == P.box_id).where(P.user_id == user_id, B.deleted_at.is_(None))
    if box_ids is not None:
        stmt = stmt.where(P.box_id.in_(box_ids))
    return {p.box_id: viewer_of(p) for p in session.scalars(stmt)}
