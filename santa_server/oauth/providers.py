"""The providers: Google through OpenID Connect discovery, VK ID through its OAuth 2.1 API.

Both use the authorization code flow with PKCE (S256) via authlib's
``OAuth2Client``; ``state`` is compared by us, the ``nonce`` by the ID token
check (OIDC), the code verifier by the provider. Any failure — an error
redirect, a refused code, a bad signature, a wrong nonce — is
:class:`~santa_core.auth.errors.OAuthFailed`.
"""

from __future__ import annotations

import hmac
import logging
import threading
import time
from collections.abc import Mapping
from typing import Any, Protocol
from urllib.parse import urlencode

import httpx2
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.httpx_client import OAuth2Client
from authlib.oidc.core import CodeIDToken
from fastapi import Request
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet
from joserfc.jws import JWSRegistry

from santa_core.auth.errors import OAuthFailed, ProviderNotConfigured
from santa_core.auth.social import SocialIdentity
from santa_core.config import Settings
from santa_server.oauth.transaction import OAuthTransaction

log = logging.getLogger("santa.oauth")

TIMEOUT_SECONDS = 10.0
METADATA_TTL_SECONDS = 3600
#: Asymmetric algorithms only: never ``none``, never a shared-secret HMAC.
ID_TOKEN_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")
OAUTH_PROVIDERS = ("google", "vk")


class Provider(Protocol):
    name: str

    def authorization_url(self, tx: OAuthTransaction, redirect_uri: str) -> str: ...

    def complete(
        self, params: Mapping[str, str], tx: OAuthTransaction, redirect_uri: str
    ) -> SocialIdentity: ...


def redirect_uri_for(settings: Settings, provider: str) -> str:
    return f"{settings.public_base_url.rstrip('/')}/api/v1/auth/oauth/{provider}/callback"


def _check_callback(params: Mapping[str, str], tx: OAuthTransaction) -> str:
    """The code from a callback whose ``state`` is ours."""
    state = params.get("state", "")
    if not state or not hmac.compare_digest(state.encode(), tx.state.encode()):
        raise OAuthFailed("The sign-in response does not match this browser.", reason="state")
    if "error" in params:
        raise OAuthFailed(reason=f"provider:{params['error'][:64]}")
    code = params.get("code")
    if not code:
        raise OAuthFailed(reason="no_code")
    return code


def _fetch_token(client: OAuth2Client, url: str, **kwargs: Any) -> dict[str, Any]:
    try:
        token: dict[str, Any] = client.fetch_token(url, **kwargs)
    except OAuthError as exc:
        raise OAuthFailed(reason=f"token:{exc.error}"[:80]) from None
    except (httpx2.HTTPError, ValueError) as exc:
        log.warning("token endpoint failed: %s", type(exc).__name__)
        raise OAuthFailed(reason="token_endpoint") from None
    return token


