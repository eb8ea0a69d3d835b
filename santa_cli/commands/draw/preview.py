"""``santa draw preview``: would the draw work, and is it secret enough?"""

from __future__ import annotations

from typing import TYPE_CHECKING

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import console, print_json, say

if TYPE_CHECKING:
    from santa_sdk.models import DrawPreview


def preview_draw(
    box_id: BoxId,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Check the draw without running it: feasible or why not, the fix, secrecy warnings.

    Exit 0 when the draw is possible, 1 when it is not.

    \b
    Example:
      santa draw preview BOX_ID
    """
    import typer

    from santa_sdk import unwrap
    from santa_sdk.api.draws import preview_draw as op

    box = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        preview = unwrap(op.sync(box, client=api))
    if as_json:
        print_json(preview.to_dict())
    else:
        show_preview(preview)
    if not preview.feasible:
        raise typer.Exit(1)


def show_preview(preview: DrawPreview) -> None:
    from rich.markup import escape

    from santa_sdk.types import Unset

    people = f"{preview.participant_count} people"
    if preview.not_joined_count:
        people += f" ({preview.not_joined_count} invited, not joined yet)"
    if preview.feasible:
        count = preview.valid_draws
        counted = f", {count} valid draws" if isinstance(count, int) else ""
        console.print(f"[green]a draw is possible[/]: {escape(people)}{counted}", highlight=False)
    else:
        explanation = preview.explanation or preview.reason or "no valid draw"
        console.print(f"[bold red]no draw is possible[/]: {escape(str(explanation))}")
        if preview.suggestion and not isinstance(preview.suggestion, Unset):
            console.print(f"[green]suggestion[/]: {escape(preview.suggestion)}")
    warnings = [] if isinstance(preview.warnings, Unset) else preview.warnings
    for warning in warnings:
        console.print(f"[yellow]warning[/] [{warning.code}]: {escape(warning.message)}")
    if preview.requires_acknowledgement:
        say("running it needs --yes (people could work out some pairs)")
