"""Read and update shapes of profiles and settings."""

from __future__ import annotations

import datetime as dt
import uuid
from importlib import resources
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue, WithJsonSchema

from santa_core.kit.schemas import Input
from santa_core.kit.types import PersonLabel
from santa_core.models import Language

#: One line, may be empty; no control characters (PostgreSQL refuses NUL).
FullName = PersonLabel


#: The IANA zone names santa accepts: those of the pinned ``tzdata`` package, not the
#: host's zone files, so the spec's enum and the check are the same on every machine.
TIME_ZONES: tuple[str, ...] = tuple(
    sorted(
        line.strip()
        for line in resources.files("tzdata").joinpath("zones").read_text().splitlines()
        if line.strip()
    )
)
_TIME_ZONE_SET = frozenset(TIME_ZONES)


def _check_timezone(value: str) -> str:
    if value not in _TIME_ZONE_SET:
        raise ValueError("unknown time zone (use an IANA name such as Europe/Moscow)")
    return value


TimeZoneName = Annotated[
    str,
    Field(min_length=1, max_length=64),
    AfterValidator(_check_timezone),
    # One named enum in the spec (the server adds the component, see santa_server.openapi).
    WithJsonSchema({"$ref": "#/components/schemas/TimeZone"}),
]
#: The spec's ``TimeZone`` component.
TIME_ZONE_SCHEMA: dict[str, Any] = {
    "title": "TimeZone",
    "description": "An IANA time zone name (the tzdata package's list).",
    "type": "string",
    "enum": list(TIME_ZONES),
}


#: The most a user's preferences may weigh, as JSON.
PREFERENCES_MAX_BYTES = 16_384
#: No NUL anywhere: PostgreSQL's ``jsonb`` cannot hold ``\u0000`` in a string or a key.
_NO_NUL = r"^[^\x00]*$"
_SCALARS: list[dict[str, Any]] = [
    {"type": "string", "pattern": _NO_NUL},
    {"type": "number"},
    {"type": "boolean"},
    {"type": "null"},
]
_NESTED = {"$ref": "#/components/schemas/Preferences"}
_OBJECT: dict[str, Any] = {
    "type": "object",
    "propertyNames": {"pattern": _NO_NUL},
    "additionalProperties": {
        "anyOf": [*_SCALARS, _NESTED, {"type": "array", "items": {"anyOf": [*_SCALARS, _NESTED]}}]
    },
}
_WORDS = (
    'Free-form JSON, e.g. `{"muted": ["wishlist_changed"]}`. Values are strings, numbers, '
    "booleans, null, objects of the same kind, or lists of those (a list holds no list); no "
    f"key or string may contain NUL; under {PREFERENCES_MAX_BYTES} bytes as JSON."
)
#: The spec's ``Preferences`` component (added by ``santa_server.openapi``): the free-form
#: JSON ``santa_core.user.service.update_settings`` accepts. Nesting goes through objects
#: only (the SDK generator can name an object that holds itself, not a list that does).
#: The size limit is stated in words: JSON Schema cannot bound a serialized length.
PREFERENCES_SCHEMA: dict[str, Any] = {"title": "Preferences", "description": _WORDS, **_OBJECT}
#: Validated as any JSON object, so the service's field errors name ``preferences`` itself.
#: (Inline, not a bare ``$ref``: pydantic looks a field's ``$ref`` up in its own definitions.)
Preferences = Annotated[dict[str, Any], WithJsonSchema({"description": _WORDS, **_OBJECT})]


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


class UserUpdate(Input):
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
    preferences: Preferences


class UserSettingsUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    email_notifications: bool | None = None
    telegram_notifications: bool | None = None
    vk_notifications: bool | None = None
    #: Replaces the stored preferences (e.g. ``{"muted": ["wishlist_changed"]}``).
    preferences: Preferences | None = None


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
