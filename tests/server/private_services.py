"""A private PostgreSQL cluster and a private redis-server that a test may stop and start.

Never the shared services: outage tests kill what they start, nothing else.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.peers._net import free_port


def _pg_bin(name: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"))
    if found:
        return found[-1]
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"PostgreSQL server binaries ({name}) are not installed")
    return path


def _as_postgres(*args: str) -> list[str]:
    if os.geteuid() == 0:  # initdb refuses to run as root
        return ["runuser", "-u", "postgres", "--", *args]
    return list(args)


@dataclass
class PrivatePostgres:
    data_dir: Path
    port: int

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/santa"

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.data_dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        subprocess.run(
            _as_postgres(
                _pg_bin("pg_ctl"), "-D", str(self.data_dir / "db"), "-o", options,
                "-l", str(self.data_dir / "server.log"), "-w", "-t", "60", "start",
            ),
            check=True,
            capture_output=True,
        )  # fmt: skip

    def stop(self, mode: str = "immediate") -> None:
        subprocess.run(
            _as_postgres(
                _pg_bin("pg_ctl"), "-D", str(self.data_dir / "db"), "-m", mode, "-w", "stop"
            ),
            check=False,
            capture_output=True,
        )  # fmt: skip


@contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A throwaway cluster (trust auth, no fsync) with an empty database ``santa``."""
    base = Path(tempfile.mkdtemp(prefix="santa-pg-"))
    shutil.chown(base, "postgres", "postgres") if os.geteuid() == 0 else None
    pg = PrivatePostgres(data_dir=base, port=free_port())
    subprocess.run(
        _as_postgres(
            _pg_bin("initdb"), "-D", str(base / "db"), "-A", "trust", "-U", "postgres",
            "--no-sync", "-E", "UTF8",
        ),
        check=True,
        capture_output=True,
    )  # fmt: skip
    pg.start()
    try:
        import psycopg

        with psycopg.connect(
            f"postgresql://postgres@127.0.0.1:{pg.port}/postgres", autocommit=True
        ) as conn:
            conn.execute("CREATE DATABASE santa")
        yield pg
    finally:
        pg.stop()
        shutil.rmtree(base, ignore_errors=True)


@dataclass
class PrivateRedis:
    port: int
    data_dir: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            pytest.skip("redis-server is not installed")
        self.proc = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.data_dir)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        import redis

        client = redis.Redis(port=self.port, socket_timeout=1, socket_connect_timeout=1)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.RedisError:
                assert self.proc.poll() is None, "redis-server exited"
                assert time.monotonic() < deadline, "redis-server did not come up"
                time.sleep(0.05)
        client.close()

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self.proc = None


@contextmanager
def private_redis() -> Iterator[PrivateRedis]:
    base = Path(tempfile.mkdtemp(prefix="santa-redis-"))
    server = PrivateRedis(port=free_port(), data_dir=base)
    server.start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)
