"""A real ``santa serve`` process on loopback, and what load tests need around it."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET
from tests.peers._net import free_port

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def serve_env(data_dir: Path, port: int, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env.update(
        SANTA_DATA_DIR=str(data_dir),
        SANTA_SECRET_KEY=TEST_SECRET,
        SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
        SANTA_PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
        SANTA_ARGON2_TIME_COST="1",
        SANTA_ARGON2_MEMORY_COST_KIB="1024",
        SANTA_ARGON2_PARALLELISM="1",
        SANTA_RATE_LIMIT_ENABLED="false",
        SANTA_LOG_LEVEL="WARNING",
    )
    env.update(extra)
    return env


@dataclass
class Served:
    base: str
    proc: subprocess.Popen[bytes]
    log_path: Path

    @property
    def api(self) -> str:
        return f"{self.base}/api/v1"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")


@contextmanager
def santa_serve(data_dir: Path, *, workers: int = 1, **env: str) -> Iterator[Served]:
    """``santa serve`` in a child process, up and answering, stopped afterwards."""
    port = free_port()
    log_path = data_dir / f"serve-{port}.log"
    log = log_path.open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "santa_cli.main", "serve", "--port", str(port)]
        + (["--workers", str(workers)] if workers > 1 else []),
        cwd=ROOT,
        env=serve_env(data_dir, port, **env),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    served = Served(base=f"http://127.0.0.1:{port}", proc=proc, log_path=log_path)
    try:
        wait_until_up(served)
        yield served
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)
        log.close()


def wait_until_up(served: Served, *, deadline_seconds: float = 90) -> None:
    deadline = time.monotonic() + deadline_seconds
    with httpx.Client(timeout=5) as http:
        while True:
            try:
                if http.get(f"{served.api}/health").status_code < 600:
                    return
            except httpx.TransportError:
                pass
            assert served.proc.poll() is None, served.log()
            assert time.monotonic() < deadline, f"santa serve did not come up:\n{served.log()}"
            time.sleep(0.2)


def sign_up(http: httpx.Client, email: str, name: str) -> dict[str, str]:
    """Register and sign in; the bearer header of the new account."""
    r = http.post("/auth/register", json={"email": email, "password": PASSWORD, "full_name": name})
    assert r.status_code == 202, r.text
    r = http.post("/auth/login", json={"email": email, "password": PASSWORD, "transport": "body"})
    assert r.status_code == 200, r.text
    return {"Authorization": f"Bearer {r.json()['access_token']}"}


@dataclass
class Outcome:
    statuses: list[int]
    failures: list[str]
    seconds: float


async def _fire(
    requests: list[tuple[str, str, dict[str, str]]], *, timeout: float, base: str
) -> Outcome:
    limits = httpx.Limits(max_connections=len(requests), max_keepalive_connections=0)
    start = asyncio.Event()
    statuses: list[int] = []
    failures: list[str] = []
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as http:

        async def one(method: str, path: str, headers: dict[str, str]) -> None:
            await start.wait()
            try:
                r = await http.request(method, path, headers=headers)
            except httpx.HTTPError as exc:
                failures.append(f"{method} {path}: {type(exc).__name__}")
                return
            statuses.append(r.status_code)
            if r.status_code >= 500:
                failures.append(f"{method} {path}: {r.status_code} {r.text[:200]}")

        tasks = [asyncio.create_task(one(*req)) for req in requests]
        await asyncio.sleep(0)
        began = time.monotonic()
        start.set()
        await asyncio.gather(*tasks)
        return Outcome(statuses, failures, time.monotonic() - began)


def burst(
    base: str, requests: list[tuple[str, str, dict[str, str]]], *, timeout: float = 60
) -> Outcome:
    """Send every request at the same moment, each on its own connection."""
    return asyncio.run(_fire(requests, timeout=timeout, base=base))
