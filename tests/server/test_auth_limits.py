"""Rate limits on the auth endpoints (in process and in Redis), and secrets at rest and in logs."""

from __future__ import annotations

import logging
import secrets
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text

from santa_core.config import Settings
from santa_server.app import create_app
from tests.server.auth_support import (
    API,
    PASSWORD,
    auth_settings,
    csrf,
    last_link_token,
    login,
    register,
)

BAD = "definitely-wrong"


@pytest.fixture(params=["memory", "redis"])
def limiter_settings(request: pytest.FixtureRequest, tmp_path: Path, engine: Engine) -> Settings:
    extra: dict[str, Any] = {}
    if request.param == "redis":
        extra = {
            "redis_url": request.getfixturevalue("redis_url"),
            "rate_limit_namespace": f"santa-test:{secrets.token_hex(6)}",
        }
    return auth_settings(tmp_path, engine, **extra)


def _client(settings: Settings, ip: str) -> TestClient:
    return TestClient(create_app(settings), client=(ip, 50000))


def _login(client: TestClient, email: str, password: str) -> Any:
    return client.post(f"{API}/auth/login", json={"email": email, "password": password})


class TestLoginLimits:
    def test_twenty_failures_from_one_ip_block_the_twenty_first(
        self, limiter_settings: Settings
    ) -> None:
        with _client(limiter_settings, "203.0.113.7") as attacker:
            register(attacker, "victim@example.com")
            register(attacker, "other@example.com")
            for _ in range(20):
                assert _login(attacker, "victim@example.com", BAD).status_code == 401
            blocked = _login(attacker, "victim@example.com", PASSWORD)  # right password, too late
            assert blocked.status_code == 429
            assert blocked.json()["code"] == "rate_limited"
            assert 1 <= int(blocked.headers["retry-after"]) <= 900
            # someone else behind the same address (an office, a family) still signs in
            assert _login(attacker, "other@example.com", PASSWORD).status_code == 200
            limiter = attacker.app.state.rate_limiter  # type: ignore[attr-defined]
            assert limiter.kind == ("redis" if limiter_settings.redis_url else "memory")

        with _client(limiter_settings, "198.51.100.20") as owner:
            assert _login(owner, "victim@example.com", PASSWORD).status_code == 200
            assert _login(owner, "other@example.com", PASSWORD).status_code == 200

    def test_a_parallel_burst_gets_no_more_guesses(self, limiter_settings: Settings) -> None:
        # Hashing must take long enough for the attempts to overlap.
        s = limiter_settings.model_copy(
            update={"argon2_time_cost": 2, "argon2_memory_cost_kib": 8192}
        )
        with _client(s, "203.0.113.9") as c:
            register(c, "burst@example.com")
            with ThreadPoolExecutor(max_workers=12) as pool:
                codes = list(
                    pool.map(lambda _: _login(c, "burst@example.com", BAD).status_code, range(30))
                )
            assert sorted(codes) == [401] * 20 + [429] * 10
            assert _login(c, "burst@example.com", PASSWORD).status_code == 429
        with _client(s, "198.51.100.21") as owner:
            assert _login(owner, "burst@example.com", PASSWORD).status_code == 200

    def test_spraying_many_accounts_from_one_ip(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, login_max_failures_per_ip_total=6)
        with _client(s, "203.0.113.66") as sprayer:
            for n in range(4):
                register(sprayer, f"user{n}@example.com")
            codes = [_login(sprayer, f"user{n % 4}@example.com", BAD).status_code for n in range(8)]
            assert codes == [401] * 6 + [429] * 2  # no single account reached its limit
            assert _login(sprayer, "user0@example.com", PASSWORD).status_code == 429
        with _client(s, "198.51.100.66") as elsewhere:
            assert _login(elsewhere, "user0@example.com", PASSWORD).status_code == 200

    def test_failures_on_one_account_from_many_ips(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, login_max_failures_per_account=5)
        app = create_app(s)
        with TestClient(app, client=("192.0.2.1", 1)) as c:
            register(c, "target@example.com")
            register(c, "bystander@example.com")
        for n in range(5):
            with TestClient(app, client=(f"192.0.2.{10 + n}", 1)) as c:
                assert _login(c, "target@example.com", BAD).status_code == 401
        with TestClient(app, client=("192.0.2.99", 1)) as c:
            assert _login(c, "target@example.com", PASSWORD).status_code == 429
            assert _login(c, "bystander@example.com", PASSWORD).status_code == 200

    def test_success_resets_the_accounts_count(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, login_max_failures_per_account=3)
        with _client(s, "192.0.2.1") as c:
            register(c, "forgetful@example.com")
            for _ in range(2):
                _login(c, "forgetful@example.com", BAD)
            assert _login(c, "forgetful@example.com", PASSWORD).status_code == 200
            for _ in range(2):
                assert _login(c, "forgetful@example.com", BAD).status_code == 401
            assert _login(c, "forgetful@example.com", PASSWORD).status_code == 200

    def test_switched_off(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, rate_limit_enabled=False, login_max_failures_per_ip=1)
        with _client(s, "192.0.2.1") as c:
            register(c, "free@example.com")
            for _ in range(3):
                assert _login(c, "free@example.com", BAD).status_code == 401


