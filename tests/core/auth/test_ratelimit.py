"""Fixed-window counters in process and in Redis, and the rules built on them."""

from __future__ import annotations

import secrets
import time
from collections.abc import Iterator

import pytest
import redis

from santa_core.auth.ratelimit import (
    MemoryRateLimiter,
    NullRateLimiter,
    RateLimiter,
    RedisRateLimiter,
    Rule,
    account_key,
    check,
    enforce,
    record,
    release,
    reserve,
)
from santa_core.errors import RateLimited


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(params=["memory", "redis"])
def limiter(request: pytest.FixtureRequest) -> Iterator[RateLimiter]:
    if request.param == "memory":
        yield MemoryRateLimiter()
        return
    url = request.getfixturevalue("redis_url")
    namespace = f"santa-test:{secrets.token_hex(6)}"
    yield RedisRateLimiter.from_url(url, namespace)
    client = redis.Redis.from_url(url)
    keys = list(client.scan_iter(f"{namespace}:*"))
    if keys:
        client.delete(*keys)


class TestCounters:
    def test_hit_peek_reset(self, limiter: RateLimiter) -> None:
        assert limiter.peek("k").count == 0
        assert limiter.hit("k", 60).count == 1
        window = limiter.hit("k", 60, amount=2)
        assert window.count == 3
        assert 1 <= window.resets_in <= 60
        assert limiter.peek("k").count == 3
        assert limiter.peek("other").count == 0
        limiter.reset("k")
        assert limiter.peek("k").count == 0

    def test_window_does_not_slide_on_hits(self, limiter: RateLimiter) -> None:
        limiter.hit("w", 60)
        assert limiter.hit("w", 3600).resets_in <= 60

    def test_rules(self, limiter: RateLimiter) -> None:
        rule = Rule("login", limit=3, window_seconds=60)
        for _ in range(3):
            enforce(limiter, rule, "192.0.2.1")
        with pytest.raises(RateLimited) as info:
            enforce(limiter, rule, "192.0.2.1")
        assert 1 <= info.value.retry_after <= 60
        enforce(limiter, rule, "192.0.2.2")

    def test_check_does_not_count(self, limiter: RateLimiter) -> None:
        rule = Rule("fail", limit=2, window_seconds=60)
        for _ in range(5):
            check(limiter, rule, "x")
        record(limiter, rule, "x")
        check(limiter, rule, "x")
        record(limiter, rule, "x")
        with pytest.raises(RateLimited):
            check(limiter, rule, "x")


class TestReserve:
    def test_counts_up_front_and_refuses_uncounted(self, limiter: RateLimiter) -> None:
        rule = Rule("r", 2, 60)
        reserve(limiter, rule, "x")
        reserve(limiter, rule, "x")
        with pytest.raises(RateLimited) as refused:
            reserve(limiter, rule, "x")
        assert refused.value.retry_after >= 1
        assert limiter.peek(rule.key("x")).count == 2
        release(limiter, rule, "x")
        reserve(limiter, rule, "x")
        assert limiter.peek(rule.key("x")).count == 2

    def test_release_never_creates_a_window_or_goes_negative(self, limiter: RateLimiter) -> None:
        limiter.release("gone")
        assert limiter.peek("gone").count == 0
        limiter.hit("k", 60)
        limiter.release("k", amount=5)
        assert limiter.peek("k").count == 0
        assert limiter.hit("k", 60).count == 1


class TestMemoryWindow:
    def test_expires_after_the_window(self) -> None:
        clock = FakeClock()
        limiter = MemoryRateLimiter(clock)
        limiter.hit("k", 60)
        clock.now += 59
        assert limiter.hit("k", 60).count == 2
        clock.now += 1
        assert limiter.peek("k").count == 0
        assert limiter.hit("k", 60).count == 1


class TestRedisWindow:
    def test_expires_after_the_window(self, redis_url: str) -> None:
        limiter = RedisRateLimiter.from_url(redis_url, f"santa-test:{secrets.token_hex(6)}")
        limiter.hit("k", 1)
        assert limiter.peek("k").count == 1
        time.sleep(1.2)
        assert limiter.peek("k").count == 0

    def test_shared_between_instances(self, redis_url: str) -> None:
        namespace = f"santa-test:{secrets.token_hex(6)}"
        a = RedisRateLimiter.from_url(redis_url, namespace)
        b = RedisRateLimiter.from_url(redis_url, namespace)
        a.hit("k", 60)
        assert b.hit("k", 60).count == 2

    def test_unreachable_redis_lets_requests_through(self) -> None:
        limiter = RedisRateLimiter.from_url("redis://127.0.0.1:1/0", "x")
        rule = Rule("r", limit=1, window_seconds=60)
        for _ in range(3):
            enforce(limiter, rule, "k")
        assert limiter.peek("k").count == 0


def test_null_limiter_never_limits() -> None:
    rule = Rule("r", limit=1, window_seconds=60)
    for _ in range(5):
        enforce(NullRateLimiter(), rule, "k")


def test_account_keys_hide_the_address() -> None:
    key = account_key(" Ann@Example.com")
    assert key == account_key("ann@example.com")
    assert "ann" not in key
