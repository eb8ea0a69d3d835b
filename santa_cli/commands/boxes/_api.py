"""Connection options and answer handling shared by the ``santa boxes`` commands.

Exit codes: 0 done, 1 the server refused (a domain error, or no server), 2 bad
input (ours or the server's 400/422) or no credentials.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from typing import Annotated, Any, NoReturn, TypeVar

import typer

from santa_cli.output import fail

DEFAULT_URL = "http://127.0.0.1:8000"
BAD_INPUT = 2
#: Field errors shown after the problem's detail; the rest are counted.
SHOWN_FIELD_ERRORS = 5

Url = Annotated[
    str, typer.Option("--url", envvar="SANTA_API_URL", help="The santa server's address.")
]
Token = Annotated[
    str,
    typer.Option(
        "--token",
        envvar="SANTA_TOKEN",
        help="An access token (Bearer); or sign in with --email.",
        show_default=False,
    ),
]
Email = Annotated[
    str,
    typer.Option(
        "--email", envvar="SANTA_EMAIL", help="Sign in as this account.", show_default=False
    ),
]
Password = Annotated[
    str,
    typer.Option(
        "--password",
        envvar="SANTA_PASSWORD",
        help="Its password (asked when not given).",
        show_default=False,
    ),
]
Json = Annotated[bool, typer.Option("--json", help="One JSON document.")]

T = TypeVar("T")


@contextmanager
def client(url: str, token: str, email: str = "", password: str = "") -> Iterator[Any]:
    """An SDK client for the command's duration (its connections are closed after).

    With ``email`` (and no token) it signs in with the password and signs out at the end.
    """
    from santa_sdk import connect

    _check_url(url)
    if token:
        with connect(url, token=token) as api:
            yield api
        return
    if not email:
        fail(
            "sign in with --email (SANTA_EMAIL) and --password (SANTA_PASSWORD), "
            "or give an access token with --token (SANTA_TOKEN)",
            code="unauthenticated",
            exit_code=BAD_INPUT,
        )
    from santa_sdk import ApiError, sign_in
    from santa_sdk.api.auth import logout

    if not password:
        password = _ask_password()
    try:
        api = call(sign_in, url, email, password)
    except ApiError as exc:
        refuse(exc.problem)
    with api:
        try:
            yield api
        finally:
            with suppress(Exception):  # the session expires by itself anyway
                logout.sync(client=api)


def answer(result: T | Any, expected: type[T]) -> T:
    """The expected model, or exit with the problem's code and detail (one line)."""
    from santa_sdk.models import Problem

    if isinstance(result, expected):
        return result
    if isinstance(result, Problem):
        refuse(result)
    return fail("the server gave no usable answer", code="unexpected_response")


def call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    """Call an SDK function, turning transport errors into one-line failures."""
    import httpx

    from santa_sdk._generated.errors import UnexpectedStatus

    try:
        return fn(*args, **kwargs)
    except httpx.TransportError as exc:
        fail(f"cannot reach the server: {exc}", code="connection_failed")
    except UnexpectedStatus as exc:
        problem = _problem_in(exc.content)
        if problem is not None:
            refuse(problem)
        fail(f"unexpected HTTP status {exc.status_code}", code="unexpected_response")
    except (ValueError, KeyError, TypeError):  # not JSON, or not our schema
        fail("the server's answer is not santa's API: is --url right?", code="unexpected_response")


def refuse(problem: Any) -> NoReturn:
    """Exit with a problem: its detail, then which fields were wrong."""
    from santa_sdk.types import Unset

    message = problem.detail
    errors = [] if isinstance(problem.errors, Unset) else problem.errors
    if errors:
        parts = [f"{_field(e.loc)}: {e.message}" for e in errors[:SHOWN_FIELD_ERRORS]]
        more = len(errors) - SHOWN_FIELD_ERRORS
        message += " " + "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
    fail(
        message,
        code=problem.code,
        exit_code=BAD_INPUT if problem.status in (400, 422) else 1,
    )


def _field(loc: list[int | str]) -> str:
    path = [str(p) for p in loc]
    if path and path[0] in ("body", "query", "path"):
        path = path[1:]
    return ".".join(path) or "request"


def _problem_in(content: bytes) -> Any | None:
    """The problem document in an undeclared answer (a 5xx, a 429), if it is one."""
    import json

    from santa_sdk.models import Problem

    try:
        return Problem.from_dict(json.loads(content))
    except (ValueError, KeyError, TypeError):
        return None


def _check_url(url: str) -> None:
    import httpx

    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        fail(
            f"--url (SANTA_API_URL) {url!r} is not an http:// or https:// address",
            code="invalid_url",
            exit_code=BAD_INPUT,
        )


def _ask_password() -> str:
    import sys

    if not sys.stdin.isatty():
        fail(
            "no password: set SANTA_PASSWORD (or --password)",
            code="unauthenticated",
            exit_code=BAD_INPUT,
        )
    password: str = typer.prompt("Password", hide_input=True)
    return password
