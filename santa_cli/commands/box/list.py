"""``santa box list``: my boxes, newest first."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import Email, Json, Password, Server, Token, UrlAlias, signed_in
from santa_cli.output import fail, print_json, table


def list_boxes(
    role: Annotated[str, typer.Option(help="any, organizer or participant.")] = "any",
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """List the boxes I organize or take part in (ids in full).

    \b
    Example:
      santa box list --role organizer --json
    """
    from santa_sdk import iterate
    from santa_sdk._generated.models.box_role_filter import check_box_role_filter
    from santa_sdk.api.boxes import list_boxes as op

    try:
        role_filter = check_box_role_filter(role)
    except TypeError:
        fail(
            f"unknown role {role!r} (any, organizer, participant)",
            code="invalid_input",
            exit_code=2,
        )
    with signed_in(server, url, token, email, password) as api:
        boxes = list(iterate(op, client=api, role=role_filter))
    if as_json:
        print_json({"boxes": [b.to_dict() for b in boxes]})
        return
    table(
        ("id", "name", "status", "role", "people", "event"),
        (
            (b.id, b.name, b.status, b.my_role or "", b.participant_count, b.event_date or "")
            for b in boxes
        ),
    )
