"""Exceptions as one line ``error[code]: message`` and an exit code (0 ok, 1 refused, 2 usage)."""

from __future__ import annotations

import sys

BAD_USAGE = 2
REFUSED = 1
#: ``santa --debug``: show tracebacks instead of one line (set by the root callback).
DEBUG = False


def usage_line(exc: BaseException) -> str:
    """Click's usage error on one line, with where to get help (``santa box create -h``)."""
    message = " ".join(str(getattr(exc, "format_message", lambda: exc)()).split())
    ctx = getattr(exc, "ctx", None)
    if ctx is None:
        return message
    flags = [f for f in ctx.help_option_names if f.startswith("--")] or ctx.help_option_names
    return f"{message} (see: {ctx.command_path} {flags[0]})" if flags else message


def report(exc: BaseException) -> int:
    """Print ``exc`` as one line on stderr; the exit code it deserves."""
    from typer.exceptions import TyperException

    if isinstance(exc, TyperException):  # usage errors: Typer's own click
        sys.stderr.write(f"error[bad_usage]: {usage_line(exc)}\n")
        return int(exc.exit_code)
    from santa_sdk.errors import ApiError

    if isinstance(exc, ApiError):
        sys.stderr.write(f"error[{exc.code}]: {exc.detail}\n")
        return BAD_USAGE if exc.status in (400, 422) else REFUSED
    if "santa_core" in sys.modules:
        from santa_core.errors import ConfigurationError, InvalidInput, SantaError

        if isinstance(exc, ConfigurationError | InvalidInput):
            sys.stderr.write(f"error[{exc.code}]: {exc.message}\n")
            return BAD_USAGE
        if isinstance(exc, SantaError):
            sys.stderr.write(f"error[{exc.code}]: {exc.message}\n")
            return REFUSED
    if "sqlalchemy" in sys.modules:
        from sqlalchemy.exc import DBAPIError, OperationalError

        if isinstance(exc, DBAPIError):
            reason = (str(exc.orig) if exc.orig else str(exc)).strip().splitlines()
            code = "database_unavailable" if isinstance(exc, OperationalError) else "database_error"
            first = reason[0] if reason else type(exc).__name__
            sys.stderr.write(f"error[{code}]: cannot use the database: {first}\n")
            return REFUSED
    if "httpx" in sys.modules:
        import httpx

        if isinstance(exc, httpx.TransportError):
            sys.stderr.write(f"error[connection_failed]: cannot reach the server: {exc}\n")
            return REFUSED
    sys.stderr.write(f"error[unexpected]: {type(exc).__name__}: {exc} (rerun with --debug)\n")
    return REFUSED
