"""``santa login``: sign in to a server and keep the session."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import Json, Server, UrlAlias, keeper, refusals, server_url
from santa_cli.output import print_json, say


def login(
    email: Annotated[str, typer.Option("--email", envvar="SANTA_EMAIL", help="Your account.")],
    password: Annotated[
        str | None,
        typer.Option(
            "--password",
            envvar="SANTA_PASSWORD",
            help="Its password (asked when not given).",
            show_default=False,
        ),
    ] = None,
    server: Server = None,
    url: UrlAlias = None,
    as_json: Json = False,
) -> None:
    """Sign in with a password; the session is kept (0600) and refreshed by itself.

    \b
    Example:
      santa login --email olga@example.org --server https://santa.example.org
    Accounts made with Google, VK or Telegram: set a password in the web
    app's settings first (a device-code flow is not offered yet).
    """
    from santa_cli.api import ask_password
    from santa_sdk import connect
    from santa_sdk.api.users import get_me
    from santa_sdk.models import User

    base = server_url(server, url)
    if not password:
        password = ask_password()
    with (
        refusals(),
        connect(
            base, email=email, password=password, raise_on_error=True, on_tokens=keeper(base, email)
        ) as client,
    ):
        me = get_me.sync(client=client)
    assert isinstance(me, User)  # raise_on_error: a refusal raised
    if as_json:
        print_json({"server": base, "user": me.to_dict()})
        return
    say(f"signed in to {base} as {me.email} ({me.full_name or 'no name'})")
