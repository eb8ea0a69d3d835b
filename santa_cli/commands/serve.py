"""``santa serve``: API + web UI (+ jobs in embedded mode) in one process."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from santa_cli import context

if TYPE_CHECKING:
    from santa_core.config import Settings


def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = 8000,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes. More than 1, or SANTA_ENVIRONMENT=production, runs "
            "Gunicorn with Uvicorn workers (default: 1; production: SANTA_WEB_WORKERS "
            "or one per CPU).",
            min=1,
        ),
    ] = None,
    jobs: Annotated[
        bool | None,
        typer.Option(
            "--jobs/--no-jobs",
            help="Run the background job consumer in this process "
            "(default: on without Redis, off with Redis where `santa worker` runs).",
        ),
    ] = None,
    reload: Annotated[bool, typer.Option(help="Reload on code changes (development).")] = False,
) -> None:
    """Run the app. With no configuration: SQLite in the data dir, jobs in-process.

    \b
    Example:
      santa serve --host 0.0.0.0 --port 8000
    """
    import os
    import signal

    import uvicorn

    from santa_core.config import for_listener

    settings = context.settings()
    if port != 0:
        # Email links must reach this server: without SANTA_PUBLIC_BASE_URL they point at
        # --host/--port. The server processes uvicorn starts read the same variable.
        settings = for_listener(settings, host, port)
        os.environ["SANTA_PUBLIC_BASE_URL"] = settings.public_base_url
    gunicorn = not reload and ((workers or 1) > 1 or settings.is_production)
    if gunicorn:
        # Before anything imports prometheus_client: the workers Gunicorn forks count
        # into files there, so /metrics on any of them reports all of them.
        from santa_server import launch

        launch.prepare_metrics_dir()
    run_jobs = jobs if jobs is not None else settings.embedded and settings.run_jobs_in_process
    os.environ["SANTA__SERVE_JOBS"] = "1" if run_jobs else "0"
    # Check everything once here so that problems surface as one line, not a traceback
    # in the log of every worker process (or a server that starts and answers 500).
    _require_free_port(host, port)
    context.prepare_dirs(settings)
    # SQLite (the embedded default) is created and migrated here, once, before the app's
    # processes start; any other database must already be at the latest revision.
    context.app_engine().dispose()
    if settings.redis_url:
        context.require_redis(settings)
    _warn_about_web_ui()
    backend = settings.database_url_obj.get_backend_name()
    mode = "in-process" if run_jobs else "external worker"
    typer.echo(
        f"santa on http://{host}:{port}  (database: {backend}, jobs: {mode}, "
        f"data: {settings.data_dir}; email links: {settings.public_base_url})"
    )
    if gunicorn:
        _run_gunicorn(settings, host, port, workers)
        return
    # uvicorn stops gracefully on SIGTERM, then raises it again: exit 0 like after Ctrl-C.
    signal.signal(signal.SIGTERM, _exit_after_sigterm)
    uvicorn.run(
        "santa_server.asgi:app_from_env",
        factory=True,
        host=host,
        port=port,
        workers=1,
        reload=reload,
        log_level=settings.log_level.lower(),
        log_config=_log_config(settings.log_level, settings.log_format),
        # The app reads X-Forwarded-For itself, from SANTA_TRUSTED_PROXIES only; uvicorn's
        # default would believe any loopback peer's header (rate limits key on the client IP).
        proxy_headers=False,
        # Live events are small: no zlib context per WebSocket (santa_server.launch).
        ws_per_message_deflate=False,
    )


def _run_gunicorn(settings: Settings, host: str, port: int, workers: int | None) -> None:
    """Gunicorn + Uvicorn workers (``santa_server.launch``); SIGTERM finishes in-flight
    requests, then exits 0."""
    from santa_server import launch

    bind = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    launch.run(settings, bind=bind, workers=workers)


def _warn_about_web_ui() -> None:
    """A missing or stale web UI bundle is said loudly, never served silently."""
    from santa_server import webui

    reason = webui.missing_reason() or webui.stale_reason()
    if reason:
        typer.secho(f"warning[web_ui]: {reason}", fg="yellow", err=True)


def _log_config(level: str, log_format: str = "text") -> dict[str, Any]:
    """uvicorn's own logging config plus santa's loggers at ``level``; request lines
    never show secrets (invitation codes, calendar and reset tokens travel in URLs)."""
    import copy

    from uvicorn.config import LOGGING_CONFIG

    from santa_core import logs

    uvicorn_config = copy.deepcopy(LOGGING_CONFIG)
    # The embedded consumer's per-task lines (a sweep every few seconds) are noise
    # next to the API's log, unless debugging.
    uvicorn_config["loggers"]["huey"] = {
        "level": "DEBUG" if level.upper() == "DEBUG" else "WARNING"
    }
    return logs.config(level, extra=uvicorn_config, log_format=log_format)


def _exit_after_sigterm(signum: int, frame: object) -> None:
    raise SystemExit(0)


def _require_free_port(host: str, port: int) -> None:
    """One line instead of uvicorn's startup-and-shutdown when the port is taken."""
    import socket

    from santa_cli.output import fail

    if port == 0:
        return
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
        family, _, _, _, address = infos[0]
        with socket.socket(family, socket.SOCK_STREAM) as sock:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
            sock.bind(address)
    except OSError as exc:
        fail(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (use --host/--port)",
            code="address_unavailable",
        )
