"""``santa rules remove``: delete a household, an exclusion or a forced pair by its id."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def remove_rule(
    box_id: BoxId,
    rule_id: Annotated[str, typer.Argument(metavar="RULE_ID", help="From `santa rules list`.")],
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Remove a household, an exclusion or a forced pair.

    \b
    Example:
      santa rules remove BOX_ID RULE_ID
    """
    from santa_sdk import NotFound
    from santa_sdk.api.participants import (
        delete_exclusion,
        delete_forced_pair,
        delete_household,
    )

    box, rule = parse_id(box_id), parse_id(rule_id, "rule")
    with signed_in(server, url, token, email, password) as api:
        try:
            delete_exclusion.sync(box, rule, client=api)
            kind = "exclusion"
        except NotFound:
            try:
                delete_forced_pair.sync(box, rule, client=api)
                kind = "forced pair"
            except NotFound:
                delete_household.sync(box, rule, client=api)
                kind = "household"
    if as_json:
        print_json({"removed": str(rule), "kind": kind})
        return
    say(f"removed {kind} {rule}")
