"""Live events at scale: N concurrent WebSocket clients on ONE API process, one event to all.

    uv run python benchmarks/ws.py [--clients 1000] [--events 5] [--kind K] [--no-deflate]

Starts ``santa serve`` (embedded: SQLite, in-process fan-out) on loopback with a
fresh data dir, puts N members into one drawn-free box (written straight to the
database), opens N WebSocket connections (one per member, bearer tokens), then
has the organizer edit the box ``--events`` times (a ``box_updated`` event for
every member; ``--kind announcement`` posts an announcement instead, which also
queues one email per member). Every client stamps
when the event reached it; latency is measured from just before the request was
sent (request handling and commit included). Prints p50/p99/max delivery latency
(target p99 <= 1 s), clients reached, and the server's RSS per connection
(RSS with N clients connected minus RSS before, divided by N).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import resource
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

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


async def run(
    base: str, box: str, tokens: list[str], events: int, pid: int, kind: str, no_deflate: bool
) -> None:
    event_kind = "announcement" if kind == "announcement" else "box_updated"
    url = base.replace("http://", "ws://") + f"/api/v1/ws?box_id={box}"
    organizer, members = tokens[0], tokens[1:]
    arrivals: list[list[float]] = [[] for _ in range(events)]
    ready = 0
    rss_before = rss_kib(pid)

    async def client(token: str) -> None:
        nonlocal ready
        async with connect(
            url,
            additional_headers={"Authorization": f"Bearer {token}"},
            open_timeout=60,
            ping_interval=None,
            max_queue=64,
            compression=None if no_deflate else "deflate",
        ) as ws:
            json.loads(await ws.recv())  # hello
            ready += 1
            got = 0
            while got < events:
                msg = json.loads(await ws.recv())
                if msg.get("type") == "event" and msg["kind"] == event_kind:
                    arrivals[got].append(time.perf_counter())
                    got += 1

    started = time.perf_counter()
    tasks = [asyncio.create_task(client(t)) for t in members]
    while ready < len(members):
        await asyncio.sleep(0.05)
        if any(t.done() and t.exception() for t in tasks):
            for t in tasks:
                if t.done() and t.exception():
                    raise t.exception()  # type: ignore[misc]
    connect_s = time.perf_counter() - started
    await asyncio.sleep(1.0)
    rss_after = rss_kib(pid)
    latencies: list[float] = []
    sent_at: list[float] = []
    request_ms: list[float] = []
    after_response: list[float] = []
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        for i in range(events):
            t0 = time.perf_counter()
            auth = {"Authorization": f"Bearer {organizer}"}
            if kind == "announcement":
                r = await http.post(
                    f"/api/v1/boxes/{box}/announcements", json={"body": f"event {i}"}, headers=auth
                )
            else:
                r = await http.patch(
                    f"/api/v1/boxes/{box}", json={"description": f"round {i}"}, headers=auth
                )
            assert r.is_success, r.text
            sent_at.append(t0)
            t1 = time.perf_counter()
            request_ms.append((t1 - t0) * 1000)
            deadline = time.perf_counter() + 30
            while len(arrivals[i]) < len(members) and time.perf_counter() < deadline:
                await asyncio.sleep(0.005)
            latencies += [a - t0 for a in arrivals[i]]
            after_response += [max(a - t1, 0.0) for a in arrivals[i]]
            await asyncio.sleep(0.2)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    reached = min(len(a) for a in arrivals)
    latencies.sort()

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000

    n = len(members)
    print(f"clients connected: {n} in {connect_s:.1f} s (one API process, embedded fan-out)")
    print(f"event: {event_kind}, permessage-deflate: {'off' if no_deflate else 'on'}")
    print(f"events: {events}, each reached {reached}/{n} clients")
    print(
        f"delivery latency (request start -> client): p50 {pct(0.50):.0f} ms, "
        f"p99 {pct(0.99):.0f} ms, max {latencies[-1] * 1000:.0f} ms  (target p99 <= 1000 ms)"
    )
    after_response.sort()
    tail = after_response[min(len(after_response) - 1, int(0.99 * len(after_response)))]
    print(f"fan-out after the response: p99 {tail * 1000:.0f} ms")
    print(f"the request itself (commit included): median {statistics.median(request_ms):.0f} ms")
    per_conn = (rss_after - rss_before) / n
    print(
        f"server RSS: {rss_before / 1024:.0f} MiB before, {rss_after / 1024:.0f} MiB with {n} "
        f"connections: {per_conn:.1f} KiB per connection"
    )


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
        "--no-deflate",
        action="store_true",
        help="clients do not offer permessage-deflate (browsers do; it costs CPU and memory)",
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
        log = Path(tmp) / "serve.log"
        with log.open("w") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "santa_cli.main", "serve", "--port", str(port)],
                cwd=ROOT,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
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
                    sys.exit(f"santa serve did not start:\n{log.read_text()}")
                time.sleep(0.2)
            settings = Settings(secret_key=SECRET, encryption_keys=ENC)  # type: ignore[arg-type]
            token_engine = make_engine(db_url)
            tokens = [access_token(token_engine, settings, u) for u in users]
            token_engine.dispose()
            asyncio.run(run(base, box, tokens, args.events, proc.pid, args.kind, args.no_deflate))
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


if __name__ == "__main__":
    main()
