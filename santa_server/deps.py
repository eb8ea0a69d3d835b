"""Request dependencies: settings, one database session per request, the current user."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.auth.tokens import decode_access_token
from santa_core.config import Settings
from santa_core.errors import Unauthenticated

ACCESS_COOKIE = "santa_access"


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_sessionmaker(request: Request) -> sessionmaker[Session]:
    factory: sessionmaker[Session] = request.app.state.sessionmaker
    return factory


#: GET routes that usually write (a first open, a row created on first use): on
#: SQLite they take the write lock up front instead of upgrading a read transaction.
READS_THAT_WRITE = frozenset(
    {"get_my_assignment", "get_participant_assignment", "get_my_settings", "get_calendar_feed"}
)
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def _reads_only(request: Request) -> bool:
    if request.method not in _READ_METHODS:
        return False
    route = request.scope.get("route")
    return getattr(route, "operation_id", None) not in READS_THAT_WRITE


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request, committed before the response is sent.

    The session connects lazily, on its first query, and gives the connection
    back when the request ends. The admission gate
    (:mod:`santa_server.admission`) admits no more requests than the pool has
    connections, so a request holding a connection never waits behind
    requests that wait for one.
    """
    state = request.app.state
    factory: sessionmaker[Session] = (
        getattr(state, "read_sessionmaker", state.sessionmaker)
        if _reads_only(request)
        else state.sessionmaker
    )
    session = factory()
    try:
        yield session
        session.commit()
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


def get_current_user(
    user: Annotated[models.User | None, Depends(get_optional_user)],
) -> models.User:
    if user is None:
        raise Unauthenticated()
    return user


OptionalUser = Annotated[models.User | None, Depends(get_optional_user)]
CurrentUser = Annotated[models.User, Depends(get_current_user)]
