"""Live events of a box: written with the change that causes them, relayed after commit.

Every event is a row of ``box_events`` written in the caller's transaction, so
it exists exactly when the change committed; a reconnecting client reads what it
missed with :func:`list_events` (``after`` a cursor). Once the transaction
commits, :func:`install_publisher` hands the new events to a sink (the server's
WebSocket hub, in process or through Redis pub/sub).

Who may receive an event is part of the event (``audience``):

==============  ===========================================================
``members``     every member of the box (member joined/left, card updated,
                box status, draw done, announcement, reveal)
``organizers``  organizers and co-organizers (gift counts, flagged gifts)
``participant`` one participant (new message, gift status, assignment
                changed): a giftee's event never names their santa
==============  ===========================================================

Audited box actions become member events by themselves (:func:`from_audit`), so
a domain only publishes what the audit log does not already say.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.db import utcnow

log = logging.getLogger("santa.events")

MEMBERS, ORGANIZERS, PARTICIPANT = "members", "organizers", "participant"
_PENDING = "santa.events.pending"
_UNNUMBERED = "santa.events.unnumbered"

#: Audit action -> (event kind, keys of the audit details copied into the event).
AUDITED: dict[str, tuple[str, tuple[str, ...]]] = {
    "participant.joined": ("member_joined", ()),
    "participant.added": ("member_joined", ()),
    "participant.removed": ("member_left", ()),
    "participant.card_updated": ("card_updated", ("fields",)),
    "box.status_changed": ("box_status", ("from", "to")),
    "box.updated": ("box_updated", ()),
    "draw.completed": ("draw_done", ("round",)),
    "draw.pairs_revealed": ("pairs_revealed", ()),
}


@dataclass(frozen=True)
class LiveEvent:
    """A committed event, as the hub fans it out."""

    box_id: uuid.UUID
    seq: int
    kind: str
    audience: str
    participant_id: uuid.UUID | None
    data: dict[str, Any]
    at: str

    def as_message(self) -> dict[str, Any]:
        return {
            "type": "event",
            "box_id": str(self.box_id),
            "cursor": self.seq,
            "kind": self.kind,
            "data": self.data,
            "at": self.at,
        }

    def as_json(self) -> dict[str, Any]:
        return {
            **self.as_message(),
            "audience": self.audience,
            "participant_id": str(self.participant_id) if self.participant_id else None,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> LiveEvent:
        pid = raw.get("participant_id")
        return cls(
            box_id=uuid.UUID(raw["box_id"]),
            seq=int(raw["cursor"]),
            kind=str(raw["kind"]),
            audience=str(raw["audience"]),
            participant_id=uuid.UUID(pid) if pid else None,
            data=dict(raw.get("data") or {}),
            at=str(raw.get("at") or ""),
        )

    @classmethod
    def of(cls, row: models.BoxEvent) -> LiveEvent:
        return cls(
            box_id=row.box_id,
            seq=row.seq,
            kind=row.kind,
            audience=row.audience,
            participant_id=row.participant_id,
            data=dict(row.data or {}),
            at=row.created_at.isoformat(),
        )


@dataclass(frozen=True)
class Viewer:
    """Who receives: a member of one box."""

    participant_id: uuid.UUID
    is_organizer: bool

    def sees(self, audience: str, participant_id: uuid.UUID | None) -> bool:
        if audience == MEMBERS:
            return True
        if audience == ORGANIZERS:
            return self.is_organizer
        return participant_id == self.participant_id


def _take_seqs(session: Session, box_id: uuid.UUID, count: int) -> int:
    """Reserve ``count`` cursors of a box; returns the last one."""
    C = models.BoxEventCursor
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.execute(
        insert(C)
        .values(box_id=box_id, last_seq=0)
        .on_conflict_do_nothing(index_elements=["box_id"])
    )
    # The row lock taken here is held until commit: events of a box commit in seq order.
    seq = session.execute(
        update(C)
        .where(C.box_id == box_id)
        .values(last_seq=C.last_seq + count)
        .returning(C.last_seq)
    ).scalar_one()
    return int(seq)


def _number_pending(session: Session) -> None:
    """Give the transaction's new events their cursors and add them, just before it commits.

    The transaction's other writes are flushed first; the box's cursor row is then
    locked until the commit, so concurrent writers to one box queue for the commit
    alone, not for their whole transaction (an event row joins the session only now,
    so no earlier autoflush writes it).
    """
    rows: list[models.BoxEvent] = session.info.pop(_UNNUMBERED, [])
    if not rows:
        return
    session.flush()  # the transaction's own writes first, outside the cursor lock
    by_box: dict[uuid.UUID, list[models.BoxEvent]] = {}
    for row in rows:
        by_box.setdefault(row.box_id, []).append(row)
    for box_id in sorted(by_box, key=str):  # one lock order for every transaction
        batch = by_box[box_id]
        last = _take_seqs(session, box_id, len(batch))
        for offset, row in enumerate(batch):
            row.seq = last - len(batch) + 1 + offset
            session.add(row)


def _forget_pending(session: Session) -> None:
    session.info.pop(_UNNUMBERED, None)
    session.info.pop(_PENDING, None)


sa_event.listen(Session, "before_commit", _number_pending)
sa_event.listen(Session, "after_rollback", _forget_pending)


def publish(
    session: Session,
    box_id: uuid.UUID,
    kind: str,
    data: dict[str, Any] | None = None,
    *,
    audience: str = MEMBERS,
    participant_id: uuid.UUID | None = None,
) -> models.BoxEvent:
    """Write one event in the caller's transaction (relayed live after the commit)."""
    if (audience == PARTICIPANT) != (participant_id is not None):
        raise ValueError("a participant event needs exactly its participant_id")
    row = models.BoxEvent(
        box_id=box_id,
        kind=kind,
        audience=audience,
        participant_id=participant_id,
        data=data or {},
        created_at=utcnow(),
    )
    session.connection()  # in a transaction, so a rollback forgets the event (_forget_pending)
    session.info.setdefault(_UNNUMBERED, []).append(row)  # numbered at commit
    session.info.setdefault(_PENDING, []).append(row)
    return row


