"""Audit events: every state-changing action on a box writes one, in the same transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from santa_core import events, models


def record(
    session: Session,
    actor: models.User | None,
    action: str,
    *,
    box_id: uuid.UUID | None = None,
    target_type: str | None = None,
    target_id: uuid.UUID | None = None,
    details: dict[str, Any] | None = None,
) -> models.AuditEvent:
    event = models.AuditEvent(
        actor_user_id=actor.id if actor else None,
        action=action,
        box_id=box_id,
        target_type=target_type,
        target_id=target_id,
        details=details or {},
    )
    session.add(event)
    events.from_audit(session, event)
    return event
