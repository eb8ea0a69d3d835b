"""The FastAPI application: ``create_app(settings)`` builds it, the lifespan owns resources."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

from fastapi import APIRouter, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from santa_core.auth.ratelimit import limiter_for
from santa_core.config import Settings, get_settings
from santa_core.db import make_read_sessionmaker
from santa_core.runtime import Runtime, build_runtime
from santa_server import (
    __version__,
    admission,
    docs,
    errors,
    middleware,
    observability,
    openapi,
    routing,
    webui,
    ws,
)
from santa_server import jobs as embedded_jobs
from santa_server.api import (
    announcements,
    auth,
    boxes,
    draw_changes,
    draws,
    gifts,
    health,
    invites,
    messages,
    oauth,
    participants,
    users,
)
from santa_server.api import calendar as calendar_api
from santa_server.api import events as events_api
from santa_server.api import unsubscribe as unsubscribe_api

API_PREFIX = "/api/v1"

#: (router, tag description). Each domain adds its router here.
ROUTERS: list[APIRouter] = [health.router, auth.router, oauth.router, users.router]
ROUTERS += [boxes.router, participants.router, invites.router, draws.router]
ROUTERS += [calendar_api.router, unsubscribe_api.router]
ROUTERS += [messages.router, gifts.router, announcements.router, draw_changes.router]
ROUTERS += [events_api.router, ws.router]

#: Hooks run at startup/shutdown with the app (e.g. the in-process job consumer).
StartupHook = Callable[[FastAPI], Callable[[], None] | None]
STARTUP_HOOKS: list[StartupHook] = [embedded_jobs.start_embedded_jobs]
#: Hooks for API replicas that leave consuming to `santa worker` but share its queue.
SHARED_QUEUE_HOOKS: list[StartupHook] = [embedded_jobs.connect_to_shared_queue]
#: Hooks every API process runs (live events over WebSocket).
ALWAYS_HOOKS: list[StartupHook] = [ws.start_live_events]


def create_app(
    settings: Settings | None = None,
    *,
    runtime: Runtime | None = None,
    start_jobs: bool | None = None,
) -> FastAPI:
    """The app on ``runtime`` (built from ``settings`` when not given; the app closes it).

    Building and starting the app does no migration: ``santa serve`` (SQLite, the
    embedded default, on first start), ``santa db upgrade`` or the caller (tests:
    :func:`santa_core.migrate.ensure_schema`) brings the database to the latest revision
    first; until then ``/api/v1/health/ready`` answers 503.
    """
    runtime = runtime or build_runtime(settings or get_settings())
    settings = runtime.settings
    run_jobs = start_jobs if start_jobs is not None else False

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        await admission.size_threadpool(settings)
        stoppers: list[Callable[[], None]] = []
        hooks = STARTUP_HOOKS if run_jobs else SHARED_QUEUE_HOOKS if settings.redis_url else []
        hooks = [*ALWAYS_HOOKS, *hooks]
        for hook in hooks:
            stop = hook(app)
            if stop is not None:
                stoppers.append(stop)
        try:
            yield
        finally:
            for stop in reversed(stoppers):
                stop()
            runtime.close()

    app = FastAPI(
        title="santa",
        version=__version__,
        description="Secret Santa gift exchanges: boxes, invitations, draws, notifications.",
        lifespan=lifespan,
        docs_url=None,  # santa_server.docs serves Swagger UI locally
        redoc_url=None,
        openapi_url="/openapi.json",
        generate_unique_id_function=openapi.operation_id,
    )
    app.state.runtime = runtime
    app.state.settings = settings
    app.state.engine = runtime.engine
    app.state.sessionmaker = runtime.sessionmaker
    app.state.read_sessionmaker = runtime.read_sessionmaker
    app.state.pure_read_sessionmaker = make_read_sessionmaker(runtime.engine, autocommit=True)
    app.state.rate_limiter = limiter_for(settings)
    errors.install(app)
    app.add_middleware(admission.AdmissionGate, settings=settings)
    observability.install(app, settings)  # request ids, request metrics, /metrics
    for router in ROUTERS:
        routing.keep_literals_apart(router)
        app.include_router(router, prefix=API_PREFIX)
    openapi.install(app)
    docs.install(app)
    app.add_middleware(middleware.BodyLimit, settings=settings)
    app.add_middleware(middleware.ApiGzip)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_credentials=True,
            allow_methods=["GET", "POST", "PATCH", "PUT", "DELETE"],
            allow_headers=["Authorization", "Content-Type", "X-CSRF-Token", "Accept-Language"],
            max_age=600,
        )
    app.add_middleware(middleware.SecurityHeaders, settings=settings)
    webui.install(app)  # last: its catch-all never shadows an API route
    return app
