"""Refresh token families: rotation, reuse detection, expiry, listing and revocation."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import crypto, models
from santa_core.auth import sessions
from santa_core.auth.errors import (
    AccountUnavailable,
    InvalidRefreshToken,
    RefreshTokenReused,
    SessionNotFound,
)
from santa_core.config import Settings
from santa_core.db import utcnow
from tests.conftest import make_settings
from tests.factories import make_user


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return make_settings(tmp_path)


def _family(db: Session, family_id: uuid.UUID) -> list[models.RefreshToken]:
    return list(
        db.scalars(
            select(models.RefreshToken)
            .where(models.RefreshToken.family_id == family_id)
            .order_by(models.RefreshToken.issued_at)
        )
    )


class TestRotation:
    def test_chain_of_rotations(self, db: Session, settings: Settings) -> None:
        user = make_user(db)
        t0 = utcnow()
        first = sessions.start_session(
            db, settings, user, user_agent="UA/1", ip="192.0.2.1", now=t0
        )
        assert first.record.token_hash == crypto.hash_token(first.token)
        assert first.record.expires_at == t0 + dt.timedelta(days=30)
        _, second = sessions.rotate(
            db, settings, first.token, ip="192.0.2.2", now=t0 + dt.timedelta(minutes=1)
        )
        assert second.session_id == first.session_id
        assert second.record.parent_id == first.record.id
        assert second.record.ip_address == "192.0.2.2"
        assert second.record.user_agent == "UA/1"
        assert first.record.rotated_at is not None
        assert sessions.is_active(db, first.session_id)

    def test_reuse_revokes_every_token_of_the_family(self, db: Session, settings: Settings) -> None:
        user = make_user(db)
        first = sessions.start_session(db, settings, user)
        _, second = sessions.rotate(db, settings, first.token)
        other = sessions.start_session(db, settings, user)
        with pytest.raises(RefreshTokenReused):
            sessions.rotate(db, settings, first.token)
        assert all(t.revoked_reason == "reuse_detected" for t in _family(db, first.session_id))
        assert not sessions.is_active(db, first.session_id)
        with pytest.raises(InvalidRefreshToken):
            sessions.rotate(db, settings, second.token)
        assert sessions.is_active(db, other.session_id)
        actions = db.scalars(select(models.AuditEvent.action)).all()
        assert "session.reuse_detected" in actions

    def test_expired(self, db: Session, settings: Settings) -> None:
        user = make_user(db)
        issued = sessions.start_session(db, settings, user)
        later = utcnow() + dt.timedelta(days=31)
        with pytest.raises(InvalidRefreshToken):
            sessions.rotate(db, settings, issued.token, now=later)

    def test_unknown(self, db: Session, settings: Settings) -> None:
        with pytest.raises(InvalidRefreshToken):
            sessions.rotate(db, settings, crypto.new_token())

    @pytest.mark.parametrize("change", ["deactivate", "delete"])
    def test_unavailable_user(self, db: Session, settings: Settings, change: str) -> None:
        user = make_user(db)
        issued = sessions.start_session(db, settings, user)
        if change == "deactivate":
            user.is_active = False
        else:
            user.deleted_at = utcnow()
        with pytest.raises(AccountUnavailable):
            sessions.rotate(db, settings, issued.token)
        assert not sessions.is_active(db, issued.session_id)


class TestListing:
    def test_one_entry_per_live_session(self, db: Session, settings: Settings) -> None:
        user = make_user(db)
        t0 = utcnow() - dt.timedelta(hours=2)
        a = sessions.start_session(db, settings, user, user_agent="A", now=t0)
        sessions.rotate(db, settings, a.token, now=t0 + dt.timedelta(hours=1))
        b = sessions.start_session(
            db, settings, user, user_agent="B", now=t0 + dt.timedelta(minutes=5)
        )
        c = sessions.start_session(db, settings, user, user_agent="C")
        sessions.revoke_family(db, c.session_id, reason="logout")
        sessions.start_session(db, settings, make_user(db))
        listed = sessions.list_sessions(db, user)
        assert [s.user_agent for s in listed] == ["A", "B"]
        assert listed[0].id == a.session_id
        assert listed[0].signed_in_at == t0
        assert listed[0].last_used_at == t0 + dt.timedelta(hours=1)
        assert listed[1].id == b.session_id

    def test_revoke_only_own_sessions(self, db: Session, settings: Settings) -> None:
        owner, stranger = make_user(db), make_user(db)
        issued = sessions.start_session(db, settings, owner)
        with pytest.raises(SessionNotFound):
            sessions.revoke_session(db, stranger, issued.session_id)
        assert sessions.is_active(db, issued.session_id)
        sessions.revoke_session(db, owner, issued.session_id)
        assert not sessions.is_active(db, issued.session_id)
        with pytest.raises(SessionNotFound):
            sessions.revoke_session(db, owner, issued.session_id)

    def test_revoke_all_except_one(self, db: Session, settings: Settings) -> None:
        user = make_user(db)
        keep = sessions.start_session(db, settings, user)
        drop = [sessions.start_session(db, settings, user) for _ in range(2)]
        assert sessions.revoke_all(db, user, reason="x", except_session=keep.session_id) == 2
        assert sessions.is_active(db, keep.session_id)
        assert not any(sessions.is_active(db, d.session_id) for d in drop)
