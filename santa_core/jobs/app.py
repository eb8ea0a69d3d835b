"""The job queue: a Huey instance built from settings, and santa's tasks on it.

Nothing exists at import time. An entry point (``santa worker``, ``santa
serve``, a test) calls :func:`build_jobs` with its settings and gets a
:class:`Jobs`: the Huey instance (``RedisHuey`` with ``SANTA_REDIS_URL``,
``SqliteHuey`` in ``<data dir>/jobs.db`` otherwise, ``MemoryHuey`` for tests),
the outbox relay, and the tasks registered on that instance. Producers and
consumers build the same tasks, so their names match.

The queue carries signals, never notifications: ``relay_outbox`` drains due
outbox rows from the database. Losing a queued task (Redis restarted, a
worker killed) loses nothing: the sweep finds the rows again.

Periodic tasks (Huey's scheduler, minute resolution):

=====================  ==============  ============================================
task                   when            what
=====================  ==============  ============================================
send_reminders         every 5 min     deadline/event reminders, nudges, invite reminders
run_auto_draws         every minute    draws boxes whose signup deadline passed (auto_draw)
expire_invites         hourly          pending invitations past their expiry → expired
scrub_accounts         daily 03:17     GDPR: scrub accounts deleted > grace period ago
purge_outbox           daily 04:27     delete delivered notifications past retention
=====================  ==============  ============================================
"""

from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from huey import Huey, MemoryHuey, RedisHuey, SqliteHuey, crontab
from sqlalchemy.orm import Session, sessionmaker

from santa_core import logs
from santa_core.config import Settings
from santa_core.db import session_scope, utcnow
from santa_core.draw import fanout
from santa_core.draw import service as draw_service
from santa_core.gift import service as gift_service
from santa_core.jobs import maintenance, reminders
from santa_core.jobs.autodraw import run_auto_draws
from santa_core.jobs.consumer import EmbeddedConsumer, SantaConsumer
from santa_core.jobs.relay import Relay, count_due
from santa_core.jobs.signal import install_commit_signal
from santa_core.mail import EmailBackend, make_backend
from santa_core.models import Channel, OutboxStatus
from santa_core.notify.channels import ChatChannel, make_channels

log = logging.getLogger("santa.jobs")

#: How long one relay task drains before it yields the worker (and re-enqueues itself).
RELAY_BUDGET_SECONDS = 20.0


def make_huey(settings: Settings, *, memory: bool = False, immediate: bool = False) -> Huey:
    """The queue: in memory (tests), Redis when configured, else a SQLite file."""
    name = settings.queue_name
    if memory or immediate:
        return MemoryHuey(name, results=False, immediate=immediate)
    if settings.redis_url:
        return RedisHuey(
            name,
            results=False,
            url=settings.redis_url,
        )
    path = settings.data_dir / "jobs.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    return SqliteHuey(name, results=False, filename=str(path))


@dataclass
class Jobs:
    settings: Settings
    huey: Huey
    factory: sessionmaker[Session]
    relay: Relay
    clock: Callable[[], dt.datetime]
    relay_budget: float = RELAY_BUDGET_SECONDS
    tasks: dict[str, Any] = field(default_factory=dict)
    _closers: list[Callable[[], None]] = field(default_factory=list)

    # --- producing ----------------------------------------------------------------

    def signal_outbox(self, count: int = 1) -> None:
        """Ask workers to relay: one drain task per batch, up to the worker count."""
        batches = math.ceil(max(count, 1) / self.relay.policy.batch_size)
        # The request that wrote the rows travels with the task: the worker's lines
        # about this drain carry it (each row also remembers its own).
        request_id = logs.current_request_id()
        for _ in range(max(1, min(batches, self.settings.worker_count))):
            self.tasks["relay_outbox"](request_id=request_id)

    def install_commit_signal(self, factory: sessionmaker[Session] | None = None) -> None:
        """Signal the queue after every commit through ``factory`` that wrote outbox rows."""
        self._closers.append(install_commit_signal(factory or self.factory, self.signal_outbox))

    def enqueue_sweep(self) -> None:
        self.tasks["sweep_outbox"]()

    # --- consuming ----------------------------------------------------------------

    def consumer(
        self,
        *,
        workers: int | None = None,
        worker_type: str = "thread",
        periodic: bool = True,
        signal_handlers: bool = True,
        **options: Any,
    ) -> SantaConsumer:
        options.setdefault("max_delay", 1.0)
        options.setdefault("shutdown_timeout", 15.0)
        return SantaConsumer(
            self.huey,
            sweep=self.enqueue_sweep,
            sweep_every=float(self.settings.outbox_sweep_seconds),
            signal_handlers=signal_handlers,
            workers=workers or self.settings.worker_count,
            worker_type=worker_type,
            periodic=periodic,
            **options,
        )

    def embedded(self, *, workers: int | None = None) -> EmbeddedConsumer:
        return EmbeddedConsumer(self.consumer(workers=workers, signal_handlers=False))

    def probe(self, embedded: EmbeddedConsumer | None = None) -> tuple[bool, str]:
        """Health: can we reach the queue, does the consumer run, how is the outbox."""
        kind = "redis" if self.settings.redis_url else "embedded"
        try:
            queued = self.huey.pending_count()
        except Exception as exc:
            return False, f"{kind} queue unreachable: {type(exc).__name__}"
        parts = [f"{kind} queue: {queued} queued"]
        if embedded is not None:
            if not embedded.alive():
                return False, f"{kind} queue: the in-process consumer is not running"
            parts.append(f"{embedded.workers} in-process worker(s)")
        try:
            with session_scope(self.factory) as session:
                counts = maintenance.outbox_counts(session)
        except Exception as exc:
            return False, f"{kind} queue: outbox unreadable: {type(exc).__name__}"
        parts.append(
            f"outbox: {counts.get(OutboxStatus.PENDING, 0)} pending, "
            f"{counts.get(OutboxStatus.FAILED, 0)} failed"
        )
        return True, "; ".join(parts)

    def close(self) -> None:
        for closer in reversed(self._closers):
            closer()
        self._closers.clear()
        self.relay.close()


