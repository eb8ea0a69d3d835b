"""``santa people remove``: take someone out of a box."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def remove_person(
    box_id: BoxId,
    participant_id: Annotated[str, typer.Argument(help="Their id (`santa people list`).")],
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Remove a person from a box (their pending invitation is revoked).

    \b
    Example:
      santa people remove BOX_ID PERSON_ID
    """
    from santa_sdk.api.participants import remove_participant

    box, person = parse_id(box_id), parse_id(participant_id, "person")
    with signed_in(server, url, token, email, password) as api:
        remove_participant.sync(box, person, client=api)
    if as_json:
        print_json({"removed": str(person)})
        return
    say(f"removed {person}")
