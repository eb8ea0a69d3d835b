"""Gunicorn in production: graceful shutdown, multi-process metrics, santa serve --workers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from santa_server import launch
from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET
from tests.peers._net import free_port

ROOT = Path(__file__).resolve().parents[2]
DEADLINE = 120.0
SERVE = [sys.executable, "-m", "santa_cli.main", "serve"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SANTA_", "PROMETHEUS_"))}
    env.update(
        SANTA_DATA_DIR=str(tmp_path / "data"),
        SANTA_SECRET_KEY=TEST_SECRET,
        SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
        SANTA_RUN_JOBS_IN_PROCESS="false",
        PYTHONPATH=str(ROOT),
    )
    env.update(extra)
    return env


def _wait_for(condition: object, what: str, proc: subprocess.Popen[bytes]) -> None:
    assert callable(condition)
    launch.wait_until(condition, proc=proc, timeout=DEADLINE, what=what)


class TestGracefulShutdown:
    def test_sigterm_lets_an_in_flight_request_finish(self, tmp_path: Path) -> None:
        port = free_port()
        env = _env(tmp_path, SLOW_APP_DIR=str(tmp_path))
        proc = launch.spawn(port=port, workers=2, app="tests.ops.slow_app:app", env=env, cwd=ROOT)
        result: dict[str, object] = {}
        try:
            _wait_for(launch.answers(f"http://127.0.0.1:{port}/api/v1/health/live"), "up", proc)

            def slow_request() -> None:
                try:
                    r = httpx.get(f"http://127.0.0.1:{port}/hold", timeout=DEADLINE)
                    result["status"], result["body"] = r.status_code, r.json()
                except httpx.HTTPError as exc:
                    result["error"] = repr(exc)

            client = threading.Thread(target=slow_request)
            client.start()
            _wait_for(lambda: any(tmp_path.glob("held-*")), "the request in flight", proc)
            proc.send_signal(signal.SIGTERM)
            # The master has told the workers to stop; the held request is still open.
            _wait_for(lambda: _refuses(port), "the server to stop accepting new connections", proc)
            assert client.is_alive(), result
            (tmp_path / "release").write_text("go")
            client.join(DEADLINE)
            assert result.get("status") == 200, result
            assert result["body"] == {"released": True, "pid": result["body"]["pid"]}  # type: ignore[index]
            assert proc.wait(DEADLINE) == 0
        finally:
            (tmp_path / "release").write_text("go")
            launch.stop(proc)


def _refuses(port: int) -> bool:
    try:
        httpx.get(f"http://127.0.0.1:{port}/api/v1/health/live", timeout=2)
    except httpx.HTTPError:
        return True
    return False


@pytest.fixture
def santa_gunicorn(tmp_path: Path, pg_engine: object) -> Iterator[tuple[str, Path]]:
    """santa on Gunicorn, 2 workers, PostgreSQL (the session's migrated test database)."""
    from sqlalchemy import Engine

    assert isinstance(pg_engine, Engine)
    port = free_port()
    metrics_dir = tmp_path / "metrics"
    env = _env(
        tmp_path,
        SANTA_DATABASE_URL=pg_engine.url.render_as_string(hide_password=False),
        PROMETHEUS_MULTIPROC_DIR=str(metrics_dir),
        SANTA_LOG_FORMAT="json",
    )
    with launch.serving(port=port, workers=2, env=env, cwd=ROOT, timeout=DEADLINE):
        yield f"http://127.0.0.1:{port}", metrics_dir


class TestMetricsAcrossWorkers:
    def test_a_scrape_adds_up_every_worker(self, santa_gunicorn: tuple[str, Path]) -> None:
        base, metrics_dir = santa_gunicorn
        sent = 40
        for _ in range(sent):  # a new connection each time: both workers get some
            assert httpx.get(f"{base}/api/v1/health/ready", timeout=30).status_code == 200
        writers = {p.stem.rsplit("_", 1)[-1] for p in metrics_dir.glob("counter_*.db")}
        assert len(writers) >= 2, f"one worker answered everything: {writers}"
        text = httpx.get(f"{base}/metrics", timeout=30).text
        line = next(
            ln
            for ln in text.splitlines()
            if ln.startswith("santa_http_requests_total{")
            and 'route="/api/v1/health/ready"' in ln
            and 'status="200"' in ln
        )
        assert float(line.rsplit(" ", 1)[1]) == sent
        assert "santa_outbox_messages{" in text
        assert "santa_db_pool_connections{" in text


class TestSantaServeWorkers:
    def test_two_workers_run_gunicorn_and_stop_with_0(self, tmp_path: Path) -> None:
        port = free_port()
        log = tmp_path / "serve.log"
        with log.open("wb") as out:
            proc = subprocess.Popen(
                [*SERVE, "--workers", "2", "--port", str(port)],
                env=_env(tmp_path),
                cwd=ROOT,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        try:
            base = f"http://127.0.0.1:{port}"
            _wait_for(launch.answers(f"{base}/api/v1/health/ready"), "santa serve", proc)
            r = httpx.get(f"{base}/api/v1/health/live", headers={"X-Request-ID": "lb-42.a"})
            assert r.headers["x-request-id"] == "lb-42.a"
        finally:
            code = launch.stop(proc)
        output = log.read_text()
        assert code == 0, output
        assert "Using worker: santa_server.launch.SantaUvicornWorker" in output
        assert output.count("Booting worker") >= 2
        assert "[lb-42.a]" in output  # the access line carries the request id
