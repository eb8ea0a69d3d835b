"""Live events at scale: N concurrent WebSocket clients on ONE API process, one event to all.

    uv run python benchmarks/ws.py [--clients 1000] [--events 5] [--kind K]
                                   [--client-procs 4] [--no-deflate] [--ceiling]

Starts ``santa serve`` (embedded: SQLite, in-process fan-out) on loopback with a
fresh data dir, puts N members into one draw-free box (written straight to the
database), opens N WebSocket connections (one per member, bearer tokens) from
``--client-procs`` client processes, then has the organizer edit the box
``--events`` times (a ``box_updated`` event for every member; ``--kind
announcement`` posts an announcement instead, which also queues one email per
member). Each client stamps the moment ``recv`` returns, before parsing, so a
client process's own backlog adds as little as possible; latency is measured
from just before the request was sent (request handling and commit included).
Prints p50/p99/max delivery latency (target p99 <= 1 s), clients reached per
event, and the server's RSS per connection (RSS with N clients connected minus
RSS before, divided by N). Clients offer permessage-deflate like browsers do
(``--no-deflate``: they do not); the server declines it.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import multiprocessing as mp
import os
import queue
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from websockets.asyncio.client import connect  # noqa: E402

from benchmarks._boxes import access_token  # noqa: E402
from santa_core import crypto, migrate, models  # noqa: E402
from santa_core.config import Settings  # noqa: E402
from santa_core.db import make_engine, make_sessionmaker, session_scope  # noqa: E402

SECRET = "bench-secret-key-0123456789abcdef0123456789"  # noqa: S105
ENC = "bench-encryption-key-0123456789abcdef01234"


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed(db_url: str, n: int) -> tuple[str, list[uuid.UUID]]:
    crypto.install_keyring(crypto.Keyring.from_secrets([ENC]))
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    users = [
        {"id": uuid.uuid4(), "email": f"b{i}@example.com", "full_name": f"Bench {i}"}
        for i in range(n + 1)
    ]
    box_id = uuid.uuid4()
    with session_scope(make_sessionmaker(engine)) as s:
        s.execute(
            models.User.__table__.insert(),
            [
                {**u, "language": "en", "timezone": "UTC", "is_active": True, "is_superuser": False}
                for u in users
            ],
        )
        s.add(models.Box(id=box_id, organizer_id=users[0]["id"], name="Bench", slug=f"b-{box_id}"))
        s.flush()
        for i, u in enumerate(users):
            s.add(
                models.Participant(
                    box_id=box_id,
                    user_id=u["id"],
                    email=u["email"],
                    display_name=u["full_name"],
                    role=models.ParticipantRole.ORGANIZER if i == 0 else "participant",
                )
            )
    engine.dispose()
    return str(box_id), [u["id"] for u in users]


def client_process(
    url: str,
    tokens: list[str],
    events: int,
    event_kind: str,
    no_deflate: bool,
    out: Any,
    go: Any,
) -> None:
    """One client process: its share of the connections, stamping each arrival.

    The stamp is taken as ``recv`` returns, before any parsing (``perf_counter`` is
    CLOCK_MONOTONIC, comparable across processes); ``out`` gets ``("ready", n)`` once
    all are connected, then ``("event", i, stamps)`` when all of them have event ``i``
    (or at the deadline, with the stamps there are).
    """
    needle = f'"kind":"{event_kind}"'
    arrivals: list[list[float]] = [[] for _ in range(events)]
    n = len(tokens)

    async def client(token: str, ready: asyncio.Event, opened: list[int]) -> None:
        async with connect(
            url,
            additional_headers={"Authorization": f"Bearer {token}"},
            open_timeout=120,
            ping_interval=None,
            max_queue=64,
            compression=None if no_deflate else "deflate",
        ) as ws:
            await ws.recv()  # hello
            opened[0] += 1
            if opened[0] == n:
                ready.set()
            got = 0
            while got < events:
                raw = await ws.recv()
                at = time.perf_counter()
                if needle in raw:
                    arrivals[got].append(at)
                    if len(arrivals[got]) == n:
                        out.put(("event", got, arrivals[got]))
                    got += 1

    async def main() -> None:
        ready, opened = asyncio.Event(), [0]
        tasks = [asyncio.create_task(client(t, ready, opened)) for t in tokens]
        waiter = asyncio.create_task(ready.wait())
        await asyncio.wait([waiter, *tasks], return_when=asyncio.FIRST_COMPLETED)
        failed = [t for t in tasks if t.done() and t.exception()]
        if failed:
            out.put(("error", repr(failed[0].exception())))
            return
        out.put(("ready", n))
        await asyncio.get_running_loop().run_in_executor(None, go.wait)
        await asyncio.wait(tasks, timeout=30 * events + 30)
        for i, stamps in enumerate(arrivals):
            if len(stamps) < n:
                out.put(("event", i, stamps))
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    asyncio.run(main())


def measure(
    base: str,
    box: str,
    tokens: list[str],
    events: int,
    pid: int,
    kind: str,
    no_deflate: bool,
    procs: int,
) -> float:
    event_kind = "announcement" if kind == "announcement" else "box_updated"
    url = base.replace("http://", "ws://") + f"/api/v1/ws?box_id={box}"
    organizer, members = tokens[0], tokens[1:]
    n = len(members)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    go = ctx.Event()
    shares = [members[i::procs] for i in range(procs)]
    rss_before = rss_kib(pid)
    started = time.perf_counter()
    children = [
        ctx.Process(
            target=client_process, args=(url, share, events, event_kind, no_deflate, out, go)
        )
        for share in shares
        if share
    ]
    for c in children:
        c.start()
    pending: dict[int, list[list[float]]] = {i: [] for i in range(events)}

    def take(timeout: float) -> tuple[Any, ...]:
        msg = out.get(timeout=timeout)
        if msg[0] == "error":
            sys.exit(f"a client failed: {msg[1]}")
        return tuple(msg)

    connected = 0
    while connected < len(children):
        msg = take(180)
        if msg[0] == "ready":
            connected += 1
        else:
            pending[msg[1]].append(msg[2])
    connect_s = time.perf_counter() - started
    time.sleep(1.0)
    rss_after = rss_kib(pid)
    go.set()
    latencies: list[float] = []
    after_response: list[float] = []
    request_ms: list[float] = []
    reached: list[int] = []
    with httpx.Client(base_url=base, timeout=30) as http:
        auth = {"Authorization": f"Bearer {organizer}"}
        for i in range(events):
            t0 = time.perf_counter()
            if kind == "announcement":
                r = http.post(
                    f"/api/v1/boxes/{box}/announcements", json={"body": f"event {i}"}, headers=auth
                )
            else:
                r = http.patch(
                    f"/api/v1/boxes/{box}", json={"description": f"round {i}"}, headers=auth
                )
            t1 = time.perf_counter()
            assert r.is_success, r.text
            request_ms.append((t1 - t0) * 1000)
            deadline = time.monotonic() + 30
            while len(pending[i]) < len(children) and time.monotonic() < deadline:
                try:
                    msg = take(max(deadline - time.monotonic(), 0.01))
                except queue.Empty:
                    break
                pending[msg[1]].append(msg[2])
            stamps = [a for part in pending[i] for a in part]
            reached.append(len(stamps))
            latencies += [a - t0 for a in stamps]
            after_response += [max(a - t1, 0.0) for a in stamps]
            time.sleep(0.2)
    for c in children:
        c.join(timeout=60)
        if c.is_alive():
            c.terminate()
    latencies.sort()
    after_response.sort()

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, int(p * len(values)))] * 1000

    print(
        f"clients connected: {n} in {connect_s:.1f} s from {len(children)} client processes "
        "(one API process, embedded fan-out)"
    )
    print(f"event: {event_kind}, permessage-deflate offered by clients: {not no_deflate}")
    print(f"events: {events}, clients reached per event: {reached} of {n}")
    print(
        f"delivery latency (request start -> client): p50 {pct(latencies, 0.5):.0f} ms, "
        f"p99 {pct(latencies, 0.99):.0f} ms, max {latencies[-1] * 1000:.0f} ms"
        "  (target p99 <= 1000 ms)"
    )
    print(
        f"fan-out after the response: p50 {pct(after_response, 0.5):.0f} ms, "
        f"p99 {pct(after_response, 0.99):.0f} ms"
    )
    print(f"the request itself (commit included): median {statistics.median(request_ms):.0f} ms")
    per_conn = (rss_after - rss_before) / n
    print(
        f"server RSS: {rss_before / 1024:.0f} MiB before, {rss_after / 1024:.0f} MiB with {n} "
        f"connections: {per_conn:.1f} KiB per connection"
    )
    return pct(latencies, 0.99)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--events", type=int, default=5)
    parser.add_argument(
        "--kind",
        choices=("box_updated", "announcement"),
        default="box_updated",
        help="the event: an organizer edits the box (no email), or posts an announcement "
        "(which also queues one email per member, relayed by the in-process worker)",
    )
    parser.add_argument(
        "--client-procs",
        type=int,
        default=4,
        help="processes the clients are spread over (one Python process receiving 1,000 "
        "sockets would measure its own backlog, not the server's)",
    )
    parser.add_argument(
        "--no-deflate",
        action="store_true",
        help="clients do not offer permessage-deflate (browsers do; it costs CPU and memory)",
    )
    parser.add_argument(
        "--ceiling",
        action="store_true",
        help="then the same clients against a bare Starlette fan-out, and the ratio of p99s",
    )
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    want = min(hard, max(soft, args.clients * 2 + 256))
    resource.setrlimit(resource.RLIMIT_NOFILE, (want, hard))
    with tempfile.TemporaryDirectory() as tmp:
        db_url = f"sqlite:///{tmp}/santa.db"
        box, users = seed(db_url, args.clients)
        port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("SANTA_")}
        env.update(
            SANTA_DATA_DIR=tmp,
            SANTA_DATABASE_URL=db_url,
            SANTA_SECRET_KEY=SECRET,
            SANTA_ENCRYPTION_KEYS=ENC,
            SANTA_PUBLIC_BASE_URL=f"http://127.0.0.1:{port}",
            SANTA_LOG_LEVEL="WARNING",
            SANTA_RATE_LIMIT_NAMESPACE=f"bench:{secrets.token_hex(4)}",
        )
        settings = Settings(secret_key=SECRET, encryption_keys=ENC)  # type: ignore[arg-type]
        token_engine = make_engine(db_url)
        tokens = [access_token(token_engine, settings, u) for u in users]
        token_engine.dispose()
        run = (box, tokens, args.events, args.kind, args.no_deflate, max(args.client_procs, 1))
        santa_cmd = [sys.executable, "-m", "santa_cli.main", "serve", "--port", str(port)]
        with serving(santa_cmd, env, port, Path(tmp) / "serve.log") as proc:
            p99 = measure(f"http://127.0.0.1:{port}", *run[:3], proc.pid, *run[3:])
        if not args.ceiling:
            return
        port = free_port()
        bare = [sys.executable, "-m", "uvicorn", "benchmarks._ws_ceiling:app", "--port", str(port)]
        bare += ["--log-level", "warning", "--ws-per-message-deflate", "false"]
        print("\nceiling: the same clients against a bare Starlette fan-out (no auth, no database)")
        with serving(bare, env, port, Path(tmp) / "ceiling.log") as proc:
            ceiling = measure(f"http://127.0.0.1:{port}", *run[:3], proc.pid, *run[3:])
        print(f"\np99 santa / p99 ceiling: {p99:.0f} / {ceiling:.0f} ms = {p99 / ceiling:.2f}x")


@contextlib.contextmanager
def serving(
    cmd: list[str], env: dict[str, str], port: int, log: Path
) -> Iterator[subprocess.Popen[bytes]]:
    with log.open("w") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{base}/api/v1/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                sys.exit(f"{cmd[2]} did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


if __name__ == "__main__":
    main()
