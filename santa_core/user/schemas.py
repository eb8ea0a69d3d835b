"""Read and update shapes of profiles and settings."""

from __future__ import annotations

import datetime as dt
import uuid
import zoneinfo
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue

from santa_core.kit.types import PersonLabel
from santa_core.models import Language

#: One line, may be empty; no control characters (PostgreSQL refuses NUL).
FullName = PersonLabel


def _check_timezone(value: str) -> str:
    try:
        zoneinfo.ZoneInfo(value)
    # A folder of the zone database ("Europe") is an OSError, not "not found".
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ValueError("unknown time zone (use an IANA name such as Europe/Moscow)") from None
    return value


TimeZoneName = Annotated[str, Field(min_length=1, max_length=64), AfterValidator(_check_timezone)]


class User(BaseModel):
    """The signed-in person, as they see themselves."""

    id: uuid.UUID
    #: None for accounts created through a provider that gave no email (e.g. Telegram).
    email: str | None
    email_verified: bool
    full_name: str
    language: Language
    timezone: str
    has_password: bool
    is_superuser: bool
    created_at: dt.datetime


class UserUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    full_name: FullName | None = None
    language: Language | None = None
    timezone: TimeZoneName | None = None


class UserSettings(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    email_notifications: bool
    telegram_notifications: bool
    vk_notifications: bool
    #: Set when a Telegram account is linked: where the bot writes.
    telegram_chat_id: str | None
    vk_user_id: str | None
    preferences: dict[str, Any]


class UserSettingsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    email_notifications: bool | None = None
    telegram_notifications: bool | None = None
    vk_notifications: bool | None = None
    #: Replaces the stored preferences (e.g. ``{"muted": ["wishlist_changed"]}``).
    preferences: dict[str, Any] | None = None


class SocialAccount(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    provider: str
    email: str | None
    created_at: dt.datetime


class UserExport(BaseModel):
    """Everything santa holds about the signed-in person (GDPR export, ``santa-export/1``).

    ``account`` is their user row; every other key is a section named after what
    it holds (``memberships``, ``invitations``, ``sessions``, ``notifications``,
    ``audit_events``, ...), a list of rows with every column but hashed secrets.
    """

    model_config = ConfigDict(extra="allow")

    format: str
    generated_at: dt.datetime
    user_id: uuid.UUID
    account: dict[str, JsonValue]
    #: Names of the boxes the document mentions, by id.
    box_names: dict[str, JsonValue]
