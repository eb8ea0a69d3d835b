"""``santa boxes list``: my boxes, newest first."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.commands.boxes._api import (
    DEFAULT_URL,
    Email,
    Json,
    Password,
    Token,
    Url,
    answer,
    call,
    client,
)
from santa_cli.output import console, print_json


def list_boxes(
    role: Annotated[str, typer.Option(help="any, organizer or participant.")] = "any",
    url: Url = DEFAULT_URL,
    token: Token = "",
    email: Email = "",
    password: Password = "",
    as_json: Json = False,
) -> None:
    """List the boxes I organize or take part in."""
    from santa_sdk._generated.models.box_role_filter import check_box_role_filter
    from santa_sdk.api.boxes import list_boxes as op
    from santa_sdk.models import BoxPage

    try:
        role_filter = check_box_role_filter(role)
    except TypeError:
        from santa_cli.output import fail

        fail(
            f"unknown role {role!r} (any, organizer, participant)",
            code="invalid_input",
            exit_code=2,
        )
    boxes = []
    with client(url, token, email, password) as api:
        page = 1
        while True:
            result = answer(
                call(op.sync, client=api, role=role_filter, page=page, per_page=200), BoxPage
            )
            boxes.extend(result.items)
            if page * result.per_page >= result.total:
                break
            page += 1
    if as_json:
        print_json({"boxes": [b.to_dict() for b in boxes]})
        return
    from rich.table import Table

    table = Table("id", "name", "status", "role", "people")
    for b in boxes:
        table.add_row(
            str(b.id), b.name, str(b.status), str(b.my_role or ""), str(b.participant_count)
        )
    console.print(table)
