"""End-to-end harness: the real ``santa serve`` on a loopback port, Debian's Chromium.

``server`` (module scope, once per backend) starts ``santa serve`` as a child process
on a fresh SQLite file or a fresh PostgreSQL database, with no ``SANTA_PUBLIC_BASE_URL``
(email links must follow ``--host/--port``), and stops it even when a test fails.
``browser`` is headless Chromium from ``/usr/bin/chromium`` driven by Playwright
(never ``playwright install``). Without Chromium the tests skip with a loud line;
with ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest

from tests.conftest import IN_CI, TEST_ENCRYPTION_KEY, TEST_SECRET, scratch_pg_database
from tests.e2e.harness import ARTIFACTS, Server
from tests.peers._net import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-quic",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]

pytestmark = pytest.mark.slow


def chromium_path() -> str | None:
    return os.environ.get("SANTA_TEST_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    if path is None:
        message = "Chromium is not installed (apt-get install -y chromium): e2e tests NOT run"
        if IN_CI:
            pytest.fail(message)
        sys.stderr.write(f"\n!!! santa tests: {message} !!!\n")
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=path, args=CHROMIUM_ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


def _wait_until_up(proc: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 180  # the CI machine is shared: generous
    with httpx.Client(timeout=5) as http:
        while True:
            try:
                if http.get(f"{url}/api/v1/health").status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"santa serve did not come up:\n{log.read_text()}")
            time.sleep(0.2)


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(20)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(10)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    backend = str(request.param)
    data_dir = tmp_path_factory.mktemp(f"e2e-{backend}")
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env.update(
        SANTA_DATA_DIR=str(data_dir),
        SANTA_SECRET_KEY=TEST_SECRET,
        SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
        SANTA_ARGON2_TIME_COST="1",
        SANTA_ARGON2_MEMORY_COST_KIB="1024",
        SANTA_ARGON2_PARALLELISM="1",
        SANTA_OUTBOX_SWEEP_SECONDS="1",
        SANTA_LOG_LEVEL="WARNING",
        SANTA_RATE_LIMIT_NAMESPACE=f"santa-e2e:{secrets.token_hex(6)}:ratelimit",
    )
    with ExitStack() as scratch:
        if backend == "postgresql":
            try:
                database_url = scratch.enter_context(scratch_pg_database("santa_e2e"))
            except Exception as exc:  # the service probe in tests/conftest.py names the problem
                if IN_CI:
                    raise
                pytest.skip(f"PostgreSQL is not reachable ({type(exc).__name__})")
            env["SANTA_DATABASE_URL"] = database_url
        else:
            database_url = f"sqlite:///{data_dir / 'santa.db'}"
        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = data_dir / "serve.log"
        command = [sys.executable, "-m", "santa_cli.main", "serve", "--host", "127.0.0.1"]
        with log.open("w") as log_file:
            proc = subprocess.Popen(
                [*command, "--port", str(port)],
                cwd=ROOT,
                env=env,
                stdout=log_file,
                stderr=subprocess.STDOUT,
            )
        try:
            _wait_until_up(proc, url, log)
            yield Server(
                backend=backend,
                url=url,
                data_dir=data_dir,
                database_url=database_url,
                artifacts=ARTIFACTS / backend,
                log=log,
            )
        finally:
            _stop(proc)
    served = log.read_text()
    assert "Traceback" not in served, served
