"""Operator views of the outbox: what is waiting, what died, and putting it back in line."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.errors import InvalidInput
from santa_core.models import OutboxStatus

#: What ``santa outbox list`` shows by default: everything not finished.
OPEN_STATUSES = (OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED)
#: Rows ``retry`` may requeue.
RETRYABLE = (OutboxStatus.FAILED, OutboxStatus.PENDING)


def list_messages(
    session: Session,
    *,
    statuses: Sequence[OutboxStatus] = OPEN_STATUSES,
    limit: int = 50,
) -> list[models.OutboxMessage]:
    stmt = (
        select(models.OutboxMessage)
        .where(models.OutboxMessage.status.in_(list(statuses)))
        .order_by(models.OutboxMessage.created_at, models.OutboxMessage.id)
        .limit(limit)
    )
    return list(session.scalars(stmt))


def retry_messages(
    session: Session, *, now: dt.datetime, ids: Sequence[uuid.UUID] | None = None
) -> int:
    """Requeue failed rows (all of them, or the given ones) with a fresh set of attempts.

    Given ids must name failed or pending rows; a pending row is made due now.
    """
    stmt = update(models.OutboxMessage)
    if ids:
        # .all(): a Result has keys(), so dict(result) would take it for a mapping.
        found = dict(
            session.execute(
                select(models.OutboxMessage.id, models.OutboxMessage.status).where(
                    models.OutboxMessage.id.in_(list(ids))
                )
            ).all()
        )
        missing = [str(i) for i in ids if i not in found]
        if missing:
            raise InvalidInput(f"No outbox message {', '.join(missing)}.")
        wrong = [str(i) for i, s in found.items() if s not in RETRYABLE]
        if wrong:
            raise InvalidInput(
                f"Only failed or pending messages can be retried: {', '.join(wrong)}."
            )
        stmt = stmt.where(models.OutboxMessage.id.in_(list(ids)))
    else:
        stmt = stmt.where(models.OutboxMessage.status == OutboxStatus.FAILED)
    result = session.execute(
        stmt.where(models.OutboxMessage.status.in_(RETRYABLE))
        .values(status=OutboxStatus.PENDING, attempts=0, next_attempt_at=now, locked_until=None)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)
