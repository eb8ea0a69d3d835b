"""Google sign-in (OpenID Connect, code + PKCE) end to end against nanoidp on loopback."""

from __future__ import annotations

import dataclasses
import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_server.app import create_app
from santa_server.oauth.transaction import COOKIE, COOKIE_PATH, OAuthTransaction
from tests.conftest import IN_CI
from tests.peers.oidc import OIDCProvider, run_nanoidp
from tests.server.auth_support import API, PASSWORD, auth_settings, csrf, login, register


@pytest.fixture(scope="session")
def idp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OIDCProvider]:
    try:
        with run_nanoidp(tmp_path_factory.mktemp("nanoidp")) as provider:
            yield provider
    except RuntimeError as exc:
        if IN_CI:
            raise
        pytest.skip(f"nanoidp unavailable: {exc}")


@pytest.fixture
def settings(tmp_path: Path, engine: Engine, idp: OIDCProvider) -> Settings:
    return auth_settings(
        tmp_path,
        engine,
        google_client_id=idp.client_id,
        google_client_secret=idp.client_secret,
        google_discovery_url=idp.discovery_url,
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def start(client: TestClient, return_to: str = "/boxes") -> str:
    r = client.get(
        f"{API}/auth/oauth/google/authorize",
        params={"return_to": return_to},
        follow_redirects=False,
    )
    assert r.status_code == 302, r.text
    return r.headers["location"]


def replace_transaction(client: TestClient, tx: OAuthTransaction) -> None:
    client.cookies.set(COOKIE, tx.seal(), domain="testserver.local", path=COOKIE_PATH)


def current_transaction(client: TestClient) -> OAuthTransaction:
    # Starlette quotes the value (it holds "="); the server unquotes it, so do we.
    return OAuthTransaction.unseal((client.cookies.get(COOKIE, path=COOKIE_PATH) or "").strip('"'))


def failure_reasons(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [
        r.getMessage().split("failed: ", 1)[1]
        for r in caplog.records
        if r.name == "santa.oauth" and "sign-in failed" in r.getMessage()
    ]


@pytest.fixture(autouse=True)
def _oauth_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="santa.oauth")


def _count(engine: Engine, model: type[models.Base]) -> int:
    with Session(engine) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


class TestSignIn:
    def test_first_sign_in_creates_the_user_second_reuses_it(
        self, client: TestClient, idp: OIDCProvider, engine: Engine
    ) -> None:
        url = start(client)
        query = parse_qs(urlparse(url).query)
        assert url.startswith(f"{idp.issuer}/authorize?")
        assert query["code_challenge_method"] == ["S256"]
        assert query["client_id"] == [idp.client_id]
        assert {"state", "nonce", "code_challenge"} <= set(query)
        assert "code_verifier" not in url

        callback = idp.sign_in(url, "alice")
        r = client.get(callback, follow_redirects=False)
        assert r.status_code == 302, r.text
        assert r.headers["location"] == "/boxes"
        me = client.get(f"{API}/users/me").json()
        assert me["email"] == "alice@example.org"
        assert me["email_verified"] is True
        assert me["has_password"] is False
        accounts = client.get(f"{API}/users/me/social-accounts").json()
        assert [(a["provider"], a["email"]) for a in accounts] == [("google", "alice@example.org")]

        client.cookies.clear()
        r = client.get(idp.sign_in(start(client), "alice"), follow_redirects=False)
        assert r.status_code == 302
        assert client.get(f"{API}/users/me").json()["id"] == me["id"]
        assert _count(engine, models.User) == 1
        assert _count(engine, models.SocialAccount) == 1

    def test_links_to_an_account_with_the_same_verified_email(
        self, client: TestClient, idp: OIDCProvider, engine: Engine
    ) -> None:
        user = register(client, "bob@example.org")
        with Session(engine) as s, s.begin():
            row = s.get(models.User, uuid.UUID(user["id"]))
            assert row is not None
            row.email_verified_at = row.created_at
        r = client.get(idp.sign_in(start(client), "bob"), follow_redirects=False)
        assert r.status_code == 302
        me = client.get(f"{API}/users/me").json()
        assert me["id"] == user["id"]
        assert me["has_password"] is True

    def test_an_unverified_squatter_loses_the_address(
        self, client: TestClient, idp: OIDCProvider
    ) -> None:
        squatter = register(client, "bob@example.org")
        squatter_session = login(client, "bob@example.org", transport="body")
        client.cookies.clear()
        r = client.get(idp.sign_in(start(client), "bob"), follow_redirects=False)
        assert r.status_code == 302
        me = client.get(f"{API}/users/me").json()
        assert me["id"] == squatter["id"]
        assert me["has_password"] is False
        assert me["email_verified"] is True
        r = client.get(
            f"{API}/users/me",
            headers={"Authorization": f"Bearer {squatter_session['access_token']}"},
        )
        assert r.status_code == 401
        r = client.post(
            f"{API}/auth/login", json={"email": "bob@example.org", "password": PASSWORD}
        )
        assert r.status_code == 401

    def test_open_redirects_are_refused(self, client: TestClient, idp: OIDCProvider) -> None:
        r = client.get(
            idp.sign_in(start(client, "//evil.example/x"), "alice"), follow_redirects=False
        )
        assert r.headers["location"] == "/"


class TestRejections:
    def test_wrong_code_verifier(
        self,
        client: TestClient,
        idp: OIDCProvider,
        engine: Engine,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        url = start(client)
        tx = current_transaction(client)
        replace_transaction(client, dataclasses.replace(tx, code_verifier="x" * 64))
        r = client.get(idp.sign_in(url, "alice"), follow_redirects=False)
        assert r.status_code == 401
        assert r.json()["code"] == "oauth_failed"
        assert failure_reasons(caplog) == ["token:invalid_grant"]
        assert _count(engine, models.User) == 0

    def test_wrong_state(
        self,
        client: TestClient,
        idp: OIDCProvider,
        engine: Engine,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        callback = idp.sign_in(start(client), "alice")
        parsed = urlparse(callback)
        params = {k: v[0] for k, v in parse_qs(parsed.query).items()}
        params["state"] = "forged-state"
        r = client.get(f"{parsed.path}?{urlencode(params)}", follow_redirects=False)
        assert r.status_code == 401
        assert r.json()["code"] == "oauth_failed"
        assert failure_reasons(caplog) == ["state"]
        assert _count(engine, models.User) == 0

    def test_non_ascii_state(self, client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
        start(client)
        r = client.get(
            f"{API}/auth/oauth/google/callback",
            params={"code": "c", "state": "состояние"},
            follow_redirects=False,
        )
        assert r.status_code == 401
        assert failure_reasons(caplog) == ["state"]

    def test_wrong_nonce(
        self,
        client: TestClient,
        idp: OIDCProvider,
        engine: Engine,
        caplog: pytest.LogCaptureFixture,
    ) -> None:
        url = start(client)
        tx = current_transaction(client)
        replace_transaction(client, dataclasses.replace(tx, nonce="another-nonce"))
        r = client.get(idp.sign_in(url, "alice"), follow_redirects=False)
        assert r.status_code == 401
        assert failure_reasons(caplog) == ["id_token:InvalidClaimError"]
        assert _count(engine, models.User) == 0

    def test_replayed_code(
        self, client: TestClient, idp: OIDCProvider, caplog: pytest.LogCaptureFixture
    ) -> None:
        url = start(client)
        tx = current_transaction(client)
        callback = idp.sign_in(url, "alice")
        assert client.get(callback, follow_redirects=False).status_code == 302
        client.cookies.clear()
        replace_transaction(client, tx)
        r = client.get(callback, follow_redirects=False)
        assert r.status_code == 401
        assert r.json()["code"] == "oauth_failed"
        assert failure_reasons(caplog) == ["token:invalid_grant"]
        assert "santa_access" not in client.cookies

    def test_callback_without_a_started_sign_in(
        self, client: TestClient, idp: OIDCProvider, caplog: pytest.LogCaptureFixture
    ) -> None:
        callback = idp.sign_in(start(client), "alice")
        client.cookies.clear()
        assert client.get(callback, follow_redirects=False).status_code == 401
        assert failure_reasons(caplog) == ["no_state"]

    def test_error_from_the_provider(
        self, client: TestClient, caplog: pytest.LogCaptureFixture
    ) -> None:
        start(client)
        tx = current_transaction(client)
        r = client.get(
            f"{API}/auth/oauth/google/callback",
            params={"error": "access_denied", "state": tx.state},
            follow_redirects=False,
        )
        assert r.status_code == 401
        assert failure_reasons(caplog) == ["provider:access_denied"]

    def test_provider_not_configured(self, tmp_path: Path, engine: Engine) -> None:
        with TestClient(create_app(auth_settings(tmp_path, engine))) as c:
            r = c.get(f"{API}/auth/oauth/google/authorize", follow_redirects=False)
            assert r.status_code == 404
            assert r.json()["code"] == "provider_not_configured"
            assert c.get(f"{API}/auth/providers").json() == {
                "oauth": [],
                "telegram_bot_username": None,
            }


class TestLinking:
    def test_link_while_signed_in_then_sign_in_with_it(
        self, client: TestClient, idp: OIDCProvider
    ) -> None:
        me = register(client, "carol@example.com")
        body = login(client, "carol@example.com")
        r = client.post(f"{API}/auth/oauth/google/link", headers=csrf(body))
        assert r.status_code == 200
        r = client.get(idp.sign_in(r.json()["authorization_url"], "alice"), follow_redirects=False)
        assert r.status_code == 302
        accounts = client.get(f"{API}/users/me/social-accounts").json()
        assert [a["email"] for a in accounts] == ["alice@example.org"]

        client.cookies.clear()
        client.get(idp.sign_in(start(client), "alice"), follow_redirects=False)
        assert client.get(f"{API}/users/me").json()["id"] == me["id"]

    def test_link_needs_csrf_and_the_same_user(self, client: TestClient, idp: OIDCProvider) -> None:
        register(client, "dave@example.com")
        body = login(client, "dave@example.com")
        assert client.post(f"{API}/auth/oauth/google/link").status_code == 403
        r = client.post(f"{API}/auth/oauth/google/link", headers=csrf(body))
        callback = idp.sign_in(r.json()["authorization_url"], "alice")
        client.cookies.delete("santa_access")
        r = client.get(callback, follow_redirects=False)
        assert r.status_code == 401
        assert client.get(f"{API}/users/me").status_code == 401

    def test_an_account_linked_elsewhere_is_a_conflict(
        self, client: TestClient, idp: OIDCProvider
    ) -> None:
        client.get(idp.sign_in(start(client), "alice"), follow_redirects=False)
        client.cookies.clear()
        register(client, "erin@example.com")
        body = login(client, "erin@example.com")
        r = client.post(f"{API}/auth/oauth/google/link", headers=csrf(body))
        r = client.get(idp.sign_in(r.json()["authorization_url"], "alice"), follow_redirects=False)
        assert r.status_code == 409
        assert r.json()["code"] == "social_account_taken"

    def test_unlink_never_leaves_a_user_locked_out(
        self, client: TestClient, idp: OIDCProvider
    ) -> None:
        client.get(idp.sign_in(start(client), "alice"), follow_redirects=False)
        (account,) = client.get(f"{API}/users/me/social-accounts").json()
        token = client.cookies.get("santa_csrf") or ""
        r = client.delete(
            f"{API}/users/me/social-accounts/{account['id']}", headers={"X-CSRF-Token": token}
        )
        assert r.status_code == 409
        assert r.json()["code"] == "last_sign_in_method"

        r = client.post(
            f"{API}/users/me/password",
            json={"new_password": "now I have one"},
            headers={"X-CSRF-Token": token},
        )
        assert r.status_code == 204
        r = client.delete(
            f"{API}/users/me/social-accounts/{account['id']}", headers={"X-CSRF-Token": token}
        )
        assert r.status_code == 204
        assert client.get(f"{API}/users/me/social-accounts").json() == []
