"""Sessions over HTTP: refresh rotation and theft detection, revocation, CSRF, JWT checks."""

from __future__ import annotations

import time
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path

import jwt
import pytest
from fastapi.testclient import TestClient
from jwt.warnings import InsecureKeyLengthWarning
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import sessions
from santa_core.config import Settings
from santa_server.app import create_app
from tests.server.auth_support import API, auth_settings, bearer, csrf, login, register


@pytest.fixture
def settings(tmp_path: Path, engine: Engine) -> Settings:
    return auth_settings(tmp_path, engine)


@pytest.fixture
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings)) as c:
        register(c, "sam@example.com")
        yield c


def _refresh_body(client: TestClient, token: str) -> tuple[int, dict[str, object]]:
    r = client.post(f"{API}/auth/refresh", json={"refresh_token": token})
    return r.status_code, r.json()


class TestRefreshRotation:
    def test_replaying_a_rotated_token_revokes_the_family(
        self, client: TestClient, engine: Engine
    ) -> None:
        first = login(client, "sam@example.com", transport="body")
        status, second = _refresh_body(client, str(first["refresh_token"]))
        assert status == 200
        status, third = _refresh_body(client, str(second["refresh_token"]))
        assert status == 200

        status, err = _refresh_body(client, str(first["refresh_token"]))  # the thief's copy
        assert status == 401
        assert err["code"] == "refresh_token_reused"

        status, err = _refresh_body(client, str(third["refresh_token"]))  # the newest one
        assert status == 401
        assert err["code"] == "invalid_refresh_token"
        r = client.get(f"{API}/users/me", headers=bearer(str(third["access_token"])))
        assert r.json()["code"] == "session_revoked"

        with Session(engine) as s:
            family = s.scalars(
                select(models.RefreshToken).where(
                    models.RefreshToken.family_id == uuid.UUID(str(first["session_id"]))
                )
            ).all()
        assert len(family) == 3
        assert all(t.revoked_at is not None for t in family)
        assert {t.revoked_reason for t in family} == {"reuse_detected"}

    def test_other_sessions_survive_a_theft_in_one(self, client: TestClient) -> None:
        stolen = login(client, "sam@example.com", transport="body")
        safe = login(client, "sam@example.com", transport="body")
        _refresh_body(client, str(stolen["refresh_token"]))
        _refresh_body(client, str(stolen["refresh_token"]))
        status, _ = _refresh_body(client, str(safe["refresh_token"]))
        assert status == 200

    def test_unknown_and_expired_tokens_are_refused(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, refresh_token_ttl_seconds=0)
        with TestClient(create_app(s)) as c:
            register(c, "short@example.com")
            body = login(c, "short@example.com", transport="body")
            assert _refresh_body(c, str(body["refresh_token"]))[0] == 401
            assert _refresh_body(c, "made-up-token")[0] == 401
            r = c.post(f"{API}/auth/refresh")
            assert r.json()["code"] == "invalid_refresh_token"

    def test_deactivated_user_cannot_refresh(self, client: TestClient, engine: Engine) -> None:
        body = login(client, "sam@example.com", transport="body")
        with Session(engine) as s, s.begin():
            user = s.scalars(
                select(models.User).where(models.User.email == "sam@example.com")
            ).one()
            user.is_active = False
        status, err = _refresh_body(client, str(body["refresh_token"]))
        assert (status, err["code"]) == (401, "account_unavailable")


