"""HTTP plumbing of authentication: cookies, CSRF proofs, client addresses, rate limits.

Cookies (all ``SameSite=Lax``, ``Secure`` in production):

- ``santa_access``: the access JWT, HTTP-only, path ``/``.
- ``santa_refresh``: the refresh token, HTTP-only, path ``/api/v1/auth`` only
  (refresh and logout are the only endpoints that need it).
- ``santa_csrf``: the CSRF token, readable by the web UI's JavaScript, path ``/``.

CSRF: a request authenticated by cookie with an unsafe method must send the
header ``X-CSRF-Token`` equal to ``HMAC(secret_key, "csrf:" + session id)``.
The token is tied to the session, so a cookie planted by a sibling domain is
useless, and another site cannot read it. Bearer requests (SDK, CLI) are not
exposed to CSRF and skip the check.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import uuid
from typing import Annotated

from fastapi import Depends, Request, Response

from santa_core.auth.errors import CsrfFailed
from santa_core.auth.ratelimit import (
    Limits,
    LoginThrottle,
    RateLimiter,
    SecretGuard,
    address_key,
    limiter_for,
)
from santa_core.config import Settings
from santa_server.deps import ACCESS_COOKIE, SettingsDep

REFRESH_COOKIE = "santa_refresh"
CSRF_COOKIE = "santa_csrf"
CSRF_HEADER = "X-CSRF-Token"
REFRESH_COOKIE_PATH = "/api/v1/auth"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


def csrf_token_for(settings: Settings, session_id: uuid.UUID) -> str:
    key = settings.secret_key.get_secret_value().encode()
    return hmac.new(key, f"csrf:{session_id}".encode(), hashlib.sha256).hexdigest()


def require_csrf(request: Request, settings: Settings, session_id: uuid.UUID | None) -> None:
    """Refuse a cookie-authenticated unsafe request without the session's CSRF token."""
    if request.method in SAFE_METHODS:
        return
    given = request.headers.get(CSRF_HEADER, "")
    if session_id is None or not given:
        raise CsrfFailed()
    if not hmac.compare_digest(given.encode(), csrf_token_for(settings, session_id).encode()):
        raise CsrfFailed()


def uses_bearer(request: Request) -> bool:
    return request.headers.get("authorization", "").lower().startswith("bearer ")


def set_session_cookies(
    response: Response,
    settings: Settings,
    *,
    access_token: str,
    refresh_token: str,
    session_id: uuid.UUID,
) -> str:
    """Put a fresh session in cookies; returns the CSRF token (also in its cookie)."""
    secure = settings.secure_cookies
    csrf = csrf_token_for(settings, session_id)
    response.set_cookie(
        ACCESS_COOKIE,
        access_token,
        max_age=settings.access_token_ttl_seconds,
        path="/",
        secure=secure,
        httponly=True,
        samesite="lax",
    )
    response.set_cookie(
        REFRESH_COOKIE,
        refresh_token,
        max_age=settings.refresh_token_ttl_seconds,
        path=REFRESH_COOKIE_PATH,
        secure=secure,
        httponly=True,
        samesite="lax",
    )
    response.set_cookie(
        CSRF_COOKIE,
        csrf,
        max_age=settings.refresh_token_ttl_seconds,
        path="/",
        secure=secure,
        httponly=False,
        samesite="lax",
    )
    return csrf


def clear_session_cookies(response: Response, settings: Settings) -> None:
    secure = settings.secure_cookies
    for name, path, httponly in (
        (ACCESS_COOKIE, "/", True),
        (REFRESH_COOKIE, REFRESH_COOKIE_PATH, True),
        (CSRF_COOKIE, "/", False),
    ):
        response.delete_cookie(name, path=path, secure=secure, httponly=httponly, samesite="lax")


def client_ip(request: Request, settings: Settings) -> str:
    """The peer address, or the client named by X-Forwarded-For when a trusted proxy sent it.

    The header is read right to left, skipping trusted proxies; the first other
    address is the client (entries further left are whatever the client wrote).
    """
    peer = request.client.host if request.client else "unknown"
    if not settings.trusted_proxies:
        return peer
    networks = [ipaddress.ip_network(p, strict=False) for p in settings.trusted_proxies]

    def trusted(address: str) -> bool:
        try:
            ip = ipaddress.ip_address(address)
        except ValueError:
            return False
        return any(ip in net for net in networks)

    if not trusted(peer):
        return peer
    forwarded = request.headers.get("x-forwarded-for", "")
    hops = [h.strip() for h in forwarded.split(",") if h.strip()]
    for hop in reversed(hops):
        if not trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return peer
    return hops[0] if hops else peer


def get_rate_limiter(request: Request, settings: SettingsDep) -> RateLimiter:
    """One limiter per app, built on first use from the app's settings."""
    limiter: RateLimiter | None = getattr(request.app.state, "rate_limiter", None)
    if limiter is None:
        limiter = limiter_for(settings)
        request.app.state.rate_limiter = limiter
    return limiter


def get_auth_limits(settings: SettingsDep) -> Limits:
    return Limits.from_settings(settings)


def get_client_ip(request: Request, settings: SettingsDep) -> str:
    return client_ip(request, settings)


LimiterDep = Annotated[RateLimiter, Depends(get_rate_limiter)]
LimitsDep = Annotated[Limits, Depends(get_auth_limits)]
ClientIP = Annotated[str, Depends(get_client_ip)]


def get_login_throttle(limiter: LimiterDep, limits: LimitsDep) -> LoginThrottle:
    return LoginThrottle(limiter, limits)


LoginThrottleDep = Annotated[LoginThrottle, Depends(get_login_throttle)]


def caller_key(request: Request, settings: Settings) -> str:
    """Whom a limit counts: the signed-in account when there is one, else the client
    address (IPv6 by /64). Reads the user the auth dependency already resolved."""
    user = getattr(request.state, "user", None)
    if user is not None:
        return f"user:{user.id}"
    return f"ip:{address_key(client_ip(request, settings))}"


def get_secret_guard(
    request: Request, settings: SettingsDep, limiter: LimiterDep, limits: LimitsDep
) -> SecretGuard:
    """Wrap a lookup of a secret in ``with guard:``: wrong secrets are counted per caller."""
    return SecretGuard(limiter, limits, caller_key(request, settings))


SecretGuardDep = Annotated[SecretGuard, Depends(get_secret_guard)]
