"""Notification throughput: one draw's emails through the queue to a local sink.

    uv run python benchmarks/notifications.py [--emails 10000] [--threads 4]
        [--database postgresql|sqlite] [--only smtp|sendgrid]

Builds a box with N participants on a fresh database, starts a private
``redis-server`` and ONE ``santa worker`` process, then commits the draw's
``draw_done`` outbox rows in one transaction (as the draw service does) and
measures from that commit until the last email reached the peer:

- ``smtp``: a real SMTP server on loopback (aiosmtpd), one message per
  SMTP transaction, each recorded in the database right after its send;
- ``sendgrid``: a loopback server speaking ``POST /v3/mail/send``, with
  1,000 personalizations per request.

Targets (issue 6): SMTP >= 300 emails/s, SendGrid >= 2,000 emails/s.
"""

from __future__ import annotations

import argparse
import os
import random
import secrets
import subprocess
import sys
import time
import uuid
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import Engine, insert, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from santa_core import crypto, migrate, models  # noqa: E402
from santa_core.db import make_engine, make_sessionmaker, session_scope, utcnow  # noqa: E402
from santa_core.jobs import build_jobs  # noqa: E402
from santa_core.mail.local import ConsoleBackend  # noqa: E402
from santa_core.models import BoxStatus, OutboxStatus  # noqa: E402
from santa_core.notify import enqueue, links  # noqa: E402
from tests.conftest import TEST_ENCRYPTION_KEY, TEST_SECRET, make_settings  # noqa: E402
from tests.core.jobs.test_fault import PrivateRedis  # noqa: E402
from tests.peers.sendgrid import FakeSendGrid  # noqa: E402
from tests.peers.smtp import SmtpSink  # noqa: E402

