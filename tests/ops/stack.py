"""The production stack as real processes: API replicas and a worker on one PostgreSQL and Redis.

Everything a run touches is its own: a fresh PostgreSQL database, a Redis queue
name and rate-limit namespace, free ports, a data folder. :class:`Processes`
stops every process it started (SIGTERM, then SIGKILL) even when the test fails,
and keeps each one's output in a file that failures print.
"""

from __future__ import annotations

import email
import email.policy
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from pathlib import Path
from typing import IO

from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET, redis_test_url, scratch_pg_database

ROOT = Path(__file__).resolve().parents[2]
#: Generous: the machine may be busy with other test runs.
DEADLINE = 120.0


def wait_for(condition: Callable[[], object], what: str, *, timeout: float = DEADLINE) -> object:
    """Poll ``condition`` until it returns something truthy; fail naming ``what``."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


@dataclass
class Processes:
    """Child processes of one test; :meth:`stop_all` ends every one of them."""

    folder: Path
    running: list[tuple[str, subprocess.Popen[bytes], Path]] = field(default_factory=list)

    def start(self, name: str, args: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
        log = self.folder / f"{name}.log"
        out: IO[bytes]
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "santa_cli.main", *args],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # a SIGKILL below reaches its children too
            )
        self.running.append((name, proc, log))
        return proc

    def check_alive(self) -> None:
        for name, proc, log in self.running:
            if proc.poll() is not None:
                raise AssertionError(f"{name} exited with {proc.returncode}:\n{log.read_text()}")

    def log(self, name: str) -> str:
        return next(log.read_text() for n, _, log in self.running if n == name)

    def logs(self) -> str:
        return "\n".join(f"--- {name} ---\n{log.read_text()}" for name, _, log in self.running)

    def stop_all(self, timeout: float = 60.0) -> dict[str, int]:
        for _, proc, _ in self.running:
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        codes = {}
        for name, proc, _ in self.running:
            try:
                codes[name] = proc.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                codes[name] = proc.wait(30)
        return codes


@contextmanager
def fresh_postgres_database() -> Iterator[str]:
    """A new, migrated PostgreSQL database (its URL), dropped afterwards."""
    with scratch_pg_database("santa_stack") as url:
        yield url


def forget_redis_keys(namespace: str) -> None:
    import redis

    client = redis.Redis.from_url(redis_test_url())
    try:
        for key in client.scan_iter(match=f"*{namespace}*", count=1000):
            client.delete(key)
    finally:
        client.close()


def stack_env(folder: Path, database_url: str, namespace: str, **extra: str) -> dict[str, str]:
    """A production configuration for every process of the stack."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SANTA_", "PROMETHEUS_"))}
    env.update(
        SANTA_ENVIRONMENT="production",
        SANTA_SECRET_KEY=TEST_SECRET,
        SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
        SANTA_HASH_KEYS="h1:" + "x" * 40,
        SANTA_DATA_DIR=str(folder / "data"),
        SANTA_DATABASE_URL=database_url,
        SANTA_REDIS_URL=redis_test_url(),
        SANTA_QUEUE_NAME=namespace,
        SANTA_RATE_LIMIT_NAMESPACE=f"{namespace}:ratelimit",
        SANTA_EMAIL_BACKEND="file",
        SANTA_OUTBOX_DIR=str(folder / "mail"),
        SANTA_OUTBOX_SWEEP_SECONDS="1",
        SANTA_REQUIRE_EMAIL_VERIFICATION="true",
        SANTA_ARGON2_TIME_COST="1",
        SANTA_ARGON2_MEMORY_COST_KIB="1024",
        SANTA_ARGON2_PARALLELISM="1",
        SANTA_WEB_WORKERS="1",
        SANTA_LOG_FORMAT="json",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


class Mailbox:
    """The ``.eml`` files the worker delivered (the ``file`` email backend)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def messages(self, to: str) -> list[EmailMessage]:
        found = []
        for path in sorted(self.folder.glob("*.eml")) if self.folder.exists() else []:
            msg = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            assert isinstance(msg, EmailMessage)
            if msg["To"] == to:
                found.append(msg)
        return found

    def wait_for(self, to: str, pattern: str, what: str) -> str:
        """The first match of ``pattern`` in an email to ``to`` (waits for delivery)."""

        def find() -> str | None:
            for msg in self.messages(to):
                body = msg.get_body(preferencelist=("plain",))
                content = body.get_content() if body is not None else ""
                match = re.search(pattern, content)
                if match:
                    return match.group(1) if match.groups() else match.group(0)
            return None

        found = wait_for(find, f"{what} emailed to {to}")
        assert isinstance(found, str)
        return found
