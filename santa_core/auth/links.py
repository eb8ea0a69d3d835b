"""One-time links (email verification, password reset): hashed, short-lived, single use.

Only the HMAC of the token is stored; the plain token exists in the emailed
link alone. Issuing a new link of a purpose voids the user's older unused
ones, so only the newest email works.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlencode

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from santa_core import crypto, models
from santa_core.auth.errors import InvalidOneTimeToken
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.models import TokenPurpose

#: Web UI pages that receive the token (``?token=...``).
PAGES = {
    TokenPurpose.VERIFY_EMAIL: "/verify-email",
    TokenPurpose.RESET_PASSWORD: "/reset-password",
}


def ttl(settings: Settings, purpose: TokenPurpose) -> dt.timedelta:
    seconds = (
        settings.email_verification_ttl_seconds
        if purpose is TokenPurpose.VERIFY_EMAIL
        else settings.password_reset_ttl_seconds
    )
    return dt.timedelta(seconds=seconds)


def issue(
    session: Session,
    settings: Settings,
    user: models.User,
    purpose: TokenPurpose,
    *,
    now: dt.datetime | None = None,
) -> tuple[str, models.OneTimeToken]:
    """A new link for ``purpose``; returns ``(url, record)``. Older unused links die."""
    now = now or utcnow()
    void(session, user, purpose)
    token = crypto.new_token()
    record = models.OneTimeToken(
        user_id=user.id,
        purpose=purpose,
        token_hash=crypto.hash_token(token),
        created_at=now,
        expires_at=now + ttl(settings, purpose),
    )
    session.add(record)
    session.flush()
    url = settings.public_base_url.rstrip("/") + PAGES[purpose] + "?" + urlencode({"token": token})
    return url, record


def void(session: Session, user: models.User, purpose: TokenPurpose | None = None) -> None:
    """Forget the user's unused links (of one purpose, or all)."""
    stmt = delete(models.OneTimeToken).where(
        models.OneTimeToken.user_id == user.id, models.OneTimeToken.used_at.is_(None)
    )
    if purpose is not None:
        stmt = stmt.where(models.OneTimeToken.purpose == purpose)
    session.execute(stmt.execution_options(synchronize_session="fetch"))


def consume(
    session: Session, token: str, purpose: TokenPurpose, *, now: dt.datetime | None = None
) -> models.User:
    """Use a link once: unknown, used, expired or wrong-purpose tokens all fail alike."""
    now = now or utcnow()
    record = session.scalars(
        select(models.OneTimeToken)
        .where(
            models.OneTimeToken.token_hash.in_(crypto.hash_candidates(token)),
            models.OneTimeToken.purpose == purpose,
        )
        .with_for_update()
    ).first()
    if record is None or record.used_at is not None or record.expires_at <= now:
        raise InvalidOneTimeToken()
    user = session.get(models.User, record.user_id)
    if user is None or user.deleted_at is not None or not user.is_active:
        raise InvalidOneTimeToken()
    record.used_at = now
    return user
