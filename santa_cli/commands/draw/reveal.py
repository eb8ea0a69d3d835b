"""``santa draw reveal``: after the party, reveal every pair to the box and publish the
draw's verification; or, with ``--break-glass``, show the pairs to me now (audited,
everyone is told)."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import fail, print_json, say, table


def reveal_pairs(
    box_id: BoxId,
    break_glass: Annotated[
        bool,
        typer.Option("--break-glass", help="Before the event: show me the pairs (needs --reason)."),
    ] = False,
    reason: Annotated[
        str | None, typer.Option(help="Why (break-glass: audit log, shown to members).")
    ] = None,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Reveal the pairs: to everyone after the event (publishing the verification
    document `santa draw verify` checks), or to me alone with --break-glass.

    \b
    Examples:
      santa draw reveal BOX_ID --yes
      santa draw reveal BOX_ID --break-glass --reason "Bob's parcel came back" --yes
    """
    import sys

    from santa_sdk import unwrap
    from santa_sdk.api.draws import reveal_draw
    from santa_sdk.api.draws import reveal_pairs as op
    from santa_sdk.models import RevealRequest

    box = parse_id(box_id)
    if break_glass and not reason:
        fail("--break-glass needs --reason", code="invalid_input", exit_code=2)
    if not yes:
        if not sys.stdin.isatty():
            fail(
                "revealing needs --yes when not on a terminal",
                code="confirmation_required",
                exit_code=2,
            )
        question = (
            "Every member will be told you looked at the pairs. Reveal?"
            if break_glass
            else "Every member will see every pair. Reveal?"
        )
        typer.confirm(question, abort=True)
    if not break_glass:
        with signed_in(server, url, token, email, password) as api:
            published = unwrap(reveal_draw.sync(box, client=api))
        if as_json:
            print_json(published.to_dict())
            return
        say(f"revealed: every member of {box} now sees every pair")
        say(f"commitment: {published.commitment or '-'}")
        say(f"check it: santa draw verification {box} -o draw.json; santa draw verify draw.json")
        return
    assert reason is not None  # checked above
    with signed_in(server, url, token, email, password) as api:
        body = RevealRequest(confirm=True, reason=reason)
        revealed = unwrap(op.sync(box, client=api, body=body))
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
