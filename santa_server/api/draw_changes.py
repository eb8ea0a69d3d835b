"""After the draw: latecomers, the reveal and its verification document."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from santa_core.draw import changes as change_service
from santa_core.draw import reveal as reveal_service
from santa_core.draw.changes import LatecomerCreate, LatecomerResult
from santa_core.draw.reveal import RevealSettings, RevealSettingsUpdate, Verification
from santa_server.api._common import language
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["draws"])


@router.post(
    "/boxes/{box_id}/draw/latecomers",
    operation_id="add_latecomer",
    response_model=LatecomerResult,
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "already_member",
        "box_not_editable",
        "box_not_found",
        "draw_already_running",
        "draw_infeasible",
        "invalid_input",
        "not_enough_participants",
        "not_organizer",
    ),
)
def add_latecomer(
    box_id: uuid.UUID,
    body: LatecomerCreate,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> LatecomerResult:
    """Organizers: add someone after the draw, changing as few pairs as the rules allow."""
    return change_service.add_latecomer(
        session, settings, user, box_id, data=body, language=language(request)
    )


@router.get(
    "/boxes/{box_id}/reveal-settings",
    operation_id="get_reveal_settings",
    response_model=RevealSettings,
    responses=problems("box_not_found"),
)
def get_reveal_settings(
    box_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> RevealSettings:
    """Whether the organizer may reveal all pairs after the event (off by default)."""
    return reveal_service.get_reveal_settings(session, user, box_id)


@router.patch(
    "/boxes/{box_id}/reveal-settings",
    operation_id="update_reveal_settings",
    response_model=RevealSettings,
    responses=problems("box_not_editable", "box_not_found", "not_organizer"),
)
def update_reveal_settings(
    box_id: uuid.UUID, body: RevealSettingsUpdate, user: CurrentUser, session: SessionDep
) -> RevealSettings:
    """Organizers: allow (or not) revealing all pairs after the event."""
    return reveal_service.update_reveal_settings(session, user, box_id, data=body)


@router.post(
    "/boxes/{box_id}/draw/reveal-all",
    operation_id="reveal_draw",
    response_model=Verification,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "not_organizer",
        "not_revealed",
        "reveal_not_allowed",
        "reveal_too_early",
    ),
)
def reveal_draw(
    box_id: uuid.UUID, user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> Verification:
    """Organizers, after the event date: reveal every pair and publish the verification."""
    return reveal_service.reveal_draw(session, settings, user, box_id)


@router.get(
    "/boxes/{box_id}/draw/verification",
    operation_id="get_draw_verification",
    response_model=Verification,
    responses=problems("box_not_editable", "box_not_found", "not_revealed"),
)
def get_draw_verification(
    box_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Verification:
    """The commitment; after the reveal, the document ``santa draw verify`` checks as it is."""
    return reveal_service.get_verification(session, user, box_id)
