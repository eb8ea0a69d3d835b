"""Connection options and answer handling shared by the ``santa boxes`` commands."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, TypeVar

import typer

from santa_cli.output import fail

DEFAULT_URL = "http://127.0.0.1:8000"

Url = Annotated[
    str, typer.Option("--url", envvar="SANTA_API_URL", help="The santa server's address.")
]
Token = Annotated[
    str,
    typer.Option(
        "--token", envvar="SANTA_TOKEN", help="An access token (Bearer).", show_default=False
    ),
]
Json = Annotated[bool, typer.Option("--json", help="One JSON document.")]

T = TypeVar("T")


@contextmanager
def client(url: str, token: str) -> Iterator[Any]:
    """An SDK client for the command's duration (its connections are closed after)."""
    from santa_sdk import connect

    if not token:
        fail("give an access token with --token or SANTA_TOKEN", code="unauthenticated")
    with connect(url, token=token) as api:
        yield api


def answer(result: T | Any, expected: type[T]) -> T:
    """The expected model, or exit with the problem's code and detail (one line)."""
    from santa_sdk.models import Problem

    if isinstance(result, expected):
        return result
    if isinstance(result, Problem):
        fail(result.detail, code=result.code)
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
        fail(f"unexpected HTTP status {exc.status_code}", code="unexpected_response")
