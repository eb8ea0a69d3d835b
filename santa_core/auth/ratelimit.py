"""Rate limits: moving windows from the ``limits`` package, in Redis with an in-process fallback.

A :class:`Rule` is a limit per subject (an account id, a client address, a box).
:func:`enforce` counts one hit and refuses past the limit. "Failures only"
limits (wrong passwords, wrong codes) count every attempt up front with
:func:`reserve` and give it back with :func:`release` when it turns out not to
be a failure: a check that only peeked would let a burst of parallel attempts
all pass before any was counted. ``limits`` has no "give back", so
:class:`Limiter` removes the newest entry of the window itself (one ``LPOP`` in
Redis, one list pop in memory: both storages keep a window newest first).

Redis down or slow (socket timeouts of ``rate_limit_redis_timeout_seconds``):
the limiter switches to its in-process storage, logs once, reports itself
``degraded`` (``/api/v1/health`` shows it) and tries Redis again after
``rate_limit_redis_retry_seconds``. Limits keep holding per process; an outage
of the cache neither locks everyone out nor lets guessing through.

Keys never hold an email in clear (account keys are HMACs of the address), and
IPv6 clients are counted by their /64 (one home or office network).
"""

from __future__ import annotations

import ipaddress
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, TypeVar

import redis
from limits import RateLimitItem, RateLimitItemPerSecond
from limits.errors import StorageError
from limits.storage import MemoryStorage, RedisStorage, Storage
from limits.strategies import MovingWindowRateLimiter

from santa_core import crypto
from santa_core.config import Settings
from santa_core.errors import NotFound, RateLimited

log = logging.getLogger("santa.auth.ratelimit")

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    name: str
    limit: int
    window_seconds: int

    def item(self, namespace: str) -> RateLimitItem:
        return RateLimitItemPerSecond(self.limit, self.window_seconds, namespace=namespace)


class RateLimiter(Protocol):
    """What the endpoints need from a limiter (see :class:`Limiter`)."""

    @property
    def degraded(self) -> bool: ...
    def acquire(self, rule: Rule, subject: str, cost: int = 1) -> bool: ...
    def retry_after(self, rule: Rule, subject: str) -> int: ...
    def give_back(self, rule: Rule, subject: str) -> None: ...
    def clear(self, rule: Rule, subject: str) -> None: ...


def _give_back(storage: Storage, key: str) -> None:
    if isinstance(storage, RedisStorage):
        connection: redis.Redis = storage.get_connection()  # type: ignore[assignment]
        connection.lpop(storage.prefixed_key(key))
    elif isinstance(storage, MemoryStorage):
        with storage.locks[key]:
            events = storage.events.get(key)
            if events:
                events.pop(0)


