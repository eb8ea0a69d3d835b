"""The limiter on the ``limits`` package: rules, give-backs and clears, in memory and in Redis."""

from __future__ import annotations

import secrets
from collections.abc import Iterator

import pytest
import redis

from santa_core.auth.ratelimit import (
    Limiter,
    NullRateLimiter,
    RateLimiter,
    Rule,
    account_key,
    enforce,
    release,
    reserve,
)
from santa_core.errors import RateLimited


@pytest.fixture(params=["memory", "redis"])
def limiter(request: pytest.FixtureRequest) -> Iterator[RateLimiter]:
    namespace = f"santa-test:{secrets.token_hex(6)}"
    if request.param == "memory":
        yield Limiter(None, namespace=namespace)
        return
    url = request.getfixturevalue("redis_url")
    yield Limiter.for_redis(url, namespace=namespace, timeout=1, retry=5)
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(f"{namespace}*"))
    if keys:
        client.delete(*keys)


class TestRules:
    def test_limit_per_subject(self, limiter: RateLimiter) -> None:
        rule = Rule("login", limit=3, window_seconds=60)
        for _ in range(3):
            enforce(limiter, rule, "192.0.2.1")
        with pytest.raises(RateLimited) as info:
            enforce(limiter, rule, "192.0.2.1")
        assert 1 <= info.value.retry_after <= 61
        enforce(limiter, rule, "192.0.2.2")

    def test_a_refused_hit_is_not_counted(self, limiter: RateLimiter) -> None:
        rule = Rule("r", limit=2, window_seconds=60)
        reserve(limiter, rule, "x")
        reserve(limiter, rule, "x")
        for _ in range(3):
            with pytest.raises(RateLimited):
                reserve(limiter, rule, "x")
        release(limiter, rule, "x")
        reserve(limiter, rule, "x")  # exactly one place came back

    def test_cost(self, limiter: RateLimiter) -> None:
        rule = Rule("c", limit=5, window_seconds=60)
        enforce(limiter, rule, "x", cost=4)
        with pytest.raises(RateLimited):
            enforce(limiter, rule, "x", cost=2)
        enforce(limiter, rule, "x", cost=1)

    def test_clear(self, limiter: RateLimiter) -> None:
        rule = Rule("k", limit=1, window_seconds=60)
        enforce(limiter, rule, "x")
        limiter.clear(rule, "x")
        enforce(limiter, rule, "x")

    def test_release_never_goes_below_zero(self, limiter: RateLimiter) -> None:
        rule = Rule("z", limit=1, window_seconds=60)
        for _ in range(3):
            release(limiter, rule, "x")
        enforce(limiter, rule, "x")
        with pytest.raises(RateLimited):
            enforce(limiter, rule, "x")


def test_switched_off() -> None:
    rule = Rule("n", limit=1, window_seconds=60)
    for _ in range(5):
        enforce(NullRateLimiter(), rule, "x")


def test_account_keys_hide_the_address() -> None:
    key = account_key(" Ann@Example.com ")
    assert key == account_key("ann@example.com")
    assert "ann" not in key
    assert "example" not in key
