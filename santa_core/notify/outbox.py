"""Writing notifications into the outbox, inside the caller's transaction.

The one front door for every notification: :func:`send` (tell one account),
:func:`enqueue` (any recipient address), and :func:`row` + :func:`add_rows`
for thousands at once. Each checks the payload against its kind's type
(:mod:`.payloads`) before the row exists.

A row written here is delivered only if the surrounding transaction commits:
roll the action back and the email never exists. Delivery is the job of
``santa_core.jobs`` (relay task), never of the code that enqueues.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.kit.bulk import bulk_insert
from santa_core.models import Channel, Language, OutboxStatus
from santa_core.notify.announce import rows_added
from santa_core.notify.kinds import get_kind
from santa_core.notify.payloads import PAYLOADS, InvalidPayload, Payload, check


def stored_payload(kind: str, payload: Payload | Mapping[str, Any] | None) -> dict[str, Any]:
    """The payload as the row keeps it, after checking it against the kind's type."""
    get_kind(kind)
    if isinstance(payload, Payload):
        if payload.kind != kind:
            raise InvalidPayload(f"a {payload.kind} payload for a {kind} notification")
        return payload.stored()
    data = dict(payload or {})
    check(PAYLOADS[kind], data)
    return data


def enqueue(
    session: Session,
    *,
    kind: str,
    recipient: str,
    language: Language | str = Language.EN,
    channel: Channel = Channel.EMAIL,
    recipient_user_id: uuid.UUID | None = None,
    box_id: uuid.UUID | None = None,
    payload: Payload | Mapping[str, Any] | None = None,
    dedupe_key: str | None = None,
) -> models.OutboxMessage | None:
    """Add one notification to the outbox; ``None`` if ``dedupe_key`` was already used.

    A mapping ``payload`` is the stored form (secrets already sealed), as when a
    row is copied to another channel or repeated as a reminder.
    """
    stored = stored_payload(kind, payload)
    if dedupe_key is not None:
        exists = session.scalar(
            select(models.OutboxMessage.id).where(models.OutboxMessage.dedupe_key == dedupe_key)
        )
        if exists is not None:
            return None
    message = models.OutboxMessage(
        kind=kind,
        channel=channel,
        recipient=recipient,
        language=Language(language),
        recipient_user_id=recipient_user_id,
        box_id=box_id,
        payload=stored,
        dedupe_key=dedupe_key,
    )
    session.add(message)
    return message


def send(
    session: Session,
    to: models.User,
    payload: Payload,
    *,
    box_id: uuid.UUID | None = None,
    dedupe_key: str | None = None,
) -> models.OutboxMessage | None:
    """Tell one account, by email in its language (and its chats, when it turned them on)."""
    return enqueue(
        session,
        kind=payload.kind,
        recipient=to.email,
        language=to.language,
        recipient_user_id=to.id,
        box_id=box_id,
        payload=payload,
        dedupe_key=dedupe_key,
    )


def row(
    payload: Payload,
    *,
    recipient: str,
    language: Language,
    recipient_user_id: uuid.UUID | None,
    box_id: uuid.UUID,
    dedupe_key: str | None,
    now: dt.datetime,
    traced: bool = True,
) -> dict[str, Any]:
    """One outbox row as a dict, for :func:`add_rows` (same columns as :func:`enqueue`).

    ``traced=False`` leaves out the request id, for rows of one request that must not be
    tied together in the table (empty, not ``None``: a bulk insert fills ``None`` in
    with the column's default, the current request id)."""
    extra: dict[str, Any] = {} if traced else {"request_id": ""}
    return {
        **extra,
        "id": uuid.uuid4(),
        "kind": payload.kind,
        "channel": Channel.EMAIL,
        "recipient": recipient,
        "language": language,
        "recipient_user_id": recipient_user_id,
        "box_id": box_id,
        "payload": payload.stored(),
        "dedupe_key": dedupe_key,
        "status": OutboxStatus.PENDING,
        "attempts": 0,
        "next_attempt_at": now,
        "created_at": now,
    }


def add_rows(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Write many rows from :func:`row` in one statement; the job queue is told after commit."""
    bulk_insert(session, models.OutboxMessage, rows, on_copy=lambda n: rows_added(session, n))
