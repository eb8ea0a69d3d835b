"""From an outbox row to something a channel can send: who, whether, and what.

:meth:`Dispatcher.prepare` runs inside the transaction that claimed the rows.
For each row it decides, from the recipient's account and settings, whether
the notification goes out at all (a :class:`Verdict` closes it otherwise),
renders it in the row's language, and fans an email row out to the chat
channels the recipient turned on (new outbox rows, once: their dedupe key is
derived from the email row's id).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.crypto import DecryptionError
from santa_core.mail.base import Email
from santa_core.models import Channel, Language, OutboxStatus
from santa_core.notify import links
from santa_core.notify.channels import ChatMessage
from santa_core.notify.kinds import KINDS, Kind
from santa_core.notify.outbox import enqueue
from santa_core.notify.render import Renderer, RenderError
from santa_core.notify.sealed import unseal_payload


@dataclass(frozen=True)
class Delivery:
    row_id: uuid.UUID
    channel: Channel
    email: Email | None = None
    chat: ChatMessage | None = None


@dataclass(frozen=True)
class Verdict:
    """The row is closed without sending (suppressed, or failed for good)."""

    row_id: uuid.UUID
    status: OutboxStatus
    reason: str


Prepared = Delivery | Verdict


class OutboxRow(Protocol):
    """The columns of an outbox row that delivery reads (an ORM object or a Core row)."""

    id: uuid.UUID
    kind: str
    channel: Channel
    recipient: str
    recipient_user_id: uuid.UUID | None
    language: Language
    box_id: uuid.UUID | None
    payload: dict[str, Any]


@dataclass(frozen=True)
class Recipient:
    """What delivery needs to know about a recipient's account and settings."""

    id: uuid.UUID
    full_name: str
    timezone: str
    deleted: bool
    has_settings: bool
    email_notifications: bool = True
    telegram_notifications: bool = False
    telegram_chat_id: str | None = None
    vk_notifications: bool = False
    vk_user_id: str | None = None
    preferences: dict[str, Any] = field(default_factory=dict)


def load_recipients(session: Session, user_ids: set[uuid.UUID]) -> dict[uuid.UUID, Recipient]:
    if not user_ids:
        return {}
    U, S = models.User, models.UserSettings
    stmt = (
        select(
            U.id,
            U.full_name,
            U.timezone,
            U.deleted_at,
            U.scrubbed_at,
            S.id,
            S.email_notifications,
            S.telegram_notifications,
            S.telegram_chat_id,
            S.vk_notifications,
            S.vk_user_id,
            S.preferences,
        )
        .outerjoin(S, S.user_id == U.id)
        .where(U.id.in_(user_ids))
    )
    out = {}
    for (
        uid,
        name,
        tz,
        deleted_at,
        scrubbed_at,
        sid,
        email,
        tg,
        tg_id,
        vk,
        vk_id,
        prefs,
    ) in session.execute(stmt):
        out[uid] = Recipient(
            id=uid,
            full_name=name,
            timezone=tz,
            deleted=deleted_at is not None or scrubbed_at is not None,
            has_settings=sid is not None,
            email_notifications=True if sid is None else bool(email),
            telegram_notifications=bool(tg),
            telegram_chat_id=tg_id,
            vk_notifications=bool(vk),
            vk_user_id=vk_id,
            preferences=dict(prefs or {}),
        )
    return out


def muted(recipient: Recipient | None, kind: Kind) -> bool:
    if recipient is None:
        return False
    names = recipient.preferences.get("muted") or []
    return kind.name in names or kind.category.value in names


def channel_enabled(recipient: Recipient | None, channel: Channel, kind: Kind) -> tuple[bool, str]:
    """Whether the recipient wants ``kind`` on ``channel`` (people without an account get email)."""
    if kind.transactional:
        return channel is Channel.EMAIL, "account emails go by email only"
    if muted(recipient, kind):
        return False, f"the recipient muted {kind.name}"
    if channel is Channel.EMAIL:
        on = recipient is None or recipient.email_notifications
        return on, "the recipient turned email notifications off"
    if recipient is None or not recipient.has_settings:
        return False, f"the recipient has no {channel.value} settings"
    if channel is Channel.TELEGRAM:
        return recipient.telegram_notifications and bool(recipient.telegram_chat_id), (
            "the recipient turned Telegram notifications off"
        )
    return recipient.vk_notifications and bool(recipient.vk_user_id), (
        "the recipient turned VK notifications off"
    )


