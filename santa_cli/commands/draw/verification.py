"""``santa draw verification``: the draw's published verification document, from the server."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def draw_verification(
    box_id: BoxId,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the document to this file.")
    ] = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """The commitment, and after the reveal the document that `santa draw verify`
    checks offline (any member may fetch it).

    \\b
    Example:
      santa draw verification BOX_ID -o draw.json && santa draw verify draw.json
    """
    import json

    from santa_sdk import unwrap
    from santa_sdk.api.draws import get_draw_verification
    from santa_sdk.types import Unset

    box = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        found = unwrap(get_draw_verification.sync(box, client=api))
    document = (
        None
        if isinstance(found.document, Unset) or found.document is None
        else found.document.to_dict()
    )
    if output is not None and document is not None:
        output.write_text(json.dumps(document, ensure_ascii=False, indent=2), encoding="utf-8")
    if as_json:
        print_json(found.to_dict())
        return
    say(f"commitment: {found.commitment or '-'} (engine {found.engine_version or '-'})")
    if document is None:
        say("not revealed yet: the document is published at the reveal (santa draw reveal)")
    elif output is not None:
        say(f"wrote {output}: check it with santa draw verify {output}")
    else:
        say("revealed: add -o FILE to save the document for santa draw verify")
