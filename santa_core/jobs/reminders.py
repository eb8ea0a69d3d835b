"""Reminders and nudges, computed from the clock the caller passes (tests drive it).

Each rule picks who should hear something *now* and writes an outbox row with
a dedupe key naming the rule, the box and the person, so a rule fires at most
once per person however often it runs (the unique key also settles two
schedulers racing). A rule only fires inside its window: a worker that was
down through a whole window sends nothing late.

==========================  ========================================================
rule                        window / who
==========================  ========================================================
signup_deadline_reminder    lead time before the signup deadline, box not drawn yet;
                            members taking part
shipping_deadline_reminder  lead time before the shipping deadline, box matched; santas
event_reminder              lead time before the event day (UTC) until it ends,
                            box matched; members taking part
wishes_nudge                member for ``nudge_after`` with an empty wishlist, before
                            the draw and the signup deadline
assignment_nudge            ``nudge_after`` since the draw, assignment never opened,
                            before the event
invite_reminder             invitation pending for ``nudge_after`` and not expired;
                            repeats the original invitation's content
==========================  ========================================================
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.invite.service import INVITE_PREFIX, invite_payload, new_code
from santa_core.models import BoxStatus, InviteStatus, Language, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.notify.outbox import enqueue
from santa_core.notify.wording import display_name_of

OPEN = (BoxStatus.DRAFT, BoxStatus.READY)
P = models.Participant


@dataclass(frozen=True)
class Recipient:
    participant: models.Participant
    user: models.User | None

    @property
    def language(self) -> Language | None:
        return self.user.language if self.user is not None else None


def event_start(box: models.Box) -> dt.datetime | None:
    if box.event_date is None:
        return None
    return dt.datetime.combine(box.event_date, dt.time(0, 0), tzinfo=dt.UTC)


def members(
    session: Session, box_ids: Iterable[uuid.UUID], *, santas_only: bool = False
) -> dict[uuid.UUID, list[Recipient]]:
    """Reachable members taking part, per box, with their accounts."""
    ids = list(box_ids)
    if not ids:
        return {}
    stmt = (
        select(P, models.User)
        .outerjoin(models.User, models.User.id == P.user_id)
        .where(
            P.box_id.in_(ids),
            P.status != ParticipantStatus.INVITED,
            P.takes_part.is_(True),
            P.is_offline.is_(False),
            P.email.is_not(None),
        )
        .order_by(P.created_at, P.id)
    )
    if santas_only:
        santas = select(models.Draw.santa_participant_id).where(models.Draw.box_id.in_(ids))
        stmt = stmt.where(P.id.in_(santas))
    out: dict[uuid.UUID, list[Recipient]] = {}
    for participant, user in session.execute(stmt):
        if user is not None and user.deleted_at is not None:
            continue
        out.setdefault(participant.box_id, []).append(Recipient(participant, user))
    return out


class _Writer:
    """Writes reminder rows, skipping dedupe keys that already exist (checked in bulk)."""

    def __init__(self, session: Session, settings: Settings) -> None:
        self.session = session
        self.settings = settings
        self.count = 0

    def write(
        self,
        box: models.Box,
        recipients: Sequence[Recipient],
        payload: payloads.Payload,
        *,
        key: str,
    ) -> None:
        keyed = {f"reminder:{key}:{box.id}:{r.participant.id}": r for r in recipients}
        if not keyed:
            return
        existing = set(
            self.session.scalars(
                select(models.OutboxMessage.dedupe_key).where(
                    models.OutboxMessage.dedupe_key.in_(list(keyed))
                )
            )
        )
        for dedupe_key, r in keyed.items():
            if dedupe_key in existing or not r.participant.email:
                continue
            message = enqueue(
                self.session,
                kind=payload.kind,
                recipient=r.participant.email,
                language=r.language or self.settings.default_language,
                recipient_user_id=r.user.id if r.user is not None else None,
                box_id=box.id,
                payload=payload.model_copy(update={"recipient_name": r.participant.display_name}),
                dedupe_key=dedupe_key,
            )
            if message is not None:
                self.count += 1


def send_reminders(session: Session, settings: Settings, *, now: dt.datetime) -> int:
    """Queue every reminder due at ``now``; returns how many rows were written."""
    writer = _Writer(session, settings)
    lead = dt.timedelta(hours=settings.reminder_lead_hours)
    nudge = dt.timedelta(hours=settings.nudge_after_hours)
    _signup(session, settings, writer, now, lead)
    _shipping(session, settings, writer, now, lead)
    _event(session, settings, writer, now, lead)
    _wishes(session, settings, writer, now, nudge)
    _assignment(session, settings, writer, now, nudge)
    _invites(session, settings, writer, now, nudge)
    session.flush()
    return writer.count


def _live_boxes(*conditions: Any) -> Any:
    return select(models.Box).where(models.Box.deleted_at.is_(None), *conditions)


def _signup(
    session: Session, settings: Settings, w: _Writer, now: dt.datetime, lead: dt.timedelta
) -> None:
    boxes = list(
        session.scalars(
            _live_boxes(
                models.Box.status.in_(OPEN),
                models.Box.signup_deadline > now,
                models.Box.signup_deadline <= now + lead,
            )
        )
    )
    people = members(session, (b.id for b in boxes))
    for box in boxes:
        assert box.signup_deadline is not None
        payload = payloads.SignupDeadlineReminder(
            box_name=box.name,
            signup_deadline=box.signup_deadline.isoformat(),
            box_url=links.box_url(settings, box.id),
        )
        w.write(box, people.get(box.id, []), payload, key="signup")


def _shipping(
    session: Session, settings: Settings, w: _Writer, now: dt.datetime, lead: dt.timedelta
) -> None:
    boxes = list(
        session.scalars(
            _live_boxes(
                models.Box.status == BoxStatus.MATCHED,
                models.Box.shipping_deadline > now,
                models.Box.shipping_deadline <= now + lead,
            )
        )
    )
    santas = members(session, (b.id for b in boxes), santas_only=True)
    for box in boxes:
        assert box.shipping_deadline is not None
        payload = payloads.ShippingDeadlineReminder(
            box_name=box.name,
            shipping_deadline=box.shipping_deadline.isoformat(),
            assignment_url=links.assignment_url(settings, box.id),
        )
        w.write(box, santas.get(box.id, []), payload, key="shipping")


def _event(
    session: Session, settings: Settings, w: _Writer, now: dt.datetime, lead: dt.timedelta
) -> None:
    today = now.astimezone(dt.UTC).date()
    horizon = (now + lead).astimezone(dt.UTC).date()
    boxes = list(
        session.scalars(
            _live_boxes(
                models.Box.status == BoxStatus.MATCHED,
                models.Box.event_date >= today,
                models.Box.event_date <= horizon,
            )
        )
    )
    due = []
    for box in boxes:
        start = event_start(box)
        if start is not None and start - lead <= now < start + dt.timedelta(days=1):
            due.append(box)
    people = members(session, (b.id for b in due))
    for box in due:
        assert box.event_date is not None
        payload = payloads.EventReminder(
            box_name=box.name,
            event_date=box.event_date.isoformat(),
            box_url=links.box_url(settings, box.id),
        )
        w.write(box, people.get(box.id, []), payload, key="event")


def _wishes(
    session: Session, settings: Settings, w: _Writer, now: dt.datetime, nudge: dt.timedelta
) -> None:
    boxes = {
        b.id: b
        for b in session.scalars(
            _live_boxes(
                models.Box.status.in_(OPEN),
                (models.Box.signup_deadline.is_(None)) | (models.Box.signup_deadline > now),
            )
        )
    }
    people = members(session, boxes)
    for box_id, recipients in people.items():
        box = boxes[box_id]
        lazy = [
            r
            for r in recipients
            if not (r.participant.wishes or "").strip()
            and not r.participant.wish_items
            and r.participant.created_at <= now - nudge
        ]
        ask = payloads.WishesNudge(box_name=box.name, box_url=links.box_url(settings, box.id))
        w.write(box, lazy, ask, key="wishes")


def _assignment(
    session: Session, settings: Settings, w: _Writer, now: dt.datetime, nudge: dt.timedelta
) -> None:
    boxes = {
        b.id: b
        for b in session.scalars(
            _live_boxes(models.Box.status == BoxStatus.MATCHED, models.Box.drawn_at <= now - nudge)
        )
    }
    boxes = {
        k: b
        for k, b in boxes.items()
        if (start := event_start(b)) is None or now < start + dt.timedelta(days=1)
    }
    santas = members(session, boxes, santas_only=True)
    for box_id, recipients in santas.items():
        box = boxes[box_id]
        unopened = [r for r in recipients if r.participant.assignment_opened_at is None]
        look = payloads.AssignmentNudge(
            box_name=box.name, assignment_url=links.assignment_url(settings, box.id)
        )
        w.write(box, unopened, look, key="assignment")


def _invites(
    session: Session, settings: Settings, w: _Writer, now: dt.datetime, nudge: dt.timedelta
) -> None:
    """One reminder per pending invitation, repeating the invitation's link.

    The link comes from the invitation's sealed code (the first email's content is
    emptied once delivered). An invitation written before codes were kept sealed
    gets a new code, as an organizer's resend would (its first link stops working)."""
    rows = session.execute(
        select(models.EmailInvite, models.Box)
        .join(models.Box, models.Box.id == models.EmailInvite.box_id)
        .where(
            models.EmailInvite.status == InviteStatus.PENDING,
            models.EmailInvite.expires_at > now,
            models.EmailInvite.created_at <= now - nudge,
            models.Box.deleted_at.is_(None),
            models.Box.status.in_(OPEN),
        )
    ).all()
    for invite, box in rows:
        if box.signup_deadline is not None and box.signup_deadline <= now:
            continue
        dedupe_key = f"reminder:invite:{invite.id}"
        if session.scalar(
            select(models.OutboxMessage.id).where(models.OutboxMessage.dedupe_key == dedupe_key)
        ):
            continue
        account = session.scalars(
            select(models.User).where(
                models.User.email == invite.email, models.User.deleted_at.is_(None)
            )
        ).first()
        inviter = (
            session.get(models.User, invite.invited_by_id)
            if invite.invited_by_id is not None
            else None
        )
        first_language = session.scalars(
            select(models.OutboxMessage.language)
            .where(
                models.OutboxMessage.kind == "invite",
                models.OutboxMessage.box_id == box.id,
                models.OutboxMessage.recipient == invite.email,
            )
            .order_by(models.OutboxMessage.created_at.desc())
            .limit(1)
        ).first()
        if account is not None:
            language: Language | str = account.language
        elif first_language is not None:
            language = first_language
        elif inviter is not None:
            language = inviter.language
        else:
            language = settings.default_language
        code = invite.code_sealed
        if code is None:
            code, invite.invite_code_hash = new_code(INVITE_PREFIX)
            invite.code_sealed = code
        invite.last_sent_at = now
        invite.send_count += 1
        first = invite_payload(
            settings,
            box,
            display_name_of(inviter) if inviter is not None else box.name,
            code,
            invite.expires_at,
            None,
        )
        message = enqueue(
            session,
            kind="invite_reminder",
            recipient=invite.email,
            language=language,
            recipient_user_id=account.id if account is not None else None,
            box_id=box.id,
            payload=payloads.InviteReminder(**first.model_dump()),
            dedupe_key=dedupe_key,
        )
        if message is not None:
            w.count += 1
