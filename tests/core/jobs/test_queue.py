"""The Huey side: signals after commit, consumers in threads, the sweep, the schedule."""

from __future__ import annotations

import datetime as dt
import secrets
import time
import uuid
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import Engine, insert, select

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope, utcnow
from santa_core.jobs import build_jobs, make_huey
from santa_core.mail.smtp import SmtpBackend, SmtpConfig
from santa_core.models import OutboxStatus
from santa_core.notify import enqueue, rows_added
from tests.conftest import make_settings
from tests.core.jobs._support import INVITE, add_rows, count
from tests.peers._net import free_port
from tests.peers.smtp import SmtpSink


def smtp(port: int) -> SmtpBackend:
    return SmtpBackend(SmtpConfig("127.0.0.1", port, "santa@example.org", timeout=5))


def wait_until(predicate, timeout: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(0.05)


class TestMakeHuey:
    def test_backend_follows_the_settings(self, tmp_path: Path, redis_url: str) -> None:
        assert type(make_huey(make_settings(tmp_path))).__name__ == "SqliteHuey"
        assert (tmp_path / "jobs.db").exists()
        with_redis = make_settings(tmp_path, redis_url=redis_url)
        assert type(make_huey(with_redis)).__name__ == "RedisHuey"
        assert type(make_huey(with_redis, memory=True)).__name__ == "MemoryHuey"

    def test_tasks_and_schedule(self, settings: Settings, engine: Engine) -> None:
        jobs = build_jobs(
            settings,
            factory=make_sessionmaker(engine),
            huey=make_huey(settings, memory=True),
        )
        names = set(jobs.huey._registry._registry)
        expected = {
            "relay_outbox",
            "sweep_outbox",
            "send_reminders",
            "run_auto_draws",
            "expire_invites",
            "scrub_accounts",
            "purge_outbox",
        }
        assert {n.rsplit(".", 1)[-1] for n in names} >= expected
        at = dt.datetime(2026, 12, 1, 3, 17)
        due = {t.name for t in jobs.huey.read_periodic(at)}
        assert {"santa.scrub_accounts", "santa.run_auto_draws"} <= due
        assert "santa.purge_outbox" not in due
        assert "santa.send_reminders" not in due  # every 5 minutes only
        assert "santa.send_reminders" in {
            t.name for t in jobs.huey.read_periodic(at.replace(minute=20))
        }


class TestCommitSignal:
    def test_commit_delivers_and_rollback_does_not(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        with SmtpSink() as sink:
            jobs = build_jobs(
                settings,
                factory=factory,
                huey=make_huey(settings, immediate=True),
                email=smtp(sink.port),
            )
            jobs.install_commit_signal()
            with session_scope(factory) as session:
                enqueue(session, kind="invite", recipient="a@example.com", payload=INVITE)
            assert sink.count() == 1  # relayed in the commit's wake, no sweep needed
            session = factory()
            enqueue(session, kind="invite", recipient="b@example.com", payload=INVITE)
            session.flush()
            session.rollback()
            session.close()
            jobs.close()
            assert sink.count() == 1
            assert sink.received[0].rcpt_tos == ["a@example.com"]

    def test_bulk_inserts_and_announced_rows_ring_the_queue(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        rung: list[int] = []
        jobs = build_jobs(
            settings,
            factory=factory,
            huey=make_huey(settings, memory=True),
            email=smtp(free_port()),
        )
        jobs.signal_outbox = rung.append  # type: ignore[method-assign]
        jobs.install_commit_signal()
        row = {
            "kind": "invite",
            "recipient": "a@x.y",
            "payload": INVITE,
            "next_attempt_at": utcnow(),
        }
        with session_scope(factory) as session:
            session.execute(
                insert(models.OutboxMessage), [dict(row, id=uuid.uuid4()) for _ in range(3)]
            )
        with session_scope(factory) as session:  # e.g. PostgreSQL COPY on the raw connection
            rows_added(session, 7)
        with session_scope(factory) as session:  # nothing written: no signal
            session.execute(select(models.OutboxMessage.id))
        session = factory()
        rows_added(session, 5)
        session.rollback()
        session.close()
        jobs.close()
        assert rung == [3, 7]

    def test_unreachable_queue_does_not_fail_the_commit(
        self, settings: Settings, engine: Engine, caplog: pytest.LogCaptureFixture
    ) -> None:
        factory = make_sessionmaker(engine)
        broken = settings.model_copy(update={"redis_url": f"redis://127.0.0.1:{free_port()}/0"})
        jobs = build_jobs(broken, factory=factory, email=smtp(free_port()))
        jobs.install_commit_signal()
        with session_scope(factory) as session:
            enqueue(session, kind="invite", recipient="a@example.com", payload=INVITE)
        jobs.close()
        assert count(factory, OutboxStatus.PENDING) == 1
        assert "could not signal the job queue" in caplog.text


class TestConsumer:
    def test_redis_consumer_delivers_signalled_and_swept_rows(
        self, tmp_path: Path, engine: Engine, redis_url: str
    ) -> None:
        settings = make_settings(
            tmp_path,
            engine.url.render_as_string(hide_password=False),
            redis_url=redis_url,
            queue_name=f"test_{secrets.token_hex(4)}",
            outbox_sweep_seconds=1,
            worker_count=2,
        )
        factory = make_sessionmaker(engine)
        with SmtpSink() as sink:
            jobs = build_jobs(settings, factory=factory, email=smtp(sink.port))
            jobs.install_commit_signal()
            runner = jobs.embedded()
            runner.start()
            try:
                ids = add_rows(factory, 30)  # committed through the signalling factory
                sink.wait_for(30)
                # Rows written behind the queue's back (no signal) are found by the sweep.
                with engine.begin() as conn:
                    conn.execute(
                        insert(models.OutboxMessage),
                        [
                            {
                                "id": uuid.uuid4(),
                                "kind": "invite",
                                "recipient": f"late{i}@example.com",
                                "payload": INVITE,
                                "next_attempt_at": utcnow(),
                            }
                            for i in range(5)
                        ],
                    )
                sink.wait_for(35)
                ok, detail = jobs.probe(runner)
                assert ok, detail
                assert "redis queue" in detail
                assert "2 in-process worker(s)" in detail
            finally:
                runner.stop()
                stopped_ok, stopped_detail = jobs.probe(runner)
                jobs.huey.flush()
                jobs.close()
            refs = sink.references()
        assert all(refs[str(i)] == 1 for i in ids)
        assert Counter(refs.values()) == Counter({1: 35})
        assert not runner.alive()
        assert not stopped_ok
        assert "consumer is not running" in stopped_detail
