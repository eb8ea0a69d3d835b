"""Members of a box: list, cards, adding (by email or offline), roles, removal.

Cards (wishes, address, phone) belong to their person: only they edit them,
except organizers acting for offline people (kids, no account). Addresses and
phones are encrypted at rest and shown to the person, to organizers of offline
people and, after the draw, to the person's santa (:mod:`santa_core.draw.service`).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import Any

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session

from santa_core import audit, crypto, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import BoxAccess, load
from santa_core.box.errors import NotYourCard, OwnerCannotLeave
from santa_core.box.lifecycle import Action
from santa_core.box.member_schemas import (
    CARD_NOT_CLEARABLE,
    CardUpdate,
    Participant,
    ParticipantCard,
    ParticipantCreate,
    ParticipantPage,
    ParticipantUpdate,
    WishItem,
)
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import FieldError, InvalidInput, NotOrganizer, ParticipantNotFound
from santa_core.kit import keyset
from santa_core.models import BoxStatus, InviteStatus, ParticipantRole, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.notify.wording import public_name, shown_name

CARD_FIELDS = ("display_name", "nickname", "wishes", "wish_items", "address", "phone")


def _sees_private(access: BoxAccess, participant: models.Participant) -> bool:
    return access.can_manage or (access.member is not None and access.member.id == participant.id)


def to_schema(access: BoxAccess, participant: models.Participant) -> Participant:
    private = _sees_private(access, participant)
    name = participant.display_name
    if access.box.is_private_names and not private:
        name = public_name(participant)
    return Participant(
        id=participant.id,
        display_name=name,
        nickname=participant.nickname,
        status=participant.status,
        role=participant.role,
        takes_part=participant.takes_part,
        is_offline=participant.is_offline,
        household_id=participant.household_id if private else None,
        is_me=access.member is not None and access.member.id == participant.id,
        email=participant.email if private else None,
        has_wishes=bool(participant.wishes or participant.wish_items) if private else None,
        has_address=bool(participant.address) if private else None,
        created_at=participant.created_at,
    )


def to_card(
    access: BoxAccess, participant: models.Participant, *, full: bool = True
) -> ParticipantCard:
    base = to_schema(access, participant).model_dump()
    if not full:
        return ParticipantCard(**base)
    return ParticipantCard(
        **base,
        wishes=participant.wishes,
        wish_items=[WishItem.model_validate(i) for i in participant.wish_items or []],
        address=participant.address,
        phone=participant.phone,
        wishes_updated_at=participant.wishes_updated_at,
    )


def _may_edit_card(access: BoxAccess, participant: models.Participant) -> bool:
    if access.member is not None and access.member.id == participant.id:
        return True
    return access.can_manage and participant.is_offline


def get_in_box(
    session: Session, box_id: uuid.UUID, participant_id: uuid.UUID
) -> models.Participant:
    participant = session.get(models.Participant, participant_id)
    if participant is None or participant.box_id != box_id:
        raise ParticipantNotFound()
    return participant


def list_participants(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    status: Sequence[ParticipantStatus] = (),
    role: Sequence[ParticipantRole] = (),
    q: str | None = None,
    household_id: uuid.UUID | None = None,
    page: int = 1,
    per_page: int = 50,
    cursor: str | None = None,
    with_total: bool = False,
) -> ParticipantPage:
    """A page of the box's members in join order.

    ``cursor`` (the ``next_cursor`` of the previous page) pages by keyset, at the
    same cost anywhere in a big box; ``page`` still works. ``total`` is counted
    on the first page and when ``with_total`` asks for it, else it is null.
    """
    access = load(session, actor, box_id)
    P = models.Participant
    stmt = select(P).where(P.box_id == access.box.id)
    if status:
        stmt = stmt.where(P.status.in_(list(status)))
    if role:
        stmt = stmt.where(P.role.in_(list(role)))
    if household_id is not None:
        # Households are the organizers' business; a member may only ask for their own.
        own = access.member.household_id if access.member is not None else None
        if not access.can_manage and household_id != own:
            stmt = stmt.where(false())
        stmt = stmt.where(P.household_id == household_id)
    if q:
        # Search only what the caller is shown: matching on hidden fields (emails,
        # real names in a box with private names) would reveal them letter by letter.
        needle = q.lower()
        fields = [func.lower(P.nickname).contains(needle, autoescape=True)]
        if access.can_manage or not access.box.is_private_names:
            fields.append(func.lower(P.display_name).contains(needle, autoescape=True))
        if access.can_manage:
            fields.append(P.email.contains(needle, autoescape=True))
        stmt = stmt.where(or_(*fields))
    total: int | None = None
    if with_total or (cursor is None and page == 1):
        total = int(session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    ordered = stmt.order_by(P.created_at, P.id)
    if cursor is not None:
        ordered = ordered.where(keyset.after(P.created_at, P.id, cursor))
    else:
        ordered = ordered.offset((page - 1) * per_page)
    rows = session.scalars(ordered.limit(per_page + 1)).all()
    more = len(rows) > per_page
    rows = rows[:per_page]
    return ParticipantPage(
        items=[to_schema(access, p) for p in rows],
        total=total,
        page=page if cursor is None else 1,
        per_page=per_page,
        next_cursor=keyset.encode(rows[-1].created_at, rows[-1].id) if more else None,
    )


def get_participant(
    session: Session, actor: models.User, box_id: uuid.UUID, participant_id: uuid.UUID, /
) -> ParticipantCard:
    """A member; the whole card when the caller may edit it."""
    access = load(session, actor, box_id)
    participant = get_in_box(session, access.box.id, participant_id)
    return to_card(access, participant, full=_may_edit_card(access, participant))


def my_membership(access: BoxAccess) -> models.Participant:
    if access.member is None:
        raise ParticipantNotFound("You are not a member of this box.")
    return access.member


def get_my_card(session: Session, actor: models.User, box_id: uuid.UUID, /) -> ParticipantCard:
    access = load(session, actor, box_id)
    return to_card(access, my_membership(access))


def _apply_card(
    session: Session,
    settings: Settings,
    access: BoxAccess,
    participant: models.Participant,
    changes: dict[str, Any],
) -> list[str]:
    nulls = [k for k in CARD_NOT_CLEARABLE if k in changes and changes[k] is None]
    if nulls:
        raise InvalidInput(
            errors=[FieldError(("body", k), "This field cannot be cleared.", "null") for k in nulls]
        )
    card = {k: v for k, v in changes.items() if k in CARD_FIELDS}
    if not card:
        return []
    lifecycle.require(Action.EDIT_CARD, access.box.status)
    wishes_changed = details_changed = False
    for field, value in card.items():
        if field in ("wishes", "wish_items") and value != getattr(participant, field):
            wishes_changed = True
        elif field in ("address", "phone") and value != getattr(participant, field):
            details_changed = True
        setattr(participant, field, value)
    if wishes_changed:
        participant.wishes_updated_at = utcnow()
        if access.box.status is BoxStatus.MATCHED:
            _tell_santas(session, settings, access.box, participant)
    elif details_changed and access.box.status is BoxStatus.MATCHED:
        # A new address or phone matters to the santa as much as new wishes.
        _tell_santas(session, settings, access.box, participant, kind="card_changed")
    return sorted(card)


def _tell_santas(
    session: Session,
    settings: Settings,
    box: models.Box,
    participant: models.Participant,
    *,
    kind: str = "wishlist_changed",
) -> None:
    """After the draw, a changed wishlist is news for the person's santa(s)."""
    santa_ids = select(models.Draw.santa_participant_id).where(
        models.Draw.giftee_participant_id == participant.id
    )
    rows = session.execute(
        select(models.User)
        .join(models.Participant, models.Participant.user_id == models.User.id)
        .where(models.Participant.id.in_(santa_ids), models.User.deleted_at.is_(None))
    ).scalars()
    payload_type = payloads.CardChanged if kind == "card_changed" else payloads.WishlistChanged
    payload = payload_type(
        box_name=box.name,
        giftee_name=shown_name(box, participant),
        assignment_url=links.assignment_url(settings, box.id),
    )
    stamp = utcnow().strftime("%Y-%m-%dT%H")
    for user in rows:
        notify.send(
            session,
            user,
            payload,
            box_id=box.id,
            # Hashed: the key would name the giftee beside the santa's address.
            dedupe_key=f"{kind}:" + crypto.hash_token(f"{participant.id}:{user.id}:{stamp}"),
        )


