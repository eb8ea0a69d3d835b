"""An operator's mistakes stop ``santa serve`` / ``santa worker`` with one line, before they run."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from santa_cli import context
from santa_cli.main import main
from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET, scratch_pg_database
from tests.peers._net import free_port

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow

Santa = Callable[..., tuple[int, str]]
COMMANDS = {
    "serve": ("serve", "--port", "0"),
    "worker": ("worker",),
}


def _env(tmp_path: Path, **overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
    env.update(
        SANTA_DATA_DIR=str(tmp_path / "data"),
        SANTA_SECRET_KEY=TEST_SECRET,
        SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
        SANTA_LOG_LEVEL="WARNING",
        **overrides,
    )
    return env


@pytest.fixture
def empty_pg_url(pg_engine: Engine) -> Iterator[str]:
    """A PostgreSQL database nobody migrated (what a new deployment starts with)."""
    with scratch_pg_database("santa_empty", migrated=False) as url:
        yield url


@pytest.fixture
def santa(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> Callable[..., tuple[int, str]]:
    """Run ``santa`` in this process: (exit code, the one line on stderr).

    The checks run before anything long; should one wrongly pass, the server
    or consumer refuses to start here instead of running forever.
    """

    def must_not_start(*args: object, **kwargs: object) -> None:
        raise AssertionError("started although the configuration is broken")

    monkeypatch.setattr("uvicorn.run", must_not_start)
    monkeypatch.setattr("huey.consumer.Consumer.run", must_not_start)

    def run(env: dict[str, str], *args: str) -> tuple[int, str]:
        for key in list(os.environ):
            if key.startswith("SANTA_"):
                monkeypatch.delenv(key)
        for key, value in env.items():
            if key.startswith("SANTA_"):
                monkeypatch.setenv(key, value)
        monkeypatch.setattr(sys, "argv", ["santa", *args])
        context.settings.cache_clear()
        context.runtime.cache_clear()
        capsys.readouterr()
        # `santa serve` exports variables for the processes it starts; they must not
        # outlive this in-process run (monkeypatch only restores what it set itself).
        environment = dict(os.environ)
        try:
            with pytest.raises(SystemExit) as exited:
                main()
        finally:
            os.environ.clear()
            os.environ.update(environment)
            if context.runtime.cache_info().currsize:
                context.engine().dispose()
            context.settings.cache_clear()
            context.runtime.cache_clear()
        err = capsys.readouterr().err
        assert "Traceback" not in err, err
        lines = err.strip().splitlines()
        assert len(lines) == 1, err
        return int(exited.value.code or 0), lines[0]

    return run


@pytest.mark.parametrize("command", sorted(COMMANDS))
class TestRefusals:
    def test_unwritable_data_dir_names_the_variable(
        self, tmp_path: Path, command: str, santa: Santa
    ) -> None:
        blocker = tmp_path / "a-file"
        blocker.write_text("not a folder")
        env = {**_env(tmp_path), "SANTA_DATA_DIR": str(blocker / "santa")}
        code, line = santa(env, *COMMANDS[command])
        assert code == 2
        assert line.startswith("error[configuration_error]: SANTA_DATA_DIR: cannot write to")

    def test_unreachable_postgresql(self, tmp_path: Path, command: str, santa: Santa) -> None:
        url = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/santa"
        code, line = santa(_env(tmp_path, SANTA_DATABASE_URL=url), *COMMANDS[command])
        assert code == 1
        assert line.startswith("error[database_unavailable]: cannot use the database")

    def test_unmigrated_postgresql(
        self, tmp_path: Path, command: str, empty_pg_url: str, santa: Santa
    ) -> None:
        code, line = santa(_env(tmp_path, SANTA_DATABASE_URL=empty_pg_url), *COMMANDS[command])
        assert code == 1
        assert line.startswith("error[migrations_pending]: the database is at revision base")
        assert "santa db upgrade" in line

    def test_unreachable_redis(self, tmp_path: Path, command: str, santa: Santa) -> None:
        env = _env(tmp_path, SANTA_REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
        code, line = santa(env, *COMMANDS[command])
        assert code == 1
        assert line.startswith("error[queue_unavailable]: cannot reach Redis (SANTA_REDIS_URL)")


def test_outbox_list_on_an_unmigrated_database(
    tmp_path: Path, empty_pg_url: str, santa: Santa
) -> None:
    code, line = santa(_env(tmp_path, SANTA_DATABASE_URL=empty_pg_url), "outbox", "list")
    assert code == 1
    assert line.startswith("error[migrations_pending]")


@pytest.mark.parametrize("revision", ["no-such-revision", "0001-typo"])
def test_db_upgrade_to_an_unknown_revision(tmp_path: Path, santa: Santa, revision: str) -> None:
    code, line = santa(_env(tmp_path), "db", "upgrade", revision)
    assert code == 2
    assert line.startswith("error[migration_error]: ")
    assert revision in line


def test_port_in_use_is_one_line(tmp_path: Path, santa: Santa) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, line = santa(_env(tmp_path), "serve", "--port", str(port))
    assert code == 1
    assert line.startswith(f"error[address_unavailable]: cannot listen on 127.0.0.1:{port}")
    assert not (tmp_path / "data").exists()  # refused before touching anything


def test_sigterm_stops_serve_with_exit_code_zero(tmp_path: Path) -> None:
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "santa_cli.main", "serve", "--port", str(port)],
        cwd=ROOT,
        env=_env(tmp_path),
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=5)
                break
            except httpx.TransportError:
                assert proc.poll() is None, (tmp_path / "serve.log").read_text()
                assert time.monotonic() < deadline, "santa serve did not come up"
                time.sleep(0.2)
        assert health.status_code == 200
        proc.send_signal(signal.SIGTERM)  # what docker stop, systemd and Kubernetes send
        returncode = proc.wait(60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert returncode == 0, output
    assert "Traceback" not in output
