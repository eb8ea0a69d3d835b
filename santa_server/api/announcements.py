"""Announcements from the organizers to the whole box."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, status

from santa_core.announcement import service as announcement_service
from santa_core.announcement.schemas import Announcement, AnnouncementCreate, AnnouncementPage
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["announcements"])


@router.get(
    "/boxes/{box_id}/announcements",
    operation_id="list_announcements",
    response_model=AnnouncementPage,
    responses=problems("box_not_found", "invalid_cursor"),
)
def list_announcements(
    box_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    before: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> AnnouncementPage:
    """The box's announcements, newest first."""
    return announcement_service.list_announcements(
        session, user, box_id, before=before, limit=limit
    )


@router.post(
    "/boxes/{box_id}/announcements",
    operation_id="post_announcement",
    response_model=Announcement,
    status_code=status.HTTP_201_CREATED,
    responses=problems("box_not_editable", "box_not_found", "not_organizer"),
)
def post_announcement(
    box_id: uuid.UUID,
    body: AnnouncementCreate,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Announcement:
    """Organizers: plain text (links are shown as links) to every member; members are told."""
    return announcement_service.post_announcement(session, settings, user, box_id, data=body)
