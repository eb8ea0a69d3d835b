"""``santa keys rotate``: re-encrypt every encrypted column under the first configured key.

Every column typed :class:`~santa_core.db.EncryptedText` or
:class:`~santa_core.db.EncryptedJSON` is walked in primary-key order, in batches
of one transaction each. A row is due when its value does not name the current
key (``enc1:<current id>:…``); values written before a column was encrypted are
due too, and get encrypted. Sealed values inside outbox payloads are re-sealed
on the way. Because "due" is read from the data itself, a run that is killed
(even with ``kill -9``) loses at most its open batch, and the next run carries
on where it stopped; a finished run finds nothing due.

Hashes of codes and tokens are not rotated (there is no plaintext to hash
again): keep an old hash key configured until what it hashed has expired.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Engine, Table, Text, and_, bindparam, func, select, type_coerce

from santa_core import crypto, models
from santa_core.db import EncryptedJSON, EncryptedText
from santa_core.notify.sealed import SEALED_KEY


@dataclass(frozen=True)
class Target:
    table: Table
    column: Column[Any]

    @property
    def name(self) -> str:
        return f"{self.table.name}.{self.column.name}"

    @property
    def is_json(self) -> bool:
        return isinstance(self.column.type, EncryptedJSON)


@dataclass
class ColumnSummary:
    name: str
    due: int = 0
    rotated: int = 0
    failed: int = 0


@dataclass
class Summary:
    key_id: str
    columns: list[ColumnSummary] = field(default_factory=list)

    @property
    def rotated(self) -> int:
        return sum(c.rotated for c in self.columns)

    @property
    def failed(self) -> int:
        return sum(c.failed for c in self.columns)


def targets() -> list[Target]:
    """Every encrypted column of the schema (new ones are found automatically)."""
    out = []
    for table in models.Base.metadata.sorted_tables:
        for column in table.columns:
            if isinstance(column.type, EncryptedText | EncryptedJSON):
                out.append(Target(table, column))
    return out


def _raw(target: Target) -> Any:
    return type_coerce(target.column, Text())


def _due(target: Target, key_id: str) -> Any:
    raw = _raw(target)
    return and_(raw.is_not(None), ~raw.like(f"enc1:{key_id}:%"))


def count_due(engine: Engine, target: Target, key_id: str) -> int:
    with engine.connect() as conn:
        stmt = select(func.count()).select_from(target.table).where(_due(target, key_id))
        return int(conn.scalar(stmt) or 0)


def _reencrypt(keyring: crypto.Keyring, target: Target, stored: str) -> str:
    legacy = crypto.Keyring.key_id_of(stored) is None
    plain = stored if legacy else keyring.decrypt(stored)
    if target.is_json:
        value = json.loads(plain)
        sealed = value.get(SEALED_KEY) if isinstance(value, dict) else None
        if isinstance(sealed, dict):
            value[SEALED_KEY] = {
                k: v
                if crypto.Keyring.key_id_of(str(v)) == keyring.current_key_id
                else keyring.encrypt(keyring.decrypt(str(v)))
                for k, v in sealed.items()
            }
        plain = json.dumps(value, separators=(",", ":"))
    return keyring.encrypt(plain)


def _batches(
    engine: Engine, target: Target, key_id: str, batch_size: int
) -> Iterator[list[tuple[Any, str]]]:
    (pk,) = target.table.primary_key.columns
    last: Any = None
    while True:
        stmt = select(pk, _raw(target)).where(_due(target, key_id))
        if last is not None:
            stmt = stmt.where(pk > last)
        with engine.connect() as conn:
            rows = [(r[0], r[1]) for r in conn.execute(stmt.order_by(pk).limit(batch_size))]
        if not rows:
            return
        last = rows[-1][0]
        yield rows


def rotate(
    engine: Engine,
    *,
    batch_size: int = 1000,
    on_start: Callable[[str, int], None] | None = None,
    on_progress: Callable[[str, int], None] | None = None,
) -> Summary:
    """Re-encrypt everything not under the current key; returns what was done."""
    keyring = crypto.get_keyring()
    key_id = keyring.current_key_id
    summary = Summary(key_id=key_id)
    for target in targets():
        col = ColumnSummary(target.name, due=count_due(engine, target, key_id))
        summary.columns.append(col)
        if on_start:
            on_start(target.name, col.due)
        if not col.due:
            continue
        (pk,) = target.table.primary_key.columns
        update = (
            target.table.update()
            .where(pk == bindparam("b_pk"), _raw(target) == bindparam("b_old", type_=Text()))
            .values({target.column.name: type_coerce(bindparam("b_new"), Text())})
        )
        for rows in _batches(engine, target, key_id, batch_size):
            params = []
            for row_pk, stored in rows:
                try:
                    new = _reencrypt(keyring, target, stored)
                except (crypto.DecryptionError, ValueError):
                    col.failed += 1
                    continue
                params.append({"b_pk": row_pk, "b_old": stored, "b_new": new})
            if params:
                with engine.begin() as conn:
                    conn.execute(update, params)
            col.rotated += len(params)
            if on_progress:
                on_progress(target.name, len(rows))
    return summary
