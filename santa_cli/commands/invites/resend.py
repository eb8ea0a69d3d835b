"""``santa invites resend``: send an invitation again."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def resend_invite(
    box_id: BoxId,
    invite_id: Annotated[str, typer.Argument(help="From `santa invites list`.")],
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Send an invitation again (a fresh link; the old one stops working).

    \b
    Example:
      santa invites resend BOX_ID INVITE_ID
    """
    from santa_sdk import unwrap
    from santa_sdk.api.invites import resend_invite as op

    box, invite = parse_id(box_id), parse_id(invite_id, "invitation")
    with signed_in(server, url, token, email, password) as api:
        sent = unwrap(op.sync(box, invite, client=api))
    if as_json:
        print_json(sent.to_dict())
        return
    say(f"sent again to {sent.email} ({sent.send_count} times so far)")
