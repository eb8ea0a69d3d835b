"""Request dependencies: settings, one database session per request, the current user."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import anyio
import anyio.to_thread
from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.auth.tokens import decode_access_token
from santa_core.config import Settings
from santa_core.errors import Unauthenticated

ACCESS_COOKIE = "santa_access"


async def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_sessionmaker(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.sessionmaker
    return factory


#: GET routes that usually write (a first open, a row created on first use): on
#: SQLite they take the write lock up front instead of upgrading a read transaction.
READS_THAT_WRITE = frozenset(
    {
        "get_my_assignment",
        "get_participant_assignment",
        "get_my_settings",
        "get_calendar_feed",
        "complete_oauth",
    }
)
#: GET routes known to only read (the hot ones): on PostgreSQL they run without a
#: transaction. Any other GET keeps one, so a route that writes stays atomic.
PURE_READS = frozenset(
    {
        "get_me",
        "list_boxes",
        "get_box",
        "list_participants",
        "get_draw",
        "get_invitation",
        "list_invites",
        "list_households",
    }
)
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _sessionmaker_for(request: Request) -> sessionmaker[Session]:
    state = request.app.state
    factory: sessionmaker[Session] = state.sessionmaker
    if request.method in _READ_METHODS:
        operation = getattr(request.scope.get("route"), "operation_id", None)
        if operation in PURE_READS:
            factory = getattr(state, "pure_read_sessionmaker", factory)
        elif operation not in READS_THAT_WRITE:
            factory = getattr(state, "read_sessionmaker", factory)
    return factory


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One transaction per request, committed before the response is sent.

    The session connects lazily, on its first query, in the thread of the
    dependency or endpoint that needs it, and gives the connection back when
    the request ends (commit and close in one hop to the threadpool, shielded
    from cancellation so a client that hangs up never leaks a connection). The
    admission gate (:mod:`santa_server.admission`) admits no more requests
    than the pool has connections, so a request holding a connection never
    waits behind requests that wait for one.
    """
    session = _sessionmaker_for(request)()
    try:
        yield session
    except BaseException:
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(_end, session, False)
        raise
    with anyio.CancelScope(shield=True):
        await anyio.to_thread.run_sync(_end, session, True)


def _end(session: Session, commit: bool) -> None:
    try:
        if commit:
            session.commit()
        else:
            session.rollback()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


SettingsDep = Annotated[Settings, Depends(get_settings)]
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


def access_token_from(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if header:
        scheme, _, value = header.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
        return None
    return request.cookies.get(ACCESS_COOKIE)


def get_optional_user(
    request: Request, session: SessionDep, settings: SettingsDep
) -> models.User | None:
    token = access_token_from(request)
    if token is None:
        return None
    claims = decode_access_token(settings, token)
    # Auth checks beyond the JWT (santa_server.security): CSRF for cookie-authenticated
    # writes, and a signed-out session (``sid``) ends its access tokens at once.
    from santa_core.auth import sessions
    from santa_core.auth.errors import SessionRevoked
    from santa_server.security import require_csrf, uses_bearer

    if not uses_bearer(request):
        require_csrf(request, settings, claims.session_id)
    user, active = sessions.load_signed_in_user(session, claims.user_id, claims.session_id)
    if not active:
        raise SessionRevoked()
    if user is None or not user.is_active or user.deleted_at is not None:
        raise Unauthenticated("The account is not available.")
    request.state.user = user
    request.state.session_id = claims.session_id
    return user


async def get_current_user(
    user: Annotated[models.User | None, Depends(get_optional_user)],
) -> models.User:
    if user is None:
        raise Unauthenticated()
    return user


OptionalUser = Annotated[models.User | None, Depends(get_optional_user)]
CurrentUser = Annotated[models.User, Depends(get_current_user)]
