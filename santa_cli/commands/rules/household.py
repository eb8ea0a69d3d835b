"""``santa rules household``: people who live together never draw each other."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def add_household(
    box_id: BoxId,
    participant_ids: Annotated[
        list[str], typer.Argument(metavar="PERSON_ID...", help="Two or more people's ids.")
    ],
    name: Annotated[str, typer.Option(help='What to call it ("The Lees").')] = "",
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Make a household: its members never draw each other.

    \b
    Example:
      santa rules household BOX_ID ANN_ID BOB_ID --name "The Lees"
    """
    from santa_sdk import unwrap
    from santa_sdk.api.participants import create_household
    from santa_sdk.models import HouseholdCreate

    box = parse_id(box_id)
    ids = [parse_id(p, "person") for p in participant_ids]
    with signed_in(server, url, token, email, password) as api:
        made = unwrap(
            create_household.sync(
                box, client=api, body=HouseholdCreate(name=name, participant_ids=ids)
            )
        )
    if as_json:
        print_json(made.to_dict())
        return
    say(f"household {made.name or '(no name)'}: {made.id}")