class TestOtherLimits:
    def test_registration_per_ip(self, limiter_settings: Settings) -> None:
        with _client(limiter_settings, "203.0.113.50") as c:
            for n in range(10):
                register(c, f"bulk{n}@example.com")
            r = c.post(
                f"{API}/auth/register", json={"email": "bulk@example.com", "password": PASSWORD}
            )
            assert r.status_code == 429, r.text
            assert "retry-after" in r.headers

    def test_reset_requests_per_account(self, tmp_path: Path, engine: Engine) -> None:
        with _client(auth_settings(tmp_path, engine), "203.0.113.51") as c:
            for _ in range(3):
                r = c.post(f"{API}/auth/password-reset", json={"email": "who@example.com"})
                assert r.status_code == 202
            r = c.post(f"{API}/auth/password-reset", json={"email": "who@example.com"})
            assert r.status_code == 429

    @pytest.mark.parametrize("transport", ["cookie", "body"])
    def test_refresh_per_session(self, tmp_path: Path, engine: Engine, transport: str) -> None:
        with _client(auth_settings(tmp_path, engine), "203.0.113.52") as c:
            register(c, "spin@example.com")
            body = login(c, "spin@example.com", transport=transport)
            codes = []
            for _ in range(31):
                if transport == "cookie":
                    r = c.post(f"{API}/auth/refresh", headers=csrf(body))
                else:
                    r = c.post(f"{API}/auth/refresh", json={"refresh_token": body["refresh_token"]})
                    body = r.json() if r.status_code == 200 else body
                codes.append(r.status_code)
        assert codes[:30] == [200] * 30
        assert codes[30] == 429


class TestForwardedFor:
    def test_ignored_unless_the_proxy_is_trusted(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, login_max_failures_per_ip=2)
        with _client(s, "10.0.0.5") as c:
            register(c, "xff@example.com")
            for n in range(2):
                headers = {"X-Forwarded-For": f"198.51.100.{n}"}
                c.post(
                    f"{API}/auth/login",
                    json={"email": "xff@example.com", "password": BAD},
                    headers=headers,
                )
            assert _login(c, "xff@example.com", PASSWORD).status_code == 429

    def test_trusted_proxy_names_the_client(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(
            tmp_path, engine, login_max_failures_per_ip=2, trusted_proxies="10.0.0.0/8"
        )
        with _client(s, "10.0.0.5") as c:
            register(c, "xff@example.com")

            def attempt(client_ip: str, password: str) -> int:
                r = c.post(
                    f"{API}/auth/login",
                    json={"email": "xff@example.com", "password": password},
                    headers={"X-Forwarded-For": f"1.2.3.4, {client_ip}, 10.0.0.9"},
                )
                return r.status_code

            assert [attempt("198.51.100.1", BAD) for _ in range(2)] == [401, 401]
            assert attempt("198.51.100.1", PASSWORD) == 429
            assert attempt("198.51.100.2", PASSWORD) == 200


class TestSecretsAtRest:
    def test_tables_and_logs_hold_no_plain_secrets(
        self, tmp_path: Path, engine: Engine, caplog: pytest.LogCaptureFixture
    ) -> None:
        caplog.set_level(logging.DEBUG)
        s = auth_settings(tmp_path, engine)
        with TestClient(create_app(s)) as c:
            register(c, "secret@example.com")
            verify_token = last_link_token(engine, "verify_email", "secret@example.com")
            body = login(c, "secret@example.com", transport="body")
            refreshed = c.post(f"{API}/auth/refresh", json={"refresh_token": body["refresh_token"]})
            c.post(f"{API}/auth/password-reset", json={"email": "secret@example.com"})
            reset_token = last_link_token(engine, "reset_password", "secret@example.com")
            new_password = "the second secret"
            c.post(
                f"{API}/auth/password-reset/confirm",
                json={"token": reset_token, "new_password": new_password},
            )
        secrets_ = {
            "password": PASSWORD,
            "new password": new_password,
            "refresh token": body["refresh_token"],
            "rotated refresh token": refreshed.json()["refresh_token"],
            "reset token": reset_token,
            "verify token": verify_token,
        }
        tables = [
            "users",
            "refresh_tokens",
            "one_time_tokens",
            "audit_events",
            "social_accounts",
            "outbox_messages",
        ]
        with engine.connect() as conn:
            dump = {
                t: [tuple(map(str, row)) for row in conn.execute(text(f"SELECT * FROM {t}"))]
                for t in tables
            }
            (password_hash,) = conn.execute(text("SELECT password_hash FROM users")).one()
        assert password_hash.startswith("$argon2id$")
        flat = repr(dump)
        logs = "\n".join(r.getMessage() for r in caplog.records)
        for name, value in secrets_.items():
            assert value not in flat, f"{name} stored in plain form"
            assert value not in logs, f"{name} logged"
        assert len(dump["refresh_tokens"]) == 2
        assert len(dump["one_time_tokens"]) == 2
