"""The ``santa`` command. Commands import their dependencies lazily, so ``--help`` is fast."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from santa_cli.commands import db
from santa_cli.commands.serve import serve

app = typer.Typer(
    name="santa",
    help="santa: Secret Santa gift exchanges. Run `santa serve` to start.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
app.command()(serve)
app.add_typer(db.app, name="db")

_debug = False


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
) -> None:
    global _debug
    _debug = debug


def _register_optional_groups() -> None:
    """Groups contributed by other areas of the codebase (each a Typer app)."""
    import importlib

    for module_name, name in (
        ("santa_cli.commands.draw", "draw"),
        ("santa_cli.commands.worker", None),
        ("santa_cli.commands.outbox", "outbox"),
        ("santa_cli.commands.users", "users"),
        ("santa_cli.commands.boxes", "boxes"),
        ("santa_cli.commands.keys", "keys"),
    ):
        try:
            module = importlib.import_module(module_name)
        except ModuleNotFoundError as exc:
            if exc.name == module_name:
                continue
            raise
        if name is None:
            module.register(app)
        else:
            app.add_typer(module.app, name=name)


_register_optional_groups()


def main() -> None:
    """Entry point: map domain and configuration errors to one line and an exit code."""
    from santa_core.errors import ConfigurationError, InvalidInput, SantaError

    try:
        rc = app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("aborted\n")
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # one line, never a traceback (unless --debug)
        from typer.exceptions import TyperException

        if _debug:
            raise
        if isinstance(exc, TyperException):  # usage errors: Typer's own click
            show = getattr(exc, "show", None)
            if show is not None:
                show()
            else:
                sys.stderr.write(f"error: {exc.format_message()}\n")
            sys.exit(exc.exit_code)
        if isinstance(exc, ConfigurationError | InvalidInput):  # bad input: exit 2
            sys.stderr.write(f"error[{exc.code}]: {exc.message}\n")
            sys.exit(2)
        if isinstance(exc, SantaError):
            sys.stderr.write(f"error[{exc.code}]: {exc.message}\n")
            sys.exit(1)
        from sqlalchemy.exc import DBAPIError, OperationalError

        if isinstance(exc, DBAPIError):
            reason = (str(exc.orig) if exc.orig else str(exc)).strip().splitlines()
            code = "database_unavailable" if isinstance(exc, OperationalError) else "database_error"
            first = reason[0] if reason else type(exc).__name__
            sys.stderr.write(f"error[{code}]: cannot use the database: {first}\n")
            sys.exit(1)
        sys.stderr.write(f"error[unexpected]: {type(exc).__name__}: {exc} (rerun with --debug)\n")
        sys.exit(1)
    sys.exit(rc if isinstance(rc, int) else 0)


if __name__ == "__main__":
    main()
