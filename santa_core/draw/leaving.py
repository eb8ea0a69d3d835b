"""Removing a member: before the draw they just leave the box; after it the draw is repaired.

This use case spans the box (membership) and the draw (pairs), so it lives in
the higher of the two; a member leaving on their own is the box's
(:func:`santa_core.box.members.leave_box`), since it is refused after the draw.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy.orm import Session

from santa_core import models
from santa_core.box import members as member_service
from santa_core.box.access import load
from santa_core.config import Settings
from santa_core.draw.assignments import repair_without
from santa_core.models import BoxStatus, Language


def remove_participant(
    session: Session,
    settings: Settings,
    actor: models.User,
    box_id: uuid.UUID,
    participant_id: uuid.UUID,
    /,
    *,
    language: Language = Language.EN,
) -> None:
    """Before the draw the person just leaves; after it, the draw is repaired around them.

    ``language`` is the one the repair explains itself in when no repair exists."""
    access = load(session, actor, box_id, manage=True, for_update=True)
    participant = member_service.get_in_box(session, access.box.id, participant_id)
    member_service.check_removable(access, participant)
    details: dict[str, Any] = {}
    if access.box.status is BoxStatus.MATCHED:
        details = repair_without(
            session, settings, actor, access.box, participant, language=language
        )
    member_service.drop(session, access, participant, details=details)
