"""Running the API in production: Gunicorn managing Uvicorn workers.

Gunicorn's master forks ``workers`` processes, restarts any that dies or hangs,
replaces each after ``max_requests`` (+ jitter) requests, and on SIGTERM stops
accepting, lets every worker finish its in-flight requests for up to
``graceful_timeout`` seconds (open WebSockets are closed with 1012 "service
restart") and exits 0. Each worker is a Uvicorn event loop running
``santa_server.asgi:app_from_env()``.

Three ways in, one set of options (:func:`gunicorn_options`):

- ``santa serve --workers N`` (N > 1, or ``SANTA_ENVIRONMENT=production``): checks the
  database and Redis first, then :func:`run` here.
- ``gunicorn -c python:santa_server.gunicorn_conf 'santa_server.asgi:app_from_env()'``
  for people who drive Gunicorn themselves (the config module documents each option).
- :func:`spawn` / :func:`serving` start that same command as a child process (tests,
  ``benchmarks/load.py``): any ASGI app, any worker count, on a port, stopped cleanly.

Metrics: every worker writes its counters to ``PROMETHEUS_MULTIPROC_DIR``
(:func:`prepare_metrics_dir` creates one when unset); a dead worker's live gauges
are dropped in ``child_exit``.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from uvicorn_worker import UvicornWorker

if TYPE_CHECKING:
    from santa_core.config import Settings

#: The app every worker loads (a factory call: settings come from the environment).
DEFAULT_APP = "santa_server.asgi:app_from_env()"
#: WebSocket compression: off. Live events are small JSON; permessage-deflate keeps a
#: zlib context per connection and compresses every event once per recipient.
WS_PER_MESSAGE_DEFLATE = False
#: Gunicorn worker class: Uvicorn's, with santa's request handling choices.
WORKER_CLASS = "santa_server.launch.SantaUvicornWorker"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
#: Set by :func:`prepare_metrics_dir` when it made the folder (and so removes it at exit).
_OWNED_ENV = "SANTA__OWNED_METRICS_DIR"


class SantaUvicornWorker(UvicornWorker):  # type: ignore[misc]
    """Uvicorn worker that leaves ``X-Forwarded-For`` to the app (it believes only
    ``SANTA_TRUSTED_PROXIES``; Uvicorn would believe any peer in ``forwarded_allow_ips``)
    and finishes in-flight requests within Gunicorn's graceful timeout."""

    CONFIG_KWARGS: ClassVar[dict[str, Any]] = {
        "loop": "auto",
        "http": "auto",
        "proxy_headers": False,
        "ws_per_message_deflate": WS_PER_MESSAGE_DEFLATE,
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Close what is still open a moment before the master's SIGKILL.
        self.config.timeout_graceful_shutdown = max(self.cfg.graceful_timeout - 1, 1)


def default_workers() -> int:
    """One worker per CPU (each is an event loop with its own thread pool), at least 2."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        cpus = os.cpu_count() or 1
    return max(cpus, 2)


def worker_tmp_dir() -> str | None:
    """Heartbeat files in memory: a worker on a slow disk is not killed as hung."""
    shm = "/dev/shm"  # noqa: S108 - Gunicorn's documented choice for heartbeat files
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def prepare_metrics_dir() -> str:
    """``PROMETHEUS_MULTIPROC_DIR``, created (or emptied of a previous run's files).

    Must run before any process imports ``prometheus_client``: the master sets it,
    the workers it forks inherit it.
    """
    path = os.environ.get(MULTIPROC_ENV)
    if path:
        folder = Path(path)
        folder.mkdir(parents=True, exist_ok=True)
        for stale in folder.glob("*.db"):
            stale.unlink(missing_ok=True)
        return path
    path = tempfile.mkdtemp(prefix="santa-metrics-")
    os.environ[MULTIPROC_ENV] = path
    os.environ[_OWNED_ENV] = path
    return path


def cleanup_metrics_dir() -> None:
    owned = os.environ.pop(_OWNED_ENV, None)
    if owned and os.environ.get(MULTIPROC_ENV) == owned:
        shutil.rmtree(owned, ignore_errors=True)


def _child_exit(server: Any, worker: Any) -> None:
    from santa_server import metrics

    metrics.mark_process_dead(worker.pid)


def _on_exit(server: Any) -> None:
    cleanup_metrics_dir()


def _migrate_embedded(settings: Settings) -> Callable[[Any], None]:
    """Gunicorn's ``on_starting``: SQLite (the embedded default) is created and migrated
    once, in the master, before any worker builds its app (as ``santa serve`` does; the
    app never migrates). Any other database is ``santa db upgrade``'s."""

    def on_starting(server: Any) -> None:
        if settings.database_url_obj.get_backend_name() != "sqlite":
            return
        from santa_core import migrate
        from santa_core.db import engine_from_settings

        engine = engine_from_settings(settings)
        try:
            migrate.ensure_schema(engine)
        finally:
            engine.dispose()

    return on_starting


def log_config(settings: Settings) -> dict[str, Any]:
    """santa's logging (level, format, redaction, request ids) for Gunicorn's loggers too:
    the Uvicorn worker hands ``gunicorn.error``/``gunicorn.access`` handlers to Uvicorn's."""
    from santa_core import logs

    quiet_huey = "DEBUG" if settings.log_level == "DEBUG" else "WARNING"
    extra = {
        "loggers": {
            "gunicorn.error": {
                "level": settings.log_level,
                "handlers": ["santa"],
                "propagate": False,
            },
            "gunicorn.access": {"level": "INFO", "handlers": ["santa"], "propagate": False},
            "huey": {"level": quiet_huey},
        }
    }
    return logs.config(settings.log_level, extra=extra, log_format=settings.log_format)


def gunicorn_options(
    settings: Settings,
    *,
    bind: str | list[str] = "127.0.0.1:8000",
    workers: int | None = None,
) -> dict[str, Any]:
    """Every Gunicorn option santa sets, from settings (documented in ``gunicorn_conf``)."""
    return {
        "bind": [bind] if isinstance(bind, str) else list(bind),
        "workers": workers or settings.web_workers or default_workers(),
        "worker_class": WORKER_CLASS,
        "graceful_timeout": settings.graceful_timeout_seconds,
        # A worker whose event loop stops answering Gunicorn's heartbeat this long is
        # restarted (a blocked loop, not a slow request: requests run in threads).
        "timeout": max(60, settings.graceful_timeout_seconds + 10),
        "keepalive": 5,
        "max_requests": settings.max_requests,
        "max_requests_jitter": settings.max_requests_jitter if settings.max_requests else 0,
        "worker_tmp_dir": worker_tmp_dir(),
        "preload_app": False,  # each worker builds its app (engine, pool) after the fork
        "logconfig_dict": log_config(settings),
        "loglevel": settings.log_level.lower(),
        "accesslog": None,
        "child_exit": _child_exit,
        "on_exit": _on_exit,
        "on_starting": _migrate_embedded(settings),
        "proc_name": "santa",
        # Gunicorn 24+ opens a control socket in $HOME by default: several servers on one
        # machine (replicas, test runs) would fight over it, and nothing of ours uses it.
        "control_socket_disable": True,
    }


def run(
    settings: Settings,
    *,
    bind: str | list[str],
    workers: int | None = None,
    app: str = DEFAULT_APP,
    **overrides: Any,
) -> None:
    """Run Gunicorn in this process until it is stopped (blocks; SIGTERM → graceful exit)."""
    from gunicorn.app.base import BaseApplication

    prepare_metrics_dir()
    options = {**gunicorn_options(settings, bind=bind, workers=workers), **overrides}

    class _Application(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in options.items():
                if value is not None and key in self.cfg.settings:
                    self.cfg.set(key, value)

        def load(self) -> Any:
            from gunicorn.util import import_app

            return import_app(app)

    try:
        _Application().run()
    finally:
        cleanup_metrics_dir()


def command(
    *,
    port: int,
    workers: int,
    app: str = DEFAULT_APP,
    host: str = "127.0.0.1",
    extra_args: list[str] | None = None,
) -> list[str]:
    """The command line that starts Gunicorn with santa's config on ``host:port``."""
    return [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        "python:santa_server.gunicorn_conf",
        "--bind",
        f"{host}:{port}",
        "--workers",
        str(workers),
        *(extra_args or []),
        app,
    ]


def spawn(
    *,
    port: int,
    workers: int,
    app: str = DEFAULT_APP,
    env: Mapping[str, str] | None = None,
    host: str = "127.0.0.1",
    extra_args: list[str] | None = None,
    **popen: Any,
) -> subprocess.Popen[bytes]:
    """Start Gunicorn with ``workers`` Uvicorn workers serving ``app`` (a child process).

    ``env`` replaces the environment (``SANTA_*`` settings of the app); by default the
    current one. Stop it with :func:`stop` (graceful) or use :func:`serving`.
    """
    return subprocess.Popen(  # noqa: S603 - our own interpreter and arguments
        command(port=port, workers=workers, app=app, host=host, extra_args=extra_args),
        env=dict(env) if env is not None else None,
        **popen,
    )


def stop(proc: subprocess.Popen[Any], *, timeout: float = 60.0) -> int:
    """SIGTERM (graceful: in-flight requests finish), then SIGKILL after ``timeout``."""
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=30)
    return int(proc.returncode)


def wait_until(
    ready: Callable[[], bool],
    *,
    proc: subprocess.Popen[Any] | None = None,
    timeout: float = 120.0,
    what: str = "the server",
) -> None:
    """Poll ``ready`` until it is true; fail early if ``proc`` exits, or at ``timeout``."""
    deadline = time.monotonic() + timeout
    while not ready():
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"{what} exited with {proc.returncode} before it was ready")
        if time.monotonic() > deadline:
            raise TimeoutError(f"{what} was not ready within {timeout:.0f} s")
        time.sleep(0.1)


def answers(url: str) -> Callable[[], bool]:
    """A readiness check: ``url`` answers 200."""
    import httpx

    def check() -> bool:
        try:
            return httpx.get(url, timeout=5).status_code == 200
        except httpx.HTTPError:
            return False

    return check


@contextmanager
def serving(
    *,
    port: int,
    workers: int,
    app: str = DEFAULT_APP,
    env: Mapping[str, str] | None = None,
    host: str = "127.0.0.1",
    ready_path: str = "/api/v1/health/live",
    timeout: float = 120.0,
    **popen: Any,
) -> Iterator[subprocess.Popen[bytes]]:
    """Gunicorn serving ``app`` until the block ends (ready when ``ready_path`` answers 200);
    stopped gracefully even when the block raises."""
    proc = spawn(port=port, workers=workers, app=app, env=env, host=host, **popen)
    try:
        wait_until(
            answers(f"http://{host}:{port}{ready_path}"),
            proc=proc,
            timeout=timeout,
            what=f"gunicorn on port {port}",
        )
        yield proc
    finally:
        stop(proc)