class TestSessions:
    def test_list_and_revoke_one(self, client: TestClient) -> None:
        phone = login(client, "sam@example.com", transport="body")
        body = login(client, "sam@example.com", headers={"User-Agent": "Browser/1.0"})
        r = client.get(f"{API}/users/me/sessions")
        sessions = r.json()
        assert len(sessions) == 2
        current = [s for s in sessions if s["current"]]
        assert [s["id"] for s in current] == [body["session_id"]]
        assert current[0]["user_agent"] == "Browser/1.0"
        assert current[0]["ip_address"] == "testclient"

        r = client.delete(f"{API}/users/me/sessions/{phone['session_id']}", headers=csrf(body))
        assert r.status_code == 204
        r = client.get(f"{API}/users/me", headers=bearer(str(phone["access_token"])))
        assert r.json()["code"] == "session_revoked"
        assert _refresh_body(client, str(phone["refresh_token"]))[0] == 401
        assert [s["id"] for s in client.get(f"{API}/users/me/sessions").json()] == [
            body["session_id"]
        ]

    def test_someone_elses_session_is_not_found(self, client: TestClient) -> None:
        register(client, "eve@example.com")
        victim = login(client, "sam@example.com", transport="body")
        eve = login(client, "eve@example.com")
        r = client.delete(f"{API}/users/me/sessions/{victim['session_id']}", headers=csrf(eve))
        assert r.status_code == 404
        assert r.json()["code"] == "session_not_found"
        r = client.get(f"{API}/users/me", headers=bearer(str(victim["access_token"])))
        assert r.status_code == 200

    def test_revoke_all_but_current(self, client: TestClient) -> None:
        others = [login(client, "sam@example.com", transport="body") for _ in range(2)]
        body = login(client, "sam@example.com")
        r = client.delete(f"{API}/users/me/sessions?keep_current=true", headers=csrf(body))
        assert r.status_code == 204
        assert client.get(f"{API}/users/me").status_code == 200
        for other in others:
            r = client.get(f"{API}/users/me", headers=bearer(str(other["access_token"])))
            assert r.status_code == 401

    def test_revoke_all(self, client: TestClient) -> None:
        body = login(client, "sam@example.com")
        r = client.delete(f"{API}/users/me/sessions", headers=csrf(body))
        assert r.status_code == 204
        assert client.get(f"{API}/users/me").status_code == 401


class TestCsrf:
    def test_cookie_writes_need_the_sessions_token(self, client: TestClient) -> None:
        body = login(client, "sam@example.com")
        register(client, "mallory@example.com")
        mallory = login(client, "mallory@example.com", transport="body")
        client.cookies.clear()
        login(client, "sam@example.com")  # back to sam's cookies, new session
        body = login(client, "sam@example.com")

        patch = {"full_name": "Changed"}
        missing = client.patch(f"{API}/users/me", json=patch)
        assert missing.status_code == 403
        assert missing.json()["code"] == "csrf_failed"
        wrong = client.patch(f"{API}/users/me", json=patch, headers={"X-CSRF-Token": "0" * 64})
        assert wrong.status_code == 403
        latin = client.patch(
            f"{API}/users/me", json=patch, headers={"X-CSRF-Token": "é".encode("latin-1")}
        )
        assert latin.status_code == 403
        from santa_server.security import csrf_token_for

        settings = client.app.state.settings  # type: ignore[attr-defined]
        other_session = csrf_token_for(settings, uuid.UUID(str(mallory["session_id"])))
        stolen = client.patch(
            f"{API}/users/me", json=patch, headers={"X-CSRF-Token": other_session}
        )
        assert stolen.status_code == 403
        assert client.get(f"{API}/users/me").json()["full_name"] == ""

        ok = client.patch(f"{API}/users/me", json=patch, headers=csrf(body))
        assert ok.status_code == 200
        assert ok.json()["full_name"] == "Changed"

    def test_cross_site_form_cannot_sign_a_victim_in(self, client: TestClient) -> None:
        # A form on another site can post text/plain, never JSON without a CORS preflight.
        r = client.post(
            f"{API}/auth/login",
            content='{"email": "sam@example.com", "password": "correct horse battery"}',
            headers={"Content-Type": "text/plain"},
        )
        assert r.status_code == 422
        assert "santa_access" not in r.headers.get("set-cookie", "")

    def test_reads_need_no_token(self, client: TestClient) -> None:
        login(client, "sam@example.com")
        assert client.get(f"{API}/users/me").status_code == 200

    def test_refresh_and_logout_by_cookie_need_the_token(self, client: TestClient) -> None:
        body = login(client, "sam@example.com")
        assert client.post(f"{API}/auth/refresh").json()["code"] == "csrf_failed"
        assert client.post(f"{API}/auth/logout").json()["code"] == "csrf_failed"
        assert client.get(f"{API}/users/me").status_code == 200
        assert client.post(f"{API}/auth/logout", headers=csrf(body)).status_code == 204

    def test_bearer_writes_need_no_token(self, client: TestClient) -> None:
        body = login(client, "sam@example.com", transport="body")
        r = client.patch(
            f"{API}/users/me", json={"full_name": "B"}, headers=bearer(str(body["access_token"]))
        )
        assert r.status_code == 200

    def test_tokens_without_a_session_are_refused(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        with Session(engine) as s:
            user = s.scalars(select(models.User)).one()
        client.cookies.set("santa_access", _forge(settings, user.id, sid=None))
        r = client.patch(f"{API}/users/me", json={"full_name": "x"}, headers={"X-CSRF-Token": "x"})
        assert r.status_code == 401  # no revocable session: refused, not waved through


def _forge(settings: Settings, user_id: uuid.UUID, **changes: object) -> str:
    now = int(time.time())
    claims: dict[str, object] = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 60,
        "typ": "access",
        "sid": changes.pop("session", None),
    }
    key = changes.pop("key", settings.secret_key.get_secret_value())
    alg = changes.pop("alg", "HS256")
    claims.update(changes)
    claims = {k: v for k, v in claims.items() if v is not None}
    with warnings.catch_warnings():
        # HS512 under our 42-byte test key: weak for HS512, which is the point.
        warnings.simplefilter("ignore", InsecureKeyLengthWarning)
        return jwt.encode(claims, key, algorithm=alg)  # type: ignore[arg-type]


