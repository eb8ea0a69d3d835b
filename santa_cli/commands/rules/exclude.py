"""``santa rules exclude``: a santa who must not draw a giftee."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def add_exclusion(
    box_id: BoxId,
    santa: Annotated[str, typer.Argument(metavar="SANTA_ID", help="Who gives.")],
    giftee: Annotated[str, typer.Argument(metavar="GIFTEE_ID", help="Whom they must not draw.")],
    both_ways: Annotated[
        bool, typer.Option("--both-ways", help="Neither draws the other.")
    ] = False,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """SANTA_ID never draws GIFTEE_ID (and the reverse with --both-ways).

    \b
    Example:
      santa rules exclude BOX_ID ANN_ID BOB_ID --both-ways
    """
    from santa_sdk import unwrap
    from santa_sdk.api.participants import create_exclusion
    from santa_sdk.models import ExclusionCreate

    box = parse_id(box_id)
    body = ExclusionCreate(
        santa_participant_id=parse_id(santa, "person"),
        giftee_participant_id=parse_id(giftee, "person"),
        both_ways=both_ways,
    )
    with signed_in(server, url, token, email, password) as api:
        made = unwrap(create_exclusion.sync(box, client=api, body=body))
    rows = made
    if as_json:
        print_json({"exclusions": [e.to_dict() for e in rows]})
        return
    for e in rows:
        say(f"exclusion {e.id}: {e.santa_participant_id} never draws {e.giftee_participant_id}")
