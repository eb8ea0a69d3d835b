"""Alembic environment. The connection comes from santa_core.migrate (never from an ini file)."""

from __future__ import annotations

from alembic import context

from santa_core import models
from santa_core.db import include_in_comparison

config = context.config
target_metadata = models.Base.metadata


def run_migrations() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("run migrations through `santa db ...` (santa_core.migrate)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        compare_type=True,
        compare_server_default=True,
        include_object=include_in_comparison,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
