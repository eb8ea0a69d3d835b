"""Reading draw input for the commands: JSON from a file or stdin, errors as exit 2."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from santa_cli.output import fail

if TYPE_CHECKING:
    from santa_core.draw.engine import DrawInput

#: Exit codes of the draw commands (part of the CLI contract).
EXIT_INFEASIBLE = 1
EXIT_INPUT = 2


def read_json(source: str, what: str = "input") -> Any:
    """Decode JSON from a path, or stdin for ``-``; malformed input exits 2."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        fail(f"cannot read {what} {source}: {exc.strerror}", code="invalid_input", exit_code=2)
    except UnicodeDecodeError:
        fail(f"{what} {source} is not UTF-8 text", code="invalid_input", exit_code=2)
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        fail(
            f"{what} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}",
            code="invalid_input",
            exit_code=EXIT_INPUT,
        )


def read_input(source: str) -> DrawInput:
    from santa_core.draw.engine import DrawInputError, parse_input

    data = read_json(source)
    try:
        return parse_input(data)
    except DrawInputError as exc:
        fail(str(exc), code="invalid_input", exit_code=EXIT_INPUT)
