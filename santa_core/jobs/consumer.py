"""The Huey consumer, plus a sweep of the outbox every few seconds.

Huey's own periodic tasks run at most once a minute; the outbox needs a
tighter look-out because signals are lost whenever Redis is. The scheduler
thread of :class:`SantaConsumer` therefore also enqueues the sweep task every
``sweep_every`` seconds. :class:`EmbeddedConsumer` runs the whole consumer in
threads of another program (``santa serve``), without touching its signal
handlers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from huey import Huey
from huey.consumer import Consumer, Scheduler

log = logging.getLogger("santa.jobs")


class _SweepingScheduler(Scheduler):  # type: ignore[misc]
    def __init__(
        self,
        *args: Any,
        sweep: Callable[[], None] | None,
        sweep_every: float,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self._sweep = sweep
        self._sweep_every = sweep_every
        self._next_sweep = time.monotonic()

    def loop(self, now: Any = None) -> None:
        if self._sweep is not None and time.monotonic() >= self._next_sweep:
            self._next_sweep = time.monotonic() + self._sweep_every
            try:
                self._sweep()
            except Exception as exc:
                log.warning("outbox sweep not enqueued: %s: %s", type(exc).__name__, exc)
        super().loop(now)


class SantaConsumer(Consumer):  # type: ignore[misc]
    def __init__(
        self,
        huey: Huey,
        *,
        sweep: Callable[[], None] | None = None,
        sweep_every: float = 5.0,
        signal_handlers: bool = True,
        **options: Any,
    ) -> None:
        self._sweep = sweep
        self._sweep_every = sweep_every
        self._signal_handlers = signal_handlers
        super().__init__(huey, **options)

    def _create_scheduler(self) -> Scheduler:
        return _SweepingScheduler(
            huey=self.huey,
            stop_flag=self.stop_flag,
            interval=self.scheduler_interval,
            periodic=self.periodic,
            sweep=self._sweep,
            sweep_every=self._sweep_every,
        )

    def _set_signal_handlers(self) -> None:
        if self._signal_handlers:
            super()._set_signal_handlers()


class EmbeddedConsumer:
    """A consumer running in background threads of the current process."""

    def __init__(self, consumer: SantaConsumer) -> None:
        self.consumer = consumer
        self._thread = threading.Thread(target=self._run, name="santa-jobs", daemon=True)
        self._error: BaseException | None = None

    def _run(self) -> None:
        try:
            self.consumer.run()
        except BaseException as exc:  # surfaced by alive()/the health probe
            self._error = exc
            log.exception("the in-process job consumer stopped")

    def start(self) -> None:
        self._thread.start()

    def alive(self) -> bool:
        if not self._thread.is_alive():
            return False
        return all(t.is_alive() for _, t in self.consumer.worker_threads)

    @property
    def workers(self) -> int:
        return len(self.consumer.worker_threads)

    def stop(self, timeout: float = 10.0) -> None:
        self.consumer.stop(graceful=True)
        self._thread.join(timeout)
