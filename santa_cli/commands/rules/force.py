"""``santa rules force``: a santa who must draw a giftee (a forced pair)."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def add_forced_pair(
    box_id: BoxId,
    santa: Annotated[str, typer.Argument(metavar="SANTA_ID", help="Who gives.")],
    giftee: Annotated[str, typer.Argument(metavar="GIFTEE_ID", help="Whom they must draw.")],
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """SANTA_ID always draws GIFTEE_ID (one forced pair per santa and per giftee).

    Only organizers see forced pairs. A pair that clashes with a household or an
    exclusion is kept: `santa draw preview` explains the clash and suggests a fix.

    \b
    Example:
      santa rules force BOX_ID ANN_ID BOB_ID
    """
    from santa_sdk import unwrap
    from santa_sdk.api.participants import create_forced_pair
    from santa_sdk.models import ForcedPairCreate

    box = parse_id(box_id)
    body = ForcedPairCreate(
        santa_participant_id=parse_id(santa, "person"),
        giftee_participant_id=parse_id(giftee, "person"),
    )
    with signed_in(server, url, token, email, password) as api:
        made = unwrap(create_forced_pair.sync(box, client=api, body=body))
    if as_json:
        print_json({"forced_pair": made.to_dict()})
        return
    santa_id, giftee_id = made.santa_participant_id, made.giftee_participant_id
    say(f"forced pair {made.id}: {santa_id} always draws {giftee_id}")
