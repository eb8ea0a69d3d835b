"""``santa box edit``: change any field of a box."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.commands.box import _fields as f
from santa_cli.output import fail, print_json, say


def edit_box(
    box_id: BoxId,
    name: Annotated[str | None, typer.Option(help="A new name.")] = None,
    description: f.Description = None,
    rules: f.Rules = None,
    currency: f.Currency = None,
    min_budget: f.MinBudget = None,
    max_budget: f.MaxBudget = None,
    event_date: f.EventDate = None,
    signup_deadline: f.SignupDeadline = None,
    shipping_deadline: f.ShippingDeadline = None,
    private_names: f.PrivateNames = None,
    organizer_participates: f.OrganizerParticipates = None,
    auto_draw: f.AutoDraw = None,
    avoid_two_cycles: f.AvoidTwoCycles = None,
    single_cycle: f.SingleCycle = None,
    gifts_per_person: f.GiftsPerPerson = None,
    history_years: f.HistoryYears = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Change a box; only the options given change.

    \b
    Example:
      santa box edit BOX_ID --max-budget 40 --avoid-two-cycles
    """
    from santa_sdk import unwrap
    from santa_sdk.api.boxes import get_box, update_box
    from santa_sdk.models import BoxUpdate

    box_uuid = parse_id(box_id)
    body = BoxUpdate()
    changes = {
        "name": name,
        "description": description,
        "rules": rules,
        "currency": currency,
        "min_budget": min_budget,
        "max_budget": max_budget,
        "event_date": f.date(event_date, "--event-date"),
        "signup_deadline": f.moment(signup_deadline, "--signup-deadline"),
        "shipping_deadline": f.moment(shipping_deadline, "--shipping-deadline"),
        "is_private_names": private_names,
        "organizer_participates": organizer_participates,
        "auto_draw": auto_draw,
    }
    for field, value in changes.items():
        if value is not None:
            setattr(body, field, value)
    with signed_in(server, url, token, email, password) as api:
        wants_options = (avoid_two_cycles, single_cycle, gifts_per_person, history_years)
        if any(v is not None for v in wants_options):
            current = unwrap(get_box.sync(box_uuid, client=api))
            options = f.draw_options(current.draw_options, *wants_options)
            if options is not None:
                body.draw_options = options
        if not body.to_dict():
            fail("nothing to change: give at least one option", code="invalid_input", exit_code=2)
        box = unwrap(update_box.sync(box_uuid, client=api, body=body))
    if as_json:
        print_json(box.to_dict())
        return
    say(f"updated box {box.name} ({box.id})")
