"""Enumerations stored as strings (portable, with a CHECK constraint)."""

from __future__ import annotations

import enum
from typing import Any

from sqlalchemy import Enum


class BoxStatus(enum.StrEnum):
    DRAFT = "draft"
    READY = "ready"
    DRAWING = "drawing"
    MATCHED = "matched"
    ARCHIVED = "archived"


class ParticipantStatus(enum.StrEnum):
    INVITED = "invited"
    ACTIVE = "active"
    LOCKED = "locked"


class ParticipantRole(enum.StrEnum):
    PARTICIPANT = "participant"
    CO_ORGANIZER = "co_organizer"
    ORGANIZER = "organizer"


class InviteStatus(enum.StrEnum):
    PENDING = "pending"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    EXPIRED = "expired"
    REVOKED = "revoked"


class OutboxStatus(enum.StrEnum):
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"  # dead letter: gave up after the last retry
    SUPPRESSED = "suppressed"  # not sent: the recipient opted out or the account is gone


class Channel(enum.StrEnum):
    EMAIL = "email"
    TELEGRAM = "telegram"
    VK = "vk"


class TokenPurpose(enum.StrEnum):
    VERIFY_EMAIL = "verify_email"
    RESET_PASSWORD = "reset_password"  # noqa: S105


class Language(enum.StrEnum):
    EN = "en"
    RU = "ru"


def str_enum(cls: type[enum.StrEnum], name: str) -> Enum:
    """A non-native enum column storing the values, with a named CHECK constraint."""

    def values(e: Any) -> list[str]:
        return [m.value for m in e]

    return Enum(
        cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=32,
        values_callable=values,
        validate_strings=True,
    )
