"""Threads and messages of the actor's pairs: list, read, send, edit, delete.

Only the two sides of a pair reach its thread (:func:`santa_core.pair.service.resolve`);
organizers and superusers see no contents, whatever their role — there is no
organizer route here at all. A santa's message that names them is refused with
:class:`MessageRevealsSender` until they confirm. A new message notifies the other
side at most once per thread per hour (the outbox dedupe key carries the hour).
"""

from __future__ import annotations

import base64
import datetime as dt
import uuid

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from santa_core import crypto, events, models, notify
from santa_core.auth.ratelimit import Limits, RateLimiter, enforce_message_send
from santa_core.box import lifecycle
from santa_core.box.access import BoxAccess, load
from santa_core.box.lifecycle import Action
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import Conflict, Forbidden, InvalidInput, NotFound
from santa_core.message import guard
from santa_core.message.schemas import (
    Message,
    MessageCreate,
    MessagePage,
    MessageUpdate,
    Thread,
    ThreadList,
)
from santa_core.models import GiftStatus, Language, MessageSide
from santa_core.notify import links, payloads
from santa_core.pair.service import MyPair, my_pairs, resolve

_YOU = {Language.EN: "You", Language.RU: "Вы"}


class MessageRevealsSender(Conflict):
    code = "message_reveals_sender"
    default_message = (
        "This message contains your name, nickname, email or phone and would tell your "
        "giftee who you are. Send it with confirm_reveal to send it anyway."
    )


class MessageNotFound(NotFound):
    code = "message_not_found"
    default_message = "Message not found."


class NotYourMessage(Forbidden):
    code = "not_your_message"
    default_message = "Only the author can change or delete a message."


class MessageEditWindowClosed(Conflict):
    code = "message_edit_window_closed"
    default_message = "Messages can only be edited for a few minutes after sending."


class InvalidCursor(InvalidInput):
    code = "invalid_cursor"
    default_message = "The page cursor is invalid."


def messages_url(settings: Settings, box_id: uuid.UUID) -> str:
    return f"{links.box_url(settings, box_id)}/messages"


def _access(session: Session, actor: models.User, box_id: uuid.UUID) -> BoxAccess:
    access = load(session, actor, box_id)
    lifecycle.require(Action.VIEW_ASSIGNMENT, access.box.status)
    return access


def _thread_filter(pair: MyPair, box_id: uuid.UUID) -> list[ColumnElement[bool]]:
    M = models.Message
    return [M.box_id == box_id, M.draw_id == pair.draw_id]


def _other_side(pair: MyPair) -> MessageSide:
    return MessageSide.GIFTEE if pair.side is MessageSide.SANTA else MessageSide.SANTA


def _to_schema(
    settings: Settings, pair: MyPair, row: models.Message, language: Language
) -> Message:
    mine = row.sender is pair.side
    editable_until = None
    if mine and row.deleted_at is None:
        until = row.created_at + dt.timedelta(seconds=settings.message_edit_seconds)
        editable_until = until if until > utcnow() else None
    return Message(
        id=row.id,
        pair_id=pair.pair_id,
        author="me" if mine else row.sender.value,
        author_label=_YOU[language] if mine else pair.label,
        body=None if row.deleted_at is not None else row.body,
        created_at=row.created_at,
        edited_at=row.edited_at,
        deleted=row.deleted_at is not None,
        read=row.read_at is not None,
        editable_until=editable_until,
    )


def _unread(session: Session, box_id: uuid.UUID, pair: MyPair) -> int:
    M = models.Message
    return int(
        session.scalar(
            select(func.count()).where(
                *_thread_filter(pair, box_id),
                M.sender == _other_side(pair),
                M.read_at.is_(None),
                M.deleted_at.is_(None),
            )
        )
        or 0
    )


def list_threads(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    language: Language = Language.EN,
) -> ThreadList:
    access = _access(session, actor, box_id)
    M, G = models.Message, models.Gift
    items = []
    for pair in my_pairs(session, settings, access, language=language):
        count, last = session.execute(
            select(func.count(), func.max(M.created_at)).where(*_thread_filter(pair, box_id))
        ).one()
        status = session.scalar(select(G.status).where(G.draw_id == pair.draw_id))
        items.append(
            Thread(
                pair_id=pair.pair_id,
                my_role=pair.side,
                title=pair.label,
                santa_number=pair.santa_number,
                unread_count=_unread(session, box_id, pair),
                message_count=int(count or 0),
                last_message_at=last,
                gift_status=status or GiftStatus.PENDING,
            )
        )
    return ThreadList(items=items, unread_total=sum(t.unread_count for t in items))


def _encode_cursor(row: models.Message) -> str:
    raw = f"{row.created_at.isoformat()}|{row.id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[dt.datetime, uuid.UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        at, _, mid = raw.partition("|")
        when = dt.datetime.fromisoformat(at)
        if when.tzinfo is None:
            raise ValueError("naive")
        return when, uuid.UUID(mid)
    except ValueError:
        raise InvalidCursor() from None


