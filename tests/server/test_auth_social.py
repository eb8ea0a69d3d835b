"""VK ID (against a loopback VK server) and Telegram Login (signed payloads) over HTTP."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlencode, urlparse

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_server.app import create_app
from tests.peers.telegram import BOT_TOKEN, signed_login
from tests.peers.vk import CLIENT_ID, VKServer, VKUser, run_vk_server
from tests.server.auth_support import API, auth_settings, csrf, login, register


@pytest.fixture
def vk() -> Iterator[VKServer]:
    with run_vk_server() as server:
        yield server


@pytest.fixture
def settings(tmp_path: Path, engine: Engine, vk: VKServer) -> Settings:
    return auth_settings(
        tmp_path,
        engine,
        vk_client_id=CLIENT_ID,
        vk_authorize_url=vk.authorize_url,
        vk_token_url=vk.token_url,
        vk_user_info_url=vk.user_info_url,
        telegram_bot_token=BOT_TOKEN,
        telegram_bot_username="santa_test_bot",
    )


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        yield c


def vk_callback(client: TestClient, path: str = "authorize") -> str:
    """Start at our API, let the VK server consent, return its redirect back to us."""
    if path == "authorize":
        r = client.get(f"{API}/auth/oauth/vk/authorize", follow_redirects=False)
        url = r.headers["location"]
    else:
        url = path
    answer = httpx.get(url, follow_redirects=False)
    assert answer.status_code == 302, answer.text
    return answer.headers["location"]


class TestVK:
    def test_sign_in_creates_the_user_then_reuses_it(
        self, client: TestClient, vk: VKServer, engine: Engine
    ) -> None:
        r = client.get(f"{API}/auth/oauth/vk/authorize", follow_redirects=False)
        query = parse_qs(urlparse(r.headers["location"]).query)
        assert query["code_challenge_method"] == ["S256"]
        assert query["scope"] == ["email"]
        callback = vk_callback(client, r.headers["location"])
        assert client.get(callback, follow_redirects=False).status_code == 302

        (sent,) = vk.token_requests
        assert sent["client_id"] == CLIENT_ID
        assert "client_secret" not in sent
        assert sent["redirect_uri"] == "http://testserver/api/v1/auth/oauth/vk/callback"
        me = client.get(f"{API}/users/me").json()
        assert me["full_name"] == "Ivan Petrov"
        assert me["email"] == "ivan@example.ru"
        assert me["email_verified"] is False
        assert client.get(f"{API}/users/me/settings").json()["vk_user_id"] == "1234567"

        client.cookies.clear()
        assert client.get(vk_callback(client), follow_redirects=False).status_code == 302
        assert client.get(f"{API}/users/me").json()["id"] == me["id"]
        with Session(engine) as s:
            (account,) = s.scalars(select(models.SocialAccount)).all()
        assert (account.provider, account.provider_account_id) == ("vk", "1234567")

    def test_never_links_by_an_unverified_vk_email(self, client: TestClient) -> None:
        register(client, "ivan@example.ru")
        client.cookies.clear()
        r = client.get(vk_callback(client), follow_redirects=False)
        assert r.status_code == 409
        assert r.json()["code"] == "social_email_taken"

    def test_without_an_email(self, tmp_path: Path, engine: Engine) -> None:
        with run_vk_server(VKUser(email=None)) as server:
            s = auth_settings(
                tmp_path,
                engine,
                vk_client_id=CLIENT_ID,
                vk_authorize_url=server.authorize_url,
                vk_token_url=server.token_url,
                vk_user_info_url=server.user_info_url,
            )
            with TestClient(create_app(s)) as c:
                assert c.get(vk_callback(c), follow_redirects=False).status_code == 302
                assert c.get(f"{API}/users/me").json()["email"] is None

    def test_tampered_device_id_is_refused_by_vk(
        self, client: TestClient, caplog: pytest.LogCaptureFixture, engine: Engine
    ) -> None:
        caplog.set_level(logging.INFO, logger="santa.oauth")
        callback = urlparse(vk_callback(client))
        params = {k: v[0] for k, v in parse_qs(callback.query).items()}
        params["device_id"] = "someone-elses-device"
        r = client.get(f"{callback.path}?{urlencode(params)}", follow_redirects=False)
        assert r.status_code == 401
        assert any("token:invalid_grant" in rec.getMessage() for rec in caplog.records)
        with Session(engine) as s:
            assert s.scalars(select(models.User)).all() == []

    def test_replayed_code_is_refused(self, client: TestClient, vk: VKServer) -> None:
        r = client.get(f"{API}/auth/oauth/vk/authorize", follow_redirects=False)
        tx_cookie = client.cookies.get("santa_oauth", path="/api/v1/auth/oauth") or ""
        callback = vk_callback(client, r.headers["location"])
        assert client.get(callback, follow_redirects=False).status_code == 302
        client.cookies.clear()
        client.cookies.set("santa_oauth", tx_cookie.strip('"'), path="/api/v1/auth/oauth")
        assert client.get(callback, follow_redirects=False).status_code == 401
        assert len(vk.token_requests) == 2

    def test_listed_as_configured(self, client: TestClient) -> None:
        assert client.get(f"{API}/auth/providers").json() == {
            "oauth": ["vk"],
            "telegram_bot_username": "santa_test_bot",
        }


def _telegram(client: TestClient, data: dict[str, object], **extra: object) -> httpx.Response:
    return client.post(f"{API}/auth/telegram", json={"data": data, **extra})


class TestTelegram:
    def test_sign_in_with_a_signed_payload(self, client: TestClient, engine: Engine) -> None:
        r = _telegram(client, signed_login(first_name="Tanya", last_name="T"))
        assert r.status_code == 200, r.text
        user = r.json()["user"]
        assert user["email"] is None
        assert user["full_name"] == "Tanya T"
        assert client.get(f"{API}/users/me/settings").json()["telegram_chat_id"] == "4242"
        again = _telegram(client, signed_login(), transport="body")
        assert again.json()["user"]["id"] == user["id"]
        assert again.json()["access_token"]
        with Session(engine) as s:
            row = s.get(models.User, uuid.UUID(user["id"]))
            assert row is not None
            assert row.email.endswith("@users.invalid")

    @pytest.mark.parametrize(
        "tamper",
        [
            pytest.param(lambda d: {**d, "id": 4243}, id="changed-id"),
            pytest.param(lambda d: {**d, "username": "admin"}, id="changed-username"),
            pytest.param(lambda d: {**d, "hash": "0" * 64}, id="forged-hash"),
            pytest.param(lambda d: {**d, "is_admin": "true"}, id="added-field"),
        ],
    )
    def test_tampered_payloads_are_refused(self, client: TestClient, tamper: object) -> None:
        data = tamper(signed_login())  # type: ignore[operator]
        r = _telegram(client, data)
        assert r.status_code == 401
        assert r.json()["code"] == "oauth_failed"

    def test_other_bots_payload_is_refused(self, client: TestClient) -> None:
        r = _telegram(client, signed_login("987654321:other-bot-token"))
        assert r.status_code == 401

    def test_stale_payload_is_refused(self, client: TestClient) -> None:
        r = _telegram(client, signed_login(auth_date=int(time.time()) - 3601))
        assert r.status_code == 401
        fresh = _telegram(client, signed_login(auth_date=int(time.time()) - 3000))
        assert fresh.status_code == 200

    def test_future_payload_is_refused(self, client: TestClient) -> None:
        assert _telegram(client, signed_login(auth_date=int(time.time()) + 600)).status_code == 401

    def test_hash_must_be_hex(self, client: TestClient) -> None:
        assert _telegram(client, {**signed_login(), "hash": "é" * 64}).status_code == 422

    def test_id_must_be_an_integer(self, client: TestClient) -> None:
        data = signed_login()
        assert _telegram(client, {**data, "id": str(data["id"])}).status_code == 422

    def test_not_configured(self, tmp_path: Path, engine: Engine) -> None:
        with TestClient(create_app(auth_settings(tmp_path, engine))) as c:
            r = _telegram(c, signed_login())
        assert r.status_code == 404
        assert r.json()["code"] == "provider_not_configured"

    def test_link_to_a_signed_in_user(self, client: TestClient) -> None:
        register(client, "tg@example.com")
        body = login(client, "tg@example.com")
        r = client.post(f"{API}/auth/telegram/link", json=signed_login(), headers=csrf(body))
        assert r.status_code == 201, r.text
        assert r.json()["provider"] == "telegram"
        client.cookies.clear()
        r = _telegram(client, signed_login())
        assert r.json()["user"]["email"] == "tg@example.com"

    def test_link_refuses_an_account_of_someone_else(self, client: TestClient) -> None:
        _telegram(client, signed_login())
        client.cookies.clear()
        register(client, "late@example.com")
        body = login(client, "late@example.com")
        r = client.post(f"{API}/auth/telegram/link", json=signed_login(), headers=csrf(body))
        assert r.status_code == 409
        assert r.json()["code"] == "social_account_taken"
