"""``santa box archive``: the exchange is over; the box becomes read-only."""

from __future__ import annotations

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def archive_box(
    box_id: BoxId,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Archive a box (it stays readable; `santa box renew` starts next year's).

    \b
    Example:
      santa box archive BOX_ID
    """
    from santa_sdk import unwrap
    from santa_sdk.api.boxes import change_box_status
    from santa_sdk.models import BoxStatusChange

    box_uuid = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        box = unwrap(
            change_box_status.sync(box_uuid, client=api, body=BoxStatusChange(status="archived"))
        )
    if as_json:
        print_json(box.to_dict())
        return
    say(f"archived box {box.name} ({box.id})")