class OIDCProvider:
    """An OpenID Connect provider found by discovery (Google, or any OIDC issuer)."""

    def __init__(
        self,
        name: str,
        *,
        client_id: str,
        client_secret: str | None,
        discovery_url: str,
        scope: str = "openid email profile",
    ) -> None:
        self.name = name
        self.client_id = client_id
        self.client_secret = client_secret
        self.discovery_url = discovery_url
        self.scope = scope
        self._lock = threading.Lock()
        self._metadata: dict[str, Any] | None = None
        self._metadata_at = 0.0
        self._jwks: dict[str, Any] | None = None

    def _client(self, redirect_uri: str) -> OAuth2Client:
        return OAuth2Client(
            self.client_id,
            self.client_secret,
            scope=self.scope,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            token_endpoint_auth_method="client_secret_post" if self.client_secret else "none",
            timeout=TIMEOUT_SECONDS,
        )

    def _get_json(self, url: str) -> dict[str, Any]:
        try:
            response = httpx2.get(url, timeout=TIMEOUT_SECONDS)
            response.raise_for_status()
            data = response.json()
        except (httpx2.HTTPError, ValueError) as exc:
            log.warning("%s: cannot fetch %s: %s", self.name, url, type(exc).__name__)
            raise OAuthFailed(reason="provider_unreachable") from None
        if not isinstance(data, dict):
            raise OAuthFailed(reason="provider_metadata")
        return data

    def metadata(self) -> dict[str, Any]:
        with self._lock:
            fresh = time.monotonic() - self._metadata_at < METADATA_TTL_SECONDS
            if self._metadata is None or not fresh:
                self._metadata = self._get_json(self.discovery_url)
                self._metadata_at = time.monotonic()
                self._jwks = None
            return self._metadata

    def _key_set(self, *, force: bool = False) -> KeySet:
        meta = self.metadata()
        with self._lock:
            if self._jwks is None or force:
                self._jwks = self._get_json(meta["jwks_uri"])
            return KeySet.import_key_set(self._jwks)  # type: ignore[arg-type]

    def authorization_url(self, tx: OAuthTransaction, redirect_uri: str) -> str:
        with self._client(redirect_uri) as client:
            url, _ = client.create_authorization_url(
                self.metadata()["authorization_endpoint"],
                state=tx.state,
                code_verifier=tx.code_verifier,
                nonce=tx.nonce,
            )
        return str(url)

    def complete(
        self, params: Mapping[str, str], tx: OAuthTransaction, redirect_uri: str
    ) -> SocialIdentity:
        code = _check_callback(params, tx)
        meta = self.metadata()
        with self._client(redirect_uri) as client:
            token = _fetch_token(
                client, meta["token_endpoint"], code=code, code_verifier=tx.code_verifier
            )
            claims = self._verify_id_token(token, tx.nonce)
            info = self._userinfo(client, meta, token)
        if info and info.get("sub") not in (None, claims["sub"]):
            raise OAuthFailed(reason="userinfo_subject")
        merged = {**claims, **info}
        email = merged.get("email")
        return SocialIdentity(
            provider=self.name,
            subject=str(claims["sub"]),
            email=str(email) if email else None,
            email_verified=merged.get("email_verified") is True,
            full_name=str(merged.get("name") or ""),
            profile={
                k: str(merged[k])
                for k in ("name", "given_name", "family_name", "picture", "locale")
                if merged.get(k)
            },
        )

    def _verify_id_token(self, token: Mapping[str, Any], nonce: str) -> dict[str, Any]:
        raw = token.get("id_token")
        if not isinstance(raw, str):
            raise OAuthFailed(reason="no_id_token")
        meta = self.metadata()
        offered = meta.get("id_token_signing_alg_values_supported") or ["RS256"]
        algorithms = [a for a in offered if a in ID_TOKEN_ALGORITHMS]
        if not algorithms:
            # An empty list would make joserfc fall back to its defaults, HS256 among them.
            raise OAuthFailed(reason="id_token_algorithm")
        registry = JWSRegistry(algorithms=algorithms)
        try:
            try:
                decoded = jwt.decode(raw, self._key_set(), registry=registry)
            except JoseError:
                # Keys rotate: fetch the set again once before giving up.
                decoded = jwt.decode(raw, self._key_set(force=True), registry=registry)
            claims = CodeIDToken(
                decoded.claims,
                decoded.header,
                {
                    "iss": {"essential": True, "value": meta["issuer"]},
                    "aud": {"essential": True, "value": self.client_id},
                },
                {
                    "nonce": nonce,
                    "client_id": self.client_id,
                    "access_token": token.get("access_token"),
                },
            )
            claims.validate(leeway=60)
        except (JoseError, ValueError) as exc:
            raise OAuthFailed(reason=f"id_token:{type(exc).__name__}") from None
        return dict(claims)

    def _userinfo(
        self, client: OAuth2Client, meta: Mapping[str, Any], token: Mapping[str, Any]
    ) -> dict[str, Any]:
        endpoint = meta.get("userinfo_endpoint")
        if not endpoint:
            return {}
        try:
            response = client.get(endpoint)
            response.raise_for_status()
            data = response.json()
        except (httpx2.HTTPError, ValueError, OAuthError) as exc:
            log.warning("%s: userinfo failed: %s", self.name, type(exc).__name__)
            raise OAuthFailed(reason="userinfo") from None
        return data if isinstance(data, dict) else {}


