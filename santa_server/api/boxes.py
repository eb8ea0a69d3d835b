"""Boxes: create, list mine, read, update, delete (soft), status changes, renew, audit log."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from santa_core.box import service as box_service
from santa_core.box.access import load
from santa_core.box.schemas import (
    AuditEventPage,
    Box,
    BoxCreate,
    BoxPage,
    BoxRenew,
    BoxRoleFilter,
    BoxStatusChange,
    BoxUpdate,
)
from santa_core.draw import renew as renew_service
from santa_core.models import BoxStatus
from santa_server.api._common import Page, PerPage, Search
from santa_server.deps import CurrentUser, SessionDep
from santa_server.errors import problems

router = APIRouter(tags=["boxes"])


@router.post(
    "/boxes",
    operation_id="create_box",
    response_model=Box,
    status_code=status.HTTP_201_CREATED,
    responses=problems("box_not_found", "invalid_input"),
)
def create_box(body: BoxCreate, user: CurrentUser, session: SessionDep) -> Box:
    """Create a box; the caller becomes its organizer."""
    box = box_service.create_box(session, user, data=body)
    return box_service.describe(session, load(session, user, box.id))


@router.get("/boxes", operation_id="list_boxes", response_model=BoxPage, responses=problems())
def list_boxes(
    user: CurrentUser,
    session: SessionDep,
    role: BoxRoleFilter = BoxRoleFilter.ANY,
    status_: Annotated[list[BoxStatus] | None, Query(alias="status")] = None,
    q: Search = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> BoxPage:
    """My boxes, as organizer and/or participant, newest first."""
    return box_service.list_boxes(
        session, user, role=role, status=status_ or (), q=q, page=page, per_page=per_page
    )


@router.get(
    "/boxes/{box_id}",
    operation_id="get_box",
    response_model=Box,
    responses=problems("box_not_found"),
)
def get_box(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Box:
    return box_service.get_box(session, user, box_id)


@router.patch(
    "/boxes/{box_id}",
    operation_id="update_box",
    response_model=Box,
    responses=problems("box_not_editable", "box_not_found", "invalid_input", "not_organizer"),
)
def update_box(box_id: uuid.UUID, body: BoxUpdate, user: CurrentUser, session: SessionDep) -> Box:
    """Change the box's settings (organizers). Only the fields sent change."""
    box_service.update_box(session, user, box_id, data=body)
    return box_service.get_box(session, user, box_id)


@router.delete(
    "/boxes/{box_id}",
    operation_id="delete_box",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    responses=problems("box_not_editable", "box_not_found", "not_organizer"),
)
def delete_box(box_id: uuid.UUID, user: CurrentUser, session: SessionDep) -> Response:
    """Delete the box (soft: it disappears for everyone; the audit trail stays)."""
    box_service.delete_box(session, user, box_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/boxes/{box_id}/status",
    operation_id="change_box_status",
    response_model=Box,
    responses=problems("box_not_found", "invalid_status_transition", "not_organizer"),
)
def change_box_status(
    box_id: uuid.UUID, body: BoxStatusChange, user: CurrentUser, session: SessionDep
) -> Box:
    """Close sign-up (``ready``), reopen it (``draft``) or archive the box."""
    return box_service.change_status(session, user, box_id, target=body.status)


@router.post(
    "/boxes/{box_id}/renew",
    operation_id="renew_box",
    response_model=Box,
    status_code=status.HTTP_201_CREATED,
    responses=problems("box_not_found", "not_organizer"),
)
def renew_box(box_id: uuid.UUID, body: BoxRenew, user: CurrentUser, session: SessionDep) -> Box:
    """Next year's box with the same people and rules; this year's pairs become history."""
    return renew_service.renew_box(session, user, box_id, data=body)


@router.get(
    "/boxes/{box_id}/audit-events",
    operation_id="list_box_audit_events",
    response_model=AuditEventPage,
    responses=problems("box_not_found", "not_organizer"),
)
def list_box_audit_events(
    box_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    action: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    page: Page = 1,
    per_page: PerPage = 50,
) -> AuditEventPage:
    """What happened in the box, newest first (organizers; never pair contents)."""
    return box_service.list_audit_events(
        session, user, box_id, action=action, page=page, per_page=per_page
    )
