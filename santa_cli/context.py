"""What commands share: settings and a database, built lazily from the environment.

Nothing heavy is imported at module level: ``santa --help`` and ``santa draw``
must not pay for SQLAlchemy and pydantic-settings.

Long-running commands (``serve``, ``worker``) check what they depend on before
they start: folders they write to, the database and its schema, Redis. A
problem is one line naming the variable to fix, never a traceback later.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from santa_core.config import Settings
    from santa_core.runtime import Runtime


@cache
def settings() -> Settings:
    from santa_core.config import get_settings

    return get_settings()


@cache
def runtime() -> Runtime:
    """Engine, sessionmaker, keyring and job queue, built once from the settings."""
    from santa_core.runtime import build_runtime

    s = settings()
    _prepare_database_dir(s)
    return build_runtime(s)


def engine() -> Engine:
    """The database, for every command (``santa db`` included): no schema check."""
    return runtime().engine


def app_engine() -> Engine:
    """The database of commands that use its tables.

    SQLite (the embedded default) is created and migrated on first use, as
    ``santa serve`` does; any other database must already be at the latest
    revision (``santa db upgrade``).
    """
    eng = engine()
    if eng.url.get_backend_name() == "sqlite":
        from santa_core import migrate

        migrate.ensure_schema(eng)
    else:
        require_schema(eng)
    return eng


def require_schema(eng: Engine) -> None:
    """Fail with one line unless the database is reachable and at the latest revision."""
    from santa_cli.output import fail
    from santa_core import migrate

    current, head = migrate.current_revision(eng), migrate.head_revision()
    if current != head:
        fail(
            f"the database is at revision {current or 'base'}, this santa needs {head}: "
            "run `santa db upgrade`",
            code="migrations_pending",
        )


def require_redis(s: Settings) -> None:
    """Fail with one line when SANTA_REDIS_URL cannot be reached."""
    import redis

    from santa_cli.output import fail

    assert s.redis_url is not None
    client = redis.Redis.from_url(s.redis_url, socket_connect_timeout=5, socket_timeout=5)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        fail(f"cannot reach Redis (SANTA_REDIS_URL): {exc}", code="queue_unavailable")
    finally:
        client.close()


def prepare_dirs(s: Settings) -> None:
    """Create the folders a server or worker writes to, or fail naming the variable."""
    from santa_core.config import EmailBackend

    _prepare_database_dir(s)
    if s.embedded:  # the SQLite job queue
        _writable(s.data_dir, "SANTA_DATA_DIR")
    if s.email_backend is EmailBackend.FILE:
        _writable(s.outbox_path, "SANTA_OUTBOX_DIR" if s.outbox_dir else "SANTA_DATA_DIR")


def _prepare_database_dir(s: Settings) -> None:
    url = s.database_url_obj
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return
    variable = "SANTA_DATABASE_URL" if s.database_url else "SANTA_DATA_DIR"
    _writable(Path(url.database).parent, variable)


def _writable(path: Path, variable: str) -> None:
    import tempfile

    from santa_core.errors import ConfigurationError

    try:
        path.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=path):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise ConfigurationError(f"{variable}: cannot write to {path}: {reason}") from None