def update_my_card(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    data: CardUpdate,
) -> ParticipantCard:
    access = load(session, actor, box_id)
    participant = my_membership(access)
    fields = _apply_card(
        session, settings, access, participant, data.model_dump(exclude_unset=True)
    )
    if fields:
        audit.record(
            session,
            actor,
            "participant.card_updated",
            box_id=access.box.id,
            target_type="participant",
            target_id=participant.id,
            details={"fields": fields},
        )
    session.flush()
    return to_card(access, participant)


def add_offline(
    session: Session, actor: models.User, box_id: uuid.UUID, /, *, data: ParticipantCreate
) -> models.Participant:
    """Add an offline person (no account) the organizers act for.

    Adding someone by email is an invitation: :func:`santa_core.invite.adding.add_participant`.
    """
    access = load(session, actor, box_id, manage=True, for_update=True)
    lifecycle.require(Action.ADD_PARTICIPANT, access.box.status)
    participant = models.Participant(
        box_id=access.box.id,
        display_name=data.display_name,
        nickname=data.nickname,
        is_offline=True,
        status=ParticipantStatus.ACTIVE,
    )
    session.add(participant)
    session.flush()
    audit.record(
        session,
        actor,
        "participant.added",
        box_id=access.box.id,
        target_type="participant",
        target_id=participant.id,
        details={"offline": True},
    )
    return participant