def build_jobs(
    settings: Settings,
    *,
    factory: sessionmaker[Session],
    huey: Huey | None = None,
    email: EmailBackend | None = None,
    chat: dict[Channel, ChatChannel] | None = None,
    clock: Callable[[], dt.datetime] = utcnow,
) -> Jobs:
    """Everything a producer or a consumer needs, from the settings, on ``factory``'s
    database (entry points get both from :func:`santa_core.runtime.build_runtime`)."""
    relay = Relay(
        settings,
        factory,
        email=email or make_backend(settings),
        chat=chat if chat is not None else make_channels(settings),
        clock=clock,
    )
    jobs = Jobs(
        settings=settings,
        huey=huey or make_huey(settings),
        factory=factory,
        relay=relay,
        clock=clock,
    )
    _register_tasks(jobs)
    return jobs


def _register_tasks(jobs: Jobs) -> None:
    huey, settings = jobs.huey, jobs.settings

    def relay_outbox(request_id: str | None = None) -> None:
        with logs.request_id_bound(request_id or _job_id("relay_outbox")):
            _relay_outbox()

    def _relay_outbox() -> None:
        fan_out_draws()
        stats = jobs.relay.drain(max_seconds=jobs.relay_budget)
        if stats.claimed:
            log.info(
                "outbox: %d sent, %d retry later, %d failed, %d suppressed",
                stats.sent,
                stats.retried,
                stats.failed,
                stats.suppressed,
            )
        if stats.more:
            jobs.tasks["relay_outbox"](request_id=logs.current_request_id())

    def fan_out_draws() -> None:
        """Big draws' emails first (santa_core.draw.fanout): the relay then sends them."""
        with session_scope(jobs.factory) as session:
            if not fanout.any_pending(session):
                return
            added = draw_service.fan_out_pending(session, settings)
        if added:
            log.info("draws: %d santa email(s) queued", added)

    def sweep_outbox() -> None:
        fan_out_draws()
        cap = jobs.relay.policy.batch_size * max(settings.worker_count, 1)
        with session_scope(jobs.factory) as session:
            due = count_due(session, now=jobs.clock(), cap=cap)
        if due:
            jobs.signal_outbox(due)

    def send_reminders() -> None:
        with session_scope(jobs.factory) as session:
            created = reminders.send_reminders(session, settings, now=jobs.clock())
        if created:
            log.info("reminders: %d notification(s) queued", created)

    def auto_draws() -> None:
        run_auto_draws(jobs.factory, settings, now=jobs.clock())

    def expire_invites() -> None:
        with session_scope(jobs.factory) as session:
            maintenance.expire_invites(session, now=jobs.clock())

    def scrub_accounts() -> None:
        maintenance.scrub_accounts(jobs.factory, settings, now=jobs.clock())

    def purge_outbox() -> None:
        with session_scope(jobs.factory) as session:
            maintenance.purge_outbox(
                session, now=jobs.clock(), retention_days=settings.outbox_retention_days
            )

    def flag_unsent_gifts() -> None:
        with session_scope(jobs.factory) as session:
            flagged = gift_service.flag_unsent(session, settings, now=jobs.clock())
        if flagged:
            log.info("gifts: %d unsent gift(s) flagged to the organizers", flagged)

    periodic = {
        "send_reminders": (send_reminders, crontab(minute="*/5")),
        "run_auto_draws": (auto_draws, crontab(minute="*")),
        "expire_invites": (expire_invites, crontab(minute="7")),
        "scrub_accounts": (scrub_accounts, crontab(minute="17", hour="3")),
        "purge_outbox": (purge_outbox, crontab(minute="27", hour="4")),
        "flag_unsent_gifts": (flag_unsent_gifts, crontab(minute="*/15")),
    }
    jobs.tasks["relay_outbox"] = huey.task(name="santa.relay_outbox")(relay_outbox)
    jobs.tasks["sweep_outbox"] = huey.task(name="santa.sweep_outbox")(_bound(sweep_outbox))
    for name, (fn, schedule) in periodic.items():
        jobs.tasks[name] = huey.periodic_task(schedule, name=f"santa.{name}")(_bound(fn))


def _job_id(name: str) -> str:
    return f"job-{name}-{logs.new_request_id()[:12]}"


def _bound(fn: Callable[[], None]) -> Callable[[], None]:
    """``fn`` running under a fresh id (``job-<name>-…``): its log lines and the outbox
    rows it writes carry it."""
    import functools

    @functools.wraps(fn)
    def run() -> None:
        with logs.request_id_bound(_job_id(fn.__name__)):
            fn()

    return run
