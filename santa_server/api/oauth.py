"""Sign in with Google, VK ID or Telegram, and link those accounts to a signed-in user.

Google and VK (authorization code + PKCE):

1. the browser opens ``GET /auth/oauth/{provider}/authorize?return_to=/boxes``
   (sign in) or the web UI calls ``POST /auth/oauth/{provider}/link`` and opens
   the ``authorization_url`` it returns (link, while signed in);
2. the provider sends the browser back to ``/auth/oauth/{provider}/callback``;
3. we check ``state``, exchange the code with the PKCE verifier, verify the
   identity, sign in (cookies) or link, and redirect to ``return_to``.

Errors in the callback answer with problem+json (status 401 ``oauth_failed``,
409 when the account belongs to someone else).

Telegram: the login widget gives the browser a signed payload; the web UI
posts it to ``/auth/telegram`` (sign in) or ``/auth/telegram/link``.
"""

from __future__ import annotations

import logging
from typing import Literal

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import RedirectResponse
from pydantic import BaseModel, ConfigDict, Field

from santa_core import models
from santa_core.auth import sessions, social
from santa_core.auth.errors import OAuthFailed, ProviderNotConfigured
from santa_core.auth.ratelimit import address_key, enforce
from santa_core.auth.telegram import verify_login
from santa_core.config import Settings
from santa_core.errors import SantaError
from santa_core.user.schemas import SocialAccount
from santa_server import security
from santa_server.api.auth import AuthResult, Transport, signed_in, user_agent
from santa_server.deps import CurrentUser, SessionDep, SettingsDep, get_optional_user
from santa_server.errors import problems
from santa_server.oauth import OAuthTransaction, get_provider, redirect_uri_for
from santa_server.oauth import transaction as oauth_tx
from santa_server.oauth.providers import configured

log = logging.getLogger("santa.oauth")

router = APIRouter(tags=["auth"])

OAuthProviderName = Literal["google", "vk"]


class AuthProviders(BaseModel):
    """Which sign-in buttons to show."""

    oauth: list[OAuthProviderName]
    #: The bot the Telegram login widget is for; None when Telegram is off.
    telegram_bot_username: str | None


class OAuthStart(BaseModel):
    #: Open this address in the browser to continue at the provider.
    authorization_url: str


class TelegramLoginData(BaseModel):
    """The object the Telegram login widget hands over (fields as Telegram names them)."""

    model_config = ConfigDict(extra="allow")

    id: int = Field(strict=True)
    first_name: str | None = Field(default=None, max_length=256)
    last_name: str | None = Field(default=None, max_length=256)
    username: str | None = Field(default=None, max_length=256)
    photo_url: str | None = Field(default=None, max_length=2048)
    auth_date: int = Field(strict=True)
    hash: str = Field(pattern=r"^[0-9a-fA-F]{64}$")


class TelegramSignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    data: TelegramLoginData
    transport: Transport = "cookie"


@router.get(
    "/auth/providers",
    operation_id="list_auth_providers",
    response_model=AuthProviders,
)
def list_auth_providers(settings: SettingsDep) -> AuthProviders:
    """The outside sign-in providers this server is configured for."""
    return AuthProviders(
        oauth=configured(settings),
        telegram_bot_username=settings.telegram_bot_username
        if settings.telegram_bot_token
        else None,
    )


@router.get(
    "/auth/oauth/{provider}/authorize",
    operation_id="start_oauth_sign_in",
    response_class=RedirectResponse,
    status_code=status.HTTP_302_FOUND,
    responses={
        302: {"description": "Redirect to the provider"},
        **problems("provider_not_configured"),
    },
)
def start_oauth_sign_in(
    provider: OAuthProviderName,
    request: Request,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
    return_to: str | None = Query(default=None, max_length=2000),
) -> RedirectResponse:
    """Send the browser to the provider's sign-in page."""
    enforce(limiter, limits.oauth_ip, address_key(ip))
    impl = get_provider(request, provider)
    tx = OAuthTransaction.new(provider, "sign_in", return_to=oauth_tx.safe_return_to(return_to))
    url = impl.authorization_url(tx, redirect_uri_for(settings, provider))
    response = RedirectResponse(url, status_code=status.HTTP_302_FOUND)
    oauth_tx.store(response, settings, tx)
    return response


