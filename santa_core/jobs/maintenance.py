"""Housekeeping jobs: expire invitations, purge delivered notifications, GDPR scrubbing."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.auth.scrub import BATCH_SIZE, scrub_deleted_accounts
from santa_core.config import Settings
from santa_core.db import session_scope
from santa_core.models import BoxStatus, InviteStatus, OutboxStatus

log = logging.getLogger("santa.jobs")

#: Statuses that are final; such rows may be purged after the retention period.
FINAL = (OutboxStatus.SENT, OutboxStatus.SUPPRESSED)
#: Upper bound of scrub batches per run (the scrub works in batches).
MAX_SCRUB_BATCHES = 100


def outbox_counts(session: Session) -> dict[OutboxStatus, int]:
    rows = session.execute(
        select(models.OutboxMessage.status, func.count()).group_by(models.OutboxMessage.status)
    )
    return {OutboxStatus(status): int(n) for status, n in rows}


def expire_invites(session: Session, *, now: dt.datetime) -> int:
    """Pending invitations past their expiry become ``expired``; returns how many."""
    result = session.execute(
        update(models.EmailInvite)
        .where(
            models.EmailInvite.status == InviteStatus.PENDING,
            models.EmailInvite.expires_at <= now,
        )
        .values(status=InviteStatus.EXPIRED, code_sealed=None)
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        log.info("invitations: %d expired", count)
    return count


def purge_outbox(session: Session, *, now: dt.datetime, retention_days: int) -> int:
    """Delete delivered/suppressed rows older than the retention (they hold names, links).

    A row's dedupe key is what stops a reminder or nudge from going out a second
    time, so while its box lives (not archived, not deleted) the row stays as a
    tombstone, its payload emptied. Returns how many rows were deleted.
    """
    Outbox = models.OutboxMessage
    cutoff = now - dt.timedelta(days=retention_days)
    old = (Outbox.status.in_(FINAL), Outbox.created_at < cutoff)
    live_boxes = select(models.Box.id).where(
        models.Box.deleted_at.is_(None), models.Box.status != BoxStatus.ARCHIVED
    )
    result = session.execute(
        delete(Outbox)
        .where(
            *old,
            or_(
                Outbox.dedupe_key.is_(None),
                Outbox.box_id.is_(None),
                Outbox.box_id.not_in(live_boxes),
            ),
        )
        .execution_options(synchronize_session=False)
    )
    tombstones = [
        row_id
        for row_id, payload in session.execute(
            select(Outbox.id, Outbox.payload).where(
                *old, Outbox.dedupe_key.is_not(None), Outbox.box_id.in_(live_boxes)
            )
        )
        if payload
    ]
    for start in range(0, len(tombstones), 500):
        session.execute(
            update(Outbox)
            .where(Outbox.id.in_(tombstones[start : start + 500]))
            .values(payload={}, last_error=None)
            .execution_options(synchronize_session=False)
        )
    return int(getattr(result, "rowcount", 0) or 0)


def scrub_accounts(factory: sessionmaker[Session], settings: Settings, *, now: dt.datetime) -> int:
    """Run the accounts area's GDPR scrub, one transaction per batch, until done."""
    total = 0
    for _ in range(MAX_SCRUB_BATCHES):
        with session_scope(factory) as session:
            done = scrub_deleted_accounts(session, now=now, grace_days=settings.gdpr_grace_days)
        total += done
        if done < BATCH_SIZE:
            break
    if total:
        log.info("GDPR: %d deleted account(s) scrubbed", total)
    return total
