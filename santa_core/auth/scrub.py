"""Erasing the personal data of deleted accounts once their grace period is over.

Deleting an account hides it and ends its sessions at once
(:func:`santa_core.auth.accounts.delete_account`); this job, run daily by the
scheduler, removes what identifies the person afterwards: email, name,
password hash, linked accounts, settings, tokens, the contents of their
participant cards (name, wishes, address, phone), invitations to their address
(and the placeholders they made), forced pairs naming them, and notifications
addressed to them or, once delivered, naming them. The rows stay, so boxes and
draws keep their shape; the audit trail keeps only ids.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Any

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import sessions
from santa_core.models import OutboxStatus

SCRUBBED_DOMAIN = "deleted.invalid"
DELETED_NAME = "Deleted user"
BATCH_SIZE = 500
#: Notification kinds whose payload names another member of the box.
NAMING_KINDS = ("joined", "draw_done", "wishlist_changed")
#: Payload key of encrypted one-time links (``santa_core.notify.sealed``): left alone.
SEALED_KEY = "sealed"


def scrub_deleted_accounts(session: Session, *, now: dt.datetime, grace_days: int) -> int:
    """Scrub accounts deleted at least ``grace_days`` ago; returns how many were scrubbed.

    Idempotent: scrubbed accounts are marked and skipped next time. Works in
    batches of :data:`BATCH_SIZE`; call again while it returns a full batch.
    """
    cutoff = now - dt.timedelta(days=grace_days)
    users = list(
        session.scalars(
            select(models.User)
            .where(
                models.User.deleted_at.is_not(None),
                models.User.deleted_at <= cutoff,
                models.User.scrubbed_at.is_(None),
            )
            .order_by(models.User.deleted_at)
            .limit(BATCH_SIZE)
            .with_for_update(skip_locked=True)
        )
    )
    for user in users:
        _scrub(session, user, now)
    session.flush()
    return len(users)


def _scrub(session: Session, user: models.User, now: dt.datetime) -> None:
    uid = user.id
    old_email = user.email
    names = _names_of(session, user)
    user.email = f"deleted-{uid.hex}@{SCRUBBED_DOMAIN}"
    user.password_hash = None
    user.full_name = ""
    user.timezone = "UTC"
    user.email_verified_at = None
    user.is_active = False
    user.scrubbed_at = now
    for model in (
        models.SocialAccount,
        models.UserSettings,
        models.RefreshToken,
        models.OneTimeToken,
    ):
        session.execute(
            delete(model).where(model.user_id == uid).execution_options(synchronize_session=False)
        )
    session.execute(
        update(models.Participant)
        .where(models.Participant.user_id == uid)
        .values(
            email=None,
            display_name=DELETED_NAME,
            nickname=None,
            wishes="",
            wish_items=[],
            address=None,
            phone=None,
        )
        .execution_options(synchronize_session=False)
    )
    cards = select(models.Participant.id).where(models.Participant.user_id == uid)
    # A forced pair names an assignment of theirs: it goes with them.
    F = models.ForcedPair
    session.execute(
        delete(F)
        .where(F.santa_participant_id.in_(cards) | F.giftee_participant_id.in_(cards))
        .execution_options(synchronize_session=False)
    )
    invites = session.scalars(
        select(models.EmailInvite).where(
            (models.EmailInvite.participant_id.in_(cards)) | (models.EmailInvite.email == old_email)
        )
    )
    for invite in invites:
        invite.email = f"deleted-{invite.id.hex}@{SCRUBBED_DOMAIN}"
    # Invited elsewhere and never joined: the organizer's placeholder names them too.
    session.execute(
        update(models.Participant)
        .where(models.Participant.user_id.is_(None), models.Participant.email == old_email)
        .values(email=None, display_name=DELETED_NAME, nickname=None)
        .execution_options(synchronize_session=False)
    )
    # Notifications addressed to them (by account, or by address before they had one,
    # e.g. invitations): nothing more goes out, and the address goes.
    Outbox = models.OutboxMessage
    theirs = or_(Outbox.recipient_user_id == uid, Outbox.recipient == old_email)
    session.execute(
        update(Outbox)
        .where(theirs, Outbox.status == OutboxStatus.PENDING)
        .values(status=OutboxStatus.FAILED, last_error="recipient account deleted")
        .execution_options(synchronize_session=False)
    )
    session.execute(
        update(Outbox)
        .where(theirs)
        .values(recipient="", payload={})
        .execution_options(synchronize_session=False)
    )
    # Delivered notifications to others that name them ("X joined", "you give to X").
    boxes = select(models.Participant.box_id).where(models.Participant.user_id == uid)
    session.execute(
        update(Outbox)
        .where(
            Outbox.box_id.in_(boxes),
            Outbox.kind.in_(NAMING_KINDS),
            Outbox.status.in_((OutboxStatus.SENT, OutboxStatus.SUPPRESSED)),
        )
        .values(payload={})
        .execution_options(synchronize_session=False)
    )
    _redact_payloads(session, uid, [old_email, *names])


def _names_of(session: Session, user: models.User) -> list[str]:
    """The names the person went by: account name, card names and nicknames."""
    P = models.Participant
    names = {user.full_name}
    for display_name, nickname in session.execute(
        select(P.display_name, P.nickname).where(P.user_id == user.id)
    ):
        names.update((display_name, nickname or ""))
    return sorted((n for n in names if n and n != DELETED_NAME), key=len, reverse=True)


def _redact(value: Any, needles: list[str]) -> Any:
    if isinstance(value, str):
        for needle in needles:
            if needle.lower() in value.lower():
                value = re.sub(re.escape(needle), DELETED_NAME, value, flags=re.IGNORECASE)
        return value
    if isinstance(value, dict):
        return {k: v if k == SEALED_KEY else _redact(v, needles) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact(v, needles) for v in value]
    return value


def _redact_payloads(session: Session, uid: uuid.UUID, needles: list[str]) -> None:
    """Notifications of their boxes that name them ("Ann invites you", "revealed by Ann")."""
    Outbox, P = models.OutboxMessage, models.Participant
    boxes = (
        select(P.box_id)
        .where(P.user_id == uid)
        .union(select(models.Box.id).where(models.Box.organizer_id == uid))
    )
    for row_id, payload in session.execute(
        select(Outbox.id, Outbox.payload).where(Outbox.box_id.in_(boxes))
    ):
        redacted = _redact(payload, needles)
        if redacted != payload:
            session.execute(
                update(Outbox)
                .where(Outbox.id == row_id)
                .values(payload=redacted)
                .execution_options(synchronize_session=False)
            )


def scrub_account(session: Session, user: models.User, *, now: dt.datetime) -> None:
    """Scrub one account now, whatever its grace period (``santa gdpr erase``).

    The account is deleted first when it is not yet (signed out everywhere).
    Idempotent: an account already scrubbed is left as it is.
    """
    if user.scrubbed_at is not None:
        return
    if user.deleted_at is None:
        user.deleted_at = now
        sessions.revoke_all(session, user, reason="account_erased", now=now)
    _scrub(session, user, now)
    session.flush()
