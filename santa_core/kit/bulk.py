"""Bulk inserts for big boxes (10,000 people at once).

On PostgreSQL rows go in with ``COPY … FROM STDIN`` on the session's own
connection (same transaction): an executemany would send one INSERT per row.
Values pass through the columns' Python-side processing first (encryption,
UTC timestamps, JSON, enums) and missing columns get their Python defaults,
exactly as an ORM insert would. Elsewhere (SQLite) a plain executemany is fast.

``COPY`` runs behind the ORM's back, so no session event sees those rows: a
caller that must react to them (the outbox writer rings the job queue) passes
``on_copy``, called with the number of rows copied.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import Any

import psycopg
from psycopg.types.json import Jsonb
from sqlalchemy import JSON, Column, Table, insert
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.types import TypeDecorator

from santa_core.db import Base


def bulk_insert(
    session: Session,
    model: type[Base],
    rows: Sequence[dict[str, Any]],
    *,
    on_copy: Callable[[int], None] | None = None,
) -> None:
    if not rows:
        return
    session.flush()
    connection = session.connection()
    if connection.dialect.name != "postgresql":
        session.execute(insert(model), list(rows))
        return
    table: Table = model.__table__  # type: ignore[assignment]
    keys = set().union(*(row.keys() for row in rows))
    columns = [c for c in table.columns if c.name in keys or _has_default(c)]
    convert = [_converter(c, connection.dialect) for c in columns]
    names = ", ".join(f'"{c.name}"' for c in columns)
    raw = connection.connection.driver_connection
    assert raw is not None

    statement = f'COPY "{table.name}" ({names}) FROM STDIN'
    try:
        with raw.cursor() as cursor, cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row([f(row) for f in convert])
    except psycopg.errors.IntegrityError as exc:
        raise IntegrityError(statement, None, exc) from exc
    if on_copy is not None:
        on_copy(len(rows))


def _has_default(column: Column[Any]) -> bool:
    default = column.default
    return default is not None and (default.is_scalar or default.is_callable)


def _converter(column: Column[Any], dialect: Any) -> Callable[[dict[str, Any]], Any]:
    """row -> the value to COPY for this column (computed once per column, run per row)."""
    name = column.name
    default: Any = column.default if _has_default(column) else None
    kind = column.type
    bind = kind.process_bind_param if isinstance(kind, TypeDecorator) else None
    impl = kind.impl_instance if isinstance(kind, TypeDecorator) else kind
    is_json = isinstance(impl, JSON)

    def convert(row: dict[str, Any]) -> Any:
        if name in row:
            value = row[name]
        elif default is not None:
            value = default.arg(None) if default.is_callable else default.arg
        else:
            return None
        if value is None:
            return None
        if bind is not None:
            value = bind(value, dialect)
        if isinstance(value, enum.Enum):
            return value.value
        if is_json or isinstance(value, dict | list):
            return Jsonb(value)
        return value

    return convert
