"""Load benchmark of the production stack against its own ceiling (issue 13).

    uv run python benchmarks/load.py [--people 1000] [--workers 2] [--connections 64]
        [--duration 20] [--burst 500] [--launcher uvicorn]

One command: it makes a fresh PostgreSQL database on the test server, a
1,000-person drawn box whose people are all signed in (a live session each),
and starts the stack on loopback (Gunicorn with ``--workers`` Uvicorn workers,
``--launcher uvicorn`` for Uvicorn's own process manager; Redis for the queue
and the limits). In the same run, with the same launcher and worker count, it
measures:

(a) the ceiling: a bare FastAPI async route doing one ``SELECT 1`` through a
    psycopg async pool (``benchmarks/_ceiling.py``);
(b) santa's read mix: my boxes, my box, my assignment, a participants page, me;
(c) a write mix: update my card;
(d) a burst of ``--burst`` simultaneous requests, each on its own connection.

It prints req/s, p50/p99, errors, the ratios (b)/(a) and (c)/(a), and the
workers' RSS before and after. Targets: read >= 40% of the ceiling, write >=
25%, p99 <= 100 ms at 64 connections, burst: 0 5xx, all answered within 5 s,
RSS flat (+-10%). The load client (aiohttp) runs on the same machine and
takes CPU from the servers: the ratios compare like with like.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import os
import secrets
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import httpx  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402

from benchmarks._boxes import (  # noqa: E402
    ENCRYPTION_KEY,
    SECRET,
    fresh_database,
    install_keyring,
    make_box,
)
from santa_core import crypto, migrate, models  # noqa: E402
from santa_core.auth.tokens import issue_access_token  # noqa: E402
from santa_core.config import Settings  # noqa: E402
from santa_core.db import make_engine, utcnow  # noqa: E402
from tests.peers._net import free_port  # noqa: E402

REDIS_URL = os.environ.get("SANTA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
TARGETS = {"read": 0.40, "write": 0.25, "p99_ms": 100.0, "burst_s": 5.0}


# --- launching ---------------------------------------------------------------------


def uvicorn_command(app: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "uvicorn", app, "--factory", "--host", "127.0.0.1",
        "--port", str(port), "--workers", str(workers), "--no-access-log",
        "--log-level", "warning", "--backlog", "4096",
    ]  # fmt: skip


def gunicorn_command(app: str, port: int, workers: int) -> list[str]:
    """Production: Gunicorn with santa's config and Uvicorn workers (santa_server.launch)."""
    from santa_server import launch

    return launch.command(port=port, workers=workers, app=f"{app}()")


LAUNCHERS: dict[str, Callable[[str, int, int], list[str]]] = {
    "uvicorn": uvicorn_command,
    "gunicorn": gunicorn_command,
}


@dataclass
class Launched:
    proc: subprocess.Popen[bytes]
    base: str
    log: Path

    def worker_pids(self) -> list[int]:
        children: list[int] = []
        for task in Path(f"/proc/{self.proc.pid}/task").glob("*/children"):
            children += [int(p) for p in task.read_text().split()]
        return children

    def rss_mib(self) -> list[float]:
        """Resident memory of each worker (helpers such as the resource tracker left out)."""
        sizes = []
        for pid in self.worker_pids():
            try:
                cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            except OSError:
                continue
            if b"resource_tracker" in cmdline:
                continue
            sizes.append(_rss(pid))
        return sizes


