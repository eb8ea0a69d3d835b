"""``santa draw status``: where the box's draw stands."""

from __future__ import annotations

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say


def draw_status(
    box_id: BoxId,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """The box's status and, once drawn, the draw's round, time and commitment.

    \b
    Example:
      santa draw status BOX_ID --json
    """
    from santa_sdk import Conflict, NotFound, unwrap
    from santa_sdk.api.boxes import get_box
    from santa_sdk.api.draws import get_draw

    box_uuid = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        box = unwrap(get_box.sync(box_uuid, client=api))
        try:
            draw = unwrap(get_draw.sync(box_uuid, client=api)) if box.drawn_at else None
        except (Conflict, NotFound):
            draw = None
    if as_json:
        print_json(
            {
                "box_id": str(box.id),
                "status": box.status,
                "drawn_at": box.drawn_at.isoformat() if box.drawn_at else None,
                "draw": draw.to_dict() if draw else None,
            }
        )
        return
    say(f"box {box.name} ({box.id}): {box.status}")
    if draw is None:
        say("not drawn yet: `santa draw preview` checks it, `santa draw run` runs it")
        return
    say(
        f"drawn {draw.created_at:%Y-%m-%d %H:%M} UTC, round {draw.round_}, "
        f"{draw.participant_count} people, engine {draw.engine_version} ({draw.method})"
    )
    say(f"commitment: {draw.commitment or '-'}")
