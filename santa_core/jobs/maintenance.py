"""Housekeeping jobs: expire invitations, purge delivered notifications, GDPR scrubbing."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.config import Settings
from santa_core.db import session_scope
from santa_core.models import InviteStatus, OutboxStatus

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
        .values(status=InviteStatus.EXPIRED)
        .execution_options(synchronize_session=False)
    )
    count = int(getattr(result, "rowcount", 0) or 0)
    if count:
        log.info("invitations: %d expired", count)
    return count


def purge_outbox(session: Session, *, now: dt.datetime, retention_days: int) -> int:
    """Delete delivered/suppressed rows older than the retention (they hold names, links)."""
    cutoff = now - dt.timedelta(days=retention_days)
    result = session.execute(
        delete(models.OutboxMessage)
        .where(models.OutboxMessage.status.in_(FINAL), models.OutboxMessage.created_at < cutoff)
        .execution_options(synchronize_session=False)
    )
    return int(getattr(result, "rowcount", 0) or 0)


def scrub_accounts(factory: sessionmaker[Session], settings: Settings, *, now: dt.datetime) -> int:
    """Run the accounts area's GDPR scrub, one transaction per batch, until done."""
    from santa_core.auth.scrub import BATCH_SIZE, scrub_deleted_accounts

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