def launch(
    launcher: str, app: str, workers: int, env: dict[str, str], workdir: Path, probe: str
) -> Launched:
    port = free_port()
    log = workdir / f"server-{port}.log"
    proc = subprocess.Popen(
        LAUNCHERS[launcher](app, port, workers),
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    launched = Launched(proc=proc, base=f"http://127.0.0.1:{port}", log=log)
    deadline = time.monotonic() + 120
    with httpx.Client(timeout=5) as http:
        while True:
            try:
                if http.get(launched.base + probe).status_code < 500:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                tail = "\n".join(log.read_text().splitlines()[-30:])
                raise SystemExit(f"server did not start:\n{tail}")
            time.sleep(0.2)
    # Every worker up: each answers the probe (connections land on workers at random).
    time.sleep(1.0)
    return launched


def profile(
    launched: Launched, where: Path | None, name: str, seconds: float
) -> subprocess.Popen[bytes] | None:
    """py-spy (``uv tool install py-spy``) on the first worker, collapsed stacks."""
    if where is None:
        return None
    where.mkdir(parents=True, exist_ok=True)
    pid = max(launched.worker_pids(), key=lambda p: _rss(p))
    return subprocess.Popen(
        ["py-spy", "record", "-p", str(pid), "-d", str(int(seconds)), "-r", "200",
         "--format", "raw", "-o", str(where / f"{name}.txt"), "--nonblocking"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip


def _rss(pid: int) -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def stop(launched: Launched) -> None:
    launched.proc.send_signal(signal.SIGTERM)
    try:
        launched.proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(launched.proc.pid, signal.SIGKILL)
        launched.proc.wait(10)


# --- the data ----------------------------------------------------------------------


@dataclass
class World:
    box_id: uuid.UUID
    organizer: dict[str, str]
    people: list[dict[str, str]]


def build_world(url: str, settings: Settings, people: int) -> World:
    engine = make_engine(url)
    migrate.upgrade(engine)
    install_keyring()
    box_id, organizer = make_box(engine, people)
    now = utcnow()
    with engine.begin() as conn:
        user_ids = list(conn.scalars(select(models.User.id).order_by(models.User.email)))
        families = {uid: uuid.uuid4() for uid in user_ids}
        conn.execute(
            insert(models.RefreshToken),
            [
                {
                    "id": uuid.uuid4(),
                    "user_id": uid,
                    "family_id": families[uid],
                    "token_hash": crypto.hash_token(secrets.token_urlsafe(32)),
                    "issued_at": now,
                    "expires_at": now + timedelta(days=1),
                }
                for uid in user_ids
            ],
        )
    engine.dispose()

    def bearer(uid: uuid.UUID) -> dict[str, str]:
        token = issue_access_token(settings, uid, session_id=families[uid])
        return {"Authorization": f"Bearer {token}"}

    return World(
        box_id=box_id,
        organizer=bearer(organizer),
        people=[bearer(uid) for uid in user_ids if uid != organizer],
    )


# --- the load client ---------------------------------------------------------------

Request = tuple[str, str, dict[str, str], dict[str, object] | None]


@dataclass
class Result:
    name: str
    seconds: float
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    #: Problem code -> count, for the answers >= 400.
    problems: dict[str, int] = field(default_factory=dict)
    errors: int = 0

    @property
    def count(self) -> int:
        return len(self.latencies)

    @property
    def rate(self) -> float:
        return self.count / self.seconds if self.seconds else 0.0

    @property
    def bad(self) -> int:
        return self.errors + sum(n for s, n in self.statuses.items() if s >= 400)

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def _problem_code(raw: bytes) -> str:
    try:
        return str(json.loads(raw).get("code", "?"))
    except (ValueError, AttributeError):
        return "?"


async def _one(http: aiohttp.ClientSession, base: str, req: Request, result: Result) -> None:
    method, path, headers, body = req
    began = time.perf_counter()
    try:
        async with http.request(method, base + path, headers=headers, json=body) as r:
            raw = await r.read()
            result.statuses[r.status] = result.statuses.get(r.status, 0) + 1
            if r.status >= 400:
                code = _problem_code(raw)
                result.problems[code] = result.problems.get(code, 0) + 1
    except (aiohttp.ClientError, TimeoutError):
        result.errors += 1
    result.latencies.append(time.perf_counter() - began)


async def _sustained(
    name: str, base: str, requests: Iterator[Request], connections: int, seconds: float
) -> Result:
    connector = aiohttp.TCPConnector(limit=connections)
    timeout = aiohttp.ClientTimeout(total=30)
    result = Result(name=name, seconds=seconds)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        end = time.perf_counter() + seconds

        async def client() -> None:
            while time.perf_counter() < end:
                await _one(http, base, next(requests), result)

        began = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(connections)))
        result.seconds = time.perf_counter() - began
    return result


async def _burst(name: str, base: str, requests: list[Request]) -> Result:
    connector = aiohttp.TCPConnector(limit=0, force_close=True)
    timeout = aiohttp.ClientTimeout(total=60)
    result = Result(name=name, seconds=0)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        began = time.perf_counter()
        await asyncio.gather(*(_one(http, base, req, result) for req in requests))
        result.seconds = time.perf_counter() - began
    return result


def run_sustained(name: str, base: str, reqs: Iterator[Request], conns: int, secs: float) -> Result:
    return asyncio.run(_sustained(name, base, reqs, conns, secs))


def read_mix(world: World) -> Iterator[Request]:
    box = f"/api/v1/boxes/{world.box_id}"
    paths = [
        "/api/v1/boxes",
        box,
        f"{box}/assignment",
        f"{box}/participants?per_page=50",
        "/api/v1/users/me",
    ]
    for i in itertools.count():
        person = world.people[(i // len(paths)) % len(world.people)]
        yield ("GET", paths[i % len(paths)], person, None)


def write_mix(world: World) -> Iterator[Request]:
    path = f"/api/v1/boxes/{world.box_id}/participants/me"
    for i in itertools.count():
        person = world.people[i % len(world.people)]
        yield ("PATCH", path, person, {"wishes": f"A book, please ({i})"})


def ceiling_mix() -> Iterator[Request]:
    while True:
        yield ("GET", "/ceiling", {}, None)


# --- the run -----------------------------------------------------------------------


def show(result: Result, ceiling: Result | None = None) -> None:
    ratio = f"  {result.rate / ceiling.rate:6.1%} of ceiling" if ceiling else ""
    codes = ", ".join(f"{s}: {n}" for s, n in sorted(result.statuses.items()))
    if result.problems:
        codes += " [" + ", ".join(f"{c} {n}" for c, n in sorted(result.problems.items())) + "]"
    print(
        f"{result.name:<10} {result.rate:8.1f} req/s  p50 {result.pct(0.50):7.1f} ms  "
        f"p99 {result.pct(0.99):7.1f} ms  errors {result.bad:5d}  ({codes}; "
        f"transport errors {result.errors}){ratio}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--people", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--duration", type=float, default=20.0, help="seconds per phase")
    parser.add_argument("--burst", type=int, default=500)
    parser.add_argument("--launcher", choices=sorted(LAUNCHERS), default="gunicorn")
    parser.add_argument(
        "--profile", type=Path, help="write py-spy collapsed stacks of one worker here"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        url, drop = fresh_database("postgresql", workdir)
        env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
        tag = secrets.token_hex(4)
        env.update(
            SANTA_DATA_DIR=str(workdir),
            SANTA_DATABASE_URL=url,
            SANTA_REDIS_URL=REDIS_URL,
            SANTA_QUEUE_NAME=f"santa-bench-{tag}",
            SANTA_RATE_LIMIT_NAMESPACE=f"santa-bench-{tag}:ratelimit",
            SANTA_SECRET_KEY=SECRET,
            SANTA_ENCRYPTION_KEYS=ENCRYPTION_KEY,
            SANTA_ACCESS_TOKEN_TTL_SECONDS="7200",  # noqa: S106 (a lifetime)
            SANTA_LOG_LEVEL="WARNING",
            SANTA__SERVE_JOBS="0",
        )
        settings = Settings(
            database_url=url,
            secret_key=SECRET,  # type: ignore[arg-type]
            encryption_keys=ENCRYPTION_KEY,  # type: ignore[arg-type]
            access_token_ttl_seconds=7200,
        )
        try:
            began = time.monotonic()
            world = build_world(url, settings, args.people)
            print(
                f"box of {args.people} people with live sessions in "
                f"{time.monotonic() - began:.1f}s; launcher {args.launcher}, "
                f"{args.workers} workers, {args.connections} connections, "
                f"{args.duration:.0f}s per phase"
            )

            ceiling_env = {**env, "SANTA_CEILING_DSN": url.replace("+psycopg", "")}
            server = launch(
                args.launcher, "benchmarks._ceiling:make_app", args.workers, ceiling_env,
                workdir, "/ceiling",
            )  # fmt: skip
            try:
                run_sustained("warm-up", server.base, ceiling_mix(), args.connections, 2)
                ceiling = run_sustained(
                    "(a) ceiling", server.base, ceiling_mix(), args.connections, args.duration
                )
            finally:
                stop(server)
            show(ceiling)

            server = launch(
                args.launcher, "santa_server.asgi:app_from_env", args.workers, env, workdir,
                "/api/v1/health/live",
            )  # fmt: skip
            try:
                with httpx.Client(base_url=server.base, timeout=60) as http:
                    r = http.post(
                        f"/api/v1/boxes/{world.box_id}/draw",
                        json={"acknowledge_secrecy_warning": True},
                        headers=world.organizer,
                    )
                    assert r.status_code in (200, 201), r.text
                run_sustained("warm-up", server.base, read_mix(world), args.connections, 3)
                rss_before = server.rss_mib()
                spy = profile(server, args.profile, "read", args.duration)
                read = run_sustained(
                    "(b) read", server.base, read_mix(world), args.connections, args.duration
                )
                show(read, ceiling)
                if spy is not None:
                    spy.wait()
                spy = profile(server, args.profile, "write", args.duration)
                write = run_sustained(
                    "(c) write", server.base, write_mix(world), args.connections, args.duration
                )
                show(write, ceiling)
                if spy is not None:
                    spy.wait()
                mix = read_mix(world)
                burst = asyncio.run(
                    _burst("(d) burst", server.base, [next(mix) for _ in range(args.burst)])
                )
                fivexx = sum(n for s, n in burst.statuses.items() if s >= 500)
                show(burst)
                print(
                    f"{'':<10} {args.burst} simultaneous: all answered in {burst.seconds:.2f}s, "
                    f"slowest {max(burst.latencies) * 1000:.0f} ms, 5xx {fivexx}"
                )
                rss_after = server.rss_mib()
            finally:
                stop(server)
            growth = (sum(rss_after) - sum(rss_before)) / sum(rss_before) if rss_before else 0
            print(
                "worker RSS MiB before "
                + ", ".join(f"{x:.0f}" for x in rss_before)
                + "; after "
                + ", ".join(f"{x:.0f}" for x in rss_after)
                + f" ({growth:+.1%})"
            )
            read_ratio, write_ratio = read.rate / ceiling.rate, write.rate / ceiling.rate
            verdicts = [
                ("read >= 40% of ceiling", read_ratio >= TARGETS["read"]),
                ("write >= 25% of ceiling", write_ratio >= TARGETS["write"]),
                ("read p99 <= 100 ms", read.pct(0.99) <= TARGETS["p99_ms"]),
                ("write p99 <= 100 ms", write.pct(0.99) <= TARGETS["p99_ms"]),
                ("0 errors under sustained load", read.bad + write.bad == 0),
                ("burst: 0 5xx within 5 s", fivexx == 0 and burst.seconds <= TARGETS["burst_s"]),
                ("RSS flat (+-10%)", abs(growth) <= 0.10),
            ]
            for label, ok in verdicts:
                print(f"  {'met ' if ok else 'MISS'}  {label}")
            print(f"median read latency {statistics.median(read.latencies) * 1000:.1f} ms")
        finally:
            drop()


if __name__ == "__main__":
    main()
