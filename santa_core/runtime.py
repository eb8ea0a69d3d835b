"""One runtime built from settings: what the server, the CLI, the worker and the tests run on.

The database engine and its sessionmaker, the encryption keyring and the job
queue are built here and nowhere else, from one :class:`Settings`. The entry
point owns the runtime: it builds it on start and closes it on the way out
(the server in its lifespan, a CLI command around its work). Building it does
no I/O: the engine connects on first use, migrations run only from
``santa db upgrade`` or ``santa serve`` (:func:`santa_core.migrate.ensure_schema`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, orm
from sqlalchemy.orm import Session

from santa_core import crypto
from santa_core.config import Settings
from santa_core.db import engine_from_settings, make_read_sessionmaker, make_sessionmaker
from santa_core.jobs import Jobs, build_jobs


@dataclass
class Runtime:
    settings: Settings
    keyring: crypto.Keyring
    engine: Engine
    sessionmaker: orm.sessionmaker[Session]
    #: Sessions for reads (no write lock on SQLite).
    read_sessionmaker: orm.sessionmaker[Session]

    def jobs(self, **overrides: Any) -> Jobs:
        """The job queue (producer and consumer side) on this runtime's database."""
        return build_jobs(self.settings, factory=self.sessionmaker, **overrides)

    def close(self) -> None:
        self.engine.dispose()


def keyring_from(settings: Settings) -> crypto.Keyring:
    return crypto.keyring_from_settings(settings)


def build_runtime(settings: Settings, *, engine: Engine | None = None) -> Runtime:
    """Everything built from ``settings``; the keyring becomes the process's (columns and
    sealed payloads encrypt with it)."""
    keyring = keyring_from(settings)
    crypto.install_keyring(keyring)
    engine = engine if engine is not None else engine_from_settings(settings)
    return Runtime(
        settings=settings,
        keyring=keyring,
        engine=engine,
        sessionmaker=make_sessionmaker(engine),
        read_sessionmaker=make_read_sessionmaker(engine),
    )
