"""Sign-in sessions: refresh tokens that rotate on every use, grouped in families.

A sign-in starts a *family* (its id is the session id, carried as ``sid`` in
access tokens). Each refresh marks the presented token ``rotated_at`` and
issues a child in the same family. A rotated token presented again means two
parties hold the same token (theft, or a leaked backup): the whole family is
revoked, so the thief and the victim are both signed out and the newest token
stops working too.

Refresh tokens are 256-bit random strings; only their HMAC is stored
(:func:`santa_core.crypto.hash_token`).

Revocations must survive the request that discovers them: when
:func:`rotate` raises :class:`RefreshTokenReused` the family is already marked
revoked in the session, and the caller commits before answering.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from santa_core import audit, crypto, models
from santa_core.auth.errors import (
    AccountUnavailable,
    InvalidRefreshToken,
    RefreshTokenReused,
    SessionNotFound,
)
from santa_core.config import Settings
from santa_core.db import utcnow

USER_AGENT_MAX = 512
IP_MAX = 64


@dataclass(frozen=True)
class IssuedRefreshToken:
    """A freshly issued token: ``token`` is the only copy of the secret."""

    token: str
    record: models.RefreshToken

    @property
    def session_id(self) -> uuid.UUID:
        return self.record.family_id


@dataclass(frozen=True)
class SessionInfo:
    id: uuid.UUID
    signed_in_at: dt.datetime
    last_used_at: dt.datetime
    expires_at: dt.datetime
    user_agent: str | None
    ip_address: str | None


def _issue(
    session: Session,
    settings: Settings,
    *,
    user_id: uuid.UUID,
    family_id: uuid.UUID,
    parent_id: uuid.UUID | None,
    user_agent: str | None,
    ip: str | None,
    now: dt.datetime,
) -> IssuedRefreshToken:
    token = crypto.new_token()
    record = models.RefreshToken(
        user_id=user_id,
        family_id=family_id,
        parent_id=parent_id,
        token_hash=crypto.hash_token(token),
        issued_at=now,
        expires_at=now + dt.timedelta(seconds=settings.refresh_token_ttl_seconds),
        user_agent=(user_agent or None) and user_agent[:USER_AGENT_MAX],
        ip_address=(ip or None) and ip[:IP_MAX],
    )
    session.add(record)
    session.flush()
    return IssuedRefreshToken(token=token, record=record)


def start_session(
    session: Session,
    settings: Settings,
    user: models.User,
    *,
    user_agent: str | None = None,
    ip: str | None = None,
    now: dt.datetime | None = None,
) -> IssuedRefreshToken:
    """A new family for a successful sign-in."""
    return _issue(
        session,
        settings,
        user_id=user.id,
        family_id=uuid.uuid4(),
        parent_id=None,
        user_agent=user_agent,
        ip=ip,
        now=now or utcnow(),
    )


def find_token(session: Session, token: str) -> models.RefreshToken | None:
    return session.scalars(
        select(models.RefreshToken).where(
            models.RefreshToken.token_hash.in_(crypto.hash_candidates(token))
        )
    ).first()


def rotate(
    session: Session,
    settings: Settings,
    token: str,
    *,
    user_agent: str | None = None,
    ip: str | None = None,
    now: dt.datetime | None = None,
) -> tuple[models.User, IssuedRefreshToken]:
    """Exchange a refresh token for its successor; detect reuse of a rotated one."""
    now = now or utcnow()
    record = session.scalars(
        select(models.RefreshToken)
        .where(models.RefreshToken.token_hash.in_(crypto.hash_candidates(token)))
        .with_for_update()
    ).first()
    if record is None or record.revoked_at is not None:
        raise InvalidRefreshToken()
    if record.rotated_at is not None:
        revoke_family(session, record.family_id, reason="reuse_detected", now=now)
        audit.record(
            session,
            None,
            "session.reuse_detected",
            target_type="session",
            target_id=record.family_id,
            details={"user_id": str(record.user_id)},
        )
        raise RefreshTokenReused()
    if record.expires_at <= now:
        raise InvalidRefreshToken()
    user = session.get(models.User, record.user_id)
    if user is None or not user.is_active or user.deleted_at is not None:
        revoke_family(session, record.family_id, reason="account_unavailable", now=now)
        raise AccountUnavailable()
    record.rotated_at = now
    issued = _issue(
        session,
        settings,
        user_id=record.user_id,
        family_id=record.family_id,
        parent_id=record.id,
        user_agent=user_agent if user_agent is not None else record.user_agent,
        ip=ip if ip is not None else record.ip_address,
        now=now,
    )
    return user, issued


def revoke_family(
    session: Session, family_id: uuid.UUID, *, reason: str, now: dt.datetime | None = None
) -> int:
    """Revoke every token of one session; returns how many were still live."""
    result = session.execute(
        update(models.RefreshToken)
        .where(models.RefreshToken.family_id == family_id, models.RefreshToken.revoked_at.is_(None))
        .values(revoked_at=now or utcnow(), revoked_reason=reason)
        .execution_options(synchronize_session="fetch")
    )
    return int(getattr(result, "rowcount", 0) or 0)


def revoke_all(
    session: Session,
    user: models.User,
    *,
    reason: str,
    except_session: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> int:
    """Sign the user out everywhere (optionally keeping one session)."""
    stmt = update(models.RefreshToken).where(
        models.RefreshToken.user_id == user.id, models.RefreshToken.revoked_at.is_(None)
    )
    if except_session is not None:
        stmt = stmt.where(models.RefreshToken.family_id != except_session)
    result = session.execute(
        stmt.values(revoked_at=now or utcnow(), revoked_reason=reason).execution_options(
            synchronize_session="fetch"
        )
    )
    return int(getattr(result, "rowcount", 0) or 0)


def is_active(session: Session, family_id: uuid.UUID) -> bool:
    """True while the session has a token that was not revoked (access checks use it)."""
    found = session.scalar(
        select(models.RefreshToken.id)
        .where(models.RefreshToken.family_id == family_id, models.RefreshToken.revoked_at.is_(None))
        .limit(1)
    )
    return found is not None


def list_sessions(
    session: Session, user: models.User, *, now: dt.datetime | None = None
) -> list[SessionInfo]:
    """The user's live sessions, most recently used first."""
    now = now or utcnow()
    rt = models.RefreshToken
    started = (
        select(rt.family_id, func.min(rt.issued_at).label("signed_in_at"))
        .where(rt.user_id == user.id)
        .group_by(rt.family_id)
        .subquery()
    )
    rows = session.execute(
        select(rt, started.c.signed_in_at)
        .join(started, started.c.family_id == rt.family_id)
        .where(
            rt.user_id == user.id,
            rt.revoked_at.is_(None),
            rt.rotated_at.is_(None),
            rt.expires_at > now,
        )
        .order_by(rt.issued_at.desc())
    ).all()
    out = []
    for head, signed_in_at in rows:
        out.append(
            SessionInfo(
                id=head.family_id,
                signed_in_at=signed_in_at,
                last_used_at=head.issued_at,
                expires_at=head.expires_at,
                user_agent=head.user_agent,
                ip_address=head.ip_address,
            )
        )
    return out


