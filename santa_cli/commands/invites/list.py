"""``santa invites list``: the invitations of a box."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import fail, print_json, table


def list_invites(
    box_id: BoxId,
    status: Annotated[
        str | None, typer.Option(help="pending, accepted, declined, revoked or expired.")
    ] = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """List a box's invitations with their status and how often they were sent.

    \b
    Example:
      santa invites list BOX_ID --status pending
    """
    from santa_sdk import iterate
    from santa_sdk._generated.models.invite_status import check_invite_status
    from santa_sdk.api.invites import list_invites as op

    box = parse_id(box_id)
    kwargs = {}
    if status is not None:
        try:
            kwargs["status"] = [check_invite_status(status)]
        except TypeError:
            fail(f"unknown status {status!r}", code="invalid_input", exit_code=2)
    with signed_in(server, url, token, email, password) as api:
        invites = list(iterate(op, box, client=api, **kwargs))
    if as_json:
        print_json({"invites": [i.to_dict() for i in invites]})
        return
    table(
        ("id", "email", "status", "sent", "last sent", "expires"),
        (
            (i.id, i.email, i.status, i.send_count, i.last_sent_at or "", i.expires_at)
            for i in invites
        ),
    )
