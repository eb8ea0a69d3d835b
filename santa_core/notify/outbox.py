"""Writing notifications into the outbox, inside the caller's transaction.

A row written here is delivered only if the surrounding transaction commits:
roll the action back and the email never exists. Delivery is the job of
``santa_core.jobs`` (relay task), never of the code that enqueues.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.models import Channel, Language


def enqueue(
    session: Session,
    *,
    kind: str,
    recipient: str,
    language: Language | str = Language.EN,
    channel: Channel = Channel.EMAIL,
    recipient_user_id: uuid.UUID | None = None,
    box_id: uuid.UUID | None = None,
    payload: dict[str, Any] | None = None,
    dedupe_key: str | None = None,
) -> models.OutboxMessage | None:
    """Add one notification to the outbox; ``None`` if ``dedupe_key`` was already used."""
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
        payload=payload or {},
        dedupe_key=dedupe_key,
    )
    session.add(message)
    return message
