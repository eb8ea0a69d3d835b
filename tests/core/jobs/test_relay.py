"""The outbox relay against a real SMTP server and a SendGrid fake, on both databases."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope
from santa_core.jobs.relay import claim
from santa_core.mail.sendgrid import SendGridBackend
from santa_core.mail.smtp import SmtpBackend, SmtpConfig
from santa_core.models import OutboxStatus
from santa_core.notify import enqueue
from tests.core.jobs._support import INVITE, Clock, add_rows, count, make_relay, statuses
from tests.factories import make_user
from tests.peers._net import free_port
from tests.peers.sendgrid import FakeSendGrid
from tests.peers.smtp import SmtpSink

SENDER = "Santa <santa@example.org>"


def smtp(port: int) -> SmtpBackend:
    return SmtpBackend(SmtpConfig("127.0.0.1", port, SENDER, timeout=5))


class TestDelivery:
    def test_pending_rows_are_sent_and_marked_with_the_provider_id(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        ids = add_rows(factory, 5)
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port))
            stats = relay.drain()
            relay.close()
            got = sink.wait_for(5)
        assert stats.sent == 5
        assert stats.claimed == 5
        assert sorted(r.reference for r in got) == sorted(str(i) for i in ids)
        rows = statuses(factory)
        for row_id in ids:
            row = rows[row_id]
            assert row.status is OutboxStatus.SENT
            assert row.provider_message_id == f"<{row_id}@example.org>"
            assert row.sent_at is not None
            assert row.locked_until is None
            assert row.attempts == 1
        assert relay.drain().claimed == 0  # nothing is sent twice
        relay.close()

    def test_rolled_back_action_sends_nothing(self, settings: Settings, engine: Engine) -> None:
        factory = make_sessionmaker(engine)

        def action_that_fails() -> None:
            with session_scope(factory) as session:
                user = make_user(session)
                enqueue(session, kind="invite", recipient=user.email, payload=INVITE)
                session.flush()
                raise RuntimeError("the action failed")

        with pytest.raises(RuntimeError):
            action_that_fails()
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port))
            assert relay.drain().claimed == 0
            relay.close()
            assert sink.count() == 0
        assert statuses(factory) == {}

    def test_not_yet_due_rows_wait(self, settings: Settings, engine: Engine) -> None:
        factory = make_sessionmaker(engine)
        clock = Clock()
        add_rows(factory, 2, next_attempt_at=clock.now + dt.timedelta(minutes=5))
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port), clock=clock)
            assert relay.drain().claimed == 0
            clock.advance(minutes=5)
            assert relay.drain().sent == 2
            relay.close()

    def test_two_workers_racing_deliver_each_row_once(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        ids = add_rows(factory, 120)
        with SmtpSink() as sink:
            relays = [make_relay(settings, engine, smtp(sink.port), batch_size=7) for _ in range(3)]
            threads = [threading.Thread(target=r.drain) for r in relays]
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
            for r in relays:
                r.close()
            sink.wait_for(120)
            refs = sink.references()
        assert refs == Counter({str(i): 1 for i in ids})
        assert count(factory, OutboxStatus.SENT) == 120


class TestCrashAndLease:
    def test_claim_of_a_dead_worker_expires_and_the_row_is_sent(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        clock = Clock()
        (row_id,) = add_rows(factory, 1)
        lease = dt.timedelta(seconds=30)
        with session_scope(factory) as session:  # a worker claims, then dies
            (claimed,) = claim(session, now=clock.now, limit=10, lease=lease)
            assert claimed.id == row_id
            assert claimed.status is OutboxStatus.SENDING
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port), clock=clock, lease=lease)
            assert relay.drain().claimed == 0  # still leased to the dead worker
            clock.advance(seconds=31)
            assert relay.drain().sent == 1
            relay.close()
            (got,) = sink.wait_for(1)
        assert got.reference == str(row_id)
        assert statuses(factory)[row_id].attempts == 2

    def test_rows_past_the_lease_are_handed_back_untried(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        add_rows(factory, 3)

        class Slow(SmtpBackend):
            def send(self, emails):  # type: ignore[no-untyped-def]
                import time

                time.sleep(1.3)
                return super().send(emails)

        with SmtpSink() as sink:
            relay = make_relay(
                settings,
                engine,
                Slow(SmtpConfig("127.0.0.1", sink.port, SENDER)),
                lease=dt.timedelta(seconds=2.2),
            )
            stats = relay.relay_batch()
            relay.close()
            sink.wait_for(1)
        assert stats.sent == 1
        assert stats.released == 2
        rows = statuses(factory).values()
        back = [r for r in rows if r.status is OutboxStatus.PENDING]
        assert len(back) == 2
        assert all(r.attempts == 0 and r.locked_until is None for r in back)


class TestFailures:
    def test_transient_errors_back_off_then_dead_letter(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        clock = Clock()
        (row_id,) = add_rows(factory, 1, recipient="busy@example.com")
        with SmtpSink() as sink:
            relay = make_relay(
                settings,
                engine,
                smtp(sink.port),
                clock=clock,
                max_attempts=3,
                retry_base=dt.timedelta(seconds=10),
            )
            waits = []
            for _ in range(3):
                stats = relay.drain()
                assert stats.claimed == 1
                row = statuses(factory)[row_id]
                waits.append((row.next_attempt_at - clock.now).total_seconds())
                assert relay.drain().claimed == 0  # not due before the backoff
                clock.set(row.next_attempt_at)
            relay.close()
        row = statuses(factory)[row_id]
        assert row.status is OutboxStatus.FAILED
        assert row.attempts == 3
        assert "451" in (row.last_error or "")
        assert waits[:2] == [10, 20]

    def test_permanent_error_fails_at_once(self, settings: Settings, engine: Engine) -> None:
        factory = make_sessionmaker(engine)
        (bad,) = add_rows(factory, 1, recipient="reject@example.com")
        good = add_rows(factory, 2)
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port))
            stats = relay.drain()
            relay.close()
            sink.wait_for(2)
        assert (stats.sent, stats.failed) == (2, 1)
        rows = statuses(factory)
        assert rows[bad].status is OutboxStatus.FAILED
        assert "550" in (rows[bad].last_error or "")
        assert all(rows[g].status is OutboxStatus.SENT for g in good)

    def test_smtp_down_keeps_rows_pending(self, settings: Settings, engine: Engine) -> None:
        factory = make_sessionmaker(engine)
        add_rows(factory, 2)
        relay = make_relay(settings, engine, smtp(free_port()))
        stats = relay.drain()
        relay.close()
        assert stats.retried == 2
        assert count(factory, OutboxStatus.PENDING) == 2

    def test_unknown_kind_and_broken_payload_fail_without_sending(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        (unknown,) = add_rows(factory, 1, kind="no_such_kind", checked=False)
        (broken,) = add_rows(factory, 1, payload={"box_name": "x"}, checked=False)
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port))
            assert relay.drain().failed == 2
            relay.close()
            assert sink.count() == 0
        rows = statuses(factory)
        assert "unknown notification kind" in (rows[unknown].last_error or "")
        assert "inviter_name" in (rows[broken].last_error or "")


class TestRecipients:
    def test_opted_out_user_is_suppressed_and_others_get_unsubscribe_headers(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        with session_scope(factory) as session:
            quiet = make_user(session, email="quiet@example.com")
            loud = make_user(session, email="loud@example.com", full_name="Loud Person")
            session.add(models.UserSettings(user_id=quiet.id, email_notifications=False))
            for user in (quiet, loud):
                enqueue(
                    session,
                    kind="invite",
                    recipient=user.email,
                    recipient_user_id=user.id,
                    payload={
                        "box_name": "B",
                        "inviter_name": "M",
                        "accept_url": "https://s.test/i",
                    },
                )
            enqueue(  # account emails ignore the setting
                session,
                kind="verify_email",
                recipient=quiet.email,
                recipient_user_id=quiet.id,
                payload={"link": "https://s.test/verify?token=t"},
            )
        with SmtpSink() as sink:
            relay = make_relay(settings, engine, smtp(sink.port))
            stats = relay.drain()
            relay.close()
            sink.wait_for(2)
            (to_loud,) = sink.to("loud@example.com")
            (to_quiet,) = sink.to("quiet@example.com")
        assert (stats.sent, stats.suppressed) == (2, 1)
        unsubscribe = to_loud.message["List-Unsubscribe"]
        assert unsubscribe.startswith("<http://testserver/api/v1/unsubscribe?token=")
        assert to_loud.message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert unsubscribe[1:-1] in to_loud.part("plain")
        assert "Hi Loud Person," in to_loud.part("plain")
        assert to_quiet.message["List-Unsubscribe"] is None
        assert "verify?token=t" in to_quiet.part("plain")
        with Session(engine) as session:
            status = session.scalar(
                select(models.OutboxMessage.status).where(
                    models.OutboxMessage.kind == "invite",
                    models.OutboxMessage.recipient == "quiet@example.com",
                )
            )
        assert status is OutboxStatus.SUPPRESSED


class TestSendGrid:
    def test_a_batch_of_rows_goes_out_in_one_request(
        self, settings: Settings, engine: Engine
    ) -> None:
        factory = make_sessionmaker(engine)
        ids = add_rows(factory, 60)
        with FakeSendGrid() as fake:
            backend = SendGridBackend(api_key=fake.api_key, host=fake.url, sender=SENDER)
            relay = make_relay(settings, engine, backend, batch_size=60)
            assert relay.drain().sent == 60
            relay.close()
            fake.wait_for(60)
        assert len(fake.requests) == 1
        rows = statuses(factory)
        assert all(rows[i].provider_message_id == fake.emails[0].message_id for i in ids)
        assert fake.references() == Counter({str(i): 1 for i in ids})
