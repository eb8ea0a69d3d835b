"""One-click unsubscribe (RFC 8058): the signed link in every non-account email."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import audit, models
from santa_core.config import Settings
from santa_core.notify import links

PURPOSE = "unsubscribe"


@dataclass(frozen=True)
class Subscription:
    user: models.User
    email_notifications: bool


def _user(session: Session, settings: Settings, token: str) -> models.User:
    user_id = links.verify(settings, PURPOSE, token)
    user = session.get(models.User, user_id)
    if user is None or user.deleted_at is not None:
        raise links.InvalidLinkToken()
    return user


def _settings_of(session: Session, user: models.User) -> models.UserSettings | None:
    return session.scalars(
        select(models.UserSettings).where(models.UserSettings.user_id == user.id)
    ).first()


def subscription(session: Session, settings: Settings, token: str) -> Subscription:
    user = _user(session, settings, token)
    prefs = _settings_of(session, user)
    return Subscription(user, prefs.email_notifications if prefs is not None else True)


def unsubscribe(session: Session, settings: Settings, token: str) -> Subscription:
    """Turn the token's user's notification emails off (account emails still go out)."""
    user = _user(session, settings, token)
    prefs = _settings_of(session, user)
    if prefs is None:
        prefs = models.UserSettings(user_id=user.id)
        session.add(prefs)
    if prefs.email_notifications is not False:
        prefs.email_notifications = False
        audit.record(session, user, "user.unsubscribed", target_type="user", target_id=user.id)
    session.flush()
    return Subscription(user, False)
