"""The delayed scrub of deleted accounts' personal data."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import sessions, social
from santa_core.auth.scrub import scrub_deleted_accounts
from santa_core.auth.social import SocialIdentity
from santa_core.config import Settings
from santa_core.models import OutboxStatus
from tests.conftest import make_settings
from tests.factories import make_box, make_member, make_outbox_row, make_user

NOW = dt.datetime(2026, 12, 24, 12, 0, tzinfo=dt.UTC)


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def _deleted_user(db: Session, settings: Settings, *, days_ago: int) -> models.User:
    user = make_user(
        db, email=f"gone{days_ago}@example.com", full_name="Gone Person", password_hash="h"
    )
    social.link(db, user, SocialIdentity("telegram", f"tg{days_ago}", None, False, "Gone"))
    sessions.start_session(db, settings, user)
    user.deleted_at = NOW - dt.timedelta(days=days_ago)
    db.flush()
    return user


class TestScrub:
    def test_scrubs_after_the_grace_period(self, db: Session, settings: Settings) -> None:
        user = _deleted_user(db, settings, days_ago=31)
        box = make_box(db)
        card = make_member(db, box, user, wishes="socks", address="Main st 1", phone="+7 900")
        db.add(
            models.EmailInvite(
                box_id=box.id,
                email="gone31@example.com",
                invite_code_hash="h" * 64,
                participant_id=card.id,
                expires_at=NOW,
            )
        )
        make_outbox_row(db, kind="draw_done", recipient=user.email, recipient_user_id=user.id)
        db.flush()

        assert scrub_deleted_accounts(db, now=NOW, grace_days=30) == 1
        db.expire_all()
        assert user.email == f"deleted-{user.id.hex}@deleted.invalid"
        assert (user.full_name, user.password_hash, user.scrubbed_at) == ("", None, NOW)
        assert not user.is_active
        for model in (models.SocialAccount, models.UserSettings, models.RefreshToken):
            assert db.scalars(select(model).where(model.user_id == user.id)).all() == []
        assert (card.display_name, card.email, card.wishes) == ("Deleted user", None, "")
        assert (card.address, card.phone, card.wish_items) == (None, None, [])
        invite = db.scalars(select(models.EmailInvite)).one()
        assert "gone31" not in invite.email
        message = db.scalars(select(models.OutboxMessage)).one()
        assert (message.recipient, message.payload, message.status) == ("", {}, OutboxStatus.FAILED)
        assert db.get(models.Participant, card.id) is not None  # the card stays, emptied

    def test_no_trace_of_their_address_or_name_is_left(
        self, db: Session, settings: Settings
    ) -> None:
        user = _deleted_user(db, settings, days_ago=31)
        organizer = make_user(db, email="olga@example.com", full_name="Olga")
        box = make_box(db, owner=organizer)
        card = make_member(db, box, user, display_name="Gone Person")
        # Invited to another box before they had an account; never answered.
        other = make_box(db, owner=organizer)
        placeholder = make_member(
            db,
            other,
            None,
            user_id=None,
            email=user.email,
            display_name="Gone Invitee",
            status=models.ParticipantStatus.INVITED,
        )
        sent = OutboxStatus.SENT
        by_address = make_outbox_row(
            db, kind="invite", recipient=user.email, box_id=other.id, payload={"x": "link"}
        )
        by_address_sent = make_outbox_row(
            db, kind="invite", recipient=user.email, box_id=box.id, payload={"x": "link"}
        )
        joined = make_outbox_row(
            db,
            kind="joined",
            recipient=organizer.email,
            recipient_user_id=organizer.id,
            box_id=box.id,
            payload={"participant_name": "Gone Person"},
        )
        pending_joined = make_outbox_row(
            db,
            kind="joined",
            recipient=organizer.email,
            recipient_user_id=organizer.id,
            box_id=box.id,
            payload={"participant_name": "Gone Person"},
        )
        unrelated = make_outbox_row(
            db,
            kind="joined",
            recipient=organizer.email,
            recipient_user_id=organizer.id,
            box_id=other.id,
            payload={"participant_name": "Someone Else"},
        )
        rows = (by_address, by_address_sent, joined, pending_joined, unrelated)
        assert None not in rows
        for row in (by_address_sent, joined, unrelated):
            row.status = sent
        db.flush()

        assert scrub_deleted_accounts(db, now=NOW, grace_days=30) == 1
        db.expire_all()
        assert card.display_name == "Deleted user"
        assert (placeholder.email, placeholder.display_name) == (None, "Deleted user")
        assert (by_address.recipient, by_address.payload) == ("", {})
        assert by_address.status is OutboxStatus.FAILED
        assert (by_address_sent.recipient, by_address_sent.status) == ("", sent)
        assert joined.payload == {}
        # Mail of their boxes not yet delivered no longer names them; other boxes are untouched.
        assert pending_joined.payload == {"participant_name": "Deleted user"}
        assert unrelated.payload == {"participant_name": "Someone Else"}
        assert organizer.email == "olga@example.com"

    def test_waits_for_the_grace_period(self, db: Session, settings: Settings) -> None:
        user = _deleted_user(db, settings, days_ago=29)
        live = make_user(db, email="live@example.com")
        assert scrub_deleted_accounts(db, now=NOW, grace_days=30) == 0
        assert user.email == "gone29@example.com"
        assert live.scrubbed_at is None

    def test_idempotent(self, db: Session, settings: Settings) -> None:
        _deleted_user(db, settings, days_ago=40)
        _deleted_user(db, settings, days_ago=35)
        assert scrub_deleted_accounts(db, now=NOW, grace_days=30) == 2
        assert scrub_deleted_accounts(db, now=NOW, grace_days=30) == 0

    def test_scrubbed_email_is_free_again(self, db: Session, settings: Settings) -> None:
        _deleted_user(db, settings, days_ago=31)
        scrub_deleted_accounts(db, now=NOW, grace_days=30)
        make_user(db, email="gone31@example.com")
