"""Anonymous santa–giftee messages: my threads in a box, one thread per pair."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response, status

from santa_core.message import service as message_service
from santa_core.message.schemas import (
    Message,
    MessageCreate,
    MessagePage,
    MessageUpdate,
    ThreadList,
)
from santa_core.models import Language
from santa_server.api._common import language
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems
from santa_server.security import LimiterDep

router = APIRouter(tags=["messages"])

PairId = Annotated[str, "opaque pair id"]
Before = Annotated[
    str | None, Query(max_length=200, description="Cursor: older than this (from next_cursor).")
]
Limit = Annotated[int, Query(ge=1, le=200, description="Messages per page (at most 200).")]


def _lang(request: Request) -> Language:
    return Language(language(request))


@router.get(
    "/boxes/{box_id}/threads",
    operation_id="list_threads",
    response_model=ThreadList,
    responses=problems("box_not_editable", "box_not_found"),
)
def list_threads(
    box_id: uuid.UUID,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> ThreadList:
    """My conversations: with each giftee (by name) and each santa ("Your Santa", numbered)."""
    return message_service.list_threads(session, settings, user, box_id, language=_lang(request))


@router.get(
    "/boxes/{box_id}/threads/{pair_id}/messages",
    operation_id="list_messages",
    response_model=MessagePage,
    responses=problems("box_not_editable", "box_not_found", "invalid_cursor", "pair_not_found"),
)
def list_messages(
    box_id: uuid.UUID,
    pair_id: PairId,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    before: Before = None,
    limit: Limit = 50,
) -> MessagePage:
    """Messages of one thread, newest first (cursor pagination)."""
    return message_service.list_messages(
        session,
        settings,
        user,
        box_id,
        pair_id,
        before=before,
        limit=limit,
        language=_lang(request),
    )


@router.post(
    "/boxes/{box_id}/threads/{pair_id}/messages",
    operation_id="send_message",
    response_model=Message,
    status_code=status.HTTP_201_CREATED,
    responses=problems(
        "box_not_editable", "box_not_found", "message_reveals_sender", "pair_not_found"
    ),
)
def send_message(
    box_id: uuid.UUID,
    pair_id: PairId,
    body: MessageCreate,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: LimiterDep,
) -> Message:
    """Send a message; a santa's message naming them needs ``confirm_reveal``
    (409 ``message_reveals_sender`` otherwise)."""
    return message_service.send_message(
        session, settings, limiter, user, box_id, pair_id, data=body, language=_lang(request)
    )


@router.post(
    "/boxes/{box_id}/threads/{pair_id}/read",
    operation_id="mark_thread_read",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("box_not_editable", "box_not_found", "pair_not_found"),
)
def mark_thread_read(
    box_id: uuid.UUID,
    pair_id: PairId,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """Mark the other side's messages in this thread read."""
    message_service.mark_read(session, settings, user, box_id, pair_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.patch(
    "/boxes/{box_id}/threads/{pair_id}/messages/{message_id}",
    operation_id="edit_message",
    response_model=Message,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "message_edit_window_closed",
        "message_not_found",
        "message_reveals_sender",
        "not_your_message",
        "pair_not_found",
    ),
)
def edit_message(
    box_id: uuid.UUID,
    pair_id: PairId,
    message_id: uuid.UUID,
    body: MessageUpdate,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Message:
    """Edit my message within a few minutes of sending it."""
    return message_service.edit_message(
        session, settings, user, box_id, pair_id, message_id, data=body, language=_lang(request)
    )


@router.delete(
    "/boxes/{box_id}/threads/{pair_id}/messages/{message_id}",
    operation_id="delete_message",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(
        "box_not_editable",
        "box_not_found",
        "message_not_found",
        "not_your_message",
        "pair_not_found",
    ),
)
def delete_message(
    box_id: uuid.UUID,
    pair_id: PairId,
    message_id: uuid.UUID,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    """Delete my message (the other side sees that it was deleted)."""
    message_service.delete_message(session, settings, user, box_id, pair_id, message_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)
