"""Request ids, request metrics and the ``/metrics`` page.

Every request gets an id: a sane incoming ``X-Request-ID`` (1-128 characters of
``A-Za-z0-9._:-``, as load balancers send) is kept, anything else is replaced by
a fresh one. It is returned in ``X-Request-ID``, carried by every log line of
the request (:mod:`santa_core.logs`), stored on the outbox rows the request
writes and bound again by the worker while it delivers them.

``/metrics`` (Prometheus text format) answers clients from
``SANTA_METRICS_ALLOWED_NETWORKS`` (default: loopback and private networks,
where a Prometheus next to the app scrapes) and, when ``SANTA_METRICS_TOKEN``
is set, only with ``Authorization: Bearer <token>``. Everyone else gets 404: the
page tells an outsider nothing, not even that it exists. The client address is
the one the rate limits use (``X-Forwarded-For`` only from trusted proxies), so
a public request relayed by a proxy on a private network is still refused.
"""

from __future__ import annotations

import hmac
import ipaddress
import time
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import Response
from sqlalchemy import func, select
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from santa_core import logs, models
from santa_core.config import Settings
from santa_core.models import OutboxStatus
from santa_server import metrics
from santa_server.errors import problem_response
from santa_server.security import client_ip

REQUEST_ID_HEADER = "X-Request-ID"


class RequestContext:
    """Pure ASGI middleware: request id in, request id out, one metric sample per request."""

    def __init__(self, app: ASGIApp, *, engine: Any = None) -> None:
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        incoming = None
        for name, value in scope.get("headers", ()):
            if name == b"x-request-id":
                incoming = logs.sane_request_id(value.decode("latin-1"))
                break
        request_id = incoming or logs.new_request_id()
        scope.setdefault("state", {})["request_id"] = request_id
        token = logs.set_request_id(request_id)
        if scope["type"] == "websocket":
            try:
                await self.app(scope, receive, send)
            finally:
                logs.reset_request_id(token)
            return

        status = 500
        started = time.perf_counter()

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                MutableHeaders(scope=message)[REQUEST_ID_HEADER] = request_id
            await send(message)

        metrics.HTTP_IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, send_with_id)
        finally:
            metrics.HTTP_IN_FLIGHT.dec()
            metrics.observe_request(
                scope.get("method", "GET"),
                route_template(scope),
                status,
                time.perf_counter() - started,
            )
            if self.engine is not None:
                metrics.record_pool(self.engine)
            logs.reset_request_id(token)


def route_template(scope: Scope) -> str:
    """The matched route's path template (``/api/v1/boxes/{box_id}``), never the raw path
    (ids would make one time series per box)."""
    # FastAPI keeps included routers unflattened: the full template (with the prefix)
    # is on the effective route it resolved; the route itself knows only its own part.
    effective = scope.get("fastapi", {}).get("effective_route_context")
    template = getattr(effective, "path_format", None)
    if template is None:
        route = scope.get("route")
        template = getattr(route, "path_format", None) or getattr(route, "path", None)
    return template if isinstance(template, str) else metrics.UNMATCHED_ROUTE


def _allowed(request: Request, settings: Settings) -> bool:
    try:
        address = ipaddress.ip_address(client_ip(request, settings))
    except ValueError:
        return False
    if not any(
        address in ipaddress.ip_network(net, strict=False)
        for net in settings.metrics_allowed_networks
    ):
        return False
    if settings.metrics_token is None:
        return True
    expected = f"Bearer {settings.metrics_token.get_secret_value()}"
    return hmac.compare_digest(request.headers.get("authorization", ""), expected)


def read_state(app: FastAPI) -> dict[str, Any]:
    """Outbox by state, queue depth and draws run, read when Prometheus scrapes."""
    outbox = models.OutboxMessage
    state: dict[str, Any] = {}
    with app.state.engine.connect() as conn:
        rows = conn.execute(
            select(outbox.status, outbox.attempts, func.count())
            .where(
                outbox.status.in_([OutboxStatus.PENDING, OutboxStatus.SENDING, OutboxStatus.FAILED])
            )
            .group_by(outbox.status, outbox.attempts)
        ).all()
        counts = {"pending": 0, "retrying": 0, "sending": 0, "dead": 0}
        for status, attempts, count in rows:
            if status == OutboxStatus.PENDING:
                counts["retrying" if attempts else "pending"] += count
            elif status == OutboxStatus.SENDING:
                counts["sending"] += count
            else:
                counts["dead"] += count
        state["outbox"] = counts
        state["draw_runs"] = conn.scalar(select(func.count()).select_from(models.DrawRun)) or 0
    jobs = getattr(app.state, "jobs", None)
    if jobs is not None:
        try:
            state["queue_depth"] = int(jobs.huey.pending_count())
        except Exception:
            metrics.COLLECT_ERRORS.labels("queue").inc()
    return state


def install(app: FastAPI, settings: Settings) -> None:
    """Request ids and request metrics on every request; ``/metrics`` when enabled."""
    app.add_middleware(RequestContext, engine=app.state.engine)

    @app.get("/metrics", include_in_schema=False)
    def prometheus_metrics(request: Request) -> Response:
        # Disabled or not for this client: 404, never the web UI's catch-all page.
        if not settings.metrics_enabled or not _allowed(request, settings):
            return problem_response(request, status=404, code="not_found", message="Not Found")
        metrics.record_pool(request.app.state.engine)
        body, content_type = metrics.render(lambda: read_state(request.app))
        return Response(body, media_type=content_type, headers={"Cache-Control": "no-store"})
