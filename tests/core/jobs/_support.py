"""Helpers for job tests: a controllable clock, committed outbox rows, a relay."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope, utcnow
from santa_core.jobs.relay import Relay, RelayPolicy
from santa_core.mail import EmailBackend
from santa_core.models import OutboxStatus
from santa_core.notify import enqueue
from tests.factories import make_outbox_row


class Clock:
    def __init__(self, start: dt.datetime | None = None) -> None:
        self.now = start or utcnow() + dt.timedelta(seconds=1)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta: float) -> dt.datetime:
        self.now += dt.timedelta(**delta)
        return self.now

    def set(self, when: dt.datetime) -> None:
        self.now = when


INVITE = {
    "box_name": "Office",
    "inviter_name": "Marta",
    "accept_url": "https://santa.test/invites/abc",
}


def add_rows(
    factory: sessionmaker[Session],
    n: int,
    *,
    kind: str = "invite",
    checked: bool = True,
    **kw: Any,
) -> list[uuid.UUID]:
    """``n`` outbox rows; ``checked=False`` stores them as given (broken rows, unknown kinds)."""
    ids = []
    write = enqueue if checked else make_outbox_row
    with session_scope(factory) as session:
        for i in range(n):
            row = write(
                session,
                kind=kind,
                recipient=kw.get("recipient") or f"guest{i}@example.com",
                language=models.Language(kw.get("language", "en")),
                payload=kw.get("payload", INVITE),
                recipient_user_id=kw.get("recipient_user_id"),
            )
            assert row is not None
            if "next_attempt_at" in kw:
                row.next_attempt_at = kw["next_attempt_at"]
            session.flush()
            ids.append(row.id)
    return ids


def statuses(factory: sessionmaker[Session]) -> dict[uuid.UUID, models.OutboxMessage]:
    with session_scope(factory) as session:
        rows = session.scalars(select(models.OutboxMessage)).all()
        for r in rows:
            session.expunge(r)
        return {r.id: r for r in rows}


def count(factory: sessionmaker[Session], status: OutboxStatus) -> int:
    return sum(1 for r in statuses(factory).values() if r.status is status)


def make_relay(
    settings: Settings,
    engine: Engine,
    email: EmailBackend,
    *,
    clock: Clock | None = None,
    **policy: Any,
) -> Relay:
    base = RelayPolicy.from_settings(settings)
    values = {
        "batch_size": base.batch_size,
        "lease": base.lease,
        "max_attempts": base.max_attempts,
        "retry_base": base.retry_base,
    }
    values.update(policy)
    return Relay(
        settings,
        make_sessionmaker(engine),
        email=email,
        policy=RelayPolicy(**values),
        clock=clock or Clock(),
    )
