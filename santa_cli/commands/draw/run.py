"""``santa draw run``: close sign-up if needed, check, and draw once."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import err_console, fail, print_json, say


def run_draw(
    box_id: BoxId,
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Draw even if people could deduce some pairs.")
    ] = False,
    close_signup: Annotated[
        bool,
        typer.Option("--close-signup", help="Close sign-up first without asking (draft box)."),
    ] = False,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Run the draw once: everyone gets their giftee by email.

    A box still open for sign-up is closed first (asked on a terminal, or
    --close-signup); when the draw then fails the box is left as it was.

    \b
    Example:
      santa draw run BOX_ID --close-signup --yes
    """
    import sys

    from santa_cli.commands.draw.preview import show_preview
    from santa_sdk import ApiError, unwrap
    from santa_sdk.api.boxes import change_box_status, get_box
    from santa_sdk.api.draws import preview_draw
    from santa_sdk.api.draws import run_draw as run
    from santa_sdk.models import BoxStatusChange, DrawRequest

    box = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        status = unwrap(get_box.sync(box, client=api)).status
        preview = unwrap(preview_draw.sync(box, client=api))
        if not preview.feasible:
            if not as_json:
                show_preview(preview)
            fail(str(preview.explanation or preview.reason), code="draw_infeasible")
        if preview.requires_acknowledgement and not yes:
            warnings = " ".join(w.message for w in preview.warnings or [])
            fail(
                f"{warnings} Run again with --yes to draw anyway.",
                code="draw_secrecy_unacknowledged",
            )
        reopen = False
        if status == "draft":
            if not close_signup:
                if not sys.stdin.isatty():
                    fail(
                        "the box is still open for sign-up: run again with --close-signup "
                        "to close it and draw",
                        code="box_not_ready",
                    )
                typer.confirm("Sign-up is still open. Close it and draw?", abort=True)
            unwrap(change_box_status.sync(box, client=api, body=BoxStatusChange(status="ready")))
            reopen = True
        try:
            summary = unwrap(
                run.sync(box, client=api, body=DrawRequest(acknowledge_secrecy_warning=yes))
            )
        except ApiError:
            if reopen:  # leave the box as it was
                try:
                    change_box_status.sync(box, client=api, body=BoxStatusChange(status="draft"))
                    err_console.print("the draw failed: sign-up is open again", highlight=False)
                except ApiError:
                    err_console.print(
                        f"the draw failed and sign-up could not be reopened: santa box show {box}",
                        highlight=False,
                    )
            raise
    if as_json:
        print_json(summary.to_dict())
        return
    say(
        f"drawn: {summary.participant_count} people, round {summary.round_}, "
        f"commitment {summary.commitment or '-'}"
    )
    say("everyone has been emailed their giftee")
