"""Console output shared by commands: one-line errors with a stable code, JSON, tables.

rich is imported on first use only (``santa --help`` must not pay for it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, NoReturn, cast

import typer

if TYPE_CHECKING:
    from rich.console import Console


class _LazyConsole:
    def __init__(self, *, stderr: bool) -> None:
        self._stderr = stderr
        self._console: Console | None = None

    def real(self) -> Console:
        if self._console is None:
            import os

            from rich.console import Console

            console = Console(stderr=self._stderr)
            if not console.is_terminal and "COLUMNS" not in os.environ:
                # Piped into a file or a pager: no terminal says how wide, so do not
                # squeeze tables into 80 columns.
                console = Console(stderr=self._stderr, width=160)
            self._console = console
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real(), name)


_out, _err = _LazyConsole(stderr=False), _LazyConsole(stderr=True)
console = cast("Console", _out)
err_console = cast("Console", _err)


def real_console(*, stderr: bool = False) -> Console:
    """The console itself, where rich needs one it can enter (progress bars, live views)."""
    return (_err if stderr else _out).real()


def fail(message: str, *, code: str = "error", exit_code: int = 1) -> NoReturn:
    """Print ``error[code]: message`` on stderr and exit; never a traceback."""
    from rich.markup import escape

    err_console.print(
        f"[bold red]error\\[{escape(code)}][/]: {escape(message)}", highlight=False, soft_wrap=True
    )
    raise typer.Exit(exit_code)


def print_json(data: object) -> None:
    """One JSON document on stdout (keys as given: callers keep them stable)."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")


def table(columns: Sequence[str], rows: Iterable[Sequence[object]], *, ids: int = 1) -> None:
    """A rich table whose id columns are never cut (ids are what commands take) and whose
    other values wrap, never end in an ellipsis.

    The first ``ids`` columns and every column named ``... id`` hold ids.
    """
    from rich.table import Table

    t = Table(*columns)
    for i, column in enumerate(t.columns):
        if i < ids or columns[i].endswith(" id"):
            column.no_wrap = True
            column.overflow = "ignore"
            column.min_width = 36
        else:
            # Narrow terminals wrap a value rather than cut it ("stat…" says nothing).
            column.overflow = "fold"
            column.min_width = min(len(columns[i]), 12)
    count = 0
    for row in rows:
        t.add_row(*("" if v is None else str(v) for v in row))
        count += 1
    if count:
        console.print(t, soft_wrap=True)
    else:
        console.print("(none)")


def say(message: str) -> None:
    """A plain line on stdout (no markup, no highlighting)."""
    console.print(message, highlight=False, markup=False, soft_wrap=True)