def revoke_session(
    session: Session, user: models.User, session_id: uuid.UUID, *, now: dt.datetime | None = None
) -> None:
    """Sign out one of the user's own sessions; someone else's is NotFound."""
    owned = session.scalar(
        select(models.RefreshToken.id)
        .where(
            models.RefreshToken.family_id == session_id,
            models.RefreshToken.user_id == user.id,
            models.RefreshToken.revoked_at.is_(None),
        )
        .limit(1)
    )
    if owned is None:
        raise SessionNotFound()
    revoke_family(session, session_id, reason="user_revoked", now=now)


def load_signed_in_user(
    session: Session, user_id: uuid.UUID, family_id: uuid.UUID | None
) -> tuple[models.User | None, bool]:
    """The access token's user and whether its session is still active, in one query.

    Tokens without a session id count as active here; the caller decides.
    """
    if family_id is None:
        return session.get(models.User, user_id), True
    rt = models.RefreshToken
    active = (
        select(rt.id)
        .where(rt.family_id == family_id, rt.revoked_at.is_(None))
        .limit(1)
        .exists()
        .label("session_active")
    )
    row = session.execute(select(models.User, active).where(models.User.id == user_id)).first()
    if row is None:
        return None, is_active(session, family_id)
    return row[0], bool(row[1])
