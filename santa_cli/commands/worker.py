"""``santa worker``: the background job consumer (Huey), outbox relay and periodic jobs."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from santa_cli import context
from santa_core import logs


class WorkerType(enum.StrEnum):
    THREAD = "thread"
    PROCESS = "process"


def worker(
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            "-w",
            min=1,
            help="Worker threads or processes (default: SANTA_WORKER_COUNT).",
        ),
    ] = None,
    worker_type: Annotated[
        WorkerType, typer.Option("--worker-type", "-k", help="Run workers as threads or processes.")
    ] = WorkerType.THREAD,
    periodic: Annotated[
        bool,
        typer.Option("--periodic/--no-periodic", help="Also run periodic jobs (reminders, ...)."),
    ] = True,
) -> None:
    """Run background jobs: deliver notifications, reminders, auto-draws, clean-ups.

    Uses Redis when SANTA_REDIS_URL is set, else the SQLite queue in the data dir.

    \b
    Example:
      santa worker --workers 4
    """
    settings = context.settings()
    logs.configure(settings.log_level, settings.log_format)
    # Everything the consumer needs, checked before it starts (one line each, no traceback).
    context.prepare_dirs(settings)
    engine = context.app_engine()
    if settings.redis_url:
        context.require_redis(settings)
    jobs = context.runtime().jobs()
    jobs.install_commit_signal()
    if settings.redis_url:
        # Live events written by jobs (flagged gifts, auto-draws) reach the API processes.
        from santa_core import events

        events.install_publisher(jobs.factory, events.redis_sink(settings.redis_url))
    if worker_type is WorkerType.PROCESS:
        # Forked workers must not share the parent's database connections.
        jobs.huey.on_startup("santa.dispose_engine")(lambda: engine.dispose(close=False))
    consumer = jobs.consumer(workers=workers, worker_type=worker_type.value, periodic=periodic)
    queue = "redis" if settings.redis_url else f"sqlite ({settings.data_dir / 'jobs.db'})"
    typer.echo(
        f"santa worker: {consumer.workers} {worker_type.value}(s), queue: {queue}, "
        f"database: {engine.url.get_backend_name()}, email: {settings.email_backend.value}"
    )
    try:
        consumer.run()
    finally:
        jobs.close()


def register(app: typer.Typer) -> None:
    app.command("worker")(worker)
