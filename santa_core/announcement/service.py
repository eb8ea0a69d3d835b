"""Organizers post to every member; every member lists them; members are notified."""

from __future__ import annotations

import base64
import datetime as dt
import uuid

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from santa_core import audit, events, models, notify
from santa_core.announcement.schemas import Announcement, AnnouncementCreate, AnnouncementPage
from santa_core.box.access import BoxAccess, load
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import BoxNotEditable, InvalidInput
from santa_core.models import BoxStatus
from santa_core.notify import links, payloads
from santa_core.pair.service import shown


class InvalidAnnouncementCursor(InvalidInput):
    code = "invalid_cursor"
    default_message = "The page cursor is invalid."


def _author(session: Session, box: models.Box, user_id: uuid.UUID | None) -> str:
    if user_id is None:
        return ""
    P = models.Participant
    member = session.scalars(select(P).where(P.box_id == box.id, P.user_id == user_id)).first()
    if member is not None:
        return shown(box, member)
    return ""


def _to_schema(session: Session, box: models.Box, row: models.Announcement) -> Announcement:
    return Announcement(
        id=row.id,
        box_id=row.box_id,
        author_name=_author(session, box, row.author_user_id),
        body=row.body,
        created_at=row.created_at,
    )


def post_announcement(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    data: AnnouncementCreate,
) -> Announcement:
    access: BoxAccess = load(session, actor, box_id, manage=True)
    box = access.box
    if box.status is BoxStatus.ARCHIVED:
        raise BoxNotEditable("An archived box takes no announcements.", status=box.status.value)
    now = utcnow()
    row = models.Announcement(
        box_id=box.id, author_user_id=actor.id, body=data.body, created_at=now
    )
    session.add(row)
    session.flush()
    audit.record(
        session,
        actor,
        "announcement.posted",
        box_id=box.id,
        target_type="announcement",
        target_id=row.id,
    )
    events.publish(session, box.id, "announcement", {"announcement_id": str(row.id)})
    author = _author(session, box, actor.id)
    U, P = models.User, models.Participant
    payload = payloads.AnnouncementPosted(
        box_name=box.name,
        author_name=author or "—",
        body=data.body,
        box_url=links.box_url(settings, box.id),
    )
    # One bulk insert for the whole box (a 1,000-member box is one statement, not 1,000).
    rows = [
        notify.row(
            payload,
            recipient=email,
            language=language,
            recipient_user_id=uid,
            box_id=box.id,
            dedupe_key=f"announcement:{row.id}:{uid}",
            now=now,
        )
        for uid, email, language in session.execute(
            select(U.id, U.email, U.language)
            .join(P, P.user_id == U.id)
            .where(P.box_id == box.id, U.deleted_at.is_(None), U.id != actor.id)
        )
    ]
    notify.add_rows(session, rows)
    return _to_schema(session, box, row)


def _cursor(row: models.Announcement) -> str:
    raw = f"{row.created_at.isoformat()}|{row.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode(cursor: str) -> tuple[dt.datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, rid = raw.partition("|")
        when = dt.datetime.fromisoformat(at)
        if when.tzinfo is None:
            raise ValueError("naive")
        return when, uuid.UUID(rid)
    except ValueError:
        raise InvalidAnnouncementCursor() from None


def list_announcements(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    before: str | None = None,
    limit: int = 50,
) -> AnnouncementPage:
    access = load(session, actor, box_id)
    A = models.Announcement
    stmt = select(A).where(A.box_id == access.box.id)
    if before is not None:
        at, rid = _decode(before)
        stmt = stmt.where(or_(A.created_at < at, and_(A.created_at == at, A.id < rid)))
    rows = list(session.scalars(stmt.order_by(A.created_at.desc(), A.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return AnnouncementPage(
        items=[_to_schema(session, access.box, r) for r in rows],
        next_cursor=_cursor(rows[-1]) if more and rows else None,
    )
