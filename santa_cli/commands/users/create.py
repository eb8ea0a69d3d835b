"""``santa users create``: an account, optionally a superuser."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import console, fail, print_json


def _read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


def _check_email(email: str) -> None:
    """The same rule as sign-up over the API."""
    from pydantic import EmailStr, TypeAdapter, ValidationError

    try:
        TypeAdapter(EmailStr).validate_python(email.strip())
    except ValidationError as exc:
        reason = str(exc.errors()[0]["msg"]).removeprefix("value is not a valid email address: ")
        fail(f"{email!r} is not an email address: {reason}", code="invalid_email", exit_code=2)


def create_user(
    email: Annotated[str, typer.Argument(help="Email address (the sign-in name).")],
    full_name: Annotated[str, typer.Option("--name", help="Full name.")] = "",
    superuser: Annotated[
        bool, typer.Option("--superuser", help="May administer everything.")
    ] = False,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from standard input.")
    ] = False,
    no_password: Annotated[
        bool,
        typer.Option("--no-password", help="No password: sign in by a reset link or a provider."),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON document.")] = False,
) -> None:
    """Create an account with a verified email (prompts for the password).

    \b
    Example:
      santa users create admin@example.org --superuser
    """
    from santa_core.auth import accounts
    from santa_core.db import make_sessionmaker, session_scope

    _check_email(email)
    password = None if no_password else _read_password(password_stdin)
    with session_scope(make_sessionmaker(context.app_engine())) as session:
        user = accounts.create_user(
            session,
            context.settings(),
            email=email,
            password=password,
            full_name=full_name,
            is_superuser=superuser,
        )
        data = {"id": str(user.id), "email": user.email, "is_superuser": user.is_superuser}
    if as_json:
        print_json(data)
    else:
        kind = "superuser" if superuser else "user"
        console.print(f"created {kind} {data['email']} ({data['id']})", highlight=False)