@router.post(
    "/auth/oauth/{provider}/link",
    operation_id="start_oauth_link",
    response_model=OAuthStart,
    responses=problems("provider_not_configured"),
)
def start_oauth_link(
    provider: OAuthProviderName,
    request: Request,
    response: Response,
    user: CurrentUser,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
    return_to: str | None = Query(default=None, max_length=2000),
) -> OAuthStart:
    """Begin linking a provider account to the signed-in user (open the returned URL)."""
    enforce(limiter, limits.oauth_ip, address_key(ip))
    impl = get_provider(request, provider)
    tx = OAuthTransaction.new(
        provider, "link", return_to=oauth_tx.safe_return_to(return_to, "/"), user_id=user.id
    )
    url = impl.authorization_url(tx, redirect_uri_for(settings, provider))
    oauth_tx.store(response, settings, tx)
    return OAuthStart(authorization_url=url)


@router.get(
    "/auth/oauth/{provider}/callback",
    operation_id="complete_oauth",
    response_class=RedirectResponse,
    status_code=status.HTTP_302_FOUND,
    responses={
        302: {"description": "Signed in or linked; back to the web UI"},
        **problems(
            "account_unavailable",
            "email_taken",
            "oauth_failed",
            "provider_not_configured",
            "social_account_taken",
            "social_email_taken",
        ),
    },
)
def complete_oauth(
    provider: OAuthProviderName,
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> RedirectResponse:
    """Where the provider sends the browser back (``code``, ``state``; VK adds ``device_id``)."""
    enforce(limiter, limits.oauth_ip, address_key(ip))
    try:
        tx = oauth_tx.load(request, provider)
        impl = get_provider(request, provider)
        identity = impl.complete(
            dict(request.query_params), tx, redirect_uri_for(settings, provider)
        )
    except OAuthFailed as exc:
        log.info("%s sign-in failed: %s", provider, exc.params.get("reason", "unknown"))
        raise
    response = RedirectResponse(tx.return_to, status_code=status.HTTP_302_FOUND)
    oauth_tx.forget(response, settings)
    if tx.purpose == "link":
        current = _signed_in_user(request, session, settings)
        if current is None or str(current.id) != tx.user_id:
            raise OAuthFailed("Sign in again to link this account.", reason="link_user")
        social.link(session, current, identity)
        return response
    user = social.sign_in(session, settings, identity)
    _start_browser_session(request, response, session, settings, user, ip)
    return response


def _signed_in_user(
    request: Request, session: SessionDep, settings: Settings
) -> models.User | None:
    try:
        return get_optional_user(request, session, settings)
    except SantaError:
        return None


def _start_browser_session(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: Settings,
    user: models.User,
    ip: str,
) -> None:
    issued = sessions.start_session(session, settings, user, user_agent=user_agent(request), ip=ip)
    signed_in(response, settings, user, issued, "cookie")


def _telegram_identity(settings: Settings, data: TelegramLoginData) -> social.SocialIdentity:
    if settings.telegram_bot_token is None:
        raise ProviderNotConfigured()
    return verify_login(
        data.model_dump(exclude_none=True),
        bot_token=settings.telegram_bot_token.get_secret_value(),
        max_age_seconds=settings.telegram_auth_max_age_seconds,
    )


@router.post(
    "/auth/telegram",
    operation_id="sign_in_with_telegram",
    response_model=AuthResult,
    responses=problems(
        "account_unavailable",
        "email_taken",
        "oauth_failed",
        "provider_not_configured",
        "social_email_taken",
    ),
)
def sign_in_with_telegram(
    body: TelegramSignIn,
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> AuthResult:
    """Sign in with the signed payload of the Telegram login widget."""
    enforce(limiter, limits.oauth_ip, address_key(ip))
    user = social.sign_in(session, settings, _telegram_identity(settings, body.data))
    issued = sessions.start_session(session, settings, user, user_agent=user_agent(request), ip=ip)
    return signed_in(response, settings, user, issued, body.transport)


@router.post(
    "/auth/telegram/link",
    operation_id="link_telegram",
    response_model=SocialAccount,
    status_code=status.HTTP_201_CREATED,
    responses=problems("oauth_failed", "provider_not_configured", "social_account_taken"),
)
def link_telegram(
    body: TelegramLoginData,
    user: CurrentUser,
    session: SessionDep,
    settings: SettingsDep,
    limiter: security.LimiterDep,
    limits: security.LimitsDep,
    ip: security.ClientIP,
) -> SocialAccount:
    """Link a Telegram account to the signed-in user (the bot can then message them)."""
    enforce(limiter, limits.oauth_ip, address_key(ip))
    account = social.link(session, user, _telegram_identity(settings, body))
    return SocialAccount.model_validate(account)
