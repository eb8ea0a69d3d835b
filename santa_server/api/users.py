"""The signed-in person: profile, settings, password, sessions, linked accounts, deletion."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel

from santa_core.auth import accounts, sessions, social
from santa_core.auth.schemas import AccountDeletion, PasswordChange
from santa_core.db import utcnow
from santa_core.user import service as user_service
from santa_core.user.schemas import (
    SocialAccount,
    User,
    UserExport,
    UserSettings,
    UserSettingsUpdate,
    UserUpdate,
)
from santa_server import security
from santa_server.deps import CurrentUser, SessionDep, SettingsDep
from santa_server.errors import problems

router = APIRouter(tags=["users"])


class Session(BaseModel):
    """One signed-in device or client."""

    id: uuid.UUID
    signed_in_at: dt.datetime
    last_used_at: dt.datetime
    expires_at: dt.datetime
    user_agent: str | None
    ip_address: str | None
    #: The session this request is made with.
    current: bool


def _current_session(request: Request) -> uuid.UUID | None:
    sid: uuid.UUID | None = getattr(request.state, "session_id", None)
    return sid


@router.get("/users/me", operation_id="get_me", response_model=User, responses=problems())
def get_me(user: CurrentUser) -> User:
    """The signed-in user's profile."""
    return user_service.to_schema(user)


@router.patch(
    "/users/me",
    operation_id="update_me",
    response_model=User,
    responses=problems(),
)
def update_me(body: UserUpdate, user: CurrentUser, session: SessionDep) -> User:
    """Change the full name, language (``en``/``ru``) or time zone (IANA name)."""
    return user_service.to_schema(user_service.update_profile(session, user, body))


@router.get(
    "/users/me/settings",
    operation_id="get_my_settings",
    response_model=UserSettings,
    responses=problems(),
)
def get_my_settings(user: CurrentUser, session: SessionDep) -> UserSettings:
    """Notification channels and preferences."""
    return user_service.settings_schema(user_service.get_settings(session, user))


@router.patch(
    "/users/me/settings",
    operation_id="update_my_settings",
    response_model=UserSettings,
    responses=problems("invalid_input"),
)
def update_my_settings(
    body: UserSettingsUpdate, user: CurrentUser, session: SessionDep
) -> UserSettings:
    """Switch notification channels on or off, replace preferences."""
    return user_service.settings_schema(user_service.update_settings(session, user, body))


@router.post(
    "/users/me/password",
    operation_id="change_my_password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("weak_password", "wrong_password"),
)
def change_my_password(
    body: PasswordChange,
    request: Request,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> None:
    """Set a new password (the current one is required if there is one).

    Every other session is signed out; this one stays.
    """
    accounts.change_password(
        session, settings, user, body, current_session=_current_session(request)
    )


@router.get(
    "/users/me/export",
    operation_id="export_my_data",
    response_model=UserExport,
    responses=problems(),
)
def export_my_data(response: Response, user: CurrentUser, session: SessionDep) -> UserExport:
    """Everything santa holds about me, as one JSON document (GDPR art. 15 and 20).

    Account, linked accounts, settings, sessions, every box membership with its
    card (wishes, address, phone), invitations sent and received, notifications
    to me and audit events about me. Hashed secrets are left out.
    """
    from santa_core.user import export

    response.headers["Cache-Control"] = "no-store"
    document = export.export_user(session, user, now=utcnow())
    return UserExport.model_validate(document)


@router.post(
    "/users/me/delete",
    operation_id="delete_my_account",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("wrong_password"),
)
def delete_my_account(
    body: AccountDeletion,
    response: Response,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> None:
    """Delete the account: hidden and signed out everywhere at once; personal data is
    erased after ``SANTA_GDPR_GRACE_DAYS``."""
    accounts.delete_account(session, settings, user, body)
    security.clear_session_cookies(response, settings)


@router.get(
    "/users/me/sessions",
    operation_id="list_my_sessions",
    response_model=list[Session],
    responses=problems(),
)
def list_my_sessions(request: Request, user: CurrentUser, session: SessionDep) -> list[Session]:
    """Where the user is signed in, most recently used first."""
    current = _current_session(request)
    return [
        Session(
            id=s.id,
            signed_in_at=s.signed_in_at,
            last_used_at=s.last_used_at,
            expires_at=s.expires_at,
            user_agent=s.user_agent,
            ip_address=s.ip_address,
            current=s.id == current,
        )
        for s in sessions.list_sessions(session, user)
    ]


@router.delete(
    "/users/me/sessions/{session_id}",
    operation_id="revoke_my_session",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("session_not_found"),
)
def revoke_my_session(
    session_id: uuid.UUID,
    request: Request,
    response: Response,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
) -> None:
    """Sign out one session; its access tokens stop working at once."""
    sessions.revoke_session(session, user, session_id)
    if session_id == _current_session(request):
        security.clear_session_cookies(response, settings)


@router.delete(
    "/users/me/sessions",
    operation_id="revoke_my_sessions",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems(),
)
def revoke_my_sessions(
    request: Request,
    response: Response,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    keep_current: bool = False,
) -> None:
    """Sign out everywhere (``keep_current=true``: everywhere else)."""
    current = _current_session(request)
    keep = current if keep_current else None
    sessions.revoke_all(session, user, reason="user_revoked", except_session=keep)
    if keep is None:
        security.clear_session_cookies(response, settings)


@router.get(
    "/users/me/social-accounts",
    operation_id="list_my_social_accounts",
    response_model=list[SocialAccount],
    responses=problems(),
)
def list_my_social_accounts(user: CurrentUser, session: SessionDep) -> list[SocialAccount]:
    """Google, VK and Telegram accounts linked for signing in."""
    return [SocialAccount.model_validate(a) for a in social.list_accounts(session, user)]


@router.delete(
    "/users/me/social-accounts/{social_account_id}",
    operation_id="unlink_my_social_account",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("last_sign_in_method", "social_account_not_found"),
)
def unlink_my_social_account(
    social_account_id: uuid.UUID, user: CurrentUser, session: SessionDep
) -> None:
    """Unlink an account; refused (409) when it is the only way left to sign in."""
    social.unlink(session, user, social_account_id)
