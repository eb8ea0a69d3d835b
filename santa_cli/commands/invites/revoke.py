"""``santa invites revoke``: withdraw an invitation."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def revoke_invite(
    box_id: BoxId,
    invite_id: Annotated[str, typer.Argument(help="From `santa invites list`.")],
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Withdraw an invitation (its link stops working).

    \b
    Example:
      santa invites revoke BOX_ID INVITE_ID
    """
    from santa_sdk.api.invites import revoke_invite as op

    box, invite = parse_id(box_id), parse_id(invite_id, "invitation")
    with signed_in(server, url, token, email, password) as api:
        op.sync(box, invite, client=api)
    if as_json:
        print_json({"revoked": str(invite)})
        return
    say(f"revoked invitation {invite}")
