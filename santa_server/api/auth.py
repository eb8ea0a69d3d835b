"""Accounts and sign-in: register, verify, log in, refresh, log out, reset the password.

Two ways to hold a session (``transport``):

- ``cookie`` (default, the web UI): tokens go into HTTP-only cookies; the body
  carries the ``csrf_token`` to send back as ``X-CSRF-Token`` on writes.
- ``body`` (SDK, CLI, scripts): no cookies; the body carries ``access_token``
  (send as ``Authorization: Bearer``) and ``refresh_token`` (send to
  ``/auth/refresh`` or ``/auth/logout`` in the body).
"""

from __future__ import annotations

import time
import uuid
from typing import Literal

from fastapi import APIRouter, BackgroundTasks, Depends, Request, Response, status
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, EmailStr, Field
from sqlalchemy.orm import Session, sessionmaker

from santa_core import models
from santa_core.auth import accounts, sessions
from santa_core.auth.errors import (
    InvalidCredentials,
    InvalidRefreshToken,
    RefreshTokenReused,
)
from santa_core.auth.ratelimit import account_key, address_key, enforce
from santa_core.auth.schemas import (
    EmailVerification,
    Password,
    PasswordResetConfirm,
    PasswordResetRequest,
    Registration,
    SignupAccepted,
)
from santa_core.auth.tokens import decode_access_token, issue_access_token
from santa_core.config import Settings
from santa_core.db import session_scope
from santa_core.errors import Unauthenticated
from santa_core.user.schemas import User
from santa_core.user.service import to_schema
from santa_server import security
from santa_server.deps import CurrentUser, SessionDep, SettingsDep, access_token_from
from santa_server.errors import problems

router = APIRouter(tags=["auth"])

Transport = Literal["cookie", "body"]


class LoginRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: EmailStr
    password: Password
    transport: Transport = "cookie"


class RefreshRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Body transport: the refresh token. Omit it to use the ``santa_refresh`` cookie.
    refresh_token: str | None = Field(default=None, max_length=512)


class LogoutRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    refresh_token: str | None = Field(default=None, max_length=512)


class AuthResult(BaseModel):
    """A signed-in session."""

    user: User
    session_id: uuid.UUID
    transport: Transport
    #: Cookie transport: echo it in ``X-CSRF-Token`` on every unsafe request.
    csrf_token: str | None = None
    #: Body transport: send as ``Authorization: Bearer <access_token>``.
    access_token: str | None = None
    #: Body transport: exchange at ``/auth/refresh``; rotates on every use.
    refresh_token: str | None = None
    token_type: Literal["bearer"] = "bearer"  # noqa: S105
    #: Seconds the access token stays valid.
    expires_in: int


def signed_in(
    response: Response,
    settings: Settings,
    user: models.User,
    issued: sessions.IssuedRefreshToken,
    transport: Transport,
) -> AuthResult:
    """The response of every sign-in: cookies for browsers, tokens in the body otherwise."""
    access = issue_access_token(settings, user.id, session_id=issued.session_id)
    result = AuthResult(
        user=to_schema(user),
        session_id=issued.session_id,
        transport=transport,
        expires_in=settings.access_token_ttl_seconds,
    )
    if transport == "cookie":
        result.csrf_token = security.set_session_cookies(
            response,
            settings,
            access_token=access,
            refresh_token=issued.token,
            session_id=issued.session_id,
        )
    else:
        result.access_token = access
        result.refresh_token = issued.token
    response.headers["Cache-Control"] = "no-store"
    return result


def user_agent(request: Request) -> str | None:
    return request.headers.get("user-agent")


def answer_no_sooner(session: Session, settings: Settings, started: float) -> None:
    """Commit, then hold a sign-up's answer until ``signup_answer_seconds`` after it began.

    A new address does more work (account, verification link) than a taken one
    (a notice to its owner): the floor hides the difference. The wait holds no
    transaction and no pooled connection (nor SQLite's write lock): the session is
    committed and closed first (the request's own end then finds nothing to do).
    """
    session.commit()
    session.close()
    left = settings.signup_answer_seconds - (time.perf_counter() - started)
    if left > 0:
        time.sleep(left)


def signup_accepted(settings: Settings, email: str) -> SignupAccepted:
    return SignupAccepted(
        email=accounts.normalize_email(email),
        verification_required=settings.require_email_verification,
    )


