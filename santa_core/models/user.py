"""Accounts: users, their social logins, settings, sessions and one-time tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from santa_core.db import Base, Timestamped, UUIDPk, utcnow
from santa_core.models.enums import Language, TokenPurpose, str_enum

if TYPE_CHECKING:
    from santa_core.models.box import Participant


class User(UUIDPk, Timestamped, Base):
    __tablename__ = "users"

    #: Stored lower-cased; unique among live and soft-deleted accounts until scrubbed.
    email: Mapped[str] = mapped_column(String(320), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    full_name: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[Language] = mapped_column(str_enum(Language, "language"), default=Language.EN)
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    is_superuser: Mapped[bool] = mapped_column(Boolean, default=False)
    email_verified_at: Mapped[dt.datetime | None]
    deleted_at: Mapped[dt.datetime | None] = mapped_column(index=True)
    scrubbed_at: Mapped[dt.datetime | None]

    social_accounts: Mapped[list[SocialAccount]] = relationship(
        back_populates="user", lazy="raise", cascade="all, delete-orphan"
    )
    settings: Mapped[UserSettings | None] = relationship(
        back_populates="user", lazy="raise", cascade="all, delete-orphan"
    )
    memberships: Mapped[list[Participant]] = relationship(back_populates="user", lazy="raise")

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class SocialAccount(UUIDPk, Base):
    __tablename__ = "social_accounts"
    __table_args__ = (UniqueConstraint("provider", "provider_account_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    provider: Mapped[str] = mapped_column(String(32))
    provider_account_id: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(320))
    profile: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)

    user: Mapped[User] = relationship(back_populates="social_accounts", lazy="raise")


class UserSettings(UUIDPk, Timestamped, Base):
    __tablename__ = "user_settings"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), unique=True
    )
    email_notifications: Mapped[bool] = mapped_column(Boolean, default=True)
    vk_notifications: Mapped[bool] = mapped_column(Boolean, default=False)
    telegram_notifications: Mapped[bool] = mapped_column(Boolean, default=False)
    telegram_chat_id: Mapped[str | None] = mapped_column(String(64))
    vk_user_id: Mapped[str | None] = mapped_column(String(64))
    #: Per-kind opt-outs and UI preferences, e.g. {"muted": ["wishlist_changed"]}.
    preferences: Mapped[dict[str, Any]] = mapped_column(default=dict)

    user: Mapped[User] = relationship(back_populates="settings", lazy="raise")


class RefreshToken(UUIDPk, Base):
    """One issued refresh token. Rotation chains tokens of one sign-in into a family."""

    __tablename__ = "refresh_tokens"
    __table_args__ = (Index("ix_refresh_tokens_family", "family_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    family_id: Mapped[uuid.UUID]
    parent_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("refresh_tokens.id", ondelete="SET NULL")
    )
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    issued_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    #: Set when this token was exchanged for a new one; using it again is theft.
    rotated_at: Mapped[dt.datetime | None]
    revoked_at: Mapped[dt.datetime | None]
    revoked_reason: Mapped[str | None] = mapped_column(String(64))
    user_agent: Mapped[str | None] = mapped_column(String(512))
    ip_address: Mapped[str | None] = mapped_column(String(64))


class OneTimeToken(UUIDPk, Base):
    """Email verification and password reset links: hashed, short-lived, single use."""

    __tablename__ = "one_time_tokens"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[TokenPurpose] = mapped_column(str_enum(TokenPurpose, "token_purpose"))
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[dt.datetime]
    used_at: Mapped[dt.datetime | None]
