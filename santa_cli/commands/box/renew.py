"""``santa box renew``: next year's box with the same people and rules."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.commands.box._fields import EventDate, date
from santa_cli.output import print_json, say


def renew_box(
    box_id: BoxId,
    name: Annotated[str | None, typer.Option(help="The new box's name.")] = None,
    event_date: EventDate = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Start next year's box from this one (members re-invited, last year's pairs avoided).

    \b
    Example:
      santa box renew BOX_ID --name "Office 2027" --event-date 2027-12-17
    """
    from santa_sdk import unwrap
    from santa_sdk.api.boxes import renew_box as op
    from santa_sdk.models import BoxRenew

    box_uuid = parse_id(box_id)
    body = BoxRenew()
    if name is not None:
        body.name = name
    if event_date is not None:
        body.event_date = date(event_date, "--event-date")
    with signed_in(server, url, token, email, password) as api:
        box = unwrap(op.sync(box_uuid, client=api, body=body))
    if as_json:
        print_json(box.to_dict())
        return
    say(f"renewed as {box.name}: {box.id}")
