"""Delivering the outbox: claim due rows, send them, record what happened.

The outbox table is the source of truth; the queue only says "look now".

1. **Claim** (one short transaction): pick due rows — pending and due, or
   ``sending`` with an expired lease (their worker died) — oldest first, with
   ``FOR UPDATE SKIP LOCKED`` on PostgreSQL (SQLite's ``BEGIN IMMEDIATE``
   serializes claimers), mark them ``sending`` with ``locked_until = now +
   lease`` and one more attempt. Rows that must not go out (opted out,
   unknown kind, broken payload) are closed in the same transaction.
2. **Send** in chunks of the channel's batch size, never past the lease:
   rows whose lease is about to run out are handed back untried.
3. **Record** each chunk in its own transaction right after its send: ``sent``
   with the provider's id; a transient error goes back to ``pending`` with
   exponential backoff until the last attempt, then to ``failed`` (the dead
   letter); a permanent error goes straight to ``failed``.

Two workers never send the same row (the claim is exclusive). A worker
killed between a send and its record repeats only that chunk once the lease
expires: with per-message backends (SMTP, files, chat) one message per
worker thread; with SendGrid one request.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, cast

from sqlalchemy import Engine, Table, and_, bindparam, case, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from santa_core import logs, models
from santa_core.config import Settings
from santa_core.db import EncryptedJSON, make_engine, session_scope, utcnow
from santa_core.mail.base import EmailBackend, Outcome, SendError, Sent, TransientSendError
from santa_core.models import Channel, OutboxStatus
from santa_core.notify.channels import ChatChannel
from santa_core.notify.dispatch import Delivery, Dispatcher, OutboxRow, Verdict

log = logging.getLogger("santa.jobs.relay")

Outbox = models.OutboxMessage
_table = cast(Table, Outbox.__table__)

#: Rows are handed back when less than this much of their lease is left.
LEASE_MARGIN = dt.timedelta(seconds=1)
MAX_BACKOFF = dt.timedelta(hours=1)


@dataclass(frozen=True)
class RelayPolicy:
    batch_size: int = 50
    lease: dt.timedelta = dt.timedelta(seconds=120)
    max_attempts: int = 8
    retry_base: dt.timedelta = dt.timedelta(seconds=30)

    @classmethod
    def from_settings(cls, settings: Settings) -> RelayPolicy:
        return cls(
            batch_size=settings.outbox_batch_size,
            lease=dt.timedelta(seconds=settings.outbox_lease_seconds),
            max_attempts=settings.outbox_max_attempts,
            retry_base=dt.timedelta(seconds=settings.outbox_retry_base_seconds),
        )

    def backoff(self, attempts: int) -> dt.timedelta:
        """Wait before the next try after ``attempts`` failed ones: base, 2×base, 4×base…"""
        return min(self.retry_base * (1 << min(max(attempts - 1, 0), 20)), MAX_BACKOFF)


@dataclass
class RelayStats:
    claimed: int = 0
    sent: int = 0
    retried: int = 0
    failed: int = 0
    suppressed: int = 0
    released: int = 0
    #: The drain stopped on its time budget with rows still due.
    more: bool = False
    errors: list[str] = field(default_factory=list)

    def add(self, other: RelayStats) -> None:
        for name in ("claimed", "sent", "retried", "failed", "suppressed", "released"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.errors.extend(other.errors[:5])


def due_clause(now: dt.datetime) -> Any:
    return or_(
        and_(Outbox.status == OutboxStatus.PENDING, Outbox.next_attempt_at <= now),
        and_(Outbox.status == OutboxStatus.SENDING, Outbox.locked_until <= now),
    )


class ClaimedRow(OutboxRow, Protocol):
    status: OutboxStatus
    attempts: int


def claim(
    session: Session, *, now: dt.datetime, limit: int, lease: dt.timedelta
) -> list[ClaimedRow]:
    """Take up to ``limit`` due rows for this worker (the caller commits right after)."""
    ids = list(
        session.scalars(
            select(Outbox.id)
            .where(due_clause(now))
            .order_by(Outbox.next_attempt_at, Outbox.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
    )
    if not ids:
        return []
    session.execute(
        update(Outbox)
        .where(Outbox.id.in_(ids))
        .values(
            status=OutboxStatus.SENDING,
            locked_until=now + lease,
            attempts=Outbox.attempts + 1,
        )
        .execution_options(synchronize_session=False)
    )
    rows = session.execute(
        select(
            Outbox.id,
            Outbox.kind,
            Outbox.channel,
            Outbox.recipient,
            Outbox.recipient_user_id,
            Outbox.language,
            Outbox.box_id,
            Outbox.payload,
            Outbox.status,
            Outbox.attempts,
            Outbox.request_id,
        )
        .where(Outbox.id.in_(ids))
        .order_by(Outbox.next_attempt_at, Outbox.id)
    ).all()
    return cast(list[ClaimedRow], list(rows))


def count_due(session: Session, *, now: dt.datetime, cap: int) -> int:
    inner = select(Outbox.id).where(due_clause(now)).limit(cap).subquery()
    return int(session.scalar(select(func.count()).select_from(inner)) or 0)


#: Built once: constructing an UPDATE per message costs more CPU than sending it.
_RECORD = (
    _table.update()
    .where(
        _table.c.id.in_(bindparam("b_ids", expanding=True)),
        _table.c.status == OutboxStatus.SENDING.value,
    )
    .values(
        status=bindparam("b_status"),
        provider_message_id=bindparam("b_provider"),
        last_error=bindparam("b_error"),
        next_attempt_at=bindparam("b_next"),
        sent_at=bindparam("b_sent_at"),
        locked_until=None,
        # A delivered message keeps no payload: it named people (a santa's giftee).
        payload=case(
            (
                bindparam("b_status") == OutboxStatus.SENT.value,
                bindparam("b_empty", type_=EncryptedJSON()),
            ),
            else_=_table.c.payload,
        ),
    )
)


class Relay:
    """Delivers due outbox rows through the configured channels."""

    def __init__(
        self,
        settings: Settings,
        factory: sessionmaker[Session],
        *,
        email: EmailBackend,
        chat: dict[Channel, ChatChannel] | None = None,
        dispatcher: Dispatcher | None = None,
        policy: RelayPolicy | None = None,
        clock: Callable[[], dt.datetime] = utcnow,
    ) -> None:
        self.settings = settings
        self.factory = factory
        self.email = email
        self.chat = chat or {}
        self.dispatcher = dispatcher or Dispatcher(settings, chat_channels=list(self.chat))
        self.policy = policy or RelayPolicy.from_settings(settings)
        self.clock = clock
        self._record_engine: Engine | None = None
        self._record_engine_checked = False

    # --- the loop -----------------------------------------------------------------

    def drain(self, *, max_seconds: float | None = None) -> RelayStats:
        """Relay batches until nothing is due (or the time budget is spent)."""
        total = RelayStats()
        started = time.monotonic()
        while True:
            batch = self.relay_batch()
            total.add(batch)
            if batch.claimed == 0:
                return total
            if max_seconds is not None and time.monotonic() - started >= max_seconds:
                total.more = True
                return total

    def relay_batch(self) -> RelayStats:
        stats = RelayStats()
        now = self.clock()
        with session_scope(self.factory) as session:
            rows = claim(session, now=now, limit=self.policy.batch_size, lease=self.policy.lease)
            if not rows:
                return stats
            stats.claimed = len(rows)
            attempts = {row.id: row.attempts for row in rows}
            request_ids = {row.id: getattr(row, "request_id", None) for row in rows}
            prepared = self.dispatcher.prepare(session, rows)
            verdicts = [p for p in prepared if isinstance(p, Verdict)]
            for verdict in verdicts:
                self._close(session, verdict, now)
                if verdict.status is OutboxStatus.SUPPRESSED:
                    stats.suppressed += 1
                else:
                    stats.failed += 1
                    stats.errors.append(verdict.reason)
        deadline = time.monotonic() + (self.policy.lease - LEASE_MARGIN).total_seconds()
        deliveries = [p for p in prepared if isinstance(p, Delivery)]
        self._send_all(deliveries, attempts, deadline, stats, request_ids)
        return stats

    # --- sending ------------------------------------------------------------------

    def _send_all(
        self,
        deliveries: Sequence[Delivery],
        attempts: dict[uuid.UUID, int],
        deadline: float,
        stats: RelayStats,
        request_ids: dict[uuid.UUID, str | None] | None = None,
    ) -> None:
        emails = [d for d in deliveries if d.email is not None]
        chats = [d for d in deliveries if d.chat is not None]
        chunks: list[list[Delivery]] = list(_chunks(emails, self.email.max_batch))
        chunks.extend([d] for d in chats)
        for index, chunk in enumerate(chunks):
            if time.monotonic() >= deadline:
                rest = [d.row_id for c in chunks[index:] for d in c]
                self._release(rest)
                stats.released += len(rest)
                log.warning("lease nearly over: handed %d row(s) back", len(rest))
                return
            with logs.request_id_bound(_chunk_request_id(chunk, request_ids or {})):
                outcomes = self._send_chunk(chunk)
                self._record(chunk, outcomes, attempts, stats)
                log.debug("outbox: delivered a chunk of %d", len(chunk))

    def _send_chunk(self, chunk: Sequence[Delivery]) -> list[Outcome]:
        first = chunk[0]
        try:
            if first.email is not None:
                return self.email.send([d.email for d in chunk if d.email is not None])
            channel = self.chat.get(first.channel)
            if channel is None or first.chat is None:
                return [TransientSendError(f"the {first.channel.value} channel is not configured")]
            return [channel.send(first.chat)]
        except Exception as exc:  # a backend bug must not strand rows in "sending"
            log.exception("sending failed unexpectedly")
            return [TransientSendError(f"{type(exc).__name__}: {exc}") for _ in chunk]

    def _record(
        self,
        chunk: Sequence[Delivery],
        outcomes: Sequence[Outcome],
        attempts: dict[uuid.UUID, int],
        stats: RelayStats,
    ) -> None:
        now = self.clock()
        params = []
        for delivery, outcome in zip(chunk, outcomes, strict=True):
            row: dict[str, Any] = {
                "b_id": delivery.row_id,
                "b_provider": None,
                "b_error": None,
                "b_next": now,
                "b_sent_at": None,
            }
            if isinstance(outcome, Sent):
                row.update(b_status=OutboxStatus.SENT, b_provider=outcome.provider_message_id)
                row["b_sent_at"] = now
                stats.sent += 1
            else:
                assert isinstance(outcome, SendError)
                tries = attempts[delivery.row_id]
                row["b_error"] = str(outcome)[:2000]
                if outcome.permanent or tries >= self.policy.max_attempts:
                    row["b_status"] = OutboxStatus.FAILED
                    stats.failed += 1
                    log.warning("outbox %s failed for good: %s", delivery.row_id, outcome)
                else:
                    row["b_status"] = OutboxStatus.PENDING
                    row["b_next"] = now + self.policy.backoff(tries)
                    stats.retried += 1
                stats.errors.append(str(outcome))
            params.append(row)
        # Rows with the same outcome (a SendGrid batch) are recorded in one statement.
        groups: dict[tuple[Any, ...], list[uuid.UUID]] = {}
        for p in params:
            key = (p["b_status"], p["b_provider"], p["b_error"], p["b_next"], p["b_sent_at"])
            groups.setdefault(key, []).append(p["b_id"])
        records = [
            {
                "b_ids": ids,
                "b_status": status.value,
                "b_provider": provider,
                "b_error": error,
                "b_next": next_at,
                "b_sent_at": sent_at,
                "b_empty": {},
            }
            for (status, provider, error, next_at, sent_at), ids in groups.items()
        ]
        if not self._record_engine_checked:
            self._record_engine_checked = True
            self._record_engine = _record_engine(self.factory)
        if self._record_engine is not None and len(records) == 1:
            # One autocommitted statement: a single round trip, no fsync wait.
            with self._record_engine.connect() as conn:
                conn.execute(_RECORD, records[0])
            return
        with session_scope(self.factory) as session:
            for record in records:
                session.connection().execute(_RECORD, record)

    def _close(self, session: Session, verdict: Verdict, now: dt.datetime) -> None:
        session.execute(
            update(Outbox)
            .where(Outbox.id == verdict.row_id)
            .values(status=verdict.status, last_error=verdict.reason[:2000], locked_until=None)
            .execution_options(synchronize_session=False)
        )

    def _release(self, ids: Sequence[uuid.UUID]) -> None:
        with session_scope(self.factory) as session:
            session.execute(
                update(Outbox)
                .where(Outbox.id.in_(ids), Outbox.status == OutboxStatus.SENDING)
                .values(
                    status=OutboxStatus.PENDING,
                    locked_until=None,
                    attempts=Outbox.attempts - 1,
                )
                .execution_options(synchronize_session=False)
            )

    def close(self) -> None:
        self.email.close()
        if self._record_engine is not None:
            self._record_engine.dispose()
            self._record_engine = None
            self._record_engine_checked = False


def _record_engine(factory: sessionmaker[Session]) -> Engine | None:
    """On PostgreSQL, a small autocommit engine that records sends without an fsync wait.

    Losing such a record to a database crash means the row is sent once more
    after its lease; waiting for the disk on every message would cap the
    throughput of a worker. Business transactions never use this engine.
    """
    bind = factory.kw.get("bind")
    if not isinstance(bind, Engine) or bind.dialect.name != "postgresql":
        return None
    engine = make_engine(
        bind.url,
        pool_size=4,
        max_overflow=16,
        connect_args={"options": "-c synchronous_commit=off"},
    )
    return engine.execution_options(isolation_level="AUTOCOMMIT")


def _chunk_request_id(
    chunk: Sequence[Delivery], request_ids: dict[uuid.UUID, str | None]
) -> str | None:
    """The id of the request(s) that wrote these rows (a draw's batch shares one)."""
    ids = sorted({i for d in chunk if (i := request_ids.get(d.row_id))})
    if not ids:
        return logs.current_request_id()
    return ",".join(ids[:3]) + (",..." if len(ids) > 3 else "")


def _chunks(items: Sequence[Delivery], size: int) -> Iterator[list[Delivery]]:
    for start in range(0, len(items), max(size, 1)):
        yield list(items[start : start + size])
