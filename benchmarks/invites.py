"""Bulk import of invitations over the API (issue 5).

    uv run python benchmarks/invites.py [--invites 10000] [--database postgresql|sqlite]
        [--runs 3]

Each run makes a fresh database with a draft box and times one
``POST /api/v1/boxes/{id}/invites/import`` of N new addresses against the real
server on loopback: validation, the duplicate checks, N invited members, N
hashed invite codes and N invitation emails (links sealed) in the outbox, all
committed. Target: <= 5 s for 10,000 invitations on PostgreSQL.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from benchmarks._boxes import (  # noqa: E402
    ENCRYPTION_KEY,
    SECRET,
    access_token,
    fresh_database,
    install_keyring,
    make_box,
)
from santa_core import migrate, models  # noqa: E402
from santa_core.config import Settings  # noqa: E402
from santa_core.db import make_engine  # noqa: E402
from santa_core.models import BoxStatus  # noqa: E402
from santa_server.app import create_app  # noqa: E402
from tests.live import live_server  # noqa: E402

TARGET_SECONDS = 5.0


def one_run(kind: str, count: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        url, drop = fresh_database(kind, Path(tmp))
        try:
            engine = make_engine(url)
            migrate.upgrade(engine)
            install_keyring()
            box_id, organizer = make_box(engine, 1, status=BoxStatus.DRAFT)
            settings = Settings(
                data_dir=Path(tmp),
                database_url=url,
                secret_key=SECRET,  # type: ignore[arg-type]
                encryption_keys=ENCRYPTION_KEY,  # type: ignore[arg-type]
                rate_limit_enabled=False,
            )
            headers = {"Authorization": f"Bearer {access_token(engine, settings, organizer)}"}
            body = {
                "invites": [
                    {"email": f"guest{i}@example.org", "display_name": f"Guest {i}"}
                    for i in range(count)
                ],
                "message": "Join our exchange!",
            }
            with (
                live_server(create_app(settings)) as base,
                httpx.Client(base_url=base, timeout=120) as client,
            ):
                started = time.perf_counter()
                response = client.post(
                    f"/api/v1/boxes/{box_id}/invites/import", json=body, headers=headers
                )
                elapsed = time.perf_counter() - started
            assert response.status_code == 200, response.text
            assert response.json()["created"] == count, response.text
            with engine.connect() as conn:
                invites = conn.scalar(select(func.count()).select_from(models.EmailInvite))
                mails = conn.scalar(select(func.count()).select_from(models.OutboxMessage))
            assert (invites, mails) == (count, count)
            engine.dispose()
            return elapsed
        finally:
            drop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--invites", type=int, default=10_000)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    times = []
    for i in range(args.runs):
        elapsed = one_run(args.database, args.invites)
        times.append(elapsed)
        print(f"run {i + 1}: import of {args.invites} invitations {elapsed:.2f} s")
    median = statistics.median(times)
    verdict = "OK" if median <= TARGET_SECONDS else "OVER TARGET"
    print(
        f"invites {args.database} count={args.invites}: median {median:.2f} s, "
        f"best {min(times):.2f} s (target <= {TARGET_SECONDS:.0f} s) {verdict}"
    )
    return 0 if median <= TARGET_SECONDS else 1


if __name__ == "__main__":
    raise SystemExit(main())