@router.post(
    "/auth/register",
    operation_id="register",
    response_model=SignupAccepted,
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems("weak_password"),
)
def register(
    body: Registration,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> SignupAccepted:
    """Create an account with email and password; then sign in with them.

    The answer is the same whether or not the address already has an account
    (and takes as long): a new account is made and a verification link emailed;
    for a taken address nothing changes and its owner is emailed that someone
    tried to sign up. Next: ``/auth/login`` (``email_not_verified`` until the
    link is opened when ``verification_required``).
    """
    started = time.perf_counter()
    enforce(limiter, limits.register_ip, address_key(ip))
    accounts.sign_up(session, settings, body)
    answer_no_sooner(session, settings, started)
    return signup_accepted(settings, str(body.email))


@router.post(
    "/auth/verify-email",
    operation_id="verify_email",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("invalid_link"),
)
def verify_email(
    body: EmailVerification,
    session: SessionDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> None:
    """Confirm the email address with the token from the emailed link."""
    enforce(limiter, limits.link_ip, address_key(ip))
    accounts.verify_email(session, body.token)


@router.post(
    "/auth/verify-email/resend",
    operation_id="resend_verification_email",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(),
)
def resend_verification_email(
    user: CurrentUser,
    request: Request,
    background: BackgroundTasks,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
) -> None:
    """Email a new verification link (older links stop working); no-op once verified.

    Like a reset request, the link is made after the answer is sent (a background
    task with its own transaction), so the answer takes as long either way.
    """
    enforce(limiter, limits.reset_account, f"verify:{user.id}")
    background.add_task(_verify_later, request.app.state.sessionmaker, settings, user.id)


def _verify_later(factory: sessionmaker[Session], settings: Settings, user_id: uuid.UUID) -> None:
    with session_scope(factory) as session:
        user = session.get(models.User, user_id)
        if user is not None:
            accounts.send_verification(session, settings, user)


@router.post(
    "/auth/login",
    operation_id="login",
    response_model=AuthResult,
    responses=problems("account_unavailable", "email_not_verified", "invalid_credentials"),
)
def login(
    body: LoginRequest,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    throttle: security.LoginThrottleDep,
    ip: security.ClientIP,
) -> AuthResult:
    """Sign in with email and password.

    After ``login_max_failures_per_ip`` wrong passwords from one address (or
    ``login_max_failures_per_account`` for one account) within the window, the
    answer is 429 with ``Retry-After`` and the password is not even checked.
    """
    email = accounts.normalize_email(str(body.email))
    throttle.begin(ip, email)
    try:
        user = accounts.authenticate(session, settings, email, body.password)
    except InvalidCredentials:
        raise  # counted by begin()
    except BaseException:
        throttle.not_a_failure(ip, email)
        raise
    throttle.succeeded(ip, email)
    issued = sessions.start_session(session, settings, user, user_agent=user_agent(request), ip=ip)
    return signed_in(response, settings, user, issued, body.transport)


async def _body_not_null(request: Request) -> None:
    """An optional body may be left out, not sent as JSON ``null`` (the schema says object)."""
    if (await request.body()).strip() == b"null":
        raise RequestValidationError(
            [{"type": "model_type", "loc": ("body",), "msg": "Input should be an object"}]
        )


@router.post(
    "/auth/refresh",
    operation_id="refresh_session",
    response_model=AuthResult,
    dependencies=[Depends(_body_not_null)],
    responses=problems(
        "account_unavailable",
        "csrf_failed",
        "invalid_refresh_token",
        "refresh_token_reused",
    ),
)
def refresh_session(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
    body: RefreshRequest | None = None,
) -> AuthResult:
    """Exchange the refresh token for new tokens. Each refresh token works once.

    Presenting an already exchanged token signs the whole session out (its
    newest token included): someone else has a copy.
    """
    enforce(limiter, limits.refresh_ip, address_key(ip))
    transport: Transport = "body"
    raw = body.refresh_token if body else None
    if raw is None:
        transport = "cookie"
        raw = request.cookies.get(security.REFRESH_COOKIE)
    record = sessions.find_token(session, raw) if raw else None
    if raw is None or record is None:
        raise InvalidRefreshToken()
    if transport == "cookie":
        security.require_csrf(request, settings, record.family_id)
    enforce(limiter, limits.refresh_session, str(record.family_id))
    try:
        user, issued = sessions.rotate(
            session, settings, raw, user_agent=user_agent(request), ip=ip
        )
    except RefreshTokenReused:
        session.commit()  # the family's revocation must outlive this error
        raise
    return signed_in(response, settings, user, issued, transport)


@router.post(
    "/auth/logout",
    operation_id="logout",
    dependencies=[Depends(_body_not_null)],
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("csrf_failed"),
)
def logout(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    body: LogoutRequest | None = None,
) -> None:
    """End this session: its refresh tokens are revoked and its access tokens stop working."""
    family: uuid.UUID | None = None
    if body and body.refresh_token:
        record = sessions.find_token(session, body.refresh_token)
        family = record.family_id if record else None
    elif raw := request.cookies.get(security.REFRESH_COOKIE):
        record = sessions.find_token(session, raw)
        if record is not None:
            security.require_csrf(request, settings, record.family_id)
            family = record.family_id
    elif token := access_token_from(request):
        try:
            claims = decode_access_token(settings, token)
        except Unauthenticated:
            claims = None  # an expired token has nothing left to end
        if claims is not None:
            if not security.uses_bearer(request):
                security.require_csrf(request, settings, claims.session_id)
            family = claims.session_id
    if family is not None:
        sessions.revoke_family(session, family, reason="logout")
    security.clear_session_cookies(response, settings)


@router.post(
    "/auth/password-reset",
    operation_id="request_password_reset",
    status_code=status.HTTP_202_ACCEPTED,
    responses=problems(),
)
def request_password_reset(
    body: PasswordResetRequest,
    request: Request,
    background: BackgroundTasks,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> None:
    """Email a reset link if the account exists. The answer is the same either way.

    The lookup and the link are made after the answer is sent (a background task
    with its own transaction), so the answer takes as long for a known address
    as for an unknown one.
    """
    enforce(limiter, limits.reset_ip, address_key(ip))
    enforce(limiter, limits.reset_account, account_key(str(body.email)))
    background.add_task(_reset_later, request.app.state.sessionmaker, settings, str(body.email))


def _reset_later(factory: sessionmaker[Session], settings: Settings, email: str) -> None:
    with session_scope(factory) as session:
        accounts.request_password_reset(session, settings, email)


@router.post(
    "/auth/password-reset/confirm",
    operation_id="reset_password",
    status_code=status.HTTP_204_NO_CONTENT,
    responses=problems("invalid_link", "weak_password"),
)
def reset_password(
    body: PasswordResetConfirm,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> None:
    """Set a new password with the emailed token; every session of the account ends."""
    enforce(limiter, limits.link_ip, address_key(ip))
    accounts.reset_password(session, settings, body.token, body.new_password)
