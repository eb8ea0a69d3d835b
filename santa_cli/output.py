"""Console output shared by commands: one-line errors with a stable code, JSON mode."""

from __future__ import annotations

import json
import sys
from typing import Any, NoReturn

import typer
from rich.console import Console

console = Console()
err_console = Console(stderr=True)


def fail(message: str, *, code: str = "error", exit_code: int = 1) -> NoReturn:
    """Print ``error[code]: message`` on stderr and exit; never a traceback."""
    from rich.markup import escape

    err_console.print(
        f"[bold red]error\\[{escape(code)}][/]: {escape(message)}", highlight=False, soft_wrap=True
    )
    raise typer.Exit(exit_code)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, default=str) + "\n")
