"""The personal calendar feed (``.ics``) of a user's boxes: deadlines and event days."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from fastapi.responses import Response
from pydantic import BaseModel

from santa_core.calendar import feed
from santa_core.db import utcnow
from santa_server import security
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["calendar"])


class CalendarFeed(BaseModel):
    #: Subscribe to this URL in a calendar app; it works without signing in.
    url: str


@router.get(
    "/calendar",
    operation_id="get_calendar_feed",
    response_model=CalendarFeed,
    responses=problems(),
)
def get_calendar_feed(
    user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> CalendarFeed:
    """The URL of your calendar feed (keep it private: it needs no sign-in)."""
    return CalendarFeed(url=feed.current_feed_url(session, settings, user))


@router.post(
    "/calendar/rotate",
    operation_id="rotate_calendar_feed",
    response_model=CalendarFeed,
    responses=problems(),
)
def rotate_calendar_feed(
    user: CurrentUser, session: SessionDep, settings: SettingsDep
) -> CalendarFeed:
    """Give the feed a new URL; every URL handed out before stops working."""
    return CalendarFeed(url=feed.rotate_feed(session, settings, user))


@router.get(
    "/calendar/{token}.ics",
    operation_id="get_calendar_ics",
    response_class=Response,
    responses={
        200: {"content": {"text/calendar": {"schema": {"type": "string"}}}},
        **problems("rate_limited", "invalid_link_token"),
    },
)
def get_calendar_ics(
    token: Annotated[str, Path(max_length=200)],
    session: SessionDep,
    settings: SettingsDep,
    guard: security.SecretGuardDep,
) -> Response:
    """The iCalendar feed itself, for calendar apps."""
    with guard:
        user = feed.user_for_token(session, settings, token)
    body = feed.build_feed(session, settings, user, now=utcnow())
    return Response(
        body,
        media_type="text/calendar; charset=utf-8",
        headers={"Cache-Control": "private, max-age=300"},
    )
