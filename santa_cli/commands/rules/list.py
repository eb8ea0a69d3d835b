"""``santa rules list``: a box's households, exclusions and forced pairs."""

from __future__ import annotations

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.output import print_json, say, table


def list_rules(
    box_id: BoxId,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """List households (members never draw each other), exclusions (santa never draws giftee)
    and forced pairs (santa always draws giftee).

    \b
    Example:
      santa rules list BOX_ID --json
    """
    from santa_sdk import iterate, unwrap
    from santa_sdk.api.participants import (
        list_exclusions,
        list_forced_pairs,
        list_households,
        list_participants,
    )

    box = parse_id(box_id)
    with signed_in(server, url, token, email, password) as api:
        households = unwrap(list_households.sync(box, client=api))
        exclusions = unwrap(list_exclusions.sync(box, client=api))
        forced = unwrap(list_forced_pairs.sync(box, client=api))
        names = (
            {}
            if as_json
            else {str(p.id): p.display_name for p in iterate(list_participants, box, client=api)}
        )
    if as_json:
        print_json(
            {
                "households": [h.to_dict() for h in households],
                "exclusions": [e.to_dict() for e in exclusions],
                "forced_pairs": [f.to_dict() for f in forced],
            }
        )
        return

    def name(participant_id: object) -> str:
        return names.get(str(participant_id), "?")

    say("households:")
    table(
        ("id", "name", "members"),
        ((h.id, h.name, ", ".join(name(p) for p in h.participant_ids)) for h in households),
    )
    say("exclusions (santa never draws giftee):")
    table(
        ("id", "santa", "giftee", "santa id", "giftee id"),
        (
            (
                e.id,
                name(e.santa_participant_id),
                name(e.giftee_participant_id),
                e.santa_participant_id,
                e.giftee_participant_id,
            )
            for e in exclusions
        ),
    )
    say("forced pairs (santa always draws giftee):")
    table(
        ("id", "santa", "giftee", "santa id", "giftee id"),
        (
            (
                f.id,
                name(f.santa_participant_id),
                name(f.giftee_participant_id),
                f.santa_participant_id,
                f.giftee_participant_id,
            )
            for f in forced
        ),
    )
