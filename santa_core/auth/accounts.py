"""Accounts with a password: register, verify the email, sign in, change and reset the
password, delete the account; plus what administrators do (create, (de)activate).

Services never commit. Emails are outbox rows (kinds ``verify_email`` and
``reset_password``, payload ``{"link", "full_name", "expires_at"}``; and
``signup_attempt``, see :func:`sign_up`) written in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid

from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from santa_core import audit, models, notify
from santa_core.auth import links, passwords, sessions
from santa_core.auth.errors import (
    AccountUnavailable,
    EmailNotVerified,
    EmailTaken,
    InvalidCredentials,
    WrongPassword,
)
from santa_core.auth.schemas import AccountDeletion, PasswordChange, Registration
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import UserNotFound
from santa_core.models import Language, TokenPurpose
from santa_core.notify import payloads
from santa_core.user.service import has_deliverable_email

#: Accounts made through a provider that gave no email get an address on the
#: reserved ``.invalid`` TLD (RFC 2606): unique, and never deliverable.
PLACEHOLDER_DOMAIN = "users.invalid"
_UNSAFE = re.compile(r"[^a-z0-9._-]+")


def normalize_email(email: str) -> str:
    return email.strip().lower()


def placeholder_email(provider: str, subject: str) -> str:
    return f"{provider}-{_UNSAFE.sub('-', subject.lower())}@{PLACEHOLDER_DOMAIN}"


def find_by_email(session: Session, email: str) -> models.User | None:
    """Any account with this email, soft-deleted ones included (they still own it)."""
    return session.scalars(
        select(models.User).where(models.User.email == normalize_email(email))
    ).first()


def add_user(session: Session, user: models.User) -> models.User:
    """Insert a user with default settings; a taken email is :class:`EmailTaken`."""
    if find_by_email(session, user.email) is not None:
        raise EmailTaken()
    try:
        with session.begin_nested():
            session.add(user)
            session.flush()
    except IntegrityError:
        raise EmailTaken() from None
    session.add(models.UserSettings(user_id=user.id))
    session.flush()
    return user


def send_verification(
    session: Session, settings: Settings, user: models.User, *, now: dt.datetime | None = None
) -> None:
    """Email a fresh verification link (no-op for verified or undeliverable addresses)."""
    if user.email_verified_at is not None or not has_deliverable_email(user):
        return
    url, record = links.issue(session, settings, user, TokenPurpose.VERIFY_EMAIL, now=now)
    _email_link(session, user, "verify_email", url, record)


def _email_link(
    session: Session, user: models.User, kind: str, url: str, record: models.OneTimeToken
) -> None:
    payload = payloads.PAYLOADS[kind].model_validate(
        # The link holds the plain one-time token: sealed (see the payload type).
        {"link": url, "full_name": user.full_name, "expires_at": record.expires_at.isoformat()}
    )
    notify.send(session, user, payload)


def register(
    session: Session, settings: Settings, data: Registration, *, now: dt.datetime | None = None
) -> models.User:
    email = normalize_email(str(data.email))
    passwords.check_policy(data.password, email=email)
    user = add_user(
        session,
        models.User(
            email=email,
            password_hash=passwords.hash_password(settings, data.password),
            full_name=data.full_name.strip(),
            language=data.language or Language(settings.default_language),
            timezone=data.timezone or "UTC",
        ),
    )
    audit.record(session, user, "user.registered", target_type="user", target_id=user.id)
    send_verification(session, settings, user, now=now)
    return user


def sign_up(
    session: Session, settings: Settings, data: Registration, *, now: dt.datetime | None = None
) -> models.User | None:
    """Registration that does not tell whether the address already has an account.

    A new address gets its account (as :func:`register`) and ``None`` is never
    returned for it. A taken address changes nothing and returns ``None``; its owner
    is emailed that someone tried (``signup_attempt``, at most one an hour). Both
    ways hash the password and write one audit event and one outbox row, so
    callers can answer alike in about the same time.
    """
    email = normalize_email(str(data.email))
    passwords.check_policy(data.password, email=email)
    password_hash = passwords.hash_password(settings, data.password)
    owner = find_by_email(session, email)
    if owner is None:
        try:
            user = add_user(
                session,
                models.User(
                    email=email,
                    password_hash=password_hash,
                    full_name=data.full_name.strip(),
                    language=data.language or Language(settings.default_language),
                    timezone=data.timezone or "UTC",
                ),
            )
        except EmailTaken:  # taken meanwhile by a concurrent sign-up
            owner = find_by_email(session, email)
        else:
            audit.record(session, user, "user.registered", target_type="user", target_id=user.id)
            send_verification(session, settings, user, now=now)
            return user
    if owner is not None:
        _signup_attempted(session, settings, owner, now=now or utcnow())
    return None


def _signup_attempted(
    session: Session, settings: Settings, owner: models.User, *, now: dt.datetime
) -> None:
    audit.record(session, None, "user.signup_attempted", target_type="user", target_id=owner.id)
    if owner.deleted_at is not None or not has_deliverable_email(owner):
        return
    payload = payloads.SignupAttempt(
        signin_url=notify.links.signin_url(settings),
        reset_url=notify.links.forgot_password_url(settings),
        full_name=owner.full_name or None,
    )
    # One notice an hour per account: a flood of attempts is not a flood of email.
    notify.send(session, owner, payload, dedupe_key=f"signup_attempt:{owner.id}:{now:%Y%m%d%H}")


def verify_email(session: Session, token: str, *, now: dt.datetime | None = None) -> models.User:
    now = now or utcnow()
    user = links.consume(session, token, TokenPurpose.VERIFY_EMAIL, now=now)
    if user.email_verified_at is None:
        user.email_verified_at = now
    return user


def authenticate(session: Session, settings: Settings, email: str, password: str) -> models.User:
    """The account for these credentials, or :class:`InvalidCredentials`.

    Soft-deleted accounts answer like unknown ones; a deactivated account is
    named only to someone who knows its password.
    """
    user = find_by_email(session, email)
    stored = user.password_hash if user is not None and user.deleted_at is None else None
    check = passwords.verify_password(settings, stored, password)
    if user is None or not check.ok:
        raise InvalidCredentials()
    if not user.is_active:
        raise AccountUnavailable()
    if settings.require_email_verification and user.email_verified_at is None:
        raise EmailNotVerified()
    if check.needs_rehash:
        user.password_hash = passwords.hash_password(settings, password)
    return user


def _require_password(settings: Settings, user: models.User, given: str | None) -> None:
    if user.password_hash is None:
        return
    if given is None or not passwords.verify_password(settings, user.password_hash, given).ok:
        raise WrongPassword()


def change_password(
    session: Session,
    settings: Settings,
    user: models.User,
    data: PasswordChange,
    *,
    current_session: uuid.UUID | None = None,
) -> None:
    """Set a new password; every other session is signed out."""
    _require_password(settings, user, data.current_password)
    passwords.check_policy(data.new_password, email=user.email, field="new_password")
    user.password_hash = passwords.hash_password(settings, data.new_password)
    sessions.revoke_all(session, user, reason="password_changed", except_session=current_session)
    links.void(session, user, TokenPurpose.RESET_PASSWORD)
    audit.record(session, user, "user.password_changed", target_type="user", target_id=user.id)


def request_password_reset(
    session: Session, settings: Settings, email: str, *, now: dt.datetime | None = None
) -> None:
    """Email a reset link if such an account exists; say nothing either way."""
    user = find_by_email(session, email)
    if (
        user is None
        or user.deleted_at is not None
        or not user.is_active
        or not has_deliverable_email(user)
    ):
        return
    url, record = links.issue(session, settings, user, TokenPurpose.RESET_PASSWORD, now=now)
    _email_link(session, user, "reset_password", url, record)


def reset_password(
    session: Session,
    settings: Settings,
    token: str,
    new_password: str,
    *,
    now: dt.datetime | None = None,
) -> models.User:
    """Use a reset link: new password, email counts as verified, every session ends."""
    now = now or utcnow()
    user = links.consume(session, token, TokenPurpose.RESET_PASSWORD, now=now)
    passwords.check_policy(new_password, email=user.email, field="new_password")
    user.password_hash = passwords.hash_password(settings, new_password)
    if user.email_verified_at is None:
        user.email_verified_at = now
    sessions.revoke_all(session, user, reason="password_reset", now=now)
    links.void(session, user, TokenPurpose.RESET_PASSWORD)
    audit.record(session, user, "user.password_reset", target_type="user", target_id=user.id)
    return user


def delete_account(
    session: Session,
    settings: Settings,
    user: models.User,
    data: AccountDeletion,
    *,
    now: dt.datetime | None = None,
) -> None:
    """Soft delete: hidden and signed out at once; PII goes after the grace period."""
    _require_password(settings, user, data.password)
    now = now or utcnow()
    user.deleted_at = now
    sessions.revoke_all(session, user, reason="account_deleted", now=now)
    links.void(session, user)
    audit.record(session, user, "user.deleted", target_type="user", target_id=user.id)


# --- administration (CLI) ----------------------------------------------------


def create_user(
    session: Session,
    settings: Settings,
    *,
    email: str,
    password: str | None,
    full_name: str = "",
    is_superuser: bool = False,
    verified: bool = True,
    now: dt.datetime | None = None,
) -> models.User:
    """An account made by an administrator: verified unless told otherwise."""
    email = normalize_email(email)
    if password is not None:
        passwords.check_policy(password, email=email)
    user = add_user(
        session,
        models.User(
            email=email,
            password_hash=passwords.hash_password(settings, password) if password else None,
            full_name=full_name.strip(),
            language=Language(settings.default_language),
            is_superuser=is_superuser,
            email_verified_at=(now or utcnow()) if verified else None,
        ),
    )
    audit.record(
        session,
        None,
        "user.created",
        target_type="user",
        target_id=user.id,
        details={"is_superuser": is_superuser},
    )
    return user


def get_user_by_email(session: Session, email: str) -> models.User:
    user = find_by_email(session, email)
    if user is None or user.deleted_at is not None:
        raise UserNotFound()
    return user


def set_active(session: Session, user: models.User, *, active: bool) -> None:
    """Deactivating signs the user out everywhere; they cannot sign in until reactivated."""
    if user.is_active == active:
        return
    user.is_active = active
    if not active:
        sessions.revoke_all(session, user, reason="deactivated")
    audit.record(
        session,
        None,
        "user.activated" if active else "user.deactivated",
        target_type="user",
        target_id=user.id,
    )


def users_query(*, include_deleted: bool = False) -> Select[models.User]:
    stmt = select(models.User).order_by(models.User.created_at, models.User.email)
    if not include_deleted:
        stmt = stmt.where(models.User.deleted_at.is_(None))
    return stmt


def count_users(session: Session) -> int:
    return int(
        session.scalar(
            select(func.count()).select_from(models.User).where(models.User.deleted_at.is_(None))
        )
        or 0
    )


def ensure_active(user: models.User) -> None:
    if not user.is_active or user.deleted_at is not None:
        raise AccountUnavailable()