class Limiter:
    """Moving-window limits on a primary storage (Redis) with an in-memory fallback.

    ``primary`` is ``None`` in embedded mode: the memory storage is then the
    only one and the limiter is never degraded.
    """

    def __init__(
        self,
        primary: Storage | None,
        *,
        namespace: str,
        retry_seconds: float = 5.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._primary = primary
        self._memory = MemoryStorage()
        self._namespace = namespace
        self._retry_seconds = retry_seconds
        self._clock = clock
        self._lock = threading.Lock()
        self._failed_at: float | None = None

    @classmethod
    def for_redis(cls, url: str, *, namespace: str, timeout: float, retry: float) -> Limiter:
        storage = RedisStorage(
            url,
            key_prefix=namespace,
            wrap_exceptions=True,
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
        )
        return cls(storage, namespace=namespace, retry_seconds=retry)

    @property
    def kind(self) -> str:
        return "redis" if self._primary is not None else "memory"

    @property
    def degraded(self) -> bool:
        """Redis is configured but the limits live in this process for now."""
        return self._failed_at is not None

    def _storage(self) -> Storage:
        if self._primary is None:
            return self._memory
        with self._lock:
            failed = self._failed_at
            if failed is not None and self._clock() - failed < self._retry_seconds:
                return self._memory
        return self._primary

    def _run(self, op: Callable[[Storage], T]) -> T:
        storage = self._storage()
        if storage is self._memory:
            return op(storage)
        try:
            result = op(storage)
        except (StorageError, redis.RedisError, OSError) as exc:
            with self._lock:
                if self._failed_at is None:
                    log.error(
                        "rate limiter: Redis unavailable (%s), limits fall back to this process",
                        type(getattr(exc, "storage_error", exc)).__name__,
                    )
                self._failed_at = self._clock()
            return op(self._memory)
        if self._failed_at is not None:
            with self._lock:
                self._failed_at = None
            log.warning("rate limiter: Redis is back, limits are shared again")
        return result

    def acquire(self, rule: Rule, subject: str, cost: int = 1) -> bool:
        """Count ``cost`` hits; False (nothing counted) when that would pass the limit."""
        item = rule.item(self._namespace)
        return self._run(
            lambda s: MovingWindowRateLimiter(s).hit(item, rule.name, subject, cost=cost)
        )

    def retry_after(self, rule: Rule, subject: str) -> int:
        item = rule.item(self._namespace)
        stats = self._run(
            lambda s: MovingWindowRateLimiter(s).get_window_stats(item, rule.name, subject)
        )
        return max(int(stats.reset_time - time.time()) + 1, 1)

    def give_back(self, rule: Rule, subject: str) -> None:
        key = rule.item(self._namespace).key_for(rule.name, subject)
        self._run(lambda s: _give_back(s, key))

    def clear(self, rule: Rule, subject: str) -> None:
        item = rule.item(self._namespace)
        self._run(lambda s: MovingWindowRateLimiter(s).clear(item, rule.name, subject))


class NullRateLimiter:
    """Rate limiting switched off (``SANTA_RATE_LIMIT_ENABLED=false``)."""

    kind = "off"
    degraded = False

    def acquire(self, rule: Rule, subject: str, cost: int = 1) -> bool:
        return True

    def retry_after(self, rule: Rule, subject: str) -> int:
        return 1

    def give_back(self, rule: Rule, subject: str) -> None:
        return None

    def clear(self, rule: Rule, subject: str) -> None:
        return None


def limiter_for(settings: Settings) -> RateLimiter:
    if not settings.rate_limit_enabled:
        return NullRateLimiter()
    if settings.redis_url:
        return Limiter.for_redis(
            settings.redis_url,
            namespace=settings.rate_limit_namespace,
            timeout=settings.rate_limit_redis_timeout_seconds,
            retry=settings.rate_limit_redis_retry_seconds,
        )
    return Limiter(None, namespace=settings.rate_limit_namespace)


def account_key(email: str) -> str:
    """A stable, non-reversible key for an email address."""
    return crypto.hash_token("ratelimit:" + email.strip().lower())[:40]


def address_key(ip: str) -> str:
    """The subject for a client address: IPv4 as is, IPv6 by its /64 network."""
    try:
        address = ipaddress.ip_address(ip)
    except ValueError:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


def _refuse(limiter: RateLimiter, rule: Rule, subject: str) -> RateLimited:
    return RateLimited(retry_after=limiter.retry_after(rule, subject))


def enforce(limiter: RateLimiter, rule: Rule, subject: str, *, cost: int = 1) -> None:
    """Count ``cost`` attempts; refuse (counting nothing) when they go past the rule's limit."""
    if not limiter.acquire(rule, subject, cost):
        raise _refuse(limiter, rule, subject)


reserve = enforce


def release(limiter: RateLimiter, rule: Rule, subject: str) -> None:
    """Give back an attempt counted by :func:`reserve` that was not a failure after all."""
    limiter.give_back(rule, subject)


# --- every limit of the app ---------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """Every limit the API applies, from settings (each one is a ``SANTA_*`` setting)."""

    login_ip_account: Rule
    login_ip: Rule
    login_account: Rule
    register_ip: Rule
    register_with_code: Rule
    reset_ip: Rule
    reset_account: Rule
    link_ip: Rule
    refresh_ip: Rule
    refresh_session: Rule
    oauth_ip: Rule
    secret_guesses: Rule
    invite_send: Rule
    message_send: Rule

    @classmethod
    def from_settings(cls, s: Settings) -> Limits:
        window = s.login_failure_window_seconds
        return cls(
            login_ip_account=Rule("login-fail:ip-acct", s.login_max_failures_per_ip, window),
            login_ip=Rule("login-fail:ip", s.login_max_failures_per_ip_total, window),
            login_account=Rule("login-fail:acct", s.login_max_failures_per_account, window),
            register_ip=Rule("register:ip", s.signup_max_per_address, s.signup_window_seconds),
            register_with_code=Rule(
                "register:code", s.signup_max_per_address_with_code, s.signup_window_seconds
            ),
            reset_ip=Rule("reset:ip", s.reset_max_per_address, s.reset_window_seconds),
            reset_account=Rule("reset:acct", s.reset_max_per_account, s.reset_window_seconds),
            link_ip=Rule("link:ip", s.link_max_per_address, s.link_window_seconds),
            refresh_ip=Rule("refresh:ip", s.refresh_max_per_address, 60),
            refresh_session=Rule("refresh:session", s.refresh_max_per_session, 60),
            oauth_ip=Rule("oauth:ip", s.oauth_max_per_address, 60),
            secret_guesses=Rule("secret-miss", s.secret_max_misses, s.secret_miss_window_seconds),
            invite_send=Rule("invite-send", s.invite_send_max_per_hour, 3600),
            message_send=Rule("message-send", s.message_send_max_per_hour, 3600),
        )


#: The old name, kept for callers.
AuthLimits = Limits


class SecretGuard:
    """Lookups of a secret (invite/join code, calendar or unsubscribe token) counted as
    misses per caller: counted before the lookup, given back when the secret was right.
    Valid lookups cost nothing, so calendar apps polling from shared addresses are fine.
    """

    def __init__(self, limiter: RateLimiter, limits: Limits, subject: str) -> None:
        self._limiter = limiter
        self._rule = limits.secret_guesses
        self.subject = subject

    def __enter__(self) -> SecretGuard:
        reserve(self._limiter, self._rule, self.subject)
        return self

    def __exit__(self, exc_type: type[BaseException] | None, *_: object) -> None:
        if exc_type is None or not issubclass(exc_type, NotFound):
            release(self._limiter, self._rule, self.subject)


def enforce_message_send(limiter: RateLimiter, limits: Limits, sender_id: object) -> None:
    """One message sent by an account (``SANTA_MESSAGE_SEND_MAX_PER_HOUR``)."""
    enforce(limiter, limits.message_send, f"user:{sender_id}")


def enforce_invite_send(
    limiter: RateLimiter, limits: Limits, organizer_id: object, *, count: int = 1
) -> None:
    """``count`` invitation emails sent by an organizer (``SANTA_INVITE_SEND_MAX_PER_HOUR``)."""
    if count <= 0:
        return
    rule = limits.invite_send
    if count > rule.limit:
        raise RateLimited(retry_after=rule.window_seconds)
    enforce(limiter, rule, f"user:{organizer_id}", cost=count)


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

    def __init__(self, limiter: RateLimiter, limits: Limits) -> None:
        self._limiter = limiter
        self._limits = limits

    def _counters(self, ip: str, email: str) -> list[tuple[Rule, str]]:
        account = account_key(email)
        address = address_key(ip)
        return [
            (self._limits.login_ip_account, f"{address}|{account}"),
            (self._limits.login_ip, address),
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
            self._limiter.clear(rule, subject)
