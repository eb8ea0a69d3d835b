"""After the draw: my assignment, offline people's assignments, the break-glass reveal, repairs.

Pairs are secret, also from organizers. A santa sees their own giftee's card
(name, wishes, and the address and phone they gave). Organizers act for offline
people (kids without an account), so they may open those people's assignments,
and that is audited. The break-glass reveal shows every pair for support; it is
audited, stamped on the box (``pairs_revealed_at``, visible to every member)
and every participant with an account gets a ``pairs_revealed`` notification.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import audit, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import BoxAccess, load
from santa_core.box.lifecycle import Action
from santa_core.box.member_schemas import WishItem
from santa_core.box.members import get_in_box
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.draw import engine
from santa_core.draw.errors import AssignmentNotFound, DrawInfeasible, PairsArePrivate
from santa_core.draw.inputs import build_input
from santa_core.draw.record import note_repair
from santa_core.draw.rewrite import replace_pairs
from santa_core.draw.schemas import Assignment, GifteeCard, Pair, PairPerson, PairsReveal
from santa_core.draw.service import current_pairs, current_run, humanize, notify_santas
from santa_core.errors import BoxNotEditable
from santa_core.models import Language, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.notify.wording import display_name_of, shown_name


def _revealer(access: BoxAccess) -> str:
    """The one who looked, as members know them: a nickname in a box with private names,
    never an email address (a superuser outside the box by name)."""
    if access.member is not None:
        return shown_name(access.box, access.member)
    return display_name_of(access.actor)


def _assignment(
    session: Session, access: BoxAccess, santa: models.Participant, *, mark_opened: bool
) -> Assignment:
    box = access.box
    lifecycle.require(Action.VIEW_ASSIGNMENT, box.status)
    D, P = models.Draw, models.Participant
    giftees = session.scalars(
        select(P)
        .join(D, D.giftee_participant_id == P.id)
        .where(D.box_id == box.id, D.santa_participant_id == santa.id)
        .order_by(D.slot)
    ).all()
    if not giftees:
        raise AssignmentNotFound()
    if mark_opened and santa.assignment_opened_at is None:
        santa.assignment_opened_at = utcnow()
        session.flush()
    return Assignment(
        box_id=box.id,
        santa_participant_id=santa.id,
        giftees=[
            GifteeCard(
                participant_id=g.id,
                display_name=shown_name(box, g),
                wishes=g.wishes,
                wish_items=[WishItem.model_validate(i) for i in g.wish_items or []],
                address=g.address,
                phone=g.phone,
            )
            for g in giftees
        ],
        opened_at=santa.assignment_opened_at,
        pairs_revealed_at=box.pairs_revealed_at,
    )


def get_my_assignment(session: Session, actor: models.User, box_id: uuid.UUID, /) -> Assignment:
    """The santa's giftee card(s); the first look is recorded (repairs avoid moving them)."""
    access = load(session, actor, box_id)
    if access.member is None:
        raise AssignmentNotFound()
    return _assignment(session, access, access.member, mark_opened=True)


def get_assignment_for(
    session: Session, actor: models.User, box_id: uuid.UUID, participant_id: uuid.UUID, /
) -> Assignment:
    """An organizer opens an offline person's assignment, to act for them (audited)."""
    access = load(session, actor, box_id, manage=True)
    participant = get_in_box(session, access.box.id, participant_id)
    if not participant.is_offline:
        raise PairsArePrivate()
    result = _assignment(session, access, participant, mark_opened=True)
    audit.record(
        session,
        actor,
        "assignment.viewed_for_offline",
        box_id=access.box.id,
        target_type="participant",
        target_id=participant.id,
    )
    session.flush()
    return result


def reveal_pairs(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    reason: str,
    settings: Settings,
) -> PairsReveal:
    """Break-glass: every pair, for support. Audited; every participant is told."""
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.VIEW_ASSIGNMENT, box.status)
    now = utcnow()
    D, P = models.Draw, models.Participant
    people = {p.id: p for p in session.scalars(select(P).where(P.box_id == box.id))}
    pairs = [
        Pair(
            santa=PairPerson(participant_id=s, display_name=people[s].display_name),
            giftee=PairPerson(participant_id=g, display_name=people[g].display_name),
        )
        for s, g in session.execute(
            select(D.santa_participant_id, D.giftee_participant_id)
            .where(D.box_id == box.id)
            .order_by(D.santa_participant_id, D.slot)
        )
    ]
    if box.pairs_revealed_at is None:
        box.pairs_revealed_at = now
    audit.record(
        session,
        actor,
        "draw.pairs_revealed",
        box_id=box.id,
        target_type="box",
        target_id=box.id,
        details={"reason": reason, "pairs": len(pairs)},
    )
    user_ids = {p.user_id for p in people.values() if p.user_id is not None}
    users = session.scalars(
        select(models.User).where(models.User.id.in_(user_ids), models.User.deleted_at.is_(None))
    ).all()
    for user in users:
        notify.send(
            session,
            user,
            payloads.PairsRevealed(
                box_name=box.name,
                box_url=links.box_url(settings, box.id),
                revealed_by=_revealer(access),
                reason=reason,
            ),
            box_id=box.id,
            dedupe_key=f"pairs_revealed:{box.id}:{now.isoformat()}:{user.id}",
        )
    session.flush()
    return PairsReveal(box_id=box.id, revealed_at=now, pairs=pairs)


def repair_without(
    session: Session,
    settings: Settings,
    actor: models.User,
    box: models.Box,
    leaving: models.Participant,
    *,
    language: Language = Language.EN,
) -> dict[str, Any]:
    """Fix the draw for the person leaving, moving as few santas as possible.

    Returns counts for the audit log (never pairs). Santas whose giftee changed
    get a new ``draw_done`` email.
    """
    lifecycle.require(Action.REPAIR, box.status)
    current = current_pairs(session, box.id)
    if str(leaving.id) not in current:
        return {"repaired": False}
    run = current_run(session, box.id)
    if run is None:
        raise BoxNotEditable("The draw has not run yet.")
    prepared = build_input(session, box, without=leaving.id)
    opened = [pid for pid, p in prepared.people.items() if p.opened]
    result = engine.repair(prepared.data, current, opened=opened)
    if isinstance(result, engine.Infeasible):
        raise DrawInfeasible(humanize(result.explain(language), prepared), result=result.as_json())
    changed = set(result.changed)
    now = utcnow()
    new_pairs = {s: list(result.assignments[s]) for s in changed}
    replace_pairs(session, box, run, new_pairs, now=now, override_by=actor.id, leaving=leaving.id)
    for pid in result.added:
        participant = session.get(models.Participant, uuid.UUID(pid))
        if participant is not None:
            participant.status = ParticipantStatus.LOCKED
    notify_santas(
        session,
        settings,
        box,
        prepared.people,
        new_pairs,
        key=f"draw_repair:{run.id}:{now.isoformat()}",
        repair=True,
    )
    note_repair(session, box.id, changed)
    return {
        "repaired": True,
        "changed": len(changed),
        "changed_opened": len(result.changed_opened),
        "redrawn": result.redrawn,
    }
