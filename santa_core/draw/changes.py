"""Changes after the draw through the engine's minimal repair: latecomers and backup santas.

Removing someone is :func:`santa_core.draw.assignments.repair_without` (called
when an organizer removes a member of a matched box). Here:

- :func:`add_latecomer` adds a person to a drawn box and splices them in with
  :func:`santa_core.draw.engine.repair`: every pair that still holds is kept and
  santas who already opened their assignment are moved last; with the rules
  allowing it, exactly one existing santa is moved (three pairs change: that
  santa's, the newcomer's as santa and as giftee).
- :func:`assign_backup_santa` gives a giftee whose gift did not come a backup
  santa: an extra pair checked against every rule (households, exclusions,
  history, no two-person loops), the failed pair withdrawn.

Both are audited without pairs; only the santas whose assignment changed are
notified (a ``draw_done`` for their new giftee) and get a live event.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, EmailStr
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from santa_core import audit, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import load
from santa_core.box.lifecycle import Action
from santa_core.box.types import Name, ShortName
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.draw import engine
from santa_core.draw.errors import DrawInfeasible
from santa_core.draw.inputs import build_input
from santa_core.draw.record import note_repair
from santa_core.draw.service import current_run, humanize, notify_santas, write_pairs
from santa_core.errors import AlreadyMember, Conflict, ParticipantNotFound
from santa_core.models import GiftStatus, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.pair.service import PairNotFound, box_pairs, pair_id, shown


class LatecomerCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    display_name: Name
    #: An existing account with this email joins at once; otherwise an offline person.
    email: EmailStr | None = None
    nickname: ShortName | None = None


class LatecomerResult(BaseModel):
    participant_id: uuid.UUID
    #: Pairs that changed (the newcomer's two included).
    changed_pairs: int
    #: Santas (other than the newcomer) whose giftee changed.
    moved_santas: int
    redrawn: bool


class NoBackupNeeded(Conflict):
    code = "backup_not_needed"
    default_message = "This gift was neither flagged nor reported missing, or it arrived."


class NoBackupSanta(Conflict):
    code = "no_backup_santa"
    default_message = "No one may be this giftee's backup santa under the box's rules."


def _current(session: Session, box_id: uuid.UUID) -> dict[str, list[str]]:
    D = models.Draw
    out: dict[str, list[str]] = {}
    for santa, giftee in session.execute(
        select(D.santa_participant_id, D.giftee_participant_id)
        .where(D.box_id == box_id)
        .order_by(D.santa_participant_id, D.slot)
    ):
        out.setdefault(str(santa), []).append(str(giftee))
    return out


def add_latecomer(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    data: LatecomerCreate,
    language: str = "en",
) -> LatecomerResult:
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.REPAIR, box.status)
    run = current_run(session, box.id)
    if run is None:
        raise DrawInfeasible("The draw has not run yet.")
    user = None
    if data.email is not None:
        U = models.User
        user = session.scalars(
            select(U).where(func.lower(U.email) == data.email.lower(), U.deleted_at.is_(None))
        ).first()
        P = models.Participant
        taken = select(P.id).where(P.box_id == box.id)
        cond = (
            P.user_id == user.id if user is not None else func.lower(P.email) == data.email.lower()
        )
        if session.scalar(taken.where(cond)) is not None:
            raise AlreadyMember()
    newcomer = models.Participant(
        box_id=box.id,
        user_id=user.id if user is not None else None,
        email=data.email.lower() if data.email else None,
        display_name=data.display_name,
        nickname=data.nickname,
        is_offline=user is None,
        status=ParticipantStatus.ACTIVE,
    )
    session.add(newcomer)
    session.flush()
    current = _current(session, box.id)
    prepared = build_input(session, box)
    opened = [pid for pid, p in prepared.people.items() if p.opened]
    result = engine.repair(prepared.data, current, opened=opened)
    if isinstance(result, engine.Infeasible):
        raise DrawInfeasible(humanize(result.explain(language), prepared), result=result.as_json())
    changed = set(result.changed)
    D = models.Draw
    session.execute(
        delete(D).where(
            D.box_id == box.id, D.santa_participant_id.in_([uuid.UUID(s) for s in changed])
        )
    )
    now = utcnow()
    new_pairs = {s: list(result.assignments[s]) for s in changed}
    write_pairs(session, box, run, new_pairs, now=now, override_by=actor.id)
    newcomer.status = ParticipantStatus.LOCKED
    notify_santas(
        session, settings, box, prepared, new_pairs, key=f"draw_latecomer:{run.id}:{newcomer.id}"
    )
    note_repair(session, box.id, changed)
    before = {(s, g) for s, gs in current.items() for g in gs}
    after = {(s, g) for s, gs in result.assignments.items() for g in gs}
    moved = len(changed - {str(newcomer.id)})
    details: dict[str, Any] = {
        "changed_pairs": len(after - before),
        "moved_santas": moved,
        "changed_opened": len(result.changed_opened),
        "redrawn": result.redrawn,
    }
    audit.record(
        session,
        actor,
        "draw.latecomer_added",
        box_id=box.id,
        target_type="participant",
        target_id=newcomer.id,
        details=details,
    )
    session.flush()
    return LatecomerResult(
        participant_id=newcomer.id,
        changed_pairs=len(after - before),
        moved_santas=moved,
        redrawn=result.redrawn,
    )


def _allowed(
    data: engine.DrawInput,
    current: dict[str, list[str]],
    santa: str,
    giftee: str,
) -> bool:
    """Every rule of the box for one extra pair ``santa -> giftee``."""
    if santa == giftee or giftee in current.get(santa, []):
        return False
    if any(santa in g and giftee in g for g in data.groups):
        return False
    if (santa, giftee) in set(data.exclusions):
        return False
    if any((santa, giftee) in set(year) for year in data.history):
        return False
    return not (data.options.avoid_two_cycles and santa in current.get(giftee, []))


def assign_backup_santa(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pid: str,
    /,
    *,
    santa_participant_id: uuid.UUID | None = None,
) -> tuple[str, str, bool]:
    """Returns (the giftee's name, the new pair's id, whether the organizer chose the santa)."""
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.REPAIR, box.status)
    pairs = box_pairs(session, settings, box.id)
    if pid not in pairs:
        raise PairNotFound()
    failed_santa, giftee_id = pairs[pid]
    G = models.Gift
    gift = session.scalars(
        select(G).where(
            G.box_id == box.id,
            G.santa_participant_id == failed_santa,
            G.giftee_participant_id == giftee_id,
        )
    ).first()
    if (
        gift is None
        or gift.status is GiftStatus.RECEIVED
        or (gift.flagged_at is None and gift.missing_reported_at is None)
    ):
        raise NoBackupNeeded()
    prepared = build_input(session, box)
    current = _current(session, box.id)
    giftee = str(giftee_id)
    if santa_participant_id is not None:
        candidates = [str(santa_participant_id)]
        if candidates[0] not in prepared.people:
            raise ParticipantNotFound()
    else:
        sent = {
            str(s)
            for (s,) in session.execute(
                select(G.santa_participant_id).where(
                    G.box_id == box.id, G.status.in_((GiftStatus.SENT, GiftStatus.RECEIVED))
                )
            )
        }
        people = sorted(p for p in prepared.people if p != str(failed_santa))
        # Reliable santas (their own gift is on its way) first, at random among equals.
        random.SystemRandom().shuffle(people)
        candidates = sorted(people, key=lambda p: p not in sent)
    chosen = next(
        (
            c
            for c in candidates
            if c != str(failed_santa) and _allowed(prepared.data, current, c, giftee)
        ),
        None,
    )
    if chosen is None:
        raise NoBackupSanta()
    D = models.Draw
    run = current_run(session, box.id)
    assert run is not None
    session.execute(
        delete(D).where(
            D.box_id == box.id,
            D.santa_participant_id == failed_santa,
            D.giftee_participant_id == giftee_id,
        )
    )
    slot = session.scalar(
        select(func.coalesce(func.max(D.slot), -1) + 1).where(
            D.box_id == box.id, D.santa_participant_id == uuid.UUID(chosen)
        )
    )
    now = utcnow()
    session.add(
        models.Draw(
            box_id=box.id,
            run_id=run.id,
            santa_participant_id=uuid.UUID(chosen),
            giftee_participant_id=giftee_id,
            slot=int(slot or 0),
            created_at=now,
            override_by=actor.id,
        )
    )
    gift.backup_assigned_at = now
    session.flush()
    notify_santas(
        session,
        settings,
        box,
        prepared,
        {chosen: [giftee]},
        key=f"draw_backup:{run.id}:{pid}",
    )
    _tell_withdrawn(session, settings, box, failed_santa, pid)
    note_repair(session, box.id, {chosen, str(failed_santa)})
    audit.record(
        session,
        actor,
        "draw.backup_santa_assigned",
        box_id=box.id,
        target_type="box",
        target_id=box.id,
        details={"chosen_by_organizer": santa_participant_id is not None},
    )
    giftee_row = session.get(models.Participant, giftee_id)
    name = shown(box, giftee_row) if giftee_row else ""
    return (
        name,
        pair_id(settings, box.id, uuid.UUID(chosen), giftee_id),
        santa_participant_id is not None,
    )


def _tell_withdrawn(
    session: Session, settings: Settings, box: models.Box, santa: uuid.UUID, pid: str
) -> None:
    member = session.get(models.Participant, santa)
    if member is None or member.user_id is None:
        return
    user = session.get(models.User, member.user_id)
    if user is None or user.deleted_at is not None:
        return
    notify.send(
        session,
        user,
        payloads.AssignmentWithdrawn(box_name=box.name, box_url=links.box_url(settings, box.id)),
        box_id=box.id,
        dedupe_key=f"assignment_withdrawn:{pid}",
    )
