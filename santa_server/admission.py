"""Admission gate: at most N requests in flight per process, a bounded queue, then 503.

Endpoints are sync and run in AnyIO's threadpool; each request uses one pooled
database connection at a time. Letting in no more requests than there are
connections (and threads) means a request that holds a connection never waits
for a thread or a connection held by a request that is itself waiting, so
bursts queue here, in the event loop, where waiting costs nothing. Beyond
``request_queue_depth`` waiting requests, or after ``request_queue_timeout_seconds``
in the queue, the answer is an immediate ``503`` problem with ``Retry-After``.

WebSockets and the liveness probe pass without a slot.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from santa_core.config import Settings

#: Paths that must answer even when the gate is full.
EXEMPT_PATHS = frozenset({"/api/v1/health/live", "/metrics"})


@dataclass
class GateStats:
    """What the gate sees now (read by metrics and tests)."""

    capacity: int
    in_flight: int = 0
    waiting: int = 0
    rejected: int = 0


class AdmissionGate:
    def __init__(self, app: ASGIApp, *, settings: Settings) -> None:
        self.app = app
        self.queue_depth = settings.request_queue_depth
        self.queue_timeout = settings.request_queue_timeout_seconds
        self.retry_after = settings.retry_after_seconds
        self.stats = GateStats(capacity=settings.request_concurrency)
        self._slots: asyncio.Semaphore | None = None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        if self._slots is None:
            self._slots = asyncio.Semaphore(self.stats.capacity)
        slots = self._slots
        stats = self.stats
        if slots.locked() and stats.waiting >= self.queue_depth:
            await self._refuse(scope, receive, send)
            return
        stats.waiting += 1
        try:
            async with asyncio.timeout(self.queue_timeout):
                await slots.acquire()
        except TimeoutError:
            await self._refuse(scope, receive, send)
            return
        finally:
            stats.waiting -= 1
        stats.in_flight += 1
        try:
            await self.app(scope, receive, send)
        finally:
            stats.in_flight -= 1
            slots.release()

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        from santa_server.errors import problem_response

        self.stats.rejected += 1
        response = problem_response(
            Request(scope),
            status=503,
            code="overloaded",
            message="The server is busy. Try again in a moment.",
            headers={"Retry-After": str(self.retry_after)},
        )
        await response(scope, receive, send)


async def size_threadpool(settings: Settings) -> None:
    """Give AnyIO's default thread limiter the configured size (call in the lifespan)."""
    import anyio.to_thread

    anyio.to_thread.current_default_thread_limiter().total_tokens = settings.threadpool_size
