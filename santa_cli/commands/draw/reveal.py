"""``santa draw reveal``: break-glass — show every pair (audited; everyone is told)."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import fail, print_json, table


def reveal_pairs(
    box_id: BoxId,
    reason: Annotated[str, typer.Option(help="Why (written to the audit log, shown to members).")],
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Reveal all pairs of a drawn box. Every member is told that you looked.

    \b
    Example:
      santa draw reveal BOX_ID --reason "Bob's parcel came back" --yes
    """
    import sys

    from santa_sdk import unwrap
    from santa_sdk.api.draws import reveal_pairs as op
    from santa_sdk.models import RevealRequest

    box = parse_id(box_id)
    if not yes:
        if not sys.stdin.isatty():
            fail(
                "revealing needs --yes when not on a terminal",
                code="confirmation_required",
                exit_code=2,
            )
        typer.confirm("Every member will be told you looked at the pairs. Reveal?", abort=True)
    with signed_in(server, url, token, email, password) as api:
        revealed = unwrap(op.sync(box, client=api, body=RevealRequest(confirm=True, reason=reason)))
    if as_json:
        print_json(revealed.to_dict())
        return
    table(
        ("santa id", "santa", "giftee id", "giftee"),
        (
            (
                p.santa.participant_id,
                p.santa.display_name,
                p.giftee.participant_id,
                p.giftee.display_name,
            )
            for p in revealed.pairs
        ),
    )
