"""``santa boxes create``: a new box; I am its organizer."""

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


def create_box(
    name: Annotated[str, typer.Argument(help="The box's name.")],
    currency: Annotated[str, typer.Option(help="Three-letter currency code.")] = "EUR",
    min_budget: Annotated[str | None, typer.Option(help="Lowest gift budget.")] = None,
    max_budget: Annotated[str | None, typer.Option(help="Highest gift budget.")] = None,
    private_names: Annotated[
        bool, typer.Option("--private-names", help="Members see nicknames only.")
    ] = False,
    url: Url = DEFAULT_URL,
    token: Token = "",
    email: Email = "",
    password: Password = "",
    as_json: Json = False,
) -> None:
    """Create a box and print its id."""
    from santa_sdk.api.boxes import create_box as op
    from santa_sdk.models import Box, BoxCreate

    body = BoxCreate(name=name, currency=currency, is_private_names=private_names)
    if min_budget is not None:
        body.min_budget = min_budget
    if max_budget is not None:
        body.max_budget = max_budget
    with client(url, token, email, password) as api:
        box = answer(call(op.sync, client=api, body=body), Box)
    if as_json:
        print_json(box.to_dict())
        return
    console.print(f"created box [bold]{box.name}[/] ({box.id})", highlight=False)
