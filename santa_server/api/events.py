"""Catching up on a box's live events over REST (after a reconnect)."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query

from santa_core.live import service as event_service
from santa_core.live.service import BoxEventPage
from santa_server.deps import CurrentUser, SessionDep
from santa_server.errors import problems

router = APIRouter(tags=["events"])


@router.get(
    "/boxes/{box_id}/events",
    operation_id="list_box_events",
    response_model=BoxEventPage,
    responses=problems("box_not_found"),
)
def list_box_events(
    box_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    after: Annotated[
        int, Query(ge=0, le=2**63 - 1, description="Cursor of the last event seen.")
    ] = 0,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> BoxEventPage:
    """The events I may see after ``after``, oldest first (the WebSocket sends the same)."""
    return event_service.list_box_events(session, user, box_id, after=after, limit=limit)