def list_messages(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pair_id: str,
    /,
    *,
    before: str | None = None,
    limit: int = 50,
    language: Language = Language.EN,
) -> MessagePage:
    access = _access(session, actor, box_id)
    pair = resolve(session, settings, access, pair_id, language=language)
    M = models.Message
    stmt = select(M).where(*_thread_filter(pair, box_id))
    if before is not None:
        at, mid = _decode_cursor(before)
        stmt = stmt.where(or_(M.created_at < at, and_(M.created_at == at, M.id < mid)))
    rows = list(session.scalars(stmt.order_by(M.created_at.desc(), M.id.desc()).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    return MessagePage(
        items=[_to_schema(settings, pair, r, language) for r in rows],
        next_cursor=_encode_cursor(rows[-1]) if more and rows else None,
        unread_count=_unread(session, box_id, pair),
    )


def mark_read(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pair_id: str,
    /,
) -> int:
    """Mark the other side's messages of the thread read; returns how many were unread."""
    access = _access(session, actor, box_id)
    pair = resolve(session, settings, access, pair_id)
    M = models.Message
    result = session.execute(
        update(M)
        .where(*_thread_filter(pair, box_id), M.sender == _other_side(pair), M.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        events.publish(
            session,
            box_id,
            "messages_read",
            {"pair_id": pair.pair_id},
            audience=events.PARTICIPANT,
            participant_id=pair.other_id,
        )
    return count


def _guard(session: Session, access: BoxAccess, pair: MyPair, body: str, confirmed: bool) -> None:
    if pair.side is not MessageSide.SANTA or confirmed:
        return
    me = access.member
    assert me is not None
    user = access.actor
    who = guard.identity(
        names=(me.display_name, me.nickname, user.full_name),
        emails=(me.email, user.email),
        phones=(me.phone,),
    )
    found = guard.matches(body, who)
    if found:
        raise MessageRevealsSender(matches=found)


def _notify_other(
    session: Session, settings: Settings, access: BoxAccess, pair: MyPair, now: dt.datetime
) -> None:
    other = session.get(models.Participant, pair.other_id)
    if other is None or other.user_id is None:
        return
    user = session.get(models.User, other.user_id)
    if user is None or user.deleted_at is not None:
        return
    # The thread as the recipient names it: "Your Santa (2)" for a giftee, a name for a santa.
    theirs = my_pairs(session, settings, _as(access, other), language=user.language)
    title = next((p.label for p in theirs if p.pair_id == pair.pair_id), "")
    notify.send(
        session,
        user,
        payloads.NewMessage(
            box_name=access.box.name,
            thread_title=title,
            messages_url=messages_url(settings, access.box.id),
        ),
        box_id=access.box.id,
        # One notice per thread and recipient per hour, however many messages. Hashed: the
        # two sides' notices must not share a value that pairs them in the outbox table.
        dedupe_key="new_message:"
        + crypto.hash_token(f"{pair.pair_id}:{other.id}:{now.strftime('%Y-%m-%dT%H')}"),
    )


def _as(access: BoxAccess, member: models.Participant) -> BoxAccess:
    return BoxAccess(box=access.box, actor=access.actor, member=member)


def send_message(
    session: Session,
    settings: Settings,
    limiter: RateLimiter,
    actor: models.User,
    box_id: uuid.UUID,
    pair_id: str,
    /,
    *,
    data: MessageCreate,
    language: Language = Language.EN,
) -> Message:
    access = _access(session, actor, box_id)
    pair = resolve(session, settings, access, pair_id, language=language)
    _guard(session, access, pair, data.body, data.confirm_reveal)
    enforce_message_send(limiter, Limits.from_settings(settings), actor.id)
    now = utcnow()
    row = models.Message(
        box_id=box_id,
        draw_id=pair.draw_id,
        sender=pair.side,
        body=data.body,
        created_at=now,
    )
    session.add(row)
    session.flush()
    for target in (pair.other_id, access.member.id if access.member else None):
        if target is not None:
            events.publish(
                session,
                box_id,
                "message_new",
                {"pair_id": pair.pair_id, "message_id": str(row.id)},
                audience=events.PARTICIPANT,
                participant_id=target,
            )
    _notify_other(session, settings, access, pair, now)
    return _to_schema(settings, pair, row, language)


def _own_message(
    session: Session,
    settings: Settings,
    access: BoxAccess,
    pair_id: str,
    message_id: uuid.UUID,
    language: Language,
) -> tuple[MyPair, models.Message]:
    pair = resolve(session, settings, access, pair_id, language=language)
    M = models.Message
    row = session.scalars(
        select(M).where(*_thread_filter(pair, access.box.id), M.id == message_id)
    ).first()
    if row is None or row.deleted_at is not None:
        raise MessageNotFound()
    if row.sender is not pair.side:
        raise NotYourMessage()
    return pair, row


def _changed(session: Session, box_id: uuid.UUID, pair: MyPair, row: models.Message) -> None:
    events.publish(
        session,
        box_id,
        "message_changed",
        {"pair_id": pair.pair_id, "message_id": str(row.id)},
        audience=events.PARTICIPANT,
        participant_id=pair.other_id,
    )


def edit_message(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pair_id: str,
    message_id: uuid.UUID,
    /,
    *,
    data: MessageUpdate,
    language: Language = Language.EN,
) -> Message:
    access = _access(session, actor, box_id)
    pair, row = _own_message(session, settings, access, pair_id, message_id, language)
    now = utcnow()
    if now > row.created_at + dt.timedelta(seconds=settings.message_edit_seconds):
        raise MessageEditWindowClosed(seconds=settings.message_edit_seconds)
    _guard(session, access, pair, data.body, data.confirm_reveal)
    row.body = data.body
    row.edited_at = now
    session.flush()
    _changed(session, box_id, pair, row)
    return _to_schema(settings, pair, row, language)


def delete_message(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pair_id: str,
    message_id: uuid.UUID,
    /,
) -> None:
    access = _access(session, actor, box_id)
    pair, row = _own_message(session, settings, access, pair_id, message_id, Language.EN)
    row.deleted_at = utcnow()
    row.body = ""
    session.flush()
    _changed(session, box_id, pair, row)
