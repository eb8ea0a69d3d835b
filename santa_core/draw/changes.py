"""Changes after the draw through the engine's minimal repair: latecomers and backup santas.

Removing someone is :func:`santa_core.draw.assignments.repair_without` (called
when an organizer removes a member of a matched box). Here:

- :func:`add_latecomer` adds a person to a drawn box and splices them in with
  :func:`santa_core.draw.engine.repair`: every pair that still holds is kept and
  santas who already opened their assignment are moved last; with the rules
  allowing it, exactly one existing santa is moved (three pairs change: that
  santa's, the newcomer's as santa and as giftee).
- :func:`assign_backup_santa` gives a giftee whose gift did not come a backup
  santa, also with :func:`santa_core.draw.engine.repair`: the failed pair is
  excluded, pairs whose gift is on its way are forced, and every rule is
  re-checked (households, exclusions, history, no two-person loops, a single
  loop). The failed santa gets a giftee whose santa moved to the backup (or a
  longer chain when the rules want it).

Both are audited without pairs; only the santas whose assignment changed are
notified (a ``draw_done`` for their new giftee) and get a live event.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from pydantic import BaseModel, ConfigDict, EmailStr
from sqlalchemy import func, select
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
from santa_core.draw.rewrite import replace_pairs
from santa_core.draw.service import current_pairs, current_run, humanize, notify_santas
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
    current = current_pairs(session, box.id)
    prepared = build_input(session, box)
    opened = [pid for pid, p in prepared.people.items() if p.opened]
    result = engine.repair(prepared.data, current, opened=opened)
    if isinstance(result, engine.Infeasible):
        raise DrawInfeasible(humanize(result.explain(language), prepared), result=result.as_json())
    changed = set(result.changed)
    now = utcnow()
    new_pairs = {s: list(result.assignments[s]) for s in changed}
    replace_pairs(session, box, run, new_pairs, now=now, override_by=actor.id)
    newcomer.status = ParticipantStatus.LOCKED
    notify_santas(
        session,
        settings,
        box,
        prepared.people,
        new_pairs,
        key=f"draw_latecomer:{run.id}:{newcomer.id}",
        repair=True,
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


def assign_backup_santa(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    pid: str,
    /,
    *,
    santa_participant_id: uuid.UUID | None = None,
    language: str = "en",
) -> tuple[str, str, bool]:
    """Give a giftee whose gift did not come a new santa, by the engine's minimal repair.

    The box as the engine sees it, plus: the failed pair is excluded; pairs whose
    gift is already sent or received are forced (a gift on its way is not moved);
    the organizer's choice, if any, is forced. Every rule is re-checked
    (households, exclusions, history, no two-person loops, a single loop); santas
    who opened their assignment or bought their gift are moved last. An
    impossible repair is explained like an impossible draw (``draw_infeasible``);
    one that would need a whole new draw is refused (``no_backup_santa``).

    Returns (the giftee's name, the new pair's id, whether the organizer chose the santa).
    """
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    lifecycle.require(Action.REPAIR, box.status)
    pairs = box_pairs(session, settings, box.id)
    if pid not in pairs:
        raise PairNotFound()
    failed_santa, giftee_id, _ = pairs[pid]
    G, D = models.Gift, models.Draw
    gifts = {
        (str(s), str(g)): gift
        for gift, s, g in session.execute(
            select(G, D.santa_participant_id, D.giftee_participant_id)
            .join(D, D.id == G.draw_id)
            .where(G.box_id == box.id)
        )
    }
    failed, giftee = str(failed_santa), str(giftee_id)
    gift = gifts.get((failed, giftee))
    if (
        gift is None
        or gift.status is GiftStatus.RECEIVED
        or (gift.flagged_at is None and gift.missing_reported_at is None)
    ):
        raise NoBackupNeeded()
    prepared = build_input(session, box)
    current = current_pairs(session, box.id)
    chosen_by_organizer = santa_participant_id is not None
    if santa_participant_id is not None and str(santa_participant_id) not in prepared.people:
        raise ParticipantNotFound()
    on_their_way = {
        (s, g)
        for s, gs in current.items()
        for g in gs
        if (s, g) != (failed, giftee)
        and (row := gifts.get((s, g))) is not None
        and row.status in (GiftStatus.SENT, GiftStatus.RECEIVED)
    }
    # The organizers' forced pair to this giftee, if any, is the pair that failed: dropped.
    kept = [pair for pair in prepared.data.forced if pair[1] != giftee]
    forced = list(dict.fromkeys([*kept, *sorted(on_their_way)]))
    if santa_participant_id is not None:
        forced.append((str(santa_participant_id), giftee))
    try:
        data = dataclasses.replace(
            prepared.data,
            exclusions=(*prepared.data.exclusions, (failed, giftee)),
            forced=tuple(dict.fromkeys(forced)),
        )
    except engine.DrawInputError as exc:  # the chosen santa's own gift is already on its way
        raise NoBackupSanta(
            "The santa you chose already has their gift on its way; choose one whose gift "
            "is not sent yet."
            if language != "ru"
            else "Выбранный Санта уже отправил свой подарок; выберите того, кто ещё не отправил."
        ) from exc
    bought = {
        s for (s, _), row in gifts.items() if row.status is GiftStatus.BOUGHT and s in current
    }
    opened = [p for p, person in prepared.people.items() if person.opened or p in bought]
    result = engine.repair(data, current, opened=opened)
    if isinstance(result, engine.Infeasible):
        raise DrawInfeasible(
            _backup_explanation(result, data, prepared.people[giftee].display_name, language),
            result={"reason": result.reason, "proved": result.proved},
        )
    if result.redrawn:
        raise NoBackupSanta(
            "Only a new draw of the whole box would give this giftee a santa under its rules."
        )
    chosen = next(s for s, gs in result.assignments.items() if giftee in gs)
    changed = set(result.changed)
    run = current_run(session, box.id)
    assert run is not None
    now = utcnow()
    new_pairs = {s: list(result.assignments[s]) for s in changed}
    # The failed pair ends here, and its gift row with it.
    replace_pairs(session, box, run, new_pairs, now=now, override_by=actor.id)
    session.flush()
    _tell_withdrawn(session, settings, box, failed_santa, pid)
    key = f"draw_backup:{run.id}:{now.isoformat()}"
    notify_santas(session, settings, box, prepared.people, new_pairs, key=key, repair=True)
    note_repair(session, box.id, changed)
    before = {(s, g) for s, gs in current.items() for g in gs}
    after = {(s, g) for s, gs in result.assignments.items() for g in gs}
    audit.record(
        session,
        actor,
        "draw.backup_santa_assigned",
        box_id=box.id,
        target_type="box",
        target_id=box.id,
        details={
            "chosen_by_organizer": chosen_by_organizer,
            "changed_pairs": len(after - before),
            "moved_santas": len(changed),
            "changed_opened": len(result.changed_opened),
        },
    )
    giftee_row = session.get(models.Participant, giftee_id)
    name = shown(box, giftee_row) if giftee_row else ""
    return name, pair_id(settings, box.id, uuid.UUID(chosen), giftee_id), chosen_by_organizer


_RULES = {
    "groups": ("households", "семьи"),
    "exclusions": ("exclusions", "исключения"),
    "history": ("earlier years", "прошлые годы"),
    "avoid_two_cycles": ("no two people giving to each other", "без взаимных пар"),
    "single_cycle": ("one loop", "один круг"),
}


def _backup_explanation(
    result: engine.Infeasible, data: engine.DrawInput, giftee: str, language: str
) -> str:
    """Why nobody can take over, in the box's rules only: the engine's own text would
    name the failed pair and the pairs kept because their gift is on its way, and
    organizers do not see pairs."""
    in_force = {
        "groups": bool(data.groups),
        "exclusions": len(data.exclusions) > 1,  # beyond the failed pair
        "history": bool(data.history_in_force()),
        "avoid_two_cycles": data.options.avoid_two_cycles,
        "single_cycle": data.options.single_cycle,
    }
    ru = language == "ru"
    rules = ", ".join(_RULES[k][ru] for k, on in in_force.items() if on)
    if ru:
        because = f" и правила коробки ({rules})" if rules else ""
        return (
            f"Никто не может стать запасным Сантой для {giftee}: подарки, которые уже в пути, "
            f"остаются как есть, а остальные пары{because} не оставляют другого Санты "
            f"(причина движка: {result.reason})."
        )
    because = f" and the box's rules ({rules})" if rules else ""
    return (
        f"No one can be {giftee}'s backup santa: gifts already on their way stay as they are, "
        f"and the other pairs{because} leave no other santa (engine reason: {result.reason})."
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