class VKProvider:
    """VK ID: OAuth 2.1 with PKCE; the callback also names the user's ``device_id``."""

    name = "vk"

    def __init__(
        self,
        *,
        client_id: str,
        client_secret: str | None,
        authorize_url: str,
        token_url: str,
        user_info_url: str,
        scope: str = "email",
    ) -> None:
        self.client_id = client_id
        self.client_secret = client_secret
        self.authorize_url = authorize_url
        self.token_url = token_url
        self.user_info_url = user_info_url
        self.scope = scope

    def _client(self, redirect_uri: str) -> OAuth2Client:
        return OAuth2Client(
            self.client_id,
            self.client_secret,
            scope=self.scope,
            redirect_uri=redirect_uri,
            code_challenge_method="S256",
            token_endpoint_auth_method="client_secret_post" if self.client_secret else "none",
            timeout=TIMEOUT_SECONDS,
        )

    def authorization_url(self, tx: OAuthTransaction, redirect_uri: str) -> str:
        with self._client(redirect_uri) as client:
            url, _ = client.create_authorization_url(
                self.authorize_url, state=tx.state, code_verifier=tx.code_verifier
            )
        return str(url)

    def complete(
        self, params: Mapping[str, str], tx: OAuthTransaction, redirect_uri: str
    ) -> SocialIdentity:
        code = _check_callback(params, tx)
        device_id = params.get("device_id")
        if not device_id:
            raise OAuthFailed(reason="no_device_id")
        with self._client(redirect_uri) as client:
            token = _fetch_token(
                client,
                self.token_url,
                body=urlencode({"state": tx.state}),
                code=code,
                code_verifier=tx.code_verifier,
                device_id=device_id,
            )
            if token.get("state") not in (None, tx.state):
                raise OAuthFailed(reason="token_state")
            try:
                response = client.request(
                    "POST",
                    self.user_info_url,
                    data={"client_id": self.client_id, "access_token": token["access_token"]},
                    withhold_token=True,
                )
                response.raise_for_status()
                data = response.json()
            except (httpx2.HTTPError, ValueError, KeyError) as exc:
                log.warning("vk: user_info failed: %s", type(exc).__name__)
                raise OAuthFailed(reason="userinfo") from None
        user = data.get("user") if isinstance(data, dict) else None
        if not isinstance(user, dict) or not user.get("user_id"):
            raise OAuthFailed(reason="userinfo")
        subject = str(user["user_id"])
        if token.get("user_id") is not None and str(token["user_id"]) != subject:
            raise OAuthFailed(reason="userinfo_subject")
        profile = {k: str(user[k]) for k in ("first_name", "last_name", "avatar") if user.get(k)}
        name = " ".join(profile[k] for k in ("first_name", "last_name") if k in profile)
        email = user.get("email")
        return SocialIdentity(
            provider="vk",
            subject=subject,
            email=str(email) if email else None,
            # VK does not promise the address was confirmed: never link by it.
            email_verified=False,
            full_name=name,
            profile=profile,
        )


def _build(settings: Settings, name: str) -> Provider:
    if name == "google" and settings.google_client_id:
        secret = settings.google_client_secret
        return OIDCProvider(
            "google",
            client_id=settings.google_client_id,
            client_secret=secret.get_secret_value() if secret else None,
            discovery_url=settings.google_discovery_url,
        )
    if name == "vk" and settings.vk_client_id:
        secret = settings.vk_client_secret
        return VKProvider(
            client_id=settings.vk_client_id,
            client_secret=secret.get_secret_value() if secret else None,
            authorize_url=settings.vk_authorize_url,
            token_url=settings.vk_token_url,
            user_info_url=settings.vk_user_info_url,
        )
    raise ProviderNotConfigured()


def configured(settings: Settings) -> list[str]:
    return [
        name
        for name, client_id in (
            ("google", settings.google_client_id),
            ("vk", settings.vk_client_id),
        )
        if client_id
    ]


def get_provider(request: Request, name: str) -> Provider:
    """The app's provider object (its metadata and keys are cached per app)."""
    cache = _provider_cache(request)
    if name not in cache:
        cache[name] = _build(request.app.state.settings, name)
    return cache[name]


def _provider_cache(request: Request) -> dict[str, Provider]:
    cache: dict[str, Provider] | None = getattr(request.app.state, "oauth_providers", None)
    if cache is None:
        cache = {}
        request.app.state.oauth_providers = cache
    return cache
