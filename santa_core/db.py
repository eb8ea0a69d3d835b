"""Database plumbing: declarative base, portable column types, engine and sessions.

One transaction per entry point: a request, a job or a CLI command opens a
session with :func:`session_scope` (or the server's dependency), services work
inside it and never commit.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from sqlalchemy import JSON, DateTime, Engine, MetaData, String, Text, create_engine, event
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.engine import URL
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.types import TypeDecorator

from santa_core import crypto

if TYPE_CHECKING:
    from santa_core.config import Settings

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timezone-aware timestamps on every backend (SQLite stores them naive, in UTC)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given for a timezone-aware column")
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


class EncryptedText(TypeDecorator[str]):
    """Text encrypted at rest with the installed keyring (AES-GCM)."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        return crypto.get_keyring().encrypt(value)

    def process_result_value(self, value: str | None, dialect: Any) -> str | None:
        if value is None:
            return None
        if crypto.Keyring.key_id_of(value) is None:
            return value  # written before the column was encrypted; `santa keys rotate` seals it
        return crypto.get_keyring().decrypt(value)


class EncryptedJSON(TypeDecorator[Any]):
    """JSON encrypted at rest (AES-GCM) as text: for payloads that name people."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        if value is None:
            return None
        return crypto.get_keyring().encrypt(json.dumps(value, separators=(",", ":")))

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        if value is None:
            return None
        if crypto.Keyring.key_id_of(value) is None:
            return json.loads(value)  # written before the column was encrypted
        return json.loads(crypto.get_keyring().decrypt(value))


#: JSONB on PostgreSQL, JSON elsewhere.
JSONType = JSON().with_variant(JSONB(), "postgresql")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012
        dt.datetime: UTCDateTime(),
        dict[str, Any]: JSONType,
        list[Any]: JSONType,
        str: String(255),
    }


class UUIDPk:
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)


class Timestamped:
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)


def one_of(column: Any, values: Sequence[Any], *, dialect: str) -> Any:
    """``column IN values``, sent to PostgreSQL as one array parameter (``= ANY(:values)``).

    An IN list of thousands of values costs a placeholder each to compile and
    send; an array is one parameter. Other backends get the plain IN list.
    """
    if dialect == "postgresql":
        from sqlalchemy import any_, bindparam
        from sqlalchemy.dialects.postgresql import ARRAY

        return column == any_(bindparam(None, value=list(values), type_=ARRAY(column.type)))
    return column.in_(values)


#: Indexes that migrations create on PostgreSQL only (pg_trgm search) and the models
#: do not describe: the schema comparison skips them.
DATABASE_ONLY_INDEXES = frozenset(
    {
        "ix_trgm_participants_display_name",
        "ix_trgm_participants_nickname",
        "ix_trgm_participants_email",
        "ix_trgm_email_invites_email",
    }
)


def include_in_comparison(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    """Alembic ``include_object``: leave the database-only indexes out of drift checks."""
    return not (type_ == "index" and reflected and name in DATABASE_ONLY_INDEXES)


#: Execution option naming a read-only unit of work: on SQLite it opens a deferred
#: transaction (a WAL reader that never takes the write lock); writers use
#: ``BEGIN IMMEDIATE`` so they queue on the lock instead of failing on upgrade.
READ_ONLY = "santa_read_only"


def values_table(values: Sequence[str], *, name: str = "value") -> Any:
    """PostgreSQL: the values as a one-column table (``unnest`` of one array parameter).

    Joined to a big table on an indexed column, the planner walks the values and
    looks each one up in the index, whatever its statistics say; a long
    ``= ANY(array)`` filter can instead be checked row by row against the array,
    which grows with the table (stale statistics after a bulk import do that).
    """
    from sqlalchemy import bindparam, func
    from sqlalchemy.dialects.postgresql import ARRAY

    param = bindparam(None, value=list(values), type_=ARRAY(String(320)))
    return func.unnest(param).table_valued(name).render_derived()


def make_engine(
    url: URL | str,
    *,
    echo: bool = False,
    busy_timeout_ms: int = 30_000,
    connect_timeout_seconds: int | None = None,
    statement_timeout_ms: int | None = None,
    **kwargs: Any,
) -> Engine:
    """Create an engine with the per-backend settings the app relies on."""
    from sqlalchemy.engine import make_url

    url = make_url(url)
    if url.get_backend_name() == "sqlite":
        memory = not url.database or url.database == ":memory:"
        if not memory:
            from pathlib import Path

            Path(url.database or "").parent.mkdir(parents=True, exist_ok=True)
        else:
            for key in ("pool_size", "max_overflow", "pool_timeout"):
                kwargs.pop(key, None)
        kwargs.setdefault(
            "connect_args", {"check_same_thread": False, "timeout": busy_timeout_ms / 1000}
        )
        engine = create_engine(url, echo=echo, **kwargs)
        _configure_sqlite(engine, busy_timeout_ms=busy_timeout_ms)
        return engine
    kwargs.setdefault("pool_pre_ping", True)
    kwargs.setdefault("pool_recycle", 1800)
    connect_args: dict[str, Any] = dict(kwargs.pop("connect_args", {}))
    if connect_args.get("connect_timeout") is None and connect_timeout_seconds is not None:
        connect_args["connect_timeout"] = connect_timeout_seconds
    if statement_timeout_ms is not None and url.get_backend_name() == "postgresql":
        options = connect_args.get("options", "")
        connect_args["options"] = f"{options} -c statement_timeout={statement_timeout_ms}".strip()
    return create_engine(url, echo=echo, connect_args=connect_args, **kwargs)


def engine_from_settings(settings: Settings, **overrides: Any) -> Engine:
    """The engine an entry point owns, sized and timed out from settings."""
    options: dict[str, Any] = {
        "pool_size": settings.db_pool_size,
        "max_overflow": settings.db_max_overflow,
        "pool_timeout": settings.db_pool_timeout_seconds,
        "busy_timeout_ms": settings.sqlite_busy_timeout_ms,
        "connect_timeout_seconds": settings.db_connect_timeout_seconds,
        "statement_timeout_ms": settings.db_statement_timeout_ms or None,
        "pool_pre_ping": settings.db_pool_pre_ping,
    }
    options.update(overrides)
    return make_engine(settings.database_url_obj, **options)


def _configure_sqlite(engine: Engine, *, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        # Take transaction control from pysqlite so BEGIN IMMEDIATE serializes writers.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            conn.exec_driver_sql("BEGIN")
        else:
            conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(bind=engine, expire_on_commit=False, autoflush=True)


def make_read_sessionmaker(engine: Engine, *, autocommit: bool = False) -> sessionmaker[Session]:
    """Sessions for reads: on SQLite their transaction takes no write lock.

    A read session may still write (a GET that records a first open); on SQLite
    that write upgrades the deferred transaction and can meet a busy lock
    (answered 503), so routes that usually write take the write sessionmaker.
    ``autocommit`` (PostgreSQL, for routes known to only read): no transaction
    at all, which saves the BEGIN and COMMIT round trips; under READ COMMITTED
    every statement takes its own snapshot anyway, so a read sees the same.
    """
    options: dict[str, Any] = {READ_ONLY: True}
    if autocommit and engine.dialect.name == "postgresql":
        options["isolation_level"] = "AUTOCOMMIT"
    return sessionmaker(
        bind=engine.execution_options(**options), expire_on_commit=False, autoflush=True
    )


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One unit of work: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