class Dispatcher:
    def __init__(
        self,
        settings: Settings,
        renderer: Renderer | None = None,
        *,
        kinds: dict[str, Kind] | None = None,
        chat_channels: Sequence[Channel] = (),
    ) -> None:
        self.settings = settings
        self.renderer = renderer or Renderer()
        self.kinds = kinds if kinds is not None else KINDS
        #: Chat channels that are configured; rows fan out only to those.
        self.chat_channels = tuple(chat_channels)

    def prepare(self, session: Session, rows: Sequence[OutboxRow]) -> list[Prepared]:
        users = load_recipients(
            session, {r.recipient_user_id for r in rows if r.recipient_user_id is not None}
        )
        return [self._prepare_one(session, row, users) for row in rows]

    def _prepare_one(
        self, session: Session, row: OutboxRow, users: dict[uuid.UUID, Recipient]
    ) -> Prepared:
        kind = self.kinds.get(row.kind)
        if kind is None:
            return Verdict(row.id, OutboxStatus.FAILED, f"unknown notification kind {row.kind!r}")
        user = users.get(row.recipient_user_id) if row.recipient_user_id else None
        if user is not None and user.deleted:
            return Verdict(row.id, OutboxStatus.SUPPRESSED, "the recipient's account is deleted")
        if row.channel is Channel.EMAIL and user is not None and kind.chat:
            self._fan_out(session, row, user, kind)
        enabled, reason = channel_enabled(user, row.channel, kind)
        if not enabled:
            return Verdict(row.id, OutboxStatus.SUPPRESSED, reason)
        unsubscribe = None
        if user is not None and not kind.transactional:
            unsubscribe = links.unsubscribe_url(self.settings, user.id)
        try:
            payload: dict[str, Any] = unseal_payload(row.payload or {})
        except DecryptionError:
            return Verdict(
                row.id, OutboxStatus.FAILED, "a sealed payload value cannot be decrypted"
            )
        name = payload.get("recipient_name") or payload.get("full_name")
        if not name and user is not None:
            name = user.full_name
        try:
            rendered = self.renderer.render(
                kind,
                row.language.value,
                payload,
                app_url=self.settings.public_base_url,
                recipient_name=name or None,
                unsubscribe_url=unsubscribe,
                timezone=user.timezone if user is not None else "UTC",
            )
        except RenderError as exc:
            return Verdict(row.id, OutboxStatus.FAILED, exc.message)
        if row.channel is Channel.EMAIL:
            headers = {}
            if unsubscribe:
                headers["List-Unsubscribe"] = f"<{unsubscribe}>"
                headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
            email = Email(
                to=row.recipient,
                subject=rendered.subject,
                text=rendered.text,
                html=rendered.html,
                reference=str(row.id),
                language=row.language.value,
                headers=headers,
            )
            return Delivery(row.id, row.channel, email=email)
        text = f"{rendered.subject}\n\n{rendered.body.strip()}"
        if rendered.action_url:
            text += f"\n\n{rendered.action_url}"
        return Delivery(
            row.id, row.channel, chat=ChatMessage(row.recipient, text, reference=str(row.id))
        )

    def _fan_out(self, session: Session, row: OutboxRow, user: Recipient, kind: Kind) -> None:
        if not user.has_settings:
            return
        targets = {
            Channel.TELEGRAM: user.telegram_chat_id if user.telegram_notifications else None,
            Channel.VK: user.vk_user_id if user.vk_notifications else None,
        }
        for channel, address in targets.items():
            if not address or channel not in self.chat_channels or muted(user, kind):
                continue
            enqueue(
                session,
                kind=row.kind,
                recipient=address,
                language=row.language,
                channel=channel,
                recipient_user_id=user.id,
                box_id=row.box_id,
                payload=dict(row.payload or {}),
                dedupe_key=f"{row.id}:{channel.value}",
            )