def from_audit(session: Session, audited: models.AuditEvent) -> None:
    """The member event an audited box action implies, if any."""
    mapped = AUDITED.get(audited.action)
    if mapped is None or audited.box_id is None:
        return
    kind, keys = mapped
    details = audited.details or {}
    data: dict[str, Any] = {k: details[k] for k in keys if k in details}
    if audited.target_type == "participant" and audited.target_id is not None:
        data["participant_id"] = str(audited.target_id)
    publish(session, audited.box_id, kind, data)


def visible(stmt: Any, viewer: Viewer) -> Any:
    E = models.BoxEvent
    clauses = [E.audience == MEMBERS, E.participant_id == viewer.participant_id]
    if viewer.is_organizer:
        clauses.append(E.audience == ORGANIZERS)
    return stmt.where(or_(*clauses))


def events_after(
    session: Session, box_id: uuid.UUID, viewer: Viewer, *, after: int, limit: int
) -> list[LiveEvent]:
    E = models.BoxEvent
    stmt = select(E).where(E.box_id == box_id, E.seq > after)
    rows = session.scalars(visible(stmt, viewer).order_by(E.seq).limit(limit)).all()
    return [LiveEvent.of(r) for r in rows]


def last_seq(session: Session, box_id: uuid.UUID) -> int:
    C = models.BoxEventCursor
    return int(session.scalar(select(C.last_seq).where(C.box_id == box_id)) or 0)


Sink = Callable[[Sequence[LiveEvent]], None]

#: The Redis pub/sub channel every API process listens on (``santa_server.ws``).
CHANNEL = "santa:events"


class RedisSink:
    """Publish committed events to Redis (API processes and ``santa worker`` alike)."""

    def __init__(self, url: str, channel: str = CHANNEL) -> None:
        import redis

        self.channel = channel
        self.client = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    def __call__(self, batch: Sequence[LiveEvent]) -> None:
        import json

        pipe = self.client.pipeline(transaction=False)
        for event in batch:
            pipe.publish(self.channel, json.dumps(event.as_json(), separators=(",", ":")))
        pipe.execute()

    def close(self) -> None:
        self.client.close()


def redis_sink(url: str, channel: str = CHANNEL) -> RedisSink:
    return RedisSink(url, channel)


def install_publisher(factory: sessionmaker[Session], sink: Sink) -> Callable[[], None]:
    """After each commit that wrote events, hand them to ``sink``; returns a remover."""

    def after_commit(session: Session) -> None:
        rows = session.info.pop(_PENDING, None)
        if not rows:
            return
        try:
            sink([LiveEvent.of(r) for r in rows])
        except Exception:
            log.warning("could not relay live events (clients catch up over REST)", exc_info=True)

    def after_rollback(session: Session) -> None:
        session.info.pop(_PENDING, None)

    sa_event.listen(factory, "after_commit", after_commit)
    sa_event.listen(factory, "after_rollback", after_rollback)

    def remove() -> None:
        for name, fn in (("after_commit", after_commit), ("after_rollback", after_rollback)):
            if sa_event.contains(factory, name, fn):
                sa_event.remove(factory, name, fn)

    return remove


__all__ = [
    "AUDITED",
    "CHANNEL",
    "MEMBERS",
    "ORGANIZERS",
    "PARTICIPANT",
    "LiveEvent",
    "RedisSink",
    "Viewer",
    "events_after",
    "from_audit",
    "install_publisher",
    "last_seq",
    "publish",
    "redis_sink",
]
