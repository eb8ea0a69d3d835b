"""``santa box show``: one box, every field."""

from __future__ import annotations

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.commands.box._fields import show
from santa_cli.output import print_json


def show_box(
    box_id: BoxId,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Show a box: status, budget, dates, privacy, draw options.

    \b
    Example:
      santa box show 3f0c...-... --json
    """
    from santa_sdk import unwrap
    from santa_sdk.api.boxes import get_box

    box_uuid = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        box = unwrap(get_box.sync(box_uuid, client=api))
    if as_json:
        print_json(box.to_dict())
        return
    show(box)
