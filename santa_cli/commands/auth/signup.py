"""``santa signup``: create an account on a server, then sign in.

The server answers a sign-up alike for new and taken addresses; the sign-in that
follows tells apart only for whoever knows the password.
"""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import Json, Server, UrlAlias, anonymous, keeper, refusals, server_url
from santa_cli.output import print_json, say


def signup(
    email: Annotated[str, typer.Option("--email", envvar="SANTA_EMAIL", help="Your address.")],
    name: Annotated[str, typer.Option("--name", help="Your name, as people will see it.")] = "",
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="SANTA_PASSWORD",
            help="At least 8 characters (asked twice when not given).",
            show_default=False,
        ),
    ] = None,
    language: Annotated[str | None, typer.Option(help="en or ru.")] = None,
    server: Server = None,
    url: UrlAlias = None,
    as_json: Json = False,
) -> None:
    """Create an account and sign in (the session is kept like `santa login`'s).

    \b
    Example:
      santa signup --email olga@example.org --name Olga
    """
    from santa_cli.api import ask_password
    from santa_sdk import connect, unwrap
    from santa_sdk.api.auth import register
    from santa_sdk.api.users import get_me
    from santa_sdk.errors import Forbidden, Unauthorized
    from santa_sdk.models import Registration

    if not password:
        password = ask_password("Choose a password")
    base = server_url(server, url)
    body = Registration(email=email, password=password, full_name=name)
    if language:
        from santa_sdk._generated.models.language import check_language

        try:
            body.language = check_language(language)
        except TypeError:
            from santa_cli.output import fail

            fail(f"unknown language {language!r} (en, ru)", code="invalid_input", exit_code=2)
    with anonymous(base) as client:
        accepted = unwrap(register.sync(client=client, body=body))
    # The server answers alike whether or not the address already had an account;
    # signing in tells the person who knows the password.
    with refusals():
        try:
            with connect(
                base,
                email=email,
                password=password,
                raise_on_error=True,
                on_tokens=keeper(base, email),
            ) as signed_in:
                user = unwrap(get_me.sync(client=signed_in))
        except (Forbidden, Unauthorized) as exc:
            if exc.code not in ("email_not_verified", "invalid_credentials"):
                raise
            _check_email(base, accepted.email, exc.code, as_json=as_json)
            return
    if as_json:
        print_json({"server": base, "signed_in": True, "user": user.to_dict()})
        return
    say(f"signed up on {base}; signed in as {user.email}")
    if not user.email_verified:
        say("check your inbox for the verification link")


def _check_email(base: str, email: str, why: str, *, as_json: bool) -> None:
    """Not signed in: the new account waits for its link, or the address was taken."""
    if as_json:
        print_json({"server": base, "signed_in": False, "email": email, "next": why})
        return
    if why == "email_not_verified":
        say(
            f"check your inbox at {email}: open the link to confirm the address, then `santa login`"
        )
    else:
        say(
            f"check your inbox at {email}: the address already has an account (its owner was "
            "emailed); sign in with its password (`santa login`) or reset it in the web UI"
        )
