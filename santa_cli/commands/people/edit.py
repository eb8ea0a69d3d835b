"""``santa people edit``: change someone's name, nickname, role or card."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import fail, print_json, say


def edit_person(
    box_id: BoxId,
    participant_id: Annotated[str, typer.Argument(help="Their id (`santa people list`).")],
    name: Annotated[str | None, typer.Option(help="Their name.")] = None,
    nickname: Annotated[str | None, typer.Option(help="Their nickname.")] = None,
    role: Annotated[str | None, typer.Option(help="participant or organizer.")] = None,
    takes_part: Annotated[
        bool | None,
        typer.Option("--takes-part/--watches", help="In the draw or not.", show_default=False),
    ] = None,
    wishes: Annotated[str | None, typer.Option(help="Wishes (offline people).")] = None,
    address: Annotated[str | None, typer.Option(help="Delivery address (offline people).")] = None,
    phone: Annotated[str | None, typer.Option(help="Phone (offline people).")] = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Change a person; only the options given change.

    \b
    Example:
      santa people edit BOX_ID PERSON_ID --nickname Elf --role organizer
    """
    from santa_sdk import unwrap
    from santa_sdk._generated.models.participant_role import check_participant_role
    from santa_sdk.api.participants import update_participant
    from santa_sdk.models import ParticipantUpdate

    box, person = parse_id(box_id), parse_id(participant_id, "person")
    body = ParticipantUpdate()
    if role is not None:
        try:
            body.role = check_participant_role(role)
        except TypeError:
            fail(f"unknown role {role!r}", code="invalid_input", exit_code=2)
    for field, value in (
        ("display_name", name),
        ("nickname", nickname),
        ("takes_part", takes_part),
        ("wishes", wishes),
        ("address", address),
        ("phone", phone),
    ):
        if value is not None:
            setattr(body, field, value)
    if not body.to_dict():
        fail("nothing to change: give at least one option", code="invalid_input", exit_code=2)
    with signed_in(server, url, token, email, password) as api:
        card = unwrap(update_participant.sync(box, person, client=api, body=body))
    if as_json:
        print_json(card.to_dict())
        return
    say(f"updated {card.display_name} ({card.id})")
