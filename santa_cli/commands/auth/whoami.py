"""``santa whoami``: the account of the kept session."""

from __future__ import annotations

from santa_cli.api import Email, Json, Password, Server, Token, UrlAlias, server_url, signed_in
from santa_cli.output import print_json, say


def whoami(
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Print who I am signed in as, and where.

    \b
    Example:
      santa whoami --json
    """
    from santa_sdk import unwrap
    from santa_sdk.api.users import get_me

    with signed_in(server, url, token, email, password) as client:
        me = unwrap(get_me.sync(client=client))
    base = server_url(server, url)
    if as_json:
        print_json({"server": base, "user": me.to_dict()})
        return
    admin = " (administrator)" if me.is_superuser else ""
    say(f"{me.email} ({me.full_name or 'no name'}){admin} at {base}")
