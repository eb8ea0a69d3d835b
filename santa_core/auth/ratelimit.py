"""Fixed-window rate limits, in Redis when configured and in process otherwise.

A counter per key lives for one window from its first hit (Redis: ``INCRBY`` +
``EXPIRE NX``). Limits are :class:`Rule` values; :func:`enforce` counts a hit
and refuses past the limit. "Failures only" limits (wrong passwords) count
every attempt up front with :func:`reserve` and give it back with
:func:`release` when it turns out not to be a failure: a check that only
peeked would let a burst of parallel attempts all pass before any was counted.

Keys never hold an email in clear: account keys are HMACs of the address.
If Redis is unreachable the limiter lets requests through and logs it: an
outage of the cache must not lock everyone out.
"""

from __future__ import annotations

import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from santa_core import crypto
from santa_core.config import Settings
from santa_core.errors import RateLimited

log = logging.getLogger("santa.auth.ratelimit")


@dataclass(frozen=True)
class Window:
    count: int
    #: Seconds until the window resets (0 when the key is unknown).
    resets_in: int


class RateLimiter(Protocol):
    def hit(self, key: str, window_seconds: int, amount: int = 1) -> Window: ...
    def peek(self, key: str) -> Window: ...
    def reset(self, key: str) -> None: ...
    def release(self, key: str, amount: int = 1) -> None:
        """Take back hits of a live window (never below zero; no-op once it has expired)."""
        ...


class MemoryRateLimiter:
    """One process's counters. Enough for a single-process server and for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._counters: dict[str, tuple[int, float]] = {}

    def _live(self, key: str, now: float) -> tuple[int, float] | None:
        entry = self._counters.get(key)
        if entry is None or entry[1] <= now:
            self._counters.pop(key, None)
            return None
        return entry

    def hit(self, key: str, window_seconds: int, amount: int = 1) -> Window:
        with self._lock:
            now = self._clock()
            entry = self._live(key, now)
            count, expires = entry if entry else (0, now + window_seconds)
            count += amount
            self._counters[key] = (count, expires)
            if len(self._counters) > 100_000:
                self._sweep(now)
            return Window(count, math.ceil(expires - now))

    def peek(self, key: str) -> Window:
        with self._lock:
            now = self._clock()
            entry = self._live(key, now)
            if entry is None:
                return Window(0, 0)
            return Window(entry[0], math.ceil(entry[1] - now))

    def reset(self, key: str) -> None:
        with self._lock:
            self._counters.pop(key, None)

    def release(self, key: str, amount: int = 1) -> None:
        with self._lock:
            entry = self._live(key, self._clock())
            if entry is not None:
                self._counters[key] = (max(entry[0] - amount, 0), entry[1])

    def _sweep(self, now: float) -> None:
        for key in [k for k, (_, exp) in self._counters.items() if exp <= now]:
            del self._counters[key]


#: DECRBY that neither creates a key (a window that expired meanwhile) nor goes below zero.
_RELEASE = """
local count = tonumber(redis.call('GET', KEYS[1]) or '0')
if count <= 0 then return 0 end
return redis.call('DECRBY', KEYS[1], math.min(count, tonumber(ARGV[1])))
"""


class RedisRateLimiter:
    """Counters shared by every server process through Redis."""

    def __init__(self, client: Any, namespace: str) -> None:
        self._redis = client
        self._ns = namespace

    @classmethod
    def from_url(cls, url: str, namespace: str) -> RedisRateLimiter:
        import redis

        return cls(redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2), namespace)

    def _key(self, key: str) -> str:
        return f"{self._ns}:{key}"

    def hit(self, key: str, window_seconds: int, amount: int = 1) -> Window:
        import redis

        k = self._key(key)
        try:
            pipe = self._redis.pipeline(transaction=True)
            pipe.incrby(k, amount)
            pipe.expire(k, window_seconds, nx=True)
            pipe.ttl(k)
            count, _, ttl = pipe.execute()
        except redis.RedisError as exc:
            log.error("rate limiter unavailable, allowing request: %s", type(exc).__name__)
            return Window(0, 0)
        return Window(int(count), max(int(ttl), 1))

    def peek(self, key: str) -> Window:
        import redis

        k = self._key(key)
        try:
            pipe = self._redis.pipeline(transaction=False)
            pipe.get(k)
            pipe.ttl(k)
            count, ttl = pipe.execute()
        except redis.RedisError as exc:
            log.error("rate limiter unavailable, allowing request: %s", type(exc).__name__)
            return Window(0, 0)
        if count is None:
            return Window(0, 0)
        return Window(int(count), max(int(ttl), 1))

    def reset(self, key: str) -> None:
        import redis

        try:
            self._redis.delete(self._key(key))
        except redis.RedisError as exc:
            log.error("rate limiter unavailable: %s", type(exc).__name__)

    def release(self, key: str, amount: int = 1) -> None:
        import redis

        try:
            self._redis.eval(_RELEASE, 1, self._key(key), amount)
        except redis.RedisError as exc:
            log.error("rate limiter unavailable: %s", type(exc).__name__)


class NullRateLimiter:
    """Rate limiting switched off (``SANTA_RATE_LIMIT_ENABLED=false``)."""

    def hit(self, key: str, window_seconds: int, amount: int = 1) -> Window:
        return Window(0, 0)

    def peek(self, key: str) -> Window:
        return Window(0, 0)

    def reset(self, key: str) -> None:
        return None

    def release(self, key: str, amount: int = 1) -> None:
        return None


def limiter_for(settings: Settings) -> RateLimiter:
    if not settings.rate_limit_enabled:
        return NullRateLimiter()
    if settings.redis_url:
        return RedisRateLimiter.from_url(settings.redis_url, settings.rate_limit_namespace)
    return MemoryRateLimiter()


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int
    window_seconds: int

    def key(self, subject: str) -> str:
        return f"{self.name}:{subject}"


def account_key(email: str) -> str:
    """A stable, non-reversible key for an email address."""
    return crypto.hash_token("ratelimit:" + email.strip().lower())[:40]


def _refuse(window: Window) -> RateLimited:
    return RateLimited(retry_after=max(window.resets_in, 1))


def enforce(limiter: RateLimiter, rule: Rule, subject: str) -> None:
    """Count one attempt; refuse it when it goes past the rule's limit."""
    window = limiter.hit(rule.key(subject), rule.window_seconds)
    if window.count > rule.limit:
        raise _refuse(window)


