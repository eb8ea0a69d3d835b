"""Adding someone to a box: an offline person (the box's), or anyone by email (an invitation).

Adding by email invites: the person is a member at once (``invited``) and
joins on accepting. The use case spans the box and its invitations, so it
lives here, above the box.
"""

from __future__ import annotations

import uuid

from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import members as member_service
from santa_core.box.member_schemas import ParticipantCard, ParticipantCreate
from santa_core.config import Settings
from santa_core.invite import service as invite_service
from santa_core.invite.schemas import InviteCreate


def add_participant(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    data: ParticipantCreate,
) -> ParticipantCard:
    """Add an offline person, or invite someone by email (they join on accepting)."""
    if data.email is None:
        added = member_service.add_offline(session, actor, box_id, data=data)
        return member_service.get_participant(session, actor, box_id, added.id)
    invite = invite_service.create_invite(
        session,
        settings,
        actor,
        box_id,
        data=InviteCreate(email=data.email, display_name=data.display_name, message=data.message),
    )
    participant = session.get(models.Participant, invite.participant_id)
    assert participant is not None
    if data.nickname is not None:
        participant.nickname = data.nickname
    return member_service.get_participant(session, actor, box_id, participant.id)
