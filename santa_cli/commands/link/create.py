"""``santa link create``: a join link anyone with it can use, printed with a QR code."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def create_link(
    box_id: BoxId,
    qr: Annotated[bool, typer.Option("--qr/--no-qr", help="Print a QR code of the link.")] = True,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Make a join link (replacing the previous one) and print it with a QR code.

    \b
    Example:
      santa link create BOX_ID
    """
    from santa_sdk import unwrap
    from santa_sdk.api.invites import create_join_link

    box = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        link = unwrap(create_join_link.sync(box, client=api))
    if as_json:
        print_json(link.to_dict())
        return
    say(link.url)
    if qr:
        import io

        import segno

        out = io.StringIO()
        segno.make(link.url, error="m").terminal(out=out, compact=True)
        say(out.getvalue().rstrip("\n"))
