"""Imports stay linear in the rows they add (issue 13).

    uv run python benchmarks/import_growth.py [--rows 100000] [--chunk 1000]
        [--database postgresql|sqlite]

A fresh database and a draft box; ``--rows`` invitations are imported in chunks
of ``--chunk`` (what the CLI sends per request) through
``invite_service.invite_many``, one transaction per chunk, into the empty box;
then the same number again into the box that now holds them. It prints the
time per 1,000 rows of both imports and their ratio. Target: the second import
is no slower per row than the first (ratio <= 1.2).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy.orm import Session, sessionmaker  # noqa: E402

from benchmarks._boxes import (  # noqa: E402
    ENCRYPTION_KEY,
    SECRET,
    fresh_database,
    install_keyring,
    make_box,
)
from santa_core import migrate, models  # noqa: E402
from santa_core.config import Settings  # noqa: E402
from santa_core.db import make_engine, make_sessionmaker, session_scope  # noqa: E402
from santa_core.invite import service as invite_service  # noqa: E402
from santa_core.invite.schemas import InviteImportEntry  # noqa: E402
from santa_core.models import BoxStatus  # noqa: E402

TARGET_RATIO = 1.2


def import_rows(
    factory: sessionmaker[Session],
    settings: Settings,
    box_id: uuid.UUID,
    organizer: uuid.UUID,
    start: int,
    n: int,
    chunk: int,
) -> float:
    """Seconds spent in the service (the entries are parsed beforehand, as a request is)."""
    chunks = [
        [
            InviteImportEntry(email=f"guest{i}@example.org", display_name=f"Guest {i}")
            for i in range(offset, min(offset + chunk, start + n))
        ]
        for offset in range(start, start + n, chunk)
    ]
    began = time.perf_counter()
    for entries in chunks:
        with session_scope(factory) as session:
            actor = session.get(models.User, organizer)
            assert actor is not None
            invite_service.invite_many(session, settings, actor, box_id, entries=entries)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--chunk", type=int, default=1000)
    parser.add_argument("--database", choices=["postgresql", "sqlite"], default="postgresql")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url, drop = fresh_database(args.database, Path(tmp))
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
            )
            factory = make_sessionmaker(engine)
            empty = import_rows(factory, settings, box_id, organizer, 0, args.rows, args.chunk)
            full = import_rows(
                factory, settings, box_id, organizer, args.rows, args.rows, args.chunk
            )
            per_k = 1000 / args.rows
            print(
                f"{args.database}: {args.rows} rows into an empty box {empty:.1f}s "
                f"({empty * per_k * 1000:.0f} ms per 1,000); into a box holding {args.rows}: "
                f"{full:.1f}s ({full * per_k * 1000:.0f} ms per 1,000); ratio {full / empty:.2f} "
                f"(target <= {TARGET_RATIO}: {'met' if full / empty <= TARGET_RATIO else 'MISS'})"
            )
            engine.dispose()
        finally:
            drop()


if __name__ == "__main__":
    main()
