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


def get_session(request: Request) -> Iterator[Session]:
    """One transaction per request, committed before the response is sent."""
    session = get_sessionmaker(request)()
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
    if claims.session_id is not None and not sessions.is_active(session, claims.session_id):
        raise SessionRevoked()
    user = session.get(models.User, claims.user_id)
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
