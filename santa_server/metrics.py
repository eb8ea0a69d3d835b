"""Prometheus metrics of the API: what other modules record, and the ``/metrics`` page.

Counters and histograms live in this module (prometheus-client's usual globals).
Under Gunicorn every worker writes them to files in ``PROMETHEUS_MULTIPROC_DIR``
(set by ``santa serve`` / ``santa_server.gunicorn_conf`` before any worker
imports this module) and a scrape of any worker adds up all of them. Database
state (outbox, queue, draws) is read at scrape time by :class:`StateCollector`:
it is the same for every replica, so one worker answering is enough.

For other modules (a WebSocket endpoint, for instance)::

    from santa_server import metrics

    with metrics.websocket_connection():  # the gauge counts it while open
        ...

A new metric is a module-level ``Counter``/``Histogram``/``Gauge`` here (gauges
with a ``multiprocess_mode``, usually ``"livesum"``).

=====================================  =========  ==========================================
metric                                 type       labels
=====================================  =========  ==========================================
santa_http_requests_total              counter    method, route (the template), status
santa_http_request_duration_seconds    histogram  method, route
santa_http_requests_in_flight          gauge      (summed over live workers)
santa_db_pool_connections              gauge      state: in_use, idle, waiting, capacity
santa_websocket_connections            gauge      (summed over live workers)
santa_outbox_messages                  gauge      status: pending, retrying, sending, dead
santa_queue_depth                      gauge      tasks waiting in the job queue
santa_draw_runs                        gauge      draws ever run (API and auto-draws, from the DB)
santa_metrics_collect_errors_total     counter    part that could not be read
=====================================  =========  ==========================================
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

log = logging.getLogger("santa.server.metrics")

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"

#: Latency buckets (seconds) around what a person notices.
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0)

HTTP_REQUESTS = Counter(
    "santa_http_requests",
    "HTTP requests answered, by route template and status.",
    ["method", "route", "status"],
)
HTTP_LATENCY = Histogram(
    "santa_http_request_duration_seconds",
    "Time from the request to the end of the response, by route template.",
    ["method", "route"],
    buckets=LATENCY_BUCKETS,
)
HTTP_IN_FLIGHT = Gauge(
    "santa_http_requests_in_flight",
    "Requests being handled.",
    multiprocess_mode="livesum",
)
DB_POOL = Gauge(
    "santa_db_pool_connections",
    "Database pool of the API: connections in use, idle, requests waiting, capacity.",
    ["state"],
    multiprocess_mode="livesum",
)
WEBSOCKET_CONNECTIONS = Gauge(
    "santa_websocket_connections",
    "Open WebSocket connections.",
    multiprocess_mode="livesum",
)
COLLECT_ERRORS = Counter(
    "santa_metrics_collect_errors",
    "Scrape-time readings that failed (the database or queue was unreachable).",
    ["part"],
)

#: Label of requests that matched no route (keeps unknown paths out of the label set).
UNMATCHED_ROUTE = "<unmatched>"


def websocket_opened() -> None:
    WEBSOCKET_CONNECTIONS.inc()


def websocket_closed() -> None:
    WEBSOCKET_CONNECTIONS.dec()


@contextmanager
def websocket_connection() -> Iterator[None]:
    """Counts one open WebSocket for as long as the block runs."""
    websocket_opened()
    try:
        yield
    finally:
        websocket_closed()


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    HTTP_REQUESTS.labels(method, route, str(status)).inc()
    HTTP_LATENCY.labels(method, route).observe(seconds)


def pool_state(engine: Any) -> dict[str, int]:
    """In use / idle / waiting / capacity of an engine's pool (sync or async), best effort."""
    pool = getattr(getattr(engine, "sync_engine", engine), "pool", None)
    if pool is None:
        return {}
    state: dict[str, int] = {}
    checkedout = getattr(pool, "checkedout", None)
    if callable(checkedout):
        state["in_use"] = int(checkedout())
    checkedin = getattr(pool, "checkedin", None)
    if callable(checkedin):
        state["idle"] = int(checkedin())
    size = getattr(pool, "size", None)
    overflow = getattr(pool, "_max_overflow", None)
    if callable(size) and isinstance(overflow, int):
        state["capacity"] = int(size()) + max(overflow, 0)
    state["waiting"] = _pool_waiters(pool)
    return state


def _pool_waiters(pool: Any) -> int:
    """Threads (or tasks) blocked waiting for a connection. SQLAlchemy has no public
    counter: read the queue's condition (threads) or asyncio getters (tasks)."""
    queue = getattr(pool, "_pool", None)
    condition = getattr(queue, "not_empty", None)
    waiters = getattr(condition, "_waiters", None)
    if waiters is not None:
        return len(waiters)
    inner = getattr(queue, "_queue_obj", None) or getattr(queue, "_queue", None)
    getters = getattr(inner, "_getters", None)
    return len(getters) if getters is not None else 0


def record_pool(engine: Any) -> None:
    for state, value in pool_state(engine).items():
        DB_POOL.labels(state).set(value)


class StateCollector(Collector):
    """Reads outbox, queue and draw counts at scrape time."""

    def __init__(self, read_state: Callable[[], dict[str, Any]]) -> None:
        self._read_state = read_state

    def collect(self) -> Iterable[GaugeMetricFamily]:
        try:
            state = self._read_state()
        except Exception as exc:
            COLLECT_ERRORS.labels("state").inc()
            log.warning("metrics: cannot read the database state: %s", type(exc).__name__)
            return
        outbox = GaugeMetricFamily(
            "santa_outbox_messages",
            "Notifications not delivered yet, by state (dead: gave up, see `santa outbox list`).",
            labels=["status"],
        )
        for status, value in state.get("outbox", {}).items():
            outbox.add_metric([status], value)
        yield outbox
        if "queue_depth" in state:
            yield GaugeMetricFamily(
                "santa_queue_depth", "Tasks waiting in the job queue.", value=state["queue_depth"]
            )
        if "draw_runs" in state:
            yield GaugeMetricFamily(
                "santa_draw_runs", "Draws run over the life of the database.", state["draw_runs"]
            )


def render(state: Callable[[], dict[str, Any]] | None = None) -> tuple[bytes, str]:
    """The exposition text: every live worker's metrics (multi-process) plus the state."""
    registry = CollectorRegistry()
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    else:
        from prometheus_client import REGISTRY

        registry = REGISTRY if state is None else _with_default(registry)
    if state is not None:
        registry.register(StateCollector(state))
    return generate_latest(registry), CONTENT_TYPE_LATEST


class _Default(Collector):
    def collect(self) -> Iterable[Any]:
        from prometheus_client import REGISTRY

        yield from REGISTRY.collect()


def _with_default(registry: CollectorRegistry) -> CollectorRegistry:
    registry.register(_Default())
    return registry


def mark_process_dead(pid: int) -> None:
    """Gunicorn's ``child_exit``: drop a dead worker's live gauges."""
    if os.environ.get(MULTIPROC_ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]
