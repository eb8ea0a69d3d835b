"""Bulk inserts behave like ORM inserts; outbox rows written in bulk ring the job queue."""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models, notify
from santa_core.db import make_sessionmaker, session_scope
from santa_core.jobs.signal import install_commit_signal
from santa_core.kit.bulk import bulk_insert


class TestBulkInsert:
    def test_outbox_rows_ring_the_queue_after_commit(self, engine: Engine) -> None:
        factory = make_sessionmaker(engine)
        rung: list[int] = []
        stop = install_commit_signal(factory, rung.append)
        try:
            rows = [{"kind": "joined", "recipient": f"p{i}@example.com"} for i in range(25)]
            with session_scope(factory) as session:
                notify.add_rows(session, rows)
                assert rung == []  # never before the commit
        finally:
            stop()
        assert rung == [25]

    def test_defaults_and_types_match_orm_inserts(self, db: Session) -> None:
        bulk_insert(db, models.OutboxMessage, [{"kind": "joined", "recipient": "a@example.com"}])
        row = db.scalars(select(models.OutboxMessage)).one()
        assert row.status is models.OutboxStatus.PENDING
        assert row.attempts == 0
        assert row.payload == {}
        assert row.created_at.tzinfo is not None
