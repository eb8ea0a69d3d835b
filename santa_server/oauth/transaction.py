"""One authorization attempt, carried by the browser in an encrypted, short-lived cookie.

It holds what must come back unchanged from the provider (``state``) and what
must never travel through it (the PKCE ``code_verifier``, the OIDC ``nonce``),
plus what to do on return. The cookie is AES-GCM sealed with the app's keyring,
HTTP-only, ``SameSite=Lax`` (sent on the provider's top-level redirect back)
and scoped to the OAuth paths.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import asdict, dataclass
from typing import Literal

from authlib.common.security import generate_token
from fastapi import Request, Response

from santa_core import crypto
from santa_core.auth.errors import OAuthFailed
from santa_core.config import Settings

COOKIE = "santa_oauth"
COOKIE_PATH = "/api/v1/auth/oauth"
TTL_SECONDS = 600

Purpose = Literal["sign_in", "link"]


@dataclass(frozen=True)
class OAuthTransaction:
    provider: str
    purpose: Purpose
    state: str
    code_verifier: str
    nonce: str
    return_to: str
    user_id: str | None
    expires_at: int

    @classmethod
    def new(
        cls,
        provider: str,
        purpose: Purpose,
        *,
        return_to: str,
        user_id: uuid.UUID | None = None,
    ) -> OAuthTransaction:
        return cls(
            provider=provider,
            purpose=purpose,
            state=generate_token(32),
            code_verifier=generate_token(64),
            nonce=generate_token(32),
            return_to=return_to,
            user_id=str(user_id) if user_id else None,
            expires_at=int(time.time()) + TTL_SECONDS,
        )

    def seal(self) -> str:
        return crypto.get_keyring().encrypt(json.dumps(asdict(self)))

    @classmethod
    def unseal(cls, sealed: str) -> OAuthTransaction:
        try:
            data = json.loads(crypto.get_keyring().decrypt(sealed))
            tx = cls(**data)
        except (crypto.DecryptionError, ValueError, TypeError):
            raise OAuthFailed(reason="bad_transaction") from None
        if tx.expires_at < time.time():
            raise OAuthFailed("The sign-in took too long. Try again.", reason="expired")
        return tx


def store(response: Response, settings: Settings, tx: OAuthTransaction) -> None:
    response.set_cookie(
        COOKIE,
        tx.seal(),
        max_age=TTL_SECONDS,
        path=COOKIE_PATH,
        secure=settings.secure_cookies,
        httponly=True,
        samesite="lax",
    )


def load(request: Request, provider: str) -> OAuthTransaction:
    sealed = request.cookies.get(COOKIE)
    if not sealed:
        raise OAuthFailed("The sign-in was not started here, or took too long.", reason="no_state")
    tx = OAuthTransaction.unseal(sealed)
    if tx.provider != provider:
        raise OAuthFailed(reason="wrong_provider")
    return tx


def forget(response: Response, settings: Settings) -> None:
    response.delete_cookie(
        COOKIE, path=COOKIE_PATH, secure=settings.secure_cookies, httponly=True, samesite="lax"
    )


def safe_return_to(value: str | None, default: str = "/") -> str:
    """Only same-site paths: ``/boxes`` yes; ``//evil.example`` and ``https://...`` no."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return default
    return value
