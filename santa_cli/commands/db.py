"""``santa db``: migrations (upgrade, downgrade, current, check)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from santa_cli import context
from santa_cli._lazy import group
from santa_cli.output import console, fail, print_json

app = group("db", "Database schema migrations.")


@contextmanager
def _revision_errors() -> Iterator[None]:
    """Alembic's refusals (unknown revision, ...) as one line."""
    from alembic.util import CommandError

    try:
        yield
    except CommandError as exc:
        fail(str(exc).strip().splitlines()[0], code="migration_error", exit_code=2)


@app.command()
def upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Apply migrations up to REVISION (default: the latest).

    \b
    Example:
      santa db upgrade
    """
    from santa_core import migrate

    with _revision_errors():
        migrate.upgrade(context.engine(), revision)
    console.print(f"database at {migrate.current_revision(context.engine())}")


@app.command()
def downgrade(revision: Annotated[str, typer.Argument(help="Target revision, e.g. base.")]) -> None:
    """Revert migrations down to REVISION.

    \b
    Example:
      santa db downgrade -1
    """
    from santa_core import migrate

    with _revision_errors():
        migrate.downgrade(context.engine(), revision)
    console.print(f"database at {migrate.current_revision(context.engine()) or 'base'}")


@app.command()
def current(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Show the database's revision and the latest one.

    \b
    Example:
      santa db current
    """
    from santa_core import migrate

    cur, head = migrate.current_revision(context.engine()), migrate.head_revision()
    if as_json:
        print_json({"current": cur, "head": head})
    else:
        console.print(f"current: {cur or 'base'}  head: {head}")


@app.command()
def check(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Fail when the database is behind or the models drift from the migrations.

    \b
    Example:
      santa db check
    """
    from santa_core import migrate

    report = migrate.check(context.engine())
    if as_json:
        print_json(
            {
                "current": report.current,
                "head": report.head,
                "differences": [str(d) for d in report.differences],
                "ok": report.ok,
            }
        )
    if not report.up_to_date:
        fail(
            f"database is at {report.current or 'base'}, head is {report.head}: "
            "run `santa db upgrade`",
            code="migrations_pending",
        )
    if report.differences:
        fail(
            f"models and migrations differ ({len(report.differences)} change(s)): "
            "add an Alembic revision",
            code="schema_drift",
        )
    if not as_json:
        console.print(f"no drift: database at {report.current}, models match the migrations")
