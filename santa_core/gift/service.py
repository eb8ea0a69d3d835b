"""The gift of each pair: bought → sent → received, each move by the right side only.

=========  ============  ==========================  ==========================
action     who           from                        to
=========  ============  ==========================  ==========================
bought     santa         pending                     bought
sent       santa         pending, bought             sent (carrier, tracking)
received   giftee        sent                        received (thank-you note)
missing    giftee        sent, or any unsent status  (reported; organizers told)
                         once the shipping deadline
                         has passed
=========  ============  ==========================  ==========================

A wrong move is refused with a stable code: ``gift_wrong_side`` (403),
``gift_out_of_order`` (409), ``gift_missing_too_early`` (409); a stranger's
pair does not exist for them (``pair_not_found``, 404). Each right move tells
the other side (outbox + a live event) and refreshes the organizers' counts,
which never show pairs.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import crypto, events, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import BoxAccess, load, organizers_of
from santa_core.box.lifecycle import Action
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import Conflict, FieldError, Forbidden, InvalidInput
from santa_core.gift.schemas import Gift, GiftAction, GiftIssue, GiftList, GiftMove, GiftSummary
from santa_core.models import GiftStatus, Language, MessageSide
from santa_core.notify import links, payloads
from santa_core.pair.service import MyPair, box_pairs, my_pairs, resolve, shown

S, G = GiftStatus, MessageSide

#: action -> (the side that may make it, statuses it may start from).
MOVES: dict[GiftAction, tuple[MessageSide, frozenset[GiftStatus]]] = {
    GiftAction.BOUGHT: (G.SANTA, frozenset({S.PENDING})),
    GiftAction.SENT: (G.SANTA, frozenset({S.PENDING, S.BOUGHT})),
    GiftAction.RECEIVED: (G.GIFTEE, frozenset({S.SENT})),
    GiftAction.MISSING: (G.GIFTEE, frozenset({S.PENDING, S.BOUGHT, S.SENT})),
}
_TARGET = {GiftAction.BOUGHT: S.BOUGHT, GiftAction.SENT: S.SENT, GiftAction.RECEIVED: S.RECEIVED}


class GiftWrongSide(Forbidden):
    code = "gift_wrong_side"
    default_message = "The other side of the pair makes this move."


class GiftOutOfOrder(Conflict):
    code = "gift_out_of_order"
    default_message = "This move is not possible in the gift's current state."


class GiftMissingTooEarly(Conflict):
    code = "gift_missing_too_early"
    default_message = (
        "You can report a missing gift once it was sent or the shipping deadline has passed."
    )


def gifts_url(settings: Settings, box_id: uuid.UUID) -> str:
    return f"{links.box_url(settings, box_id)}/gifts"


def _row(session: Session, box_id: uuid.UUID, draw_id: uuid.UUID) -> models.Gift:
    M = models.Gift
    row = session.scalars(select(M).where(M.draw_id == draw_id)).first()
    if row is None:
        row = models.Gift(box_id=box_id, draw_id=draw_id, status=S.PENDING)
        session.add(row)
        session.flush()
    return row


def _deadline_passed(box: models.Box, now: dt.datetime) -> bool:
    return box.shipping_deadline is not None and box.shipping_deadline <= now


def allowed_actions(
    box: models.Box, side: MessageSide, row: models.Gift | None, now: dt.datetime
) -> list[GiftAction]:
    status = row.status if row is not None else S.PENDING
    out = []
    for action, (who, starts) in MOVES.items():
        if who is not side or status not in starts:
            continue
        if action is GiftAction.MISSING and (
            (row is not None and row.missing_reported_at is not None)
            or (status is not S.SENT and not _deadline_passed(box, now))
        ):
            continue
        out.append(action)
    return out


def _to_schema(box: models.Box, pair: MyPair, row: models.Gift | None, now: dt.datetime) -> Gift:
    return Gift(
        pair_id=pair.pair_id,
        my_role=pair.side,
        title=pair.label,
        status=row.status if row else S.PENDING,
        carrier=row.carrier if row else None,
        tracking=row.tracking if row else None,
        thank_you=row.thank_you if row else None,
        bought_at=row.bought_at if row else None,
        sent_at=row.sent_at if row else None,
        received_at=row.received_at if row else None,
        missing_reported_at=row.missing_reported_at if row else None,
        allowed_actions=allowed_actions(box, pair.side, row, now),
    )


def _find(session: Session, box_id: uuid.UUID, pair: MyPair) -> models.Gift | None:
    M = models.Gift
    return session.scalars(select(M).where(M.box_id == box_id, M.draw_id == pair.draw_id)).first()


def _access(session: Session, actor: models.User, box_id: uuid.UUID) -> BoxAccess:
    access = load(session, actor, box_id)
    lifecycle.require(Action.VIEW_ASSIGNMENT, access.box.status)
    return access


def list_my_gifts(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    language: Language = Language.EN,
) -> GiftList:
    access = _access(session, actor, box_id)
    now = utcnow()
    items = [
        _to_schema(access.box, pair, _find(session, box_id, pair), now)
        for pair in my_pairs(session, settings, access, language=language)
    ]
    return GiftList(items=items, shipping_deadline=access.box.shipping_deadline)


def _check_details(move: GiftMove) -> None:
    wrong = []
    if move.action is not GiftAction.SENT:
        wrong += [k for k in ("carrier", "tracking") if getattr(move, k) is not None]
    if move.action is not GiftAction.RECEIVED and move.thank_you is not None:
        wrong.append("thank_you")
    if wrong:
        raise InvalidInput(
            errors=[
                FieldError(("body", k), f"Not used with {move.action.value}.", "not_allowed")
                for k in wrong
            ]
        )


def move_gift(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pair_id: str,
    /,
    *,
    data: GiftMove,
    language: Language = Language.EN,
) -> Gift:
    access = _access(session, actor, box_id)
    pair = resolve(session, settings, access, pair_id, language=language)
    _check_details(data)
    side, starts = MOVES[data.action]
    if pair.side is not side:
        raise GiftWrongSide(action=data.action.value)
    row = _row(session, box_id, pair.draw_id)
    now = utcnow()
    if row.status not in starts:
        raise GiftOutOfOrder(action=data.action.value, status=row.status.value)
    if data.action is GiftAction.MISSING:
        if row.missing_reported_at is not None:
            raise GiftOutOfOrder(action=data.action.value, status=row.status.value)
        if row.status is not S.SENT and not _deadline_passed(access.box, now):
            raise GiftMissingTooEarly()
        row.missing_reported_at = now
    else:
        row.status = _TARGET[data.action]
        if data.action is GiftAction.BOUGHT:
            row.bought_at = now
        elif data.action is GiftAction.SENT:
            row.sent_at = now
            row.bought_at = row.bought_at or now
            row.carrier, row.tracking = data.carrier, data.tracking
        else:
            row.received_at = now
            row.thank_you = data.thank_you
    # Not audited: the audit log is the organizers', and two moves on one gift would pair
    # their authors. The gift row keeps the times.
    session.flush()
    _tell(session, settings, access, pair, row, data.action)
    return _to_schema(access.box, pair, row, now)


def _tell(
    session: Session,
    settings: Settings,
    access: BoxAccess,
    pair: MyPair,
    row: models.Gift,
    action: GiftAction,
) -> None:
    box = access.box
    for target in (pair.santa_id, pair.giftee_id):
        events.publish(
            session,
            box.id,
            "gift_status",
            {"pair_id": pair.pair_id, "status": row.status.value, "action": action.value},
            audience=events.PARTICIPANT,
            participant_id=target,
        )
    events.publish(
        session, box.id, "gift_counts", counts(session, box.id), audience=events.ORGANIZERS
    )
    other = session.get(models.Participant, pair.other_id)
    user = session.get(models.User, other.user_id) if other and other.user_id else None
    if other is not None and user is not None and user.deleted_at is None:
        theirs = my_pairs(
            session,
            settings,
            BoxAccess(box=box, actor=access.actor, member=other),
            language=user.language,
        )
        title = next((p.label for p in theirs if p.pair_id == pair.pair_id), "")
        sent = action is GiftAction.SENT
        payload = payloads.GiftUpdated(
            box_name=box.name,
            move=action.value,
            title=title,
            gifts_url=gifts_url(settings, box.id),
            carrier=row.carrier if sent else None,
            tracking=row.tracking if sent else None,
            thank_you=row.thank_you if action is GiftAction.RECEIVED else None,
        )
        notify.send(
            session,
            user,
            payload,
            box_id=box.id,
            # Hashed: the santa's and the giftee's notices must not share the gift's id.
            dedupe_key="gift_updated:" + crypto.hash_token(f"{row.id}:{action.value}"),
        )
    if action is GiftAction.MISSING:
        giftee = session.get(models.Participant, pair.giftee_id)
        tell_organizers(
            session,
            settings,
            box,
            reason="nothing_arrived",
            giftee_name=shown(box, giftee) if giftee else "",
            key="gift_missing:" + crypto.hash_token(str(row.id)),
        )


def tell_organizers(
    session: Session,
    settings: Settings,
    box: models.Box,
    *,
    reason: str,
    key: str,
    giftee_name: str = "",
    count: int = 1,
) -> None:
    for org in organizers_of(session, box.id):
        if org.user_id is None:
            continue
        user = session.get(models.User, org.user_id)
        if user is None or user.deleted_at is not None:
            continue
        notify.send(
            session,
            user,
            payloads.GiftIssue(
                box_name=box.name,
                reason=reason,
                giftee_name=giftee_name or None,
                count=count,
                box_url=gifts_url(settings, box.id),
            ),
            box_id=box.id,
            dedupe_key=f"{key}:{user.id}",
        )
    events.publish(
        session,
        box.id,
        "gift_issue",
        {"reason": reason, "count": count},
        audience=events.ORGANIZERS,
    )


def counts(session: Session, box_id: uuid.UUID) -> dict[str, int]:
    D, M = models.Draw, models.Gift
    statuses = session.scalars(
        select(M.status).select_from(D).outerjoin(M, M.draw_id == D.id).where(D.box_id == box_id)
    ).all()
    tally = Counter(st or S.PENDING for st in statuses)
    received = tally[S.RECEIVED]
    sent = tally[S.SENT] + received
    return {
        "pairs": len(statuses),
        "pending": tally[S.PENDING],
        "bought": tally[S.BOUGHT] + sent,
        "sent": sent,
        "received": received,
    }


def gift_summary(
    session: Session, settings: Settings, actor: models.User, box_id: uuid.UUID, /
) -> GiftSummary:
    """Organizers: how many gifts are on their way, and which giftees wait for a backup."""
    access = load(session, actor, box_id, manage=True)
    lifecycle.require(Action.VIEW_ASSIGNMENT, access.box.status)
    c = counts(session, box_id)
    M = models.Gift
    by_draw = {
        p.draw_id: (pid, p.giftee_id) for pid, p in box_pairs(session, settings, box_id).items()
    }
    issues = []
    for row in session.scalars(
        select(M).where(
            M.box_id == box_id,
            M.status != S.RECEIVED,
            (M.flagged_at.is_not(None)) | (M.missing_reported_at.is_not(None)),
        )
    ):
        pid, giftee_id = by_draw.get(row.draw_id, (None, None))
        giftee = session.get(models.Participant, giftee_id) if giftee_id else None
        if pid is None or giftee is None:
            continue
        issues.append(
            GiftIssue(
                pair_id=pid,
                giftee_participant_id=giftee.id,
                giftee_name=giftee.display_name,
                reason="nothing_arrived" if row.missing_reported_at else "not_sent_by_deadline",
                backup_assigned=row.backup_assigned_at is not None,
            )
        )
    issues.sort(key=lambda i: (i.giftee_name, i.pair_id))
    return GiftSummary(**c, issues=issues)


def flag_unsent(session: Session, settings: Settings, *, now: dt.datetime) -> int:
    """Scheduled: gifts not sent by the shipping deadline are flagged to the organizers."""
    B, D, M = models.Box, models.Draw, models.Gift
    flagged = 0
    boxes = session.scalars(
        select(B).where(
            B.status == models.BoxStatus.MATCHED,
            B.deleted_at.is_(None),
            B.shipping_deadline.is_not(None),
            B.shipping_deadline <= now,
        )
    ).all()
    for box in boxes:
        rows = {r.draw_id: r for r in session.scalars(select(M).where(M.box_id == box.id))}
        new = 0
        for draw_id in session.scalars(select(D.id).where(D.box_id == box.id)).all():
            row = rows.get(draw_id) or _row(session, box.id, draw_id)
            if row.status in (S.PENDING, S.BOUGHT) and row.flagged_at is None:
                row.flagged_at = now
                new += 1
        if new:
            tell_organizers(
                session,
                settings,
                box,
                reason="not_sent_by_deadline",
                count=new,
                key=f"gifts_unsent:{box.id}:{now.date().isoformat()}",
            )
            flagged += new
    session.flush()
    return flagged
