"""Profile and settings of the signed-in person."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.errors import FieldError, InvalidInput
from santa_core.user.schemas import (
    PREFERENCES_MAX_BYTES,
    User,
    UserSettings,
    UserSettingsUpdate,
    UserUpdate,
)


def _holds_nul(value: object) -> bool:
    """True when a key or string anywhere in a JSON value has NUL (PostgreSQL refuses it)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def _nests_lists(value: object) -> bool:
    """True when a list sits directly inside a list anywhere (the spec's ``Preferences``
    nests through objects only)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, list):
            if any(isinstance(inner, list) for inner in item):
                return True
            stack.extend(item)
    return False


def has_deliverable_email(user: models.User) -> bool:
    """False for the placeholder addresses of scrubbed accounts and chat-only sign-ups."""
    return not user.email.endswith(".invalid")


def to_schema(user: models.User) -> User:
    return User(
        id=user.id,
        email=user.email if has_deliverable_email(user) else None,
        email_verified=user.email_verified_at is not None,
        full_name=user.full_name,
        language=user.language,
        timezone=user.timezone,
        has_password=user.password_hash is not None,
        is_superuser=user.is_superuser,
        created_at=user.created_at,
    )


def update_profile(session: Session, user: models.User, data: UserUpdate) -> models.User:
    if data.full_name is not None:
        user.full_name = data.full_name
    if data.language is not None:
        user.language = data.language
    if data.timezone is not None:
        user.timezone = data.timezone
    session.flush()
    return user


def get_settings(session: Session, user: models.User) -> models.UserSettings:
    """The user's settings row, created with defaults on first use."""
    row = session.scalars(
        select(models.UserSettings).where(models.UserSettings.user_id == user.id)
    ).first()
    if row is None:
        row = models.UserSettings(user_id=user.id)
        session.add(row)
        session.flush()
    return row


def update_settings(
    session: Session, user: models.User, data: UserSettingsUpdate
) -> models.UserSettings:
    row = get_settings(session, user)
    if data.preferences is not None:
        if len(json.dumps(data.preferences)) > PREFERENCES_MAX_BYTES:
            message = f"Preferences must stay under {PREFERENCES_MAX_BYTES} bytes."
            raise InvalidInput(message, errors=[FieldError(("body", "preferences"), message)])
        if _holds_nul(data.preferences):
            message = "Preferences must not contain NUL characters."
            raise InvalidInput(message, errors=[FieldError(("body", "preferences"), message)])
        if _nests_lists(data.preferences):
            message = "Preferences must not hold a list directly inside a list."
            raise InvalidInput(message, errors=[FieldError(("body", "preferences"), message)])
        row.preferences = data.preferences
    for name in ("email_notifications", "telegram_notifications", "vk_notifications"):
        value = getattr(data, name)
        if value is not None:
            setattr(row, name, value)
    session.flush()
    return row


def settings_schema(row: models.UserSettings) -> UserSettings:
    return UserSettings.model_validate(row)
