"""Using a code: look at an invitation, accept it, decline it; the box's join link.

A code is either an email invitation's (``inv_…``) or a box's shareable join
link (``join_…``); both are stored only as hashes. Accepting needs an account:
the web UI signs the person up first when they have none.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import audit, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import get_member, load, organizers_of
from santa_core.box.lifecycle import Action
from santa_core.config import Settings
from santa_core.crypto import hash_candidates
from santa_core.db import utcnow
from santa_core.errors import AlreadyMember
from santa_core.invite.errors import InviteExpired, InviteNotFound, InviteNotPending
from santa_core.invite.schemas import Invitation, InvitationKind, JoinLink, Membership
from santa_core.invite.service import LINK_PREFIX, drop_unjoined_member, new_code
from santa_core.models import InviteStatus, ParticipantRole, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.notify.wording import display_name_of

_MAX_CODE = 200


@dataclass
class Found:
    box: models.Box
    invite: models.EmailInvite | None

    @property
    def kind(self) -> InvitationKind:
        return InvitationKind.LINK if self.invite is None else InvitationKind.EMAIL


def find(session: Session, code: str, *, for_update: bool = False) -> Found:
    """The invitation or join link a code opens; :class:`InviteNotFound` otherwise."""
    if not code or len(code) > _MAX_CODE:
        raise InviteNotFound()
    digests = hash_candidates(code)
    invite = session.scalars(
        select(models.EmailInvite).where(models.EmailInvite.invite_code_hash.in_(digests))
    ).first()
    box_stmt = select(models.Box).where(models.Box.deleted_at.is_(None))
    if invite is not None:
        box_stmt = box_stmt.where(models.Box.id == invite.box_id)
    else:
        box_stmt = box_stmt.where(models.Box.join_code_hash.in_(digests))
    if for_update:
        box_stmt = box_stmt.with_for_update()
    box = session.scalars(box_stmt).first()
    if box is None:
        raise InviteNotFound()
    return Found(box=box, invite=invite)


def _inviter_name(session: Session, found: Found) -> str:
    user_id = found.invite.invited_by_id if found.invite else None
    user = session.get(models.User, user_id or found.box.organizer_id)
    return display_name_of(user) if user is not None else ""


def preview(session: Session, code: str) -> Invitation:
    """What the code opens (no sign-in needed: the code itself is the credential)."""
    found = find(session, code)
    box, invite = found.box, found.invite
    status = InviteStatus.PENDING
    expires_at = None
    if invite is not None:
        status = invite.status
        expires_at = invite.expires_at
        if status is InviteStatus.PENDING and invite.expires_at <= utcnow():
            status = InviteStatus.EXPIRED
    return Invitation(
        kind=found.kind,
        box_name=box.name,
        inviter_name=_inviter_name(session, found),
        description=box.description,
        event_date=box.event_date,
        signup_deadline=box.signup_deadline,
        currency=box.currency,
        min_budget=box.min_budget,
        max_budget=box.max_budget,
        status=status,
        expires_at=expires_at,
        open=lifecycle.can(Action.JOIN, box.status) and status is InviteStatus.PENDING,
    )


def ensure_open(found: Found) -> None:
    """Refuse a code that no one could use to join now, whoever they are."""
    invite = found.invite
    if invite is not None:
        if invite.status is not InviteStatus.PENDING or invite.participant_id is None:
            raise InviteNotPending()
        if invite.expires_at <= utcnow():
            raise InviteExpired()
    lifecycle.require(Action.JOIN, found.box.status)


def accept(
    session: Session, settings: Settings, actor: models.User, code: str, /
) -> models.Participant:
    """Join the box the code opens, as the signed-in ``actor``."""
    found = find(session, code, for_update=True)
    box, invite = found.box, found.invite
    existing = get_member(session, box.id, actor.id)
    if existing is not None and (
        invite is None
        or (invite.status is InviteStatus.ACCEPTED and existing.id == invite.participant_id)
    ):
        # A second click on the same link (a join link: the member is already in),
        # e.g. right after signing up from it.
        return existing
    ensure_open(found)
    if existing is not None:
        raise AlreadyMember("You are already in this box.")
    now = utcnow()
    if invite is not None:
        participant = session.get(models.Participant, invite.participant_id)
        if participant is None or participant.user_id is not None:
            raise InviteNotPending()
        participant.user_id = actor.id
        # Whoever holds the code may use it (a forwarded invitation); the member is now
        # this account, so its address must not keep naming the person first invited.
        participant.email = actor.email
        participant.status = ParticipantStatus.ACTIVE
        if actor.full_name:
            participant.display_name = actor.full_name[:200]
        invite.status = InviteStatus.ACCEPTED
        invite.code_sealed = None  # answered: no reminder will repeat the link
        invite.responded_at = now
    else:
        participant = models.Participant(
            box_id=box.id,
            user_id=actor.id,
            email=actor.email,
            display_name=display_name_of(actor)[:200],
            status=ParticipantStatus.ACTIVE,
            role=ParticipantRole.PARTICIPANT,
        )
        session.add(participant)
    session.flush()
    audit.record(
        session,
        actor,
        "participant.joined",
        box_id=box.id,
        target_type="participant",
        target_id=participant.id,
        details={"via": found.kind.value},
    )
    _tell_organizers(session, settings, box, participant)
    session.flush()
    return participant


def _tell_organizers(
    session: Session, settings: Settings, box: models.Box, participant: models.Participant
) -> None:
    user_ids = [o.user_id for o in organizers_of(session, box.id) if o.user_id is not None]
    if not user_ids:
        return
    users = session.scalars(select(models.User).where(models.User.id.in_(user_ids))).all()
    for user in users:
        if user.id == participant.user_id or user.deleted_at is not None:
            continue
        notify.send(
            session,
            user,
            payloads.Joined(
                box_name=box.name,
                participant_name=participant.display_name,
                box_url=links.box_url(settings, box.id),
            ),
            box_id=box.id,
            dedupe_key=f"joined:{participant.id}:{user.id}",
        )


def membership(participant: models.Participant) -> Membership:
    return Membership(
        box_id=participant.box_id, participant_id=participant.id, status=participant.status
    )


def decline(session: Session, actor: models.User | None, code: str, /) -> None:
    """Say no to an email invitation (anyone holding its code may)."""
    found = find(session, code, for_update=True)
    invite = found.invite
    if invite is None:
        raise InviteNotFound()
    if invite.status is not InviteStatus.PENDING:
        raise InviteNotPending()
    invite.status = InviteStatus.DECLINED
    invite.code_sealed = None
    invite.responded_at = utcnow()
    drop_unjoined_member(session, invite)
    audit.record(
        session,
        actor,
        "invite.declined",
        box_id=found.box.id,
        target_type="invite",
        target_id=invite.id,
    )
    session.flush()


def create_join_link(
    session: Session, settings: Settings, actor: models.User, box_id: uuid.UUID, /
) -> JoinLink:
    """A new shareable link (any earlier one stops working). Shown once."""
    access = load(session, actor, box_id, manage=True, for_update=True)
    lifecycle.require(Action.INVITE, access.box.status)
    code, digest = new_code(LINK_PREFIX)
    access.box.join_code_hash = digest
    audit.record(
        session, actor, "join_link.created", box_id=box_id, target_type="box", target_id=box_id
    )
    session.flush()
    return JoinLink(url=links.accept_url(settings, code), code=code)


def disable_join_link(session: Session, actor: models.User, box_id: uuid.UUID, /) -> None:
    access = load(session, actor, box_id, manage=True, for_update=True)
    access.box.join_code_hash = None
    audit.record(
        session, actor, "join_link.disabled", box_id=box_id, target_type="box", target_id=box_id
    )
    session.flush()
