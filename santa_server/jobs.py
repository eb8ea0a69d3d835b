"""The job queue seen from the API process.

Embedded mode (``santa serve`` without Redis): registered in ``STARTUP_HOOKS``,
runs when the app was created with ``start_jobs=True``. It starts a Huey
consumer in background threads, rings the queue after every request that
committed outbox rows, and makes the health endpoint report the queue and the
consumer.

API replicas with Redis and ``--no-jobs`` (``SHARED_QUEUE_HOOKS``) consume
nothing but still ring the shared queue after each commit, so ``santa worker``
delivers at once instead of at its next sweep, and health reports the queue.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from fastapi import FastAPI

log = logging.getLogger("santa.server")


def start_embedded_jobs(app: FastAPI) -> Callable[[], None]:
    factory = app.state.sessionmaker
    jobs = app.state.runtime.jobs()
    jobs.install_commit_signal(factory)
    runner = jobs.embedded()
    runner.start()
    app.state.jobs = jobs
    app.state.queue_probe = lambda: jobs.probe(runner)
    log.info("in-process job consumer started (%d worker threads)", runner.workers)
    try:
        jobs.enqueue_sweep()  # deliver what the previous run left pending
    except Exception as exc:  # the consumer's own sweep retries every few seconds
        log.warning("job queue not reachable at startup: %s: %s", type(exc).__name__, exc)

    def stop() -> None:
        app.state.queue_probe = None
        runner.stop()
        jobs.close()

    return stop


def connect_to_shared_queue(app: FastAPI) -> Callable[[], None]:
    jobs = app.state.runtime.jobs()
    jobs.install_commit_signal(app.state.sessionmaker)
    app.state.jobs = jobs
    app.state.queue_probe = jobs.probe

    def stop() -> None:
        app.state.queue_probe = None
        jobs.close()

    return stop
