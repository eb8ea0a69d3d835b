"""`santa keys rotate` on 100,000 encrypted rows: re-encryption throughput (rows/s).

Seeds 25,000 participants (address, phone, wishes, wish list: 100,000 encrypted
values) under the old key with bulk inserts, prepends a new key, rotates in
batches of 1,000 and checks that every value decrypts with the new key alone.
Usage: `uv run python benchmarks/keys_rotate.py [sqlite|postgresql] [ROWS]`.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import func, insert, select

from benchmarks._boxes import fresh_database
from santa_core import crypto, migrate, models
from santa_core.db import make_engine, utcnow
from santa_core.keys import rotate as rotation

OLD = "old:" + "o" * 40
NEW = "new:" + "n" * 40
HASH = "h:" + "h" * 40


def main() -> None:
    kind = sys.argv[1] if len(sys.argv) > 1 else "postgresql"
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    people = rows // 4
    with tempfile.TemporaryDirectory() as tmp:
        url, drop = fresh_database(kind, Path(tmp))
        engine = make_engine(url)
        try:
            migrate.upgrade(engine)
            crypto.install_keyring(crypto.Keyring.from_secrets([OLD], [HASH]))
            now = utcnow()
            with engine.begin() as conn:
                owner = uuid.uuid4()
                conn.execute(
                    insert(models.User), [{"id": owner, "email": "o@x.org", "full_name": "O"}]
                )
                box = uuid.uuid4()
                conn.execute(
                    insert(models.Box),
                    [
                        {
                            "id": box,
                            "organizer_id": owner,
                            "name": "B",
                            "slug": "b",
                            "created_at": now,
                        }
                    ],
                )
                for start in range(0, people, 5000):
                    conn.execute(
                        insert(models.Participant),
                        [
                            {
                                "id": uuid.uuid4(),
                                "box_id": box,
                                "display_name": f"P{i}",
                                "wishes": f"a book, socks #{i}",
                                "wish_items": [{"title": f"item {i}"}],
                                "address": f"{i} Long Street, Springfield",
                                "phone": f"+1 555 {i:07d}",
                                "created_at": now,
                            }
                            for i in range(start, min(start + 5000, people))
                        ],
                    )
            crypto.install_keyring(crypto.Keyring.from_secrets([NEW, OLD], [HASH]))
            due = sum(rotation.count_due(engine, t, "new") for t in rotation.targets())
            started = time.perf_counter()
            summary = rotation.rotate(engine, batch_size=1000)
            elapsed = time.perf_counter() - started
            crypto.install_keyring(crypto.Keyring.from_secrets([NEW], [HASH]))
            with engine.connect() as conn:
                count = conn.scalar(select(func.count()).select_from(models.Participant))
            from sqlalchemy.orm import Session

            with Session(engine) as s:
                ok = sum(1 for p in s.scalars(select(models.Participant)) if p.address and p.wishes)
            assert summary.failed == 0, summary
            assert ok == count, (ok, count)
            print(
                f"keys_rotate[{kind}]: {due} encrypted values due, {summary.rotated} re-encrypted"
            )
            print(f"keys_rotate[{kind}]: {elapsed:.1f} s, {summary.rotated / elapsed:.0f} rows/s")
            print(
                f"keys_rotate[{kind}]: every value decrypts with the new key alone: {ok == count}"
            )
        finally:
            engine.dispose()
            drop()


if __name__ == "__main__":
    main()
