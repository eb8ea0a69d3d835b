"""What organizer commands share: the server, the kept session, and refusals as one line.

The session (``santa login``) is kept in ``<user config dir>/santa/session.json``
(``SANTA_CONFIG_DIR`` overrides the folder), readable by its owner only (0600):
the server's address, the account's email, and the tokens. The SDK refreshes
the access token when it expires and the new refresh token is written back, so
a session lasts as long as the server's refresh lifetime (30 days by default).

Without a kept session a command can still sign in for its own duration with
``SANTA_EMAIL``/``SANTA_PASSWORD``, or use an access token from ``SANTA_TOKEN``.

Exit codes: 0 done, 1 the server refused (or cannot be reached), 2 bad input
(ours or the server's 400/422) or not signed in.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from santa_cli.output import fail

if TYPE_CHECKING:
    from santa_sdk import AuthenticatedClient, Client, Tokens
    from santa_sdk.client import TokenListener
    from santa_sdk.errors import ApiError

DEFAULT_SERVER = "http://127.0.0.1:8000"
BAD_INPUT = 2
#: Field errors shown after the problem's detail; the rest are counted.
SHOWN_FIELD_ERRORS = 5

Server = Annotated[
    str | None,
    typer.Option(
        "--server",
        envvar="SANTA_SERVER",
        help="The santa server (default: the one you logged in to, else http://127.0.0.1:8000).",
        show_default=False,
    ),
]
#: ``--url``/``SANTA_API_URL``: the name before 0.2, kept working.
UrlAlias = Annotated[str | None, typer.Option("--url", envvar="SANTA_API_URL", hidden=True)]
Token = Annotated[str | None, typer.Option("--token", envvar="SANTA_TOKEN", hidden=True)]
Email = Annotated[str | None, typer.Option("--email", envvar="SANTA_EMAIL", hidden=True)]
Password = Annotated[str | None, typer.Option("--password", envvar="SANTA_PASSWORD", hidden=True)]
Json = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
BoxId = Annotated[str, typer.Argument(metavar="BOX_ID", help="The box's id (`santa box list`).")]


def config_dir() -> Path:
    override = os.environ.get("SANTA_CONFIG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_config_dir

    return Path(user_config_dir("santa"))


def session_file() -> Path:
    return config_dir() / "session.json"


def load_session() -> dict[str, str]:
    try:
        data = json.loads(session_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}


def save_session(data: dict[str, str]) -> None:
    """Write the session file with 0600 permissions (created so, never readable by others)."""
    path = session_file()
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
    os.chmod(tmp, 0o600)
    tmp.replace(path)


def forget_session() -> None:
    with suppress(FileNotFoundError):
        session_file().unlink()


def server_url(server: str | None, url: str | None = None) -> str:
    """The server to talk to: --server, the hidden --url, the kept session's, the local one."""
    chosen = server or url or load_session().get("server") or DEFAULT_SERVER
    import httpx

    try:
        parsed = httpx.URL(chosen)
    except httpx.InvalidURL:
        parsed = None
    if parsed is None or parsed.scheme not in ("http", "https") or not parsed.host:
        fail(
            f"--server (SANTA_SERVER) {chosen!r} is not an http:// or https:// address",
            code="invalid_url",
            exit_code=BAD_INPUT,
        )
    return chosen.rstrip("/")


def keeper(server: str, email: str) -> TokenListener:
    """An ``on_tokens`` listener writing each new pair of tokens to the session file."""

    def keep(tokens: Tokens) -> None:
        save_session(
            {
                "server": server,
                "email": email,
                "access_token": tokens.access_token,
                "refresh_token": tokens.refresh_token or "",
            }
        )

    return keep


@contextmanager
def refusals() -> Iterator[None]:
    """Refusals of the server and transport errors as one line (see the module docstring)."""
    import httpx

    from santa_cli import errors
    from santa_sdk.errors import ApiError, UnexpectedStatus

    try:
        yield
    except (ApiError, httpx.TransportError, UnexpectedStatus, json.JSONDecodeError):
        if errors.DEBUG:
            raise
        try:
            raise
        except ApiError as exc:
            refuse(exc)
        except httpx.TransportError as exc:
            fail(f"cannot reach the server: {exc}", code="connection_failed")
        except UnexpectedStatus as exc:
            fail(f"unexpected HTTP status {exc.status_code}", code="unexpected_response")
        except json.JSONDecodeError:  # not JSON: some other server
            fail(
                "the server's answer is not santa's API: is --server right?",
                code="unexpected_response",
            )


def refuse(exc: ApiError) -> NoReturn:
    """Exit with a refusal: its detail, then which fields were wrong."""
    message = exc.detail
    if exc.errors:
        parts = [f"{_field(e.loc)}: {e.message}" for e in exc.errors[:SHOWN_FIELD_ERRORS]]
        more = len(exc.errors) - SHOWN_FIELD_ERRORS
        message += " " + "; ".join(parts) + (f" (and {more} more)" if more > 0 else "")
    fail(message, code=exc.code, exit_code=BAD_INPUT if exc.status in (400, 422) else 1)


def _field(loc: list[int | str]) -> str:
    path = [str(p) for p in loc]
    if path and path[0] in ("body", "query", "path"):
        path = path[1:]
    return ".".join(path) or "request"


@contextmanager
def anonymous(server: str | None, url: str | None = None) -> Iterator[Client]:
    """A client with no session (sign-up, public pages)."""
    from santa_sdk import connect

    with refusals(), connect(server_url(server, url), raise_on_error=True) as client:
        yield client


@contextmanager
def signed_in(
    server: str | None,
    url: str | None = None,
    token: str | None = None,
    email: str | None = None,
    password: str | None = None,
) -> Iterator[AuthenticatedClient]:
    """A client of the signed-in session, for the command's duration."""
    from santa_sdk import connect
    from santa_sdk import logout as sdk_logout

    base = server_url(server, url)
    with refusals():
        if token:
            with connect(base, token=token, raise_on_error=True) as client:
                yield client
            return
        kept = load_session()
        if kept.get("access_token") and kept.get("server", "").rstrip("/") == base and not email:
            with connect(
                base,
                token=kept["access_token"],
                refresh_token=kept.get("refresh_token") or None,
                raise_on_error=True,
                on_tokens=keeper(base, kept.get("email", "")),
            ) as client:
                yield client
            return
        if not email:
            fail(
                f"not signed in to {base}: run `santa login` (or set SANTA_EMAIL and "
                "SANTA_PASSWORD, or SANTA_TOKEN)",
                code="unauthenticated",
                exit_code=BAD_INPUT,
            )
        if not password:
            password = ask_password()
        with connect(base, email=email, password=password, raise_on_error=True) as client:
            try:
                yield client
            finally:
                with suppress(Exception):  # the session expires by itself anyway
                    sdk_logout(client)


def ask_password(prompt: str = "Password") -> str:
    import sys

    if not sys.stdin.isatty():
        fail(
            "no password: give --password (or SANTA_PASSWORD)",
            code="unauthenticated",
            exit_code=BAD_INPUT,
        )
    password: str = typer.prompt(prompt, hide_input=True)
    return password


def parse_id(value: str, what: str = "box") -> uuid.UUID:
    """A UUID from the command line, or exit 2 naming what it should have been."""
    try:
        return uuid.UUID(value)
    except ValueError:
        fail(f"{value!r} is not a {what} id", code="invalid_input", exit_code=BAD_INPUT)
