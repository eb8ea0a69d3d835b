"""``santa boxes draw``: preview, then run the draw (the box must be ready: ``--close-signup``)."""

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
    close_signup: Annotated[
        bool,
        typer.Option("--close-signup", help="Close sign-up first: a draft box becomes ready."),
    ] = False,
    url: Url = DEFAULT_URL,
    token: Token = "",
    email: Email = "",
    password: Password = "",
    as_json: Json = False,
) -> None:
    """Check the draw is possible, warn about secrecy, and run it once."""
    import uuid

    from santa_sdk.api.boxes import change_box_status, get_box
    from santa_sdk.api.draws import preview_draw
    from santa_sdk.api.draws import run_draw as run
    from santa_sdk.models import Box, BoxStatusChange, DrawPreview, DrawRequest, DrawSummary

    try:
        box = uuid.UUID(box_id)
    except ValueError:
        fail(f"{box_id!r} is not a box id", code="invalid_input", exit_code=2)
    with client(url, token, email, password) as api:
        status = answer(call(get_box.sync, box, client=api), Box).status
        if status == "draft" and close_signup:
            body = BoxStatusChange(status="ready")
            answer(call(change_box_status.sync, box, client=api, body=body), Box)
        elif status == "draft":
            fail(
                "the box is still open for sign-up: run again with --close-signup "
                "to close it and draw",
                code="box_not_ready",
            )
        preview = answer(call(preview_draw.sync, box, client=api), DrawPreview)
        if not preview.feasible:
            fail(str(preview.explanation or preview.reason), code="draw_infeasible")
        if preview.requires_acknowledgement and not yes:
            warnings = " ".join(w.message for w in preview.warnings)
            fail(
                f"{warnings} Run again with --yes to draw anyway.",
                code="draw_secrecy_unacknowledged",
            )
        summary = answer(
            call(run.sync, box, client=api, body=DrawRequest(acknowledge_secrecy_warning=yes)),
            DrawSummary,
        )
    if as_json:
        print_json(summary.to_dict())
        return
    console.print(
        f"drawn: {summary.participant_count} people, round {summary.round}, "
        f"commitment {summary.commitment}",
        highlight=False,
    )
