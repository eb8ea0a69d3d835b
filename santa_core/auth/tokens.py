"""Access tokens: short-lived JWTs, HS256 only, issuer and audience checked."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

import jwt

from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.errors import Unauthenticated

ALGORITHM = "HS256"


@dataclass(frozen=True)
class AccessClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    expires_at: dt.datetime


def issue_access_token(settings: Settings, user_id: uuid.UUID, *, session_id: uuid.UUID) -> str:
    now = utcnow()
    claims: dict[str, Any] = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "nbf": int(now.timestamp()),
        "exp": int(now.timestamp()) + settings.access_token_ttl_seconds,
        "jti": uuid.uuid4().hex,
        "typ": "access",
        "sid": str(session_id),
    }
    return jwt.encode(claims, settings.secret_key.get_secret_value(), algorithm=ALGORITHM)


def decode_access_token(settings: Settings, token: str) -> AccessClaims:
    """Validate signature, algorithm, expiry, issuer and audience; raise Unauthenticated."""
    try:
        claims = jwt.decode(
            token,
            settings.secret_key.get_secret_value(),
            algorithms=[ALGORITHM],
            audience=settings.jwt_audience,
            issuer=settings.jwt_issuer,
            # ``sid`` is required: every access token belongs to a session whose
            # revocation ends it at once (a token without one could not be revoked).
            options={"require": ["exp", "iat", "sub", "iss", "aud", "sid"]},
        )
    except jwt.ExpiredSignatureError:
        raise Unauthenticated("The access token has expired.", reason="expired") from None
    except jwt.PyJWTError:
        raise Unauthenticated("The access token is invalid.", reason="invalid") from None
    if claims.get("typ") != "access":
        raise Unauthenticated("The access token is invalid.", reason="wrong_type")
    try:
        user_id = uuid.UUID(str(claims["sub"]))
        sid = uuid.UUID(str(claims["sid"]))
    except ValueError:
        raise Unauthenticated("The access token is invalid.", reason="bad_subject") from None
    try:
        expires_at = dt.datetime.fromtimestamp(int(claims["exp"]), dt.UTC)
    except (ValueError, OverflowError, OSError):
        # pyjwt takes any number as ``exp``; one past the year 9999 fits no datetime.
        raise Unauthenticated("The access token is invalid.", reason="bad_expiry") from None
    return AccessClaims(user_id=user_id, session_id=sid, expires_at=expires_at)
