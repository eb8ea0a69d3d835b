"""The draw over the API: preview, run (exactly once), summary, my assignment, break-glass."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Request, status

from santa_core.draw import assignments as assignment_service
from santa_core.draw import service as draw_service
from santa_core.draw.schemas import (
    Assignment,
    DrawPreview,
    DrawRequest,
    DrawSummary,
    PairsReveal,
    RevealRequest,
)
from santa_server.api._common import language
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["draws"])


@router.get(
    "/boxes/{box_id}/draw/preview",
    operation_id="preview_draw",
    response_model=DrawPreview,
    responses=problems(
        "box_not_found", "invalid_input", "not_enough_participants", "not_organizer"
    ),
)
def preview_draw(
    box_id: uuid.UUID, request: Request, user: CurrentUser, session: SessionDep
) -> DrawPreview:
    """Is a draw possible, and could people deduce others' pairs? (Organizers; no pairs.)"""
    return draw_service.preview_draw(session, user, box_id, language=language(request))


@router.post(
    "/boxes/{box_id}/draw",
    operation_id="run_draw",
    response_model=DrawSummary,
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "draw_already_running",
        "draw_infeasible",
        "draw_secrecy_unacknowledged",
        "invalid_input",
        "invalid_status_transition",
        "not_enough_participants",
        "not_organizer",
    ),
)
def run_draw(
    box_id: uuid.UUID,
    body: DrawRequest,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> DrawSummary:
    """Run the draw once (box must be ``ready``); each santa is emailed their giftee."""
    return draw_service.run_draw(
        session,
        user,
        box_id,
        settings=settings,
        acknowledge_secrecy_warning=body.acknowledge_secrecy_warning,
        language=language(request),
    )


@router.get(
    "/boxes/{box_id}/draw",
    operation_id="get_draw",
    response_model=DrawSummary,
    responses=problems("box_not_editable", "box_not_found"),
)
def get_draw(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> DrawSummary:
    """The current draw's public facts: round, method, commitment (no pairs)."""
    return draw_service.get_draw(session, user, box_id)


@router.get(
    "/boxes/{box_id}/assignment",
    operation_id="get_my_assignment",
    response_model=Assignment,
    responses=problems("assignment_not_found", "box_not_editable", "box_not_found"),
)
def get_my_assignment(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Assignment:
    """My giftee: name, wishes, and the address and phone they gave."""
    return assignment_service.get_my_assignment(session, user, box_id)


@router.get(
    "/boxes/{box_id}/participants/{participant_id}/assignment",
    operation_id="get_participant_assignment",
    response_model=Assignment,
    responses=problems(
        "assignment_not_found",
        "box_not_editable",
        "box_not_found",
        "not_organizer",
        "pairs_are_private",
        "participant_not_found",
    ),
)
def get_participant_assignment(
    box_id: uuid.UUID, participant_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> Assignment:
    """Organizers open an offline person's assignment to act for them (audited)."""
    return assignment_service.get_assignment_for(session, user, box_id, participant_id)


@router.post(
    "/boxes/{box_id}/draw/reveal",
    operation_id="reveal_pairs",
    response_model=PairsReveal,
    responses=problems("box_not_editable", "box_not_found", "not_organizer"),
)
def reveal_pairs(
    box_id: uuid.UUID,
    body: RevealRequest,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> PairsReveal:
    """Break-glass for support: every pair. Audited, and every participant is told."""
    return assignment_service.reveal_pairs(
        session, user, box_id, reason=body.reason, settings=settings
    )
