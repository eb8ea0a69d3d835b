"""Households, exclusions and forced pairs: who must (not) give to whom.

All are fixed once the draw has run.

A household is set in one step and works both ways: nobody gives a gift
inside it. A person is in at most one household; putting them in another moves
them. An exclusion is directed (``santa`` never gives to ``giftee``);
``both_ways`` adds the reverse too. A forced pair is directed too (``santa``
always gives to ``giftee``); a santa has at most one and a giftee at most one.
A forced pair that clashes with a household, an exclusion or the draw options is
accepted like an impossible exclusion: the preview explains it with a fix.
Forced pairs name an assignment, so only the organizers read them; they are for one
year's draw, so renewing a box does not copy them.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from santa_core import audit, models
from santa_core.box import lifecycle
from santa_core.box.access import load
from santa_core.box.errors import (
    ExclusionExists,
    ExclusionNotFound,
    ForcedPairExists,
    ForcedPairNotFound,
    HouseholdNotFound,
    InvalidRule,
)
from santa_core.box.lifecycle import Action
from santa_core.box.member_schemas import (
    Exclusion,
    ExclusionCreate,
    ForcedPair,
    ForcedPairCreate,
    Household,
    HouseholdCreate,
    HouseholdUpdate,
)
from santa_core.errors import FieldError


def _check_members(
    session: Session, box_id: uuid.UUID, ids: Sequence[uuid.UUID], field: str
) -> list[uuid.UUID]:
    unique = list(dict.fromkeys(ids))
    if len(unique) != len(ids):
        raise InvalidRule(
            errors=[FieldError(("body", field), "A person is listed twice.", "duplicate")]
        )
    found = set(
        session.scalars(
            select(models.Participant.id).where(
                models.Participant.box_id == box_id, models.Participant.id.in_(unique)
            )
        )
    )
    missing = [i for i, pid in enumerate(unique) if pid not in found]
    if missing:
        raise InvalidRule(
            errors=[
                FieldError(("body", field, i), "Not a member of this box.", "unknown_participant")
                for i in missing
            ]
        )
    return unique


def _household_schema(session: Session, household: models.Household) -> Household:
    members = session.scalars(
        select(models.Participant.id)
        .where(models.Participant.household_id == household.id)
        .order_by(models.Participant.created_at, models.Participant.id)
    ).all()
    return Household(
        id=household.id,
        name=household.name,
        participant_ids=list(members),
        created_at=household.created_at,
    )


def list_households(session: Session, actor: models.User, box_id: uuid.UUID, /) -> list[Household]:
    access = load(session, actor, box_id, manage=True)
    households = session.scalars(
        select(models.Household)
        .where(models.Household.box_id == access.box.id)
        .order_by(models.Household.created_at, models.Household.id)
    ).all()
    members: dict[uuid.UUID, list[uuid.UUID]] = {h.id: [] for h in households}
    for pid, hid in session.execute(
        select(models.Participant.id, models.Participant.household_id)
        .where(
            models.Participant.box_id == access.box.id,
            models.Participant.household_id.is_not(None),
        )
        .order_by(models.Participant.created_at, models.Participant.id)
    ):
        if hid is not None:
            members.setdefault(hid, []).append(pid)
    return [
        Household(id=h.id, name=h.name, participant_ids=members[h.id], created_at=h.created_at)
        for h in households
    ]


def _set_members(
    session: Session, box_id: uuid.UUID, household: models.Household, ids: list[uuid.UUID]
) -> None:
    P = models.Participant
    session.execute(
        update(P)
        .where(P.household_id == household.id, P.id.not_in(ids))
        .values(household_id=None)
        .execution_options(synchronize_session="fetch")
    )
    session.execute(
        update(P)
        .where(P.box_id == box_id, P.id.in_(ids))
        .values(household_id=household.id)
        .execution_options(synchronize_session="fetch")
    )
    _drop_empty_households(session, box_id)


def _drop_empty_households(session: Session, box_id: uuid.UUID) -> None:
    """A household left with fewer than two people means nothing: remove it."""
    P, H = models.Participant, models.Household
    counts = {
        hid: int(n)
        for hid, n in session.execute(
            select(P.household_id, func.count())
            .where(P.box_id == box_id, P.household_id.is_not(None))
            .group_by(P.household_id)
        )
    }
    for household in session.scalars(select(H).where(H.box_id == box_id)).all():
        if counts.get(household.id, 0) < 2:
            session.execute(
                update(P)
                .where(P.household_id == household.id)
                .values(household_id=None)
                .execution_options(synchronize_session="fetch")
            )
            session.delete(household)


def create_household(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: HouseholdCreate
) -> Household:
    access = load(session, actor, box_id, manage=True, for_update=True)
    lifecycle.require(Action.EDIT_RULES, access.box.status)
    ids = _check_members(session, access.box.id, data.participant_ids, "participant_ids")
    household = models.Household(box_id=access.box.id, name=data.name)
    session.add(household)
    session.flush()
    _set_members(session, access.box.id, household, ids)
    audit.record(
        session,
        actor,
        "household.created",
        box_id=access.box.id,
        target_type="household",
        target_id=household.id,
        details={"members": len(ids)},
    )
    session.flush()
    return _household_schema(session, household)


def _get_household(
    session: Session, box_id: uuid.UUID, household_id: uuid.UUID
) -> models.Household:
    household = session.get(models.Household, household_id)
    if household is None or household.box_id != box_id:
        raise HouseholdNotFound()
    return household


def update_household(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    household_id: uuid.UUID,
    /,
    *,
    data: HouseholdUpdate,
) -> Household:
    access = load(session, actor, box_id, manage=True, for_update=True)
    household = _get_household(session, access.box.id, household_id)
    lifecycle.require(Action.EDIT_RULES, access.box.status)
    if data.name is not None:
        household.name = data.name
    if data.participant_ids is not None:
        ids = _check_members(session, access.box.id, data.participant_ids, "participant_ids")
        _set_members(session, access.box.id, household, ids)
    audit.record(
        session,
        actor,
        "household.updated",
        box_id=access.box.id,
        target_type="household",
        target_id=household.id,
    )
    session.flush()
    return _household_schema(session, household)


def delete_household(
    session: Session, actor: models.User, box_id: uuid.UUID, household_id: uuid.UUID, /
) -> None:
    access = load(session, actor, box_id, manage=True, for_update=True)
    household = _get_household(session, access.box.id, household_id)
    lifecycle.require(Action.EDIT_RULES, access.box.status)
    session.execute(
        update(models.Participant)
        .where(models.Participant.household_id == household.id)
        .values(household_id=None)
        .execution_options(synchronize_session="fetch")
    )
    session.delete(household)
    audit.record(
        session,
        actor,
        "household.deleted",
        box_id=access.box.id,
        target_type="household",
        target_id=household_id,
    )
    session.flush()


def list_exclusions(session: Session, actor: models.User, box_id: uuid.UUID, /) -> list[Exclusion]:
    access = load(session, actor, box_id, manage=True)
    rows = session.scalars(
        select(models.Exclusion)
        .where(models.Exclusion.box_id == access.box.id)
        .order_by(models.Exclusion.created_at, models.Exclusion.id)
    ).all()
    return [Exclusion.model_validate(r) for r in rows]


def create_exclusion(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: ExclusionCreate
) -> list[Exclusion]:
    access = load(session, actor, box_id, manage=True, for_update=True)
    lifecycle.require(Action.EDIT_RULES, access.box.status)
    santa, giftee = data.santa_participant_id, data.giftee_participant_id
    if santa == giftee:
        raise InvalidRule(
            errors=[
                FieldError(
                    ("body", "giftee_participant_id"), "Nobody gives to themselves anyway.", "same"
                )
            ]
        )
    _check_members(session, access.box.id, [santa, giftee], "participant_ids")
    pairs = [(santa, giftee)] + ([(giftee, santa)] if data.both_ways else [])
    E = models.Exclusion
    existing = {
        (s, g)
        for s, g in session.execute(
            select(E.santa_participant_id, E.giftee_participant_id).where(
                E.box_id == access.box.id,
                E.santa_participant_id.in_([santa, giftee]),
                E.giftee_participant_id.in_([santa, giftee]),
            )
        )
    }
    new = [p for p in pairs if p not in existing]
    if not new:
        raise ExclusionExists()
    created = [
        E(box_id=access.box.id, santa_participant_id=s, giftee_participant_id=g) for s, g in new
    ]
    session.add_all(created)
    session.flush()
    for exclusion in created:
        audit.record(
            session,
            actor,
            "exclusion.created",
            box_id=access.box.id,
            target_type="exclusion",
            target_id=exclusion.id,
        )
    session.flush()
    return [Exclusion.model_validate(e) for e in created]


def delete_exclusion(
    session: Session, actor: models.User, box_id: uuid.UUID, exclusion_id: uuid.UUID, /
) -> None:
    access = load(session, actor, box_id, manage=True, for_update=True)
    rule = session.get(models.Exclusion, exclusion_id)
    if rule is None or rule.box_id != access.box.id:
        raise ExclusionNotFound()
    _remove_pair_rule(session, actor, access.box, rule, "exclusion")


def _remove_pair_rule(
    session: Session,
    actor: models.User,
    box: models.Box,
    rule: models.Exclusion | models.ForcedPair,
    kind: str,
) -> None:
    """Remove one exclusion or forced pair of ``box`` (before the draw), audited."""
    lifecycle.require(Action.EDIT_RULES, box.status)
    session.delete(rule)
    audit.record(
        session, actor, f"{kind}.deleted", box_id=box.id, target_type=kind, target_id=rule.id
    )
    session.flush()


def list_forced_pairs(
    session: Session, actor: models.User, box_id: uuid.UUID, /
) -> list[ForcedPair]:
    access = load(session, actor, box_id, manage=True)
    rows = session.scalars(
        select(models.ForcedPair)
        .where(models.ForcedPair.box_id == access.box.id)
        .order_by(models.ForcedPair.created_at, models.ForcedPair.id)
    ).all()
    return [ForcedPair.model_validate(r) for r in rows]


def create_forced_pair(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: ForcedPairCreate
) -> ForcedPair:
    access = load(session, actor, box_id, manage=True, for_update=True)
    lifecycle.require(Action.EDIT_RULES, access.box.status)
    santa, giftee = data.santa_participant_id, data.giftee_participant_id
    if santa == giftee:
        raise InvalidRule(
            errors=[
                FieldError(("body", "giftee_participant_id"), "Nobody gives to themselves.", "same")
            ]
        )
    _check_members(session, access.box.id, [santa, giftee], "participant_ids")
    F = models.ForcedPair
    taken = session.scalar(
        select(F.id).where(
            F.box_id == access.box.id,
            (F.santa_participant_id == santa) | (F.giftee_participant_id == giftee),
        )
    )
    if taken is not None:
        raise ForcedPairExists()
    pair = F(box_id=access.box.id, santa_participant_id=santa, giftee_participant_id=giftee)
    session.add(pair)
    session.flush()
    # Ids only, like every audit event: the trail is read by organizers, not by the pair.
    audit.record(
        session,
        actor,
        "forced_pair.created",
        box_id=access.box.id,
        target_type="forced_pair",
        target_id=pair.id,
    )
    session.flush()
    return ForcedPair.model_validate(pair)


def delete_forced_pair(
    session: Session, actor: models.User, box_id: uuid.UUID, forced_pair_id: uuid.UUID, /
) -> None:
    access = load(session, actor, box_id, manage=True, for_update=True)
    rule = session.get(models.ForcedPair, forced_pair_id)
    if rule is None or rule.box_id != access.box.id:
        raise ForcedPairNotFound()
    _remove_pair_rule(session, actor, access.box, rule, "forced_pair")
