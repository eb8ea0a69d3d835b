"""``santa keys rotate``: re-encrypt every encrypted column under the first key of
``SANTA_ENCRYPTION_KEYS`` (prepend the new key first). Safe to interrupt and rerun."""

from __future__ import annotations

from typing import Annotated

import typer


def rotate(
    batch_size: Annotated[
        int, typer.Option("--batch-size", min=1, max=100_000, help="Rows per transaction.")
    ] = 1000,
) -> None:
    """Re-encrypt stored personal data with the current (first) encryption key.

    \b
    Example (after putting the new key first in SANTA_ENCRYPTION_KEYS):
      santa keys rotate --batch-size 500
    """
    import time

    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TaskID,
        TextColumn,
        TimeRemainingColumn,
    )
    from rich.table import Table

    from santa_cli import context
    from santa_core.keys import rotate as service

    engine = context.app_engine()
    console = Console(stderr=True)
    tasks: dict[str, TaskID] = {}
    started = time.monotonic()
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console,
        transient=False,
    ) as progress:

        def on_start(name: str, due: int) -> None:
            tasks[name] = progress.add_task(name, total=max(due, 1), completed=0 if due else 1)

        def on_progress(name: str, done: int) -> None:
            progress.advance(tasks[name], done)

        summary = service.rotate(
            engine, batch_size=batch_size, on_start=on_start, on_progress=on_progress
        )
    elapsed = time.monotonic() - started
    table = Table(title=f"Re-encrypted under key {summary.key_id!r}")
    for header in ("column", "due", "re-encrypted", "failed"):
        table.add_column(header, justify="left" if header == "column" else "right")
    for col in summary.columns:
        table.add_row(col.name, str(col.due), str(col.rotated), str(col.failed))
    Console().print(table)
    rate = summary.rotated / elapsed if elapsed > 0 else 0.0
    typer.echo(f"{summary.rotated} values re-encrypted in {elapsed:.1f} s ({rate:.0f} rows/s)")
    if summary.failed:
        typer.echo(
            f"error[undecryptable_values]: {summary.failed} values cannot be decrypted with any "
            "configured key (left as they are)",
            err=True,
        )
        raise typer.Exit(1)