def check(limiter: RateLimiter, rule: Rule, subject: str) -> None:
    """Refuse when the limit is already reached, without counting."""
    window = limiter.peek(rule.key(subject))
    if window.count >= rule.limit:
        raise _refuse(window)


def record(limiter: RateLimiter, rule: Rule, subject: str) -> None:
    limiter.hit(rule.key(subject), rule.window_seconds)


def reserve(limiter: RateLimiter, rule: Rule, subject: str) -> None:
    """Count an attempt before it is made (atomically); refuse, uncounted, past the limit."""
    window = limiter.hit(rule.key(subject), rule.window_seconds)
    if window.count > rule.limit:
        limiter.release(rule.key(subject))
        raise _refuse(window)


def release(limiter: RateLimiter, rule: Rule, subject: str) -> None:
    """Give back an attempt counted by :func:`reserve` that was not a failure after all."""
    limiter.release(rule.key(subject))


# --- the limits of the auth endpoints -----------------------------------------

HOUR = 3600


@dataclass(frozen=True)
class AuthLimits:
    """Every limit the auth endpoints apply, from settings."""

    login_ip_account: Rule
    login_ip: Rule
    login_account: Rule
    register_ip: Rule
    reset_ip: Rule
    reset_account: Rule
    link_ip: Rule
    refresh_ip: Rule
    refresh_session: Rule
    oauth_ip: Rule

    @classmethod
    def from_settings(cls, settings: Settings) -> AuthLimits:
        window = settings.login_failure_window_seconds
        return cls(
            login_ip_account=Rule("login-fail:ip-acct", settings.login_max_failures_per_ip, window),
            login_ip=Rule("login-fail:ip", settings.login_max_failures_per_ip_total, window),
            login_account=Rule("login-fail:acct", settings.login_max_failures_per_account, window),
            register_ip=Rule("register:ip", 10, HOUR),
            reset_ip=Rule("reset:ip", 10, HOUR),
            reset_account=Rule("reset:acct", 3, HOUR),
            link_ip=Rule("link:ip", 30, 900),
            refresh_ip=Rule("refresh:ip", 120, 60),
            refresh_session=Rule("refresh:session", 30, 60),
            oauth_ip=Rule("oauth:ip", 30, 60),
        )


class LoginThrottle:
    """Wrong passwords, refused before the password is checked, counted three ways:

    * one account from one address (``login_max_failures_per_ip``, 20): the
      guesser is stopped, while the owner signs in from elsewhere and other
      people behind the same address (an office, a family) still can;
    * one address over all accounts (``login_max_failures_per_ip_total``):
      password spraying;
    * one account from all addresses (``login_max_failures_per_account``): a
      distributed attack on one person.

    :meth:`begin` counts the attempt as a failure before the password is checked;
    :meth:`succeeded` and :meth:`not_a_failure` take it back. So N parallel
    attempts are N hits on the counters, and the limits hold under a burst.
    """

    def __init__(self, limiter: RateLimiter, limits: AuthLimits) -> None:
        self._limiter = limiter
        self._limits = limits

    def _counters(self, ip: str, email: str) -> list[tuple[Rule, str]]:
        account = account_key(email)
        return [
            (self._limits.login_ip_account, f"{ip}|{account}"),
            (self._limits.login_ip, ip),
            (self._limits.login_account, account),
        ]

    def begin(self, ip: str, email: str) -> None:
        reserved: list[tuple[Rule, str]] = []
        try:
            for rule, subject in self._counters(ip, email):
                reserve(self._limiter, rule, subject)
                reserved.append((rule, subject))
        except RateLimited:
            for rule, subject in reserved:
                release(self._limiter, rule, subject)
            raise

    def not_a_failure(self, ip: str, email: str) -> None:
        """The attempt ended some other way than a wrong password (e.g. a blocked account)."""
        for rule, subject in self._counters(ip, email):
            release(self._limiter, rule, subject)

    def succeeded(self, ip: str, email: str) -> None:
        """The account's counts start over; the address only gets this attempt back
        (one attacker, many accounts)."""
        pair, address, account = self._counters(ip, email)
        release(self._limiter, *address)
        for rule, subject in (pair, account):
            self._limiter.reset(rule.key(subject))
