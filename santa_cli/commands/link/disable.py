"""``santa link disable``: the join link stops working."""

from __future__ import annotations

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def disable_link(
    box_id: BoxId,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Turn the join link off (invitations by email keep working).

    \b
    Example:
      santa link disable BOX_ID
    """
    from santa_sdk.api.invites import disable_join_link

    box = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        disable_join_link.sync(box, client=api)
    if as_json:
        print_json({"disabled": str(box)})
        return
    say(f"join link of {box} disabled")
