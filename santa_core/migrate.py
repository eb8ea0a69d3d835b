"""Schema migrations (Alembic), callable from the CLI, the server and tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from santa_core import models
from santa_core.db import include_in_comparison

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(connection: Connection | None = None) -> Config:
    if not MIGRATIONS_DIR.is_dir():
        raise RuntimeError(f"migrations folder not found at {MIGRATIONS_DIR}")
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


@contextmanager
def _connected(engine: Engine) -> Iterator[Config]:
    with engine.begin() as conn:
        yield alembic_config(conn)


def upgrade(engine: Engine, revision: str = "head") -> None:
    with _connected(engine) as cfg:
        command.upgrade(cfg, revision)


def downgrade(engine: Engine, revision: str) -> None:
    with _connected(engine) as cfg:
        command.downgrade(cfg, revision)


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@dataclass(frozen=True)
class DriftReport:
    current: str | None
    head: str | None
    differences: list[Any]

    @property
    def up_to_date(self) -> bool:
        return self.current == self.head

    @property
    def ok(self) -> bool:
        return self.up_to_date and not self.differences


def check(engine: Engine) -> DriftReport:
    """Compare the migrated schema with the models (what ``alembic check`` does)."""
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "render_as_batch": True,
                "include_object": include_in_comparison,
            },
        )
        diff = compare_metadata(ctx, models.Base.metadata)
        current = ctx.get_current_revision()
    return DriftReport(current=current, head=head_revision(), differences=list(diff))


def ensure_schema(engine: Engine) -> bool:
    """Upgrade to head if needed; returns True when something was applied.

    What the entry points call before serving (``santa serve`` on SQLite, the Gunicorn
    master on SQLite, tests on a fresh database); building or starting the app never
    migrates."""
    if current_revision(engine) == head_revision():
        return False
    upgrade(engine)
    return True
