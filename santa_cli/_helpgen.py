"""Render every command's ``--help`` with Typer, for :mod:`santa_cli.launch`.

``python -m santa_cli._helpgen --write`` rewrites ``santa_cli/_help_text.py``;
``--check`` exits 1 when it differs from what Typer prints now.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from santa_cli.launch import PROG, RENDER_COLUMNS

TARGET = Path(__file__).with_name("_help_text.py")


def command_paths() -> Iterator[list[str]]:
    """Every command path of the tree, the root (``[]``) first, lazy groups loaded."""
    from santa_cli.main import app

    root: Any = typer.main.get_command(app)

    def walk(command: Any, path: list[str], parent: Any) -> Iterator[list[str]]:
        yield path
        if not hasattr(command, "list_commands"):
            return
        ctx = command.context_class(command, info_name=path[-1] if path else PROG, parent=parent)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None:
                yield from walk(sub, [*path, name], ctx)

    yield from walk(root, [], None)


def render(path: list[str]) -> str:
    """What ``santa PATH --help`` prints on a terminal of :data:`RENDER_COLUMNS` columns."""
    from santa_cli.main import app

    out = io.StringIO()
    old = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(RENDER_COLUMNS)
    try:
        with contextlib.redirect_stdout(out):
            app([*path, "--help"], prog_name=PROG, standalone_mode=False)
    finally:
        if old is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = old
    return out.getvalue()


def texts() -> dict[str, str]:
    return {" ".join(path): render(path) for path in command_paths()}


def source() -> str:
    lines = [
        '"""Every command\'s ``--help``, rendered by Typer: generated, do not edit.',
        "",
        "Regenerate with ``python -m santa_cli._helpgen --write`` (see :mod:`santa_cli.launch`).",
        '"""',
        "",
        "TEXTS = {",
    ]
    lines += [f"    {key!r}: {value!r}," for key, value in sorted(texts().items())]
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    wanted = source()
    if "--check" in argv:
        if TARGET.read_text(encoding="utf-8") != wanted:
            sys.stderr.write(f"{TARGET} is stale: python -m santa_cli._helpgen --write\n")
            return 1
        return 0
    TARGET.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