def _unsigned(settings: Settings, user_id: uuid.UUID) -> str:
    import base64
    import json

    def part(data: dict[str, object]) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()

    now = int(time.time())
    payload = {
        "sub": str(user_id),
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": now,
        "exp": now + 60,
        "typ": "access",
    }
    return f"{part({'alg': 'none', 'typ': 'JWT'})}.{part(payload)}."


class TestAccessTokenChecks:
    @pytest.mark.parametrize(
        "changes",
        [
            pytest.param({"key": "another-secret-key-of-the-same-length-00000"}, id="wrong-key"),
            pytest.param({"exp": int(time.time()) - 10}, id="expired"),
            pytest.param({"aud": "someone-else"}, id="wrong-audience"),
            pytest.param({"iss": "evil"}, id="wrong-issuer"),
            pytest.param({"alg": "HS512"}, id="unpinned-algorithm"),
            pytest.param({"typ": "refresh"}, id="wrong-type"),
            pytest.param({"sub": None}, id="no-subject"),
            pytest.param({"sid": None}, id="no-session-id"),
            pytest.param({"sid": str(uuid.uuid4())}, id="unknown-session"),
        ],
    )
    def test_rejected(
        self, client: TestClient, settings: Settings, engine: Engine, changes: dict[str, object]
    ) -> None:
        with Session(engine) as s:
            user = s.scalars(select(models.User)).one()
        with Session(engine, expire_on_commit=False) as s:
            live = sessions.start_session(s, settings, user).session_id
            s.commit()
        good = _forge(settings, user.id, session=str(live))
        assert client.get(f"{API}/users/me", headers=bearer(good)).status_code == 200
        forged = _forge(settings, user.id, session=str(live), **changes)
        r = client.get(f"{API}/users/me", headers=bearer(forged))
        assert r.status_code == 401
        assert r.headers["www-authenticate"] == "Bearer"

    def test_alg_none_is_rejected(
        self, client: TestClient, settings: Settings, engine: Engine
    ) -> None:
        with Session(engine) as s:
            user = s.scalars(select(models.User)).one()
        r = client.get(f"{API}/users/me", headers=bearer(_unsigned(settings, user.id)))
        assert r.status_code == 401
        client.cookies.set("santa_access", _unsigned(settings, user.id))
        assert client.get(f"{API}/users/me").status_code == 401
