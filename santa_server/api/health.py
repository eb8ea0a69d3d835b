"""Health: liveness (the process answers), readiness (it can serve), and a full report.

- ``GET /api/v1/health/live``: 200 while the process runs its event loop; no I/O,
  so a slow database never gets a healthy replica restarted.
- ``GET /api/v1/health/ready``: 200 when the database answers and is at the
  latest migration and Redis (when configured) answers; else 503 problem+json
  ``not_ready`` naming what is missing, with ``Retry-After``. Load balancers send
  traffic only to ready replicas.
- ``GET /api/v1/health``: the report for people (database, queue, outbox).
"""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import text

from santa_core import migrate
from santa_server.deps import SettingsDep
from santa_server.errors import problem_response, problems

router = APIRouter(tags=["health"])


class ComponentStatus(BaseModel):
    ok: bool
    detail: str


class Health(BaseModel):
    status: Literal["ok", "degraded"]
    version: str
    environment: str
    database: ComponentStatus
    queue: ComponentStatus
    #: Rate limits: shared in Redis, in this process (embedded), or on the
    #: in-process fallback while Redis is unreachable (then ``ok`` is false).
    rate_limits: ComponentStatus | None = None


def _database_status(request: Request) -> ComponentStatus:
    engine = request.app.state.engine
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        current = migrate.current_revision(engine)
    except Exception as exc:
        return ComponentStatus(ok=False, detail=f"unreachable: {type(exc).__name__}")
    head = migrate.head_revision()
    backend = engine.url.get_backend_name()
    if current != head:
        return ComponentStatus(ok=False, detail=f"{backend}: schema at {current}, head is {head}")
    return ComponentStatus(ok=True, detail=f"{backend}: schema at {current}")


class Liveness(BaseModel):
    status: Literal["alive"]


class Readiness(BaseModel):
    status: Literal["ready"]
    database: str
    redis: str


def _redis_status(redis_url: str | None) -> ComponentStatus:
    if not redis_url:
        return ComponentStatus(ok=True, detail="not configured")
    import redis

    client = redis.Redis.from_url(redis_url, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except Exception as exc:
        return ComponentStatus(ok=False, detail=f"redis unreachable: {type(exc).__name__}")
    finally:
        client.close()
    return ComponentStatus(ok=True, detail="redis")


def _queue_status(request: Request, settings: SettingsDep) -> ComponentStatus:
    probe = getattr(request.app.state, "queue_probe", None)
    if probe is not None:
        ok, detail = probe()
        return ComponentStatus(ok=ok, detail=detail)
    if settings.redis_url:
        import redis

        try:
            redis.Redis.from_url(settings.redis_url, socket_timeout=1).ping()
        except Exception as exc:
            return ComponentStatus(ok=False, detail=f"redis unreachable: {type(exc).__name__}")
        return ComponentStatus(ok=True, detail="redis")
    return ComponentStatus(ok=True, detail="embedded")


def _rate_limit_status(request: Request) -> ComponentStatus | None:
    limiter = getattr(request.app.state, "rate_limiter", None)
    if limiter is None:
        return None
    if limiter.degraded:
        return ComponentStatus(ok=False, detail="redis unreachable: in-process fallback")
    return ComponentStatus(ok=True, detail=str(getattr(limiter, "kind", "memory")))


@router.get("/health", operation_id="get_health", response_model=Health)
def get_health(request: Request, response: Response, settings: SettingsDep) -> Health:
    """Report whether the API, its database and its job queue are usable."""
    from santa_server import __version__

    database = _database_status(request)
    queue = _queue_status(request, settings)
    limits = _rate_limit_status(request)
    ok = database.ok and queue.ok
    if not ok:
        response.status_code = 503
    degraded = not ok or (limits is not None and not limits.ok)
    return Health(
        status="degraded" if degraded else "ok",
        rate_limits=limits,
        version=__version__,
        environment=settings.environment.value,
        database=database,
        queue=queue,
    )


@router.get("/health/live", operation_id="get_liveness", response_model=Liveness)
async def get_liveness() -> Liveness:
    """The process is up and its event loop answers (no database or Redis call)."""
    return Liveness(status="alive")


@router.get(
    "/health/ready",
    operation_id="get_readiness",
    response_model=Readiness,
    responses=problems("not_ready"),
)
def get_readiness(request: Request, settings: SettingsDep) -> Readiness | JSONResponse:
    """Ready for traffic: database reachable and migrated, Redis reachable when configured."""
    database = _database_status(request)
    cache = _redis_status(settings.redis_url)
    missing = [c.detail for c in (database, cache) if not c.ok]
    if missing:
        return problem_response(
            request,
            status=503,
            code="not_ready",
            message="Not ready: " + "; ".join(missing) + ".",
            headers={"Retry-After": "5", "Cache-Control": "no-store"},
        )
    return Readiness(status="ready", database=database.detail, redis=cache.detail)
