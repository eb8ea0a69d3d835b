"""The ``santa`` entry point: ``--help`` of any command without importing Typer.

Importing Typer (and the click it carries) costs more CPU than the start-up
budget leaves (~60 ms of the 100 ms over ``python -c pass``). Help is plain
text and the same on every run, so ``santa [COMMAND...] --help`` is printed
from :mod:`santa_cli._help_text`, rendered by Typer ahead of time
(``python -m santa_cli._helpgen --write``; a test checks it matches what Typer
prints now). Anything else, or a terminal narrower than the rendering (80
columns, the widest click uses), goes to :func:`santa_cli.main.main`.

This module imports only ``os`` and ``sys``.
"""

from __future__ import annotations

import os
import sys

#: Click wraps help at ``min(columns, 80) - 2``: any terminal this wide gets the same text.
RENDER_COLUMNS = 80
HELP_FLAGS = ("--help", "-h")
PROG = "santa"


def _columns() -> int:
    """The terminal width as :func:`shutil.get_terminal_size` sees it (without importing shutil)."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or RENDER_COLUMNS


def prerendered_help(argv: list[str]) -> str | None:
    """The help ``argv`` asks for, when it is ``santa [COMMAND...] --help`` exactly."""
    if len(argv) < 2 or argv[-1] not in HELP_FLAGS:
        return None
    if os.path.basename(argv[0]) != PROG:  # click puts the program's name in the usage line
        return None
    path = argv[1:-1]
    if any(word.startswith("-") for word in path) or _columns() < RENDER_COLUMNS:
        return None
    from santa_cli._help_text import TEXTS

    return TEXTS.get(" ".join(path))


def main() -> None:
    """Print a pre-rendered help, or run the command."""
    text = prerendered_help(sys.argv)
    if text is not None:
        sys.stdout.write(text)
        sys.stdout.flush()
        sys.exit(0)
    from santa_cli.main import main as run

    run()


if __name__ == "__main__":
    main()
