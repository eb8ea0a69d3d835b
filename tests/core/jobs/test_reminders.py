"""Reminders fire inside their window, to the right people, in their language, never twice."""

from __future__ import annotations

import datetime as dt
import secrets
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import crypto, models
from santa_core.config import Settings
from santa_core.jobs.maintenance import purge_outbox
from santa_core.jobs.reminders import send_reminders
from santa_core.models import (
    BoxStatus,
    InviteStatus,
    Language,
    OutboxStatus,
    ParticipantRole,
    ParticipantStatus,
)
from santa_core.notify import enqueue
from santa_core.notify.sealed import unseal_payload
from tests.conftest import make_settings
from tests.factories import make_outbox_row, make_user


@pytest.fixture
def cfg(tmp_path: Path) -> Settings:
    """Settings without the ``engine`` fixture (``db`` holds the transaction)."""
    return make_settings(tmp_path)


T = dt.datetime(2026, 12, 10, 18, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


def box_with(session: Session, **values: object) -> models.Box:
    owner = make_user(session)
    box = models.Box(
        organizer_id=owner.id, name="Office", slug=f"office-{secrets.token_hex(4)}", **values
    )
    session.add(box)
    session.flush()
    return box


def member(session: Session, box: models.Box, **values: object) -> models.Participant:
    user = values.pop("user", None) or make_user(
        session, language=values.pop("language", Language.EN)
    )
    assert isinstance(user, models.User)
    p = models.Participant(
        box_id=box.id,
        user_id=user.id,
        email=user.email,
        display_name=user.full_name,
        status=values.pop("status", ParticipantStatus.ACTIVE),
        created_at=values.pop("created_at", T - dt.timedelta(days=10)),
        wishes=values.pop("wishes", "socks"),
        **values,
    )
    session.add(p)
    session.flush()
    return p


def rows(session: Session, kind: str | None = None) -> list[models.OutboxMessage]:
    stmt = select(models.OutboxMessage).order_by(models.OutboxMessage.recipient)
    if kind:
        stmt = stmt.where(models.OutboxMessage.kind == kind)
    return list(session.scalars(stmt))


def draw(
    session: Session, box: models.Box, pairs: list[tuple[models.Participant, models.Participant]]
) -> None:
    run = models.DrawRun(box_id=box.id, method="test", engine_version="test")
    session.add(run)
    session.flush()
    for santa, giftee in pairs:
        session.add(
            models.Draw(
                box_id=box.id,
                run_id=run.id,
                santa_participant_id=santa.id,
                giftee_participant_id=giftee.id,
            )
        )
    session.flush()


class TestSignupDeadline:
    def test_fires_once_inside_the_window_to_members_taking_part(
        self, db: Session, cfg: Settings
    ) -> None:
        box = box_with(db, status=BoxStatus.READY, signup_deadline=T)
        ru = member(db, box, language=Language.RU)
        en = member(db, box)
        member(db, box, takes_part=False, role=ParticipantRole.ORGANIZER)
        member(db, box, is_offline=True)
        member(db, box, status=ParticipantStatus.INVITED)
        assert send_reminders(db, cfg, now=T - 25 * H) == 0
        assert send_reminders(db, cfg, now=T - 23 * H) == 2
        assert send_reminders(db, cfg, now=T - 22 * H) == 0  # never twice
        assert send_reminders(db, cfg, now=T - 1 * H) == 0
        got = {r.recipient: r for r in rows(db, "signup_deadline_reminder")}
        assert set(got) == {ru.email, en.email}
        assert got[ru.email].language is Language.RU
        assert got[en.email].language is Language.EN
        assert got[ru.email].payload["signup_deadline"] == T.isoformat()
        assert got[ru.email].payload["box_url"].endswith(f"/boxes/{box.id}")
        assert got[ru.email].dedupe_key == f"reminder:signup:{box.id}:{ru.id}"

    def test_late_worker_sends_nothing_after_the_deadline(self, db: Session, cfg: Settings) -> None:
        box = box_with(db, status=BoxStatus.READY, signup_deadline=T)
        member(db, box, wishes="socks")
        assert send_reminders(db, cfg, now=T + H) == 0

    def test_drawn_or_deleted_boxes_are_skipped(self, db: Session, cfg: Settings) -> None:
        for values in ({"status": BoxStatus.MATCHED}, {"deleted_at": T - 48 * H}):
            box = box_with(db, signup_deadline=T, **values)
            member(db, box, wishes="socks")
        assert rows(db) == []
        send_reminders(db, cfg, now=T - 2 * H)
        assert rows(db, "signup_deadline_reminder") == []


class TestShippingAndEvent:
    def test_shipping_reminder_goes_to_santas_only(self, db: Session, cfg: Settings) -> None:
        box = box_with(db, status=BoxStatus.MATCHED, shipping_deadline=T, drawn_at=T - 240 * H)
        a, b = member(db, box, wishes="x"), member(db, box, wishes="y")
        member(db, box, wishes="late joiner, not in the draw")
        draw(db, box, [(a, b), (b, a)])
        for p in (a, b):
            p.assignment_opened_at = T - 200 * H
        send_reminders(db, cfg, now=T - 30 * H)
        assert rows(db, "shipping_deadline_reminder") == []
        assert send_reminders(db, cfg, now=T - 12 * H) == 2
        assert {r.recipient for r in rows(db, "shipping_deadline_reminder")} == {a.email, b.email}
        assert send_reminders(db, cfg, now=T - 11 * H) == 0

    def test_event_reminder_window_is_the_day_before_and_the_day(
        self, db: Session, cfg: Settings
    ) -> None:
        day = dt.date(2026, 12, 24)
        start = dt.datetime(2026, 12, 24, tzinfo=dt.UTC)
        box = box_with(db, status=BoxStatus.MATCHED, event_date=day, drawn_at=start - 500 * H)
        p = member(db, box, wishes="x", assignment_opened_at=start - 400 * H)
        draw(db, box, [(p, p)])
        assert send_reminders(db, cfg, now=start - 25 * H) == 0
        assert send_reminders(db, cfg, now=start - 20 * H) == 1
        assert send_reminders(db, cfg, now=start + 10 * H) == 0
        (row,) = rows(db, "event_reminder")
        assert row.payload["event_date"] == "2026-12-24"


class TestNudges:
    def test_empty_wishlist_is_nudged_once_after_a_while(self, db: Session, cfg: Settings) -> None:
        box = box_with(db, status=BoxStatus.DRAFT)
        lazy = member(db, box, created_at=T - 50 * H, wishes="  ")
        member(db, box, created_at=T - 50 * H, wishes="books")
        member(db, box, created_at=T - 50 * H, wishes="", wish_items=[{"title": "mug"}])
        fresh = member(db, box, created_at=T - 10 * H, wishes="")
        assert send_reminders(db, cfg, now=T) == 1
        assert [r.recipient for r in rows(db, "wishes_nudge")] == [lazy.email]
        assert send_reminders(db, cfg, now=T + 40 * H) == 1  # fresh is due now
        assert send_reminders(db, cfg, now=T + 80 * H) == 0
        assert {r.recipient for r in rows(db, "wishes_nudge")} == {lazy.email, fresh.email}

    def test_unopened_assignment_is_nudged_once(self, db: Session, cfg: Settings) -> None:
        box = box_with(db, status=BoxStatus.MATCHED, drawn_at=T - 49 * H)
        a = member(db, box, wishes="x")
        b = member(db, box, wishes="y", assignment_opened_at=T - 40 * H)
        draw(db, box, [(a, b), (b, a)])
        assert send_reminders(db, cfg, now=T) == 1
        (row,) = rows(db, "assignment_nudge")
        assert row.recipient == a.email
        assert row.payload["assignment_url"].endswith(f"/boxes/{box.id}/assignment")
        assert send_reminders(db, cfg, now=T + H) == 0


class TestInviteReminder:
    def test_sends_each_pending_invitation_once_with_a_fresh_link(
        self, db: Session, cfg: Settings
    ) -> None:
        box = box_with(db, status=BoxStatus.READY)
        marta = make_user(db, full_name="Marta")
        enqueue(
            db,
            kind="invite",
            recipient="guest@example.com",
            language="ru",
            box_id=box.id,
            payload={"box_name": "Office", "inviter_name": "Marta", "accept_url": "https://s/i/x"},
        )
        invites = {}
        for email, created, expires, status in (
            ("guest@example.com", T - 50 * H, T + 500 * H, InviteStatus.PENDING),
            ("expired@example.com", T - 50 * H, T - H, InviteStatus.PENDING),
            ("fresh@example.com", T - 5 * H, T + 500 * H, InviteStatus.PENDING),
            ("joined@example.com", T - 50 * H, T + 500 * H, InviteStatus.ACCEPTED),
        ):
            code = f"inv_{secrets.token_hex(8)}"
            invites[email] = models.EmailInvite(
                box_id=box.id,
                email=email,
                invite_code_hash=crypto.hash_token(code),
                code_sealed=code,
                invited_by_id=marta.id,
                created_at=created,
                expires_at=expires,
                status=status,
            )
            db.add(invites[email])
        db.flush()
        guest = invites["guest@example.com"]
        first_code, first_hash = guest.code_sealed, guest.invite_code_hash
        assert send_reminders(db, cfg, now=T) == 1
        assert send_reminders(db, cfg, now=T + H) == 0
        (row,) = rows(db, "invite_reminder")
        assert row.recipient == "guest@example.com"
        assert row.language is Language.RU  # the language of the first invitation
        content = unseal_payload(row.payload)
        assert content["inviter_name"] == "Marta"
        assert content["box_name"] == box.name
        # The same link as the first email: both keep working.
        assert content["accept_url"].endswith(f"/join/{first_code}")
        assert guest.invite_code_hash == first_hash
        assert guest.send_count == 1
        assert guest.last_sent_at == T

    def test_an_invitation_without_a_sealed_code_gets_a_fresh_link(
        self, db: Session, cfg: Settings
    ) -> None:
        """Written before codes were kept sealed, its first email already emptied."""
        box = box_with(db, status=BoxStatus.READY)
        original = make_outbox_row(db, kind="invite", recipient="guest@example.com", box_id=box.id)
        assert original is not None
        original.status = OutboxStatus.SENT
        original.payload = {}  # the relay empties a row once it is delivered
        db.add(
            models.EmailInvite(
                box_id=box.id,
                email="guest@example.com",
                invite_code_hash=secrets.token_hex(16),
                created_at=T - 50 * H,
                expires_at=T + 500 * H,
            )
        )
        db.flush()
        assert send_reminders(db, cfg, now=T) == 1
        (row,) = rows(db, "invite_reminder")
        code = unseal_payload(row.payload)["accept_url"].rsplit("/join/", 1)[1]
        (invite,) = db.scalars(select(models.EmailInvite)).all()
        assert code.startswith("inv_")
        assert invite.invite_code_hash == crypto.hash_token(code)
        assert invite.code_sealed == code


class TestAfterTheOutboxIsPurged:
    """Delivered rows are purged after the retention, but their dedupe keys must outlive it."""

    def deliver_all(self, db: Session) -> None:
        for row in rows(db):
            row.status = OutboxStatus.SENT
        db.flush()

    def test_a_long_open_box_does_not_nudge_again(self, db: Session, cfg: Settings) -> None:
        box = box_with(db, status=BoxStatus.DRAFT, signup_deadline=T + 90 * 24 * H)
        lazy = member(db, box, created_at=T - 50 * H, wishes="")
        drawn = box_with(db, status=BoxStatus.MATCHED, drawn_at=T - 49 * H)
        a, b = member(db, drawn), member(db, drawn)
        draw(db, drawn, [(a, b), (b, a)])
        assert send_reminders(db, cfg, now=T) == 3
        self.deliver_all(db)
        later = T + (cfg.outbox_retention_days + 1) * 24 * H
        assert purge_outbox(db, now=later, retention_days=cfg.outbox_retention_days) == 0
        assert {r.payload.get("box_name") for r in rows(db)} == {None}  # names and links gone
        assert send_reminders(db, cfg, now=later) == 0
        assert [r.recipient for r in rows(db, "wishes_nudge")] == [lazy.email]

    def test_rows_of_archived_or_deleted_boxes_and_unkeyed_rows_go(
        self, db: Session, cfg: Settings
    ) -> None:
        archived = box_with(db, status=BoxStatus.DRAFT)
        deleted = box_with(db, status=BoxStatus.DRAFT)
        live = box_with(db, status=BoxStatus.DRAFT)
        for box in (archived, deleted, live):
            member(db, box, created_at=T - 50 * H, wishes="")
        assert send_reminders(db, cfg, now=T) == 3
        enqueue(db, kind="verify_email", recipient="x@example.com", payload={"link": "x"})
        self.deliver_all(db)
        archived.status = BoxStatus.ARCHIVED
        deleted.deleted_at = T
        db.flush()
        later = T + 31 * 24 * H
        assert purge_outbox(db, now=later, retention_days=30) == 3
        assert [r.box_id for r in rows(db)] == [live.id]
