"""``santa people add``: invite someone by email, or add an offline person."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import fail, print_json, say


def add_person(
    box_id: BoxId,
    name: Annotated[str, typer.Argument(help="Their name.")],
    address: Annotated[
        str | None, typer.Option("--email", help="Invite this address.", show_default=False)
    ] = None,
    nickname: Annotated[str | None, typer.Option(help="Shown in boxes with private names.")] = None,
    message: Annotated[str | None, typer.Option(help="A note in the invitation.")] = None,
    offline: Annotated[
        bool, typer.Option("--offline", help="No email: I act for them (a child, grandma).")
    ] = False,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Add a person: with --email they get an invitation, with --offline I act for them.

    \b
    Examples:
      santa people add BOX_ID "Ann Lee" --email ann@example.org
      santa people add BOX_ID "Grandma" --offline
    """
    from santa_sdk import unwrap
    from santa_sdk.api.participants import add_participant
    from santa_sdk.models import ParticipantCreate

    box = parse_id(box_id)
    if (address is None) == (not offline):
        fail("give either --email ADDRESS or --offline", code="invalid_input", exit_code=2)
    body = ParticipantCreate(display_name=name, offline=offline)
    if address is not None:
        body.email = address
    if nickname is not None:
        body.nickname = nickname
    if message is not None:
        body.message = message
    login = _login_email()
    with signed_in(server, url, token, login, password) as api:
        card = unwrap(add_participant.sync(box, client=api, body=body))
    if as_json:
        print_json(card.to_dict())
        return
    how = "invited" if address else "added (offline)"
    say(f"{how} {card.display_name}: {card.id}")


def _login_email() -> str | None:
    import os

    return os.environ.get("SANTA_EMAIL") or None
