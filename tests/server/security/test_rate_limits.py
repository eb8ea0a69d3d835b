"""Rate limits an attacker meets: secret guessing, invite floods, IPv6 networks, the sign-up
cap a valid code lifts, and limits that keep holding while Redis is dead or frozen."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from santa_core.auth.ratelimit import Limiter, Limits, Rule, address_key, enforce_message_send
from santa_core.config import Settings
from santa_core.errors import RateLimited
from santa_core.models import BoxStatus
from santa_server.app import create_app
from tests.peers.redis_server import PrivateRedis
from tests.server.auth_support import API, PASSWORD, auth_settings, register
from tests.server.boxkit import auth
from tests.server.test_boxes_permissions import build_world

BAD = "definitely-wrong"


@pytest.fixture(params=["memory", "redis"])
def limiter_settings(request: pytest.FixtureRequest, tmp_path: Path, engine: Engine) -> Settings:
    extra: dict[str, Any] = {"secret_max_misses": 10}
    if request.param == "redis":
        extra["redis_url"] = request.getfixturevalue("redis_url")
    return auth_settings(tmp_path, engine, **extra)


@pytest.fixture
def private_redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def _guesses(client: TestClient, method: str, path_for: Any, n: int) -> list[int]:
    return [
        client.request(method, API + path_for(secrets.token_urlsafe(24))).status_code
        for _ in range(n)
    ]


class TestSecretGuessing:
    @pytest.mark.parametrize(
        ("method", "path_for"),
        [
            ("GET", lambda code: f"/invitations/{code}"),
            ("POST", lambda code: f"/invitations/{code}/decline"),
            ("GET", lambda token: f"/calendar/{token}.ics"),
            ("POST", lambda token: f"/unsubscribe?token={token}"),
            ("GET", lambda token: f"/unsubscribe?token={token}"),
        ],
    )
    def test_guessing_is_cut_off_with_zero_successes(
        self, limiter_settings: Settings, method: str, path_for: Any
    ) -> None:
        with TestClient(create_app(limiter_settings), client=("203.0.113.5", 1)) as c:
            codes = _guesses(c, method, path_for, 14)
        assert codes == [404] * 10 + [429] * 4

    def test_sign_up_with_a_guessed_code_is_cut_off(self, limiter_settings: Settings) -> None:
        body = {"email": "guesser@example.org", "password": PASSWORD}
        with TestClient(create_app(limiter_settings), client=("203.0.113.9", 1)) as c:
            codes = [
                c.post(f"{API}/invitations/{secrets.token_urlsafe(24)}/signup", json=body)
                for _ in range(12)
            ]
        assert [r.status_code for r in codes] == [404] * 10 + [429] * 2
        assert "retry-after" in codes[-1].headers

    def test_signed_in_guessers_are_counted_by_account(
        self, limiter_settings: Settings, engine: Engine
    ) -> None:
        world = build_world(engine, limiter_settings, BoxStatus.DRAFT)
        headers = auth(limiter_settings, world.users["outsider"])
        app = create_app(limiter_settings)
        for n in range(12):  # a new address each time: the account is what counts
            with TestClient(app, client=(f"198.51.100.{n + 1}", 1)) as c:
                r = c.post(f"{API}/invitations/{secrets.token_urlsafe(20)}/accept", headers=headers)
                assert r.status_code == (404 if n < 10 else 429)
        with TestClient(app, client=("198.51.100.1", 1)) as c:
            # the addresses themselves were not blamed
            assert c.get(f"{API}/invitations/nope-nope-nope").status_code == 404

    def test_right_codes_are_not_counted(self, limiter_settings: Settings, engine: Engine) -> None:
        world = build_world(engine, limiter_settings, BoxStatus.DRAFT)
        with TestClient(create_app(limiter_settings), client=("203.0.113.6", 1)) as c:
            for _ in range(25):
                assert c.get(f"{API}/invitations/{world.link_code}").status_code == 200
            assert c.get(f"{API}/invitations/wrong-code").status_code == 404


class TestInviteFlood:
    def test_an_organizer_cannot_mail_the_world(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, invite_send_max_per_hour=5)
        world = build_world(engine, s, BoxStatus.DRAFT)
        headers = auth(s, world.users["organizer"])
        with TestClient(create_app(s)) as c:
            url = f"{API}/boxes/{world.box_id}/invites"
            codes = [
                c.post(url, json={"email": f"s{n}@example.org"}, headers=headers).status_code
                for n in range(7)
            ]
            assert codes == [201] * 5 + [429] * 2
            big = {"invites": [{"email": f"bulk{n}@example.org"} for n in range(6)]}
            r = c.post(f"{url}/import", json=big, headers=headers)
            assert r.status_code == 429
            assert r.json()["code"] == "rate_limited"


class TestAddresses:
    def test_ipv6_is_counted_by_network(self) -> None:
        assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:bbbb::2")
        assert address_key("2001:db8:1:2::1") != address_key("2001:db8:1:3::1")
        assert address_key("::ffff:192.0.2.1") == "192.0.2.1"
        assert address_key("192.0.2.1") == "192.0.2.1"

    def test_one_ipv6_network_shares_a_limit(self, tmp_path: Path, engine: Engine) -> None:
        s = auth_settings(tmp_path, engine, secret_max_misses=3)
        app = create_app(s)
        codes = []
        for n in range(5):
            with TestClient(app, client=(f"2001:db8:7:7::{n + 1:x}", 1)) as c:
                codes.append(c.get(f"{API}/invitations/{secrets.token_urlsafe(20)}").status_code)
        assert codes == [404, 404, 404, 429, 429]


class TestSignupWithCode:
    def test_fifty_colleagues_behind_one_address_join_by_link(
        self, limiter_settings: Settings, engine: Engine
    ) -> None:
        world = build_world(engine, limiter_settings, BoxStatus.DRAFT)
        with TestClient(create_app(limiter_settings), client=("203.0.113.50", 1)) as c:
            for n in range(50):
                r = c.post(
                    f"{API}/invitations/{world.link_code}/signup",
                    json={
                        "email": f"colleague{n}@office.example",
                        "password": PASSWORD,
                    },
                )
                assert r.status_code == 202, (n, r.text)
            # the anonymous cap still holds for sign-ups without a code
            codes = [
                c.post(
                    f"{API}/auth/register",
                    json={"email": f"plain{n}@example.org", "password": PASSWORD},
                ).status_code
                for n in range(11)
            ]
        assert codes == [202] * 10 + [429]


class TestMessageSendHelper:
    def test_counts_per_sender(self, tmp_path: Path) -> None:
        from tests.conftest import make_settings

        limits = Limits.from_settings(make_settings(tmp_path, message_send_max_per_hour=3))
        limiter = Limiter(None, namespace=f"t:{secrets.token_hex(4)}")
        for _ in range(3):
            enforce_message_send(limiter, limits, "alice")
        with pytest.raises(RateLimited) as refused:
            enforce_message_send(limiter, limits, "alice")
        assert 1 <= refused.value.retry_after <= 3600
        enforce_message_send(limiter, limits, "bob")


def _login(c: TestClient, password: str) -> int:
    r = c.post(f"{API}/auth/login", json={"email": "victim@example.com", "password": password})
    return r.status_code


class TestRedisOutage:
    """Acceptance 3: Redis killed (or frozen) while the API serves."""

    @pytest.mark.parametrize("fault", ["killed", "frozen"])
    def test_limits_hold_and_nothing_fails(
        self, tmp_path: Path, engine: Engine, private_redis: PrivateRedis, fault: str
    ) -> None:
        s = auth_settings(tmp_path, engine, redis_url=private_redis.url)
        with TestClient(create_app(s), client=("203.0.113.77", 1)) as c:
            register(c, "victim@example.com")  # counted in Redis
            health = c.get(f"{API}/health").json()
            assert health["rate_limits"] == {"ok": True, "detail": "redis"}
            if fault == "killed":
                private_redis.stop()
            else:
                private_redis.freeze()
            codes = [_login(c, BAD) for _ in range(25)]
            assert all(code < 500 for code in codes)
            assert codes[:20] == [401] * 20  # the 21st wrong password in a row: 429
            assert codes[20:] == [429] * 5
            assert _login(c, PASSWORD) == 429
            assert c.app.state.rate_limiter.degraded  # type: ignore[attr-defined]
            if fault == "killed":  # (a frozen Redis also stalls the job queue's own probe)
                health = c.get(f"{API}/health").json()
                assert health["status"] == "degraded"
                assert health["rate_limits"]["ok"] is False


def test_the_limiter_retries_redis_after_an_outage(private_redis: PrivateRedis) -> None:
    now = [0.0]
    limiter = Limiter.for_redis(private_redis.url, namespace="t", timeout=0.25, retry=5)
    limiter._clock = lambda: now[0]  # the retry delay, without waiting for it
    rule = Rule("x", 100, 60)
    assert limiter.acquire(rule, "a")
    private_redis.freeze()
    assert limiter.acquire(rule, "a")
    assert limiter.degraded
    private_redis.thaw()
    now[0] = 10.0
    assert limiter.acquire(rule, "a")
    assert not limiter.degraded
