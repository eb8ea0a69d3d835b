"""Social accounts: sign in, link and unlink identities proven by a provider.

The server runs the provider protocols (OAuth 2.1 + PKCE, OIDC, Telegram
signatures) and hands over a :class:`SocialIdentity` it has verified. Here we
decide which user it belongs to:

1. a linked social account → its user;
2. else an account with the same email, linked only when the provider says the
   email is verified. If that account never verified its email (anyone can
   register someone else's address), the provider's proof wins: its password
   is removed and its sessions end before linking, so a squatter loses access;
3. else a new account (a placeholder email when the provider gives none).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import audit, models
from santa_core.auth import accounts, sessions
from santa_core.auth.errors import (
    AccountUnavailable,
    LastSignInMethod,
    SocialAccountNotFound,
    SocialAccountTaken,
    SocialEmailTaken,
)
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.models import Language
from santa_core.user.service import get_settings, has_deliverable_email

PROVIDERS = ("google", "vk", "telegram")


@dataclass(frozen=True)
class SocialIdentity:
    provider: str
    subject: str
    email: str | None
    email_verified: bool
    full_name: str = ""
    #: Non-secret profile fields worth keeping (name, username, avatar).
    profile: dict[str, Any] = field(default_factory=dict)


def _find(session: Session, identity: SocialIdentity) -> models.SocialAccount | None:
    return session.scalars(
        select(models.SocialAccount).where(
            models.SocialAccount.provider == identity.provider,
            models.SocialAccount.provider_account_id == identity.subject,
        )
    ).first()


def _attach(session: Session, user: models.User, identity: SocialIdentity) -> models.SocialAccount:
    account = models.SocialAccount(
        user_id=user.id,
        provider=identity.provider,
        provider_account_id=identity.subject,
        email=accounts.normalize_email(identity.email) if identity.email else None,
        profile=identity.profile,
    )
    session.add(account)
    if identity.provider in ("telegram", "vk"):
        prefs = get_settings(session, user)
        if identity.provider == "telegram" and prefs.telegram_chat_id is None:
            prefs.telegram_chat_id = identity.subject
        if identity.provider == "vk" and prefs.vk_user_id is None:
            prefs.vk_user_id = identity.subject
    session.flush()
    audit.record(
        session,
        user,
        "social.linked",
        target_type="social_account",
        target_id=account.id,
        details={"provider": identity.provider},
    )
    return account


def _refresh(account: models.SocialAccount, identity: SocialIdentity) -> None:
    account.profile = identity.profile
    if identity.email:
        account.email = accounts.normalize_email(identity.email)


def sign_in(
    session: Session,
    settings: Settings,
    identity: SocialIdentity,
    *,
    now: dt.datetime | None = None,
) -> models.User:
    """The user this verified identity signs in as (created if needed)."""
    now = now or utcnow()
    linked = _find(session, identity)
    if linked is not None:
        user = session.get(models.User, linked.user_id)
        if user is None:  # pragma: no cover - the foreign key prevents it
            raise AccountUnavailable()
        accounts.ensure_active(user)
        _refresh(linked, identity)
        return user

    if identity.email:
        existing = accounts.find_by_email(session, identity.email)
        if existing is not None:
            accounts.ensure_active(existing)
            if not identity.email_verified:
                raise SocialEmailTaken()
            if existing.email_verified_at is None:
                existing.password_hash = None
                existing.email_verified_at = now
                sessions.revoke_all(session, existing, reason="email_claimed", now=now)
                audit.record(
                    session,
                    existing,
                    "user.email_claimed",
                    target_type="user",
                    target_id=existing.id,
                    details={"provider": identity.provider},
                )
            _attach(session, existing, identity)
            return existing

    email = (
        accounts.normalize_email(identity.email)
        if identity.email
        else accounts.placeholder_email(identity.provider, identity.subject)
    )
    user = accounts.add_user(
        session,
        models.User(
            email=email,
            password_hash=None,
            full_name=identity.full_name[:200],
            language=Language(settings.default_language),
            email_verified_at=now if identity.email and identity.email_verified else None,
        ),
    )
    audit.record(
        session,
        user,
        "user.registered",
        target_type="user",
        target_id=user.id,
        details={"provider": identity.provider},
    )
    _attach(session, user, identity)
    return user


def link(
    session: Session, user: models.User, identity: SocialIdentity, *, now: dt.datetime | None = None
) -> models.SocialAccount:
    """Attach an identity to a signed-in user (explicit linking from settings)."""
    linked = _find(session, identity)
    if linked is not None:
        if linked.user_id != user.id:
            raise SocialAccountTaken()
        _refresh(linked, identity)
        return linked
    if (
        identity.email_verified
        and identity.email
        and accounts.normalize_email(identity.email) == user.email
        and user.email_verified_at is None
    ):
        user.email_verified_at = now or utcnow()
    return _attach(session, user, identity)


def list_accounts(session: Session, user: models.User) -> list[models.SocialAccount]:
    return list(
        session.scalars(
            select(models.SocialAccount)
            .where(models.SocialAccount.user_id == user.id)
            .order_by(models.SocialAccount.created_at)
        )
    )


def unlink(session: Session, user: models.User, social_account_id: uuid.UUID) -> None:
    """Remove a linked account, unless it is the user's last way to sign in."""
    mine = list_accounts(session, user)
    target = next((a for a in mine if a.id == social_account_id), None)
    if target is None:
        raise SocialAccountNotFound()
    # A password signs in only with an email the user knows: not a placeholder address.
    has_password_way = user.password_hash is not None and has_deliverable_email(user)
    if not has_password_way and len(mine) == 1:
        raise LastSignInMethod()
    session.delete(target)
    session.flush()
    audit.record(
        session,
        user,
        "social.unlinked",
        target_type="social_account",
        target_id=target.id,
        details={"provider": target.provider},
    )
