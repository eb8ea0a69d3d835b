"""Fault injection: real worker processes killed with SIGKILL, Redis stopped mid-run.

The test owns its Redis (a private ``redis-server`` on a free port) and its
worker processes (``santa worker``), so it may kill them. Each worker runs one
thread, so a worker killed between a send and its record repeats at most one
message: duplicates ≤ crashes.
"""

from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import redis
from sqlalchemy import Engine

from santa_core.db import make_sessionmaker
from santa_core.jobs import build_jobs
from santa_core.mail.smtp import SmtpBackend, SmtpConfig
from santa_core.models import OutboxStatus
from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET, make_settings
from tests.core.jobs._support import add_rows, count, statuses
from tests.peers._net import free_port
from tests.peers.smtp import SmtpSink

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[3]


class PrivateRedis:
    def __init__(self) -> None:
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=1)
        deadline = time.monotonic() + 60
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                assert time.monotonic() < deadline, "private redis-server did not start"
                time.sleep(0.05)
            finally:
                client.close()

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


@pytest.fixture
def private_redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    server.start()
    try:
        yield server
    finally:
        server.stop()


def wait_for(predicate: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.02)


@pytest.mark.parametrize("backend", ["postgresql", "sqlite"])
def test_killed_workers_and_a_lost_redis_lose_nothing(
    engine: Engine, private_redis: PrivateRedis, tmp_path: Path
) -> None:
    database_url = engine.url.render_as_string(hide_password=False)
    queue = f"fault_{secrets.token_hex(4)}"
    with SmtpSink() as sink:
        env = dict(
            os.environ,
            SANTA_DATABASE_URL=database_url,
            SANTA_REDIS_URL=private_redis.url,
            SANTA_QUEUE_NAME=queue,
            SANTA_DATA_DIR=str(tmp_path),
            SANTA_SECRET_KEY=TEST_SECRET,
            SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
            SANTA_EMAIL_BACKEND="smtp",
            SANTA_SMTP_HOST="127.0.0.1",
            SANTA_SMTP_PORT=str(sink.port),
            # Long enough that a loaded machine never lets a live worker's lease lapse
            # (that would be a duplicate without a crash: 6 s did, with two copies of the
            # suite running), short enough that a killed worker's rows come back soon.
            SANTA_OUTBOX_LEASE_SECONDS="20",
            SANTA_OUTBOX_SWEEP_SECONDS="1",
            SANTA_OUTBOX_BATCH_SIZE="10",
            SANTA_WORKER_COUNT="1",
            SANTA_LOG_LEVEL="ERROR",
        )
        workers: list[subprocess.Popen[bytes]] = []

        def start_worker() -> subprocess.Popen[bytes]:
            proc = subprocess.Popen(
                [sys.executable, "-m", "santa_cli.main", "worker", "--workers", "1"],
                cwd=ROOT,
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            workers.append(proc)
            return proc

        settings = make_settings(
            tmp_path,
            database_url,
            redis_url=private_redis.url,
            queue_name=queue,
            outbox_batch_size=20,
            worker_count=4,
        )
        factory = make_sessionmaker(engine)
        # The "application": writes rows and rings the queue after each commit.
        app_jobs = build_jobs(
            settings,
            factory=factory,
            email=SmtpBackend(SmtpConfig("127.0.0.1", free_port(), "x@y.z")),
        )
        app_jobs.install_commit_signal()
        crashes = 0
        try:
            first = start_worker()
            second = start_worker()
            ids = add_rows(factory, 1000)

            wait_for(lambda: sink.count() >= 250, 180, "250 emails")
            first.send_signal(signal.SIGKILL)
            crashes += 1
            start_worker()
            wait_for(lambda: sink.count() >= 500, 180, "500 emails")
            second.send_signal(signal.SIGKILL)
            crashes += 1
            start_worker()

            wait_for(lambda: sink.count() >= 700, 180, "700 emails")
            private_redis.stop()  # mid-run: workers lose their queue
            ids += add_rows(factory, 100)  # committed while the queue is down
            time.sleep(1.5)
            private_redis.start()  # empty: every queued signal is gone

            wait_for(lambda: count(factory, OutboxStatus.SENT) == 1100, 180, "1100 sent")
            wait_for(lambda: sink.count() >= 1100, 180, "1100 emails")

            # Redis down while idle: new rows wait in the outbox, then go out.
            wait_for(lambda: app_jobs.huey.pending_count() == 0, 180, "an empty queue")
            private_redis.stop()
            late = add_rows(factory, 50)
            time.sleep(2.5)
            # Nothing learned of them; a drain already running when Redis went may have
            # taken a few (on a busy machine), but none is lost or failed.
            now = statuses(factory)
            assert {now[i].status for i in late} <= {
                OutboxStatus.PENDING,
                OutboxStatus.SENDING,
                OutboxStatus.SENT,
            }
            private_redis.start()
            wait_for(lambda: count(factory, OutboxStatus.SENT) == 1150, 180, "1150 sent")
            ids += late
        finally:
            app_jobs.close()
            for proc in workers:
                if proc.poll() is None:
                    proc.terminate()
            for proc in workers:
                try:
                    proc.wait(60)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait(30)
        time.sleep(0.2)
        refs = sink.references()
    missing = [i for i in ids if refs[str(i)] == 0]
    duplicates = sum(n - 1 for n in refs.values() if n > 1)
    print(f"\nfault: {len(ids)} emails, {crashes} crashes, {duplicates} duplicate(s)")
    assert not missing, f"{len(missing)} email(s) never arrived"
    assert set(refs) == {str(i) for i in ids}
    assert duplicates <= crashes, f"{duplicates} duplicate(s) for {crashes} crash(es)"
