"""Auto-draw at the signup deadline, invitation expiry, outbox retention, GDPR scrubbing."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.db import make_sessionmaker, session_scope
from santa_core.errors import Conflict
from santa_core.jobs import autodraw, maintenance
from santa_core.jobs.autodraw import run_auto_draws
from santa_core.models import BoxStatus, InviteStatus, OutboxStatus
from santa_core.notify import enqueue
from tests.factories import make_outbox_row, make_user

NOW = dt.datetime(2026, 12, 10, 18, 0, tzinfo=dt.UTC)


def _box(session: Session, **values: object) -> uuid.UUID:
    owner = make_user(session, full_name="Olga Organizer")
    box = models.Box(
        organizer_id=owner.id, name="Office", slug=f"b-{secrets.token_hex(4)}", **values
    )
    session.add(box)
    session.flush()
    return box.id


def fake_draw(session: Session, actor: models.User, box_id: uuid.UUID) -> None:
    box = session.get(models.Box, box_id)
    assert box is not None
    assert actor.id == box.organizer_id
    box.status = BoxStatus.MATCHED
    box.drawn_at = NOW
    enqueue(
        session,
        kind="draw_done",
        recipient="santa@example.com",
        box_id=box_id,
        payload={"box_name": box.name, "giftee_name": "G", "assignment_url": "https://s/a"},
    )


class TestAutoDraw:
    def test_draws_due_boxes_only(self, engine: Engine, settings: Settings) -> None:
        factory = make_sessionmaker(engine)
        with session_scope(factory) as s:
            due = _box(
                s,
                auto_draw=True,
                status=BoxStatus.READY,
                signup_deadline=NOW - dt.timedelta(minutes=1),
            )
            manual = _box(
                s,
                auto_draw=False,
                status=BoxStatus.READY,
                signup_deadline=NOW - dt.timedelta(hours=1),
            )
            later = _box(
                s,
                auto_draw=True,
                status=BoxStatus.READY,
                signup_deadline=NOW + dt.timedelta(hours=1),
            )
        report = run_auto_draws(factory, settings, now=NOW, draw=fake_draw)
        assert report.drawn == [due]
        with session_scope(factory) as s:
            status = dict(s.execute(select(models.Box.id, models.Box.status)).all())
            kinds = s.scalars(select(models.OutboxMessage.kind)).all()
        assert status == {due: BoxStatus.MATCHED, manual: BoxStatus.READY, later: BoxStatus.READY}
        assert kinds == ["draw_done"]
        assert run_auto_draws(factory, settings, now=NOW, draw=fake_draw).drawn == []

    def test_failed_draw_rolls_back_and_tells_the_organizer_once(
        self, engine: Engine, settings: Settings
    ) -> None:
        factory = make_sessionmaker(engine)
        with session_scope(factory) as s:
            box_id = _box(s, auto_draw=True, status=BoxStatus.READY, signup_deadline=NOW)
        calls = []

        def impossible(session: Session, actor: models.User, box_id: uuid.UUID) -> None:
            calls.append(box_id)
            fake_draw(session, actor, box_id)  # writes, then fails: all of it rolls back
            raise Conflict("Only one person takes part.")

        report = run_auto_draws(factory, settings, now=NOW, draw=impossible)
        assert report.failed == {box_id: "Only one person takes part."}
        again = run_auto_draws(
            factory, settings, now=NOW + dt.timedelta(minutes=1), draw=impossible
        )
        assert again.failed == {}
        assert calls == [box_id]  # not retried every minute
        with session_scope(factory) as s:
            box = s.get(models.Box, box_id)
            assert box is not None
            assert box.status is BoxStatus.READY
            (row,) = s.scalars(select(models.OutboxMessage)).all()
            organizer = s.get(models.User, box.organizer_id)
            assert organizer is not None
        assert row.kind == "auto_draw_failed"
        assert row.recipient == organizer.email
        assert row.payload["reason"] == "Only one person takes part."
        # Moving the deadline gives the box another chance.
        with session_scope(factory) as s:
            box = s.get(models.Box, box_id)
            assert box is not None
            box.signup_deadline = NOW + dt.timedelta(hours=2)
        assert run_auto_draws(
            factory, settings, now=NOW + dt.timedelta(hours=3), draw=fake_draw
        ).drawn == [box_id]

    def test_without_a_draw_service_nothing_happens(
        self, engine: Engine, settings: Settings, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        factory = make_sessionmaker(engine)
        with session_scope(factory) as s:
            _box(s, auto_draw=True, status=BoxStatus.READY, signup_deadline=NOW)
        monkeypatch.setattr(autodraw, "default_draw", lambda settings: None)
        report = run_auto_draws(factory, settings, now=NOW)
        assert (report.drawn, report.failed) == ([], {})


class TestHousekeeping:
    def test_expire_invites(self, db: Session) -> None:
        box_id = _box(db)
        for email, expires, status in (
            ("old@example.com", NOW - dt.timedelta(seconds=1), InviteStatus.PENDING),
            ("new@example.com", NOW + dt.timedelta(days=1), InviteStatus.PENDING),
            ("done@example.com", NOW - dt.timedelta(days=1), InviteStatus.ACCEPTED),
        ):
            db.add(
                models.EmailInvite(
                    box_id=box_id,
                    email=email,
                    invite_code_hash=secrets.token_hex(8),
                    expires_at=expires,
                    status=status,
                )
            )
        db.flush()
        assert maintenance.expire_invites(db, now=NOW) == 1
        got = dict(db.execute(select(models.EmailInvite.email, models.EmailInvite.status)).all())
        assert got == {
            "old@example.com": InviteStatus.EXPIRED,
            "new@example.com": InviteStatus.PENDING,
            "done@example.com": InviteStatus.ACCEPTED,
        }

    def test_purge_keeps_unfinished_and_recent_rows(self, db: Session) -> None:
        old = NOW - dt.timedelta(days=31)
        for status, created in (
            (OutboxStatus.SENT, old),
            (OutboxStatus.SUPPRESSED, old),
            (OutboxStatus.FAILED, old),
            (OutboxStatus.PENDING, old),
            (OutboxStatus.SENT, NOW - dt.timedelta(days=2)),
        ):
            row = make_outbox_row(db, kind="invite", recipient=f"{status}@x.y", payload={})
            assert row is not None
            row.status, row.created_at = status, created
        db.flush()
        assert maintenance.purge_outbox(db, now=NOW, retention_days=30) == 2
        left = sorted(s.value for s in db.scalars(select(models.OutboxMessage.status)))
        assert left == ["failed", "pending", "sent"]
        assert maintenance.outbox_counts(db)[OutboxStatus.PENDING] == 1

    def test_scrub_accounts_after_the_grace_period(
        self, engine: Engine, settings: Settings
    ) -> None:
        factory = make_sessionmaker(engine)
        with session_scope(factory) as s:
            gone = make_user(s, deleted_at=NOW - dt.timedelta(days=31)).id
            recent = make_user(s, deleted_at=NOW - dt.timedelta(days=5)).id
        assert maintenance.scrub_accounts(factory, settings, now=NOW) == 1
        with session_scope(factory) as s:
            scrubbed = dict(s.execute(select(models.User.id, models.User.scrubbed_at)).all())
        assert scrubbed[gone] is not None
        assert scrubbed[recent] is None