def update_participant(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    participant_id: uuid.UUID,
    /,
    *,
    data: ParticipantUpdate,
) -> ParticipantCard:
    access = load(session, actor, box_id, manage=True, for_update=True)
    participant = get_in_box(session, access.box.id, participant_id)
    changes = data.model_dump(exclude_unset=True)
    card = {k: v for k, v in changes.items() if k in CARD_FIELDS}
    foreign = set(card) - {"nickname"}
    if participant.user_id is None and not participant.is_offline:
        foreign -= {"display_name"}  # invited, not joined yet: the organizer names them
    if foreign and not _may_edit_card(access, participant):
        raise NotYourCard()
    fields = _apply_card(session, settings, access, participant, card)
    if changes.get("role") is not None:
        _set_role(access, participant, changes["role"])
        fields.append("role")
    if changes.get("takes_part") is not None:
        lifecycle.require(Action.EDIT_RULES, access.box.status)
        participant.takes_part = changes["takes_part"]
        if participant.role is ParticipantRole.ORGANIZER:
            access.box.organizer_participates = participant.takes_part
        fields.append("takes_part")
    if fields:
        audit.record(
            session,
            actor,
            "participant.updated",
            box_id=access.box.id,
            target_type="participant",
            target_id=participant.id,
            details={"fields": sorted(fields)},
        )
    session.flush()
    return to_card(access, participant, full=_may_edit_card(access, participant))


def _set_role(access: BoxAccess, participant: models.Participant, role: ParticipantRole) -> None:
    if participant.role is ParticipantRole.ORGANIZER or role is ParticipantRole.ORGANIZER:
        raise NotOrganizer("The box's owner is fixed; co-organizers can be added or removed.")
    if role is ParticipantRole.CO_ORGANIZER and participant.is_offline:
        raise InvalidInput(
            errors=[FieldError(("body", "role"), "An offline person cannot organize.", "offline")]
        )
    participant.role = role


def leave_box(session: Session, actor: models.User, box_id: uuid.UUID, /) -> None:
    """A member leaves on their own (before the draw; afterwards ask an organizer)."""
    access = load(session, actor, box_id, for_update=True)
    participant = my_membership(access)
    lifecycle.require(Action.REMOVE_PARTICIPANT, access.box.status)
    check_removable(access, participant)
    drop(session, access, participant, details={})


def check_removable(access: BoxAccess, participant: models.Participant) -> None:
    """Anyone but the box's owner may go; before the draw the box's status must allow it
    (after it, :mod:`santa_core.draw.leaving` repairs the draw first)."""
    if participant.role is ParticipantRole.ORGANIZER:
        raise OwnerCannotLeave()
    if access.box.status is not BoxStatus.MATCHED:
        lifecycle.require(Action.REMOVE_PARTICIPANT, access.box.status)


def drop(
    session: Session,
    access: BoxAccess,
    participant: models.Participant,
    *,
    details: dict[str, Any],
) -> None:
    """Take the person out of the box (their pending invitation is revoked); audited."""
    box = access.box
    for invite in session.scalars(
        select(models.EmailInvite).where(models.EmailInvite.participant_id == participant.id)
    ):
        if invite.status is InviteStatus.PENDING:
            invite.status = InviteStatus.REVOKED
            invite.code_sealed = None
            invite.responded_at = utcnow()
    pid = participant.id
    session.delete(participant)
    audit.record(
        session,
        access.actor,
        "participant.removed",
        box_id=box.id,
        target_type="participant",
        target_id=pid,
        details=details,
    )
    session.flush()