DEFAULT_PG = os.environ.get(
    "SANTA_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def fresh_database(kind: str, workdir: Path) -> tuple[str, Any]:
    if kind == "sqlite":
        url = f"sqlite:///{workdir / 'bench.db'}"
        return url, lambda: None
    admin_url = make_url(DEFAULT_PG)
    name = f"santa_bench_{secrets.token_hex(4)}"
    admin = make_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()

    return admin_url.set(database=name).render_as_string(hide_password=False), drop


def make_box(engine: Engine, n: int) -> tuple[uuid.UUID, list[dict[str, Any]]]:
    """One matched box with n people (bulk inserts: setup is not what we measure)."""
    now = utcnow()
    organizer = uuid.uuid4()
    box_id = uuid.uuid4()
    users = [
        {
            "id": organizer if i == 0 else uuid.uuid4(),
            "email": f"person{i}@example.com",
            "full_name": f"Person {i}",
            "language": "ru" if i % 2 else "en",
        }
        for i in range(n)
    ]
    people = [
        {
            "id": uuid.uuid4(),
            "box_id": box_id,
            "user_id": u["id"],
            "email": u["email"],
            "display_name": u["full_name"],
            "language": u["language"],
        }
        for u in users
    ]
    with engine.begin() as conn:
        conn.execute(insert(models.User), users)
        conn.execute(
            insert(models.Box),
            [
                {
                    "id": box_id,
                    "organizer_id": organizer,
                    "name": "Benchmark 2026",
                    "slug": f"bench-{secrets.token_hex(6)}",
                    "status": BoxStatus.MATCHED,
                    "drawn_at": now,
                }
            ],
        )
        conn.execute(
            insert(models.Participant),
            [{k: v for k, v in p.items() if k != "language"} for p in people],
        )
    return box_id, people


def commit_draw(
    factory: Any, settings: Any, box_id: uuid.UUID, people: list[dict[str, Any]]
) -> None:
    """What the draw service does: pairs + one draw_done row per santa, one transaction."""
    order = people[:]
    random.shuffle(order)
    with session_scope(factory) as session:
        run = models.DrawRun(box_id=box_id, method="bench", engine_version="bench")
        session.add(run)
        session.flush()
        for i, santa in enumerate(order):
            giftee = order[(i + 1) % len(order)]
            session.add(
                models.Draw(
                    box_id=box_id,
                    run_id=run.id,
                    santa_participant_id=santa["id"],
                    giftee_participant_id=giftee["id"],
                )
            )
            enqueue(
                session,
                kind="draw_done",
                recipient=santa["email"],
                language=santa["language"],
                recipient_user_id=santa["user_id"],
                box_id=box_id,
                payload={
                    "box_name": "Benchmark 2026",
                    "giftee_name": giftee["display_name"],
                    "assignment_url": links.assignment_url(settings, box_id),
                    "recipient_name": santa["display_name"],
                    "budget": "20–30 EUR",
                    "event_date": "2026-12-24",
                },
            )


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_leg(leg: str, args: argparse.Namespace, workdir: Path) -> float:
    database_url, drop = fresh_database(args.database, workdir)
    engine = make_engine(database_url)
    migrate.upgrade(engine)
    redis_server = PrivateRedis()
    redis_server.start()
    queue = f"bench_{secrets.token_hex(4)}"
    batch = 1000 if leg == "sendgrid" else 50
    peer: Any = SmtpSink() if leg == "smtp" else FakeSendGrid()
    worker = None
    try:
        with peer:
            env = dict(
                os.environ,
                SANTA_DATABASE_URL=database_url,
                SANTA_REDIS_URL=redis_server.url,
                SANTA_QUEUE_NAME=queue,
                SANTA_DATA_DIR=str(workdir),
                SANTA_SECRET_KEY=TEST_SECRET,
                SANTA_ENCRYPTION_KEYS=TEST_ENCRYPTION_KEY,
                SANTA_EMAIL_BACKEND=leg,
                SANTA_SMTP_PORT=str(getattr(peer, "port", 0)),
                SANTA_SENDGRID_API_KEY=getattr(peer, "api_key", "x"),
                SANTA_SENDGRID_HOST=getattr(peer, "url", "http://127.0.0.1:9"),
                SANTA_OUTBOX_BATCH_SIZE=str(batch),
                SANTA_WORKER_COUNT=str(args.threads),
                SANTA_LOG_LEVEL="WARNING",
            )
            settings = make_settings(
                workdir,
                database_url,
                redis_url=redis_server.url,
                queue_name=queue,
                outbox_batch_size=batch,
                worker_count=args.threads,
            )
            box_id, people = make_box(engine, args.emails)
            worker = subprocess.Popen(
                [sys.executable, "-m", "santa_cli.main", "worker", "--workers", str(args.threads)],
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                text=True,
            )
            assert worker.stdout is not None
            banner = worker.stdout.readline()
            if not banner.startswith("santa worker"):
                raise SystemExit(f"worker did not start: {banner!r}")
            time.sleep(1.0)  # consumer threads up and polling
            factory = make_sessionmaker(engine)
            producer = build_jobs(settings, factory=factory, email=ConsoleBackend("x@y.z"))
            producer.install_commit_signal()
            started = time.perf_counter()
            commit_draw(factory, settings, box_id, people)
            committed = time.perf_counter()
            cpu_before = cpu_seconds(worker.pid)
            peer.wait_for(args.emails, timeout=600)
            elapsed = time.perf_counter() - committed
            cpu = cpu_seconds(worker.pid) - cpu_before
            load = os.getloadavg()[0]
            producer.close()
            deadline = time.monotonic() + 60
            while True:  # the last records land just after the last send
                with session_scope(factory) as session:
                    sent = session.scalar(
                        text("SELECT count(*) FROM outbox_messages WHERE status = :s"),
                        {"s": OutboxStatus.SENT.value},
                    )
                if sent == args.emails or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
            recorded = time.perf_counter() - committed
            received = peer.count()
            extra = ""
            if leg == "sendgrid":
                sizes = [len(r["personalizations"]) for r in peer.requests]
                extra = f", {len(sizes)} requests (max {max(sizes)} personalizations)"
            print(
                f"{leg:8s} {args.emails} emails, 1 worker process x {args.threads} threads, "
                f"{args.database}: commit {committed - started:.2f}s, "
                f"delivered in {elapsed:.2f}s = {args.emails / elapsed:,.0f} emails/s; "
                f"worker CPU {cpu:.2f}s = {args.emails / max(cpu, 1e-9):,.0f} emails/CPU-s; "
                f"load average {load:.1f} on {os.cpu_count()} CPUs "
                f"(received {received}, all {sent} marked sent after {recorded:.2f}s{extra})"
            )
            return args.emails / elapsed
    finally:
        if worker is not None:
            worker.terminate()
            try:
                worker.wait(15)
            except subprocess.TimeoutExpired:
                worker.kill()
        redis_server.stop()
        engine.dispose()
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--only", choices=["smtp", "sendgrid"])
    args = parser.parse_args()
    crypto.install_keyring(crypto.Keyring.from_secrets([TEST_ENCRYPTION_KEY]))
    import tempfile

    targets = {"smtp": 300, "sendgrid": 2000}
    failed = []
    for leg in [args.only] if args.only else ["smtp", "sendgrid"]:
        with tempfile.TemporaryDirectory() as tmp:
            rate = run_leg(leg, args, Path(tmp))
        if rate < targets[leg]:
            failed.append(f"{leg} {rate:,.0f}/s < {targets[leg]}/s")
    print("targets met" if not failed else "BELOW TARGET: " + "; ".join(failed))


if __name__ == "__main__":
    main()
