"""``santa box delete``: delete a box for good."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import fail, print_json, say


def delete_box(
    box_id: BoxId,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Delete a box and everything in it (asks first unless --yes).

    \b
    Example:
      santa box delete BOX_ID --yes
    """
    import sys

    from santa_sdk.api.boxes import delete_box as op

    box_uuid = parse_id(box_id)
    if not yes:
        if not sys.stdin.isatty():
            fail(
                "deleting needs --yes when not on a terminal",
                code="confirmation_required",
                exit_code=2,
            )
        typer.confirm(f"Delete box {box_uuid} and everything in it?", abort=True)
    with signed_in(server, url, token, email, password) as api:
        op.sync(box_uuid, client=api)
    if as_json:
        print_json({"deleted": str(box_uuid)})
        return
    say(f"deleted box {box_uuid}")
