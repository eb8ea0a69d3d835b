"""``santa people list``: everyone in a box."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, table


def list_people(
    box_id: BoxId,
    search: Annotated[str | None, typer.Option("--search", "-q", help="Name contains.")] = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """List a box's people with their status and household (ids in full).

    \b
    Example:
      santa people list BOX_ID --json
    """
    from santa_sdk import iterate
    from santa_sdk.api.participants import list_participants

    box = parse_id(box_id)
    kwargs = {"q": search} if search else {}
    with signed_in(server, url, token, email, password) as api:
        people = list(iterate(list_participants, box, client=api, **kwargs))
    if as_json:
        print_json({"people": [p.to_dict() for p in people]})
        return
    table(
        ("id", "name", "nickname", "email", "status", "role", "household"),
        (
            (
                p.id,
                p.display_name,
                p.nickname or "",
                p.email or "",
                p.status,
                p.role,
                p.household_id or "",
            )
            for p in people
        ),
    )
