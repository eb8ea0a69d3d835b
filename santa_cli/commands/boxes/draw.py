"""``santa boxes draw``: preview, then run the draw (the box must be ready)."""

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
from santa_cli.output import console, fail, print_json


def run_draw(
    box_id: Annotated[str, typer.Argument(help="The box's id.")],
    yes: Annotated[
        bool, typer.Option("--yes", help="Draw even if people could deduce some pairs.")
    ] = False,
    url: Url = DEFAULT_URL,
    token: Token = "",
    email: Email = "",
    password: Password = "",
    as_json: Json = False,
) -> None:
    """Check the draw is possible, warn about secrecy, and run it once."""
    import uuid

    from santa_sdk.api.draws import preview_draw
    from santa_sdk.api.draws import run_draw as run
    from santa_sdk.models import DrawPreview, DrawRequest, DrawSummary

    try:
        box = uuid.UUID(box_id)
    except ValueError:
        fail(f"{box_id!r} is not a box id", code="invalid_input", exit_code=2)
    with client(url, token, email, password) as api:
        preview = answer(call(preview_draw.sync, box, client=api), DrawPreview)
        if not preview.feasible:
            fail(str(preview.explanation or preview.reason), code="draw_infeasible")
        if preview.requires_acknowledgement and not yes:
            warnings = " ".join(w.message for w in preview.warnings)
            fail(
                f"{warnings} Run again with --yes to draw anyway.",
                code="draw_secrecy_unacknowledged",
            )
        body = DrawRequest(acknowledge_secrecy_warning=yes)
        summary = answer(call(run.sync, box, client=api, body=body), DrawSummary)
    if as_json:
        print_json(summary.to_dict())
        return
    console.print(
        f"drawn: {summary.participant_count} people, round {summary.round}, "
        f"commitment {summary.commitment}",
        highlight=False,
    )
