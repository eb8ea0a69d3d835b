"""``santa box create``: a new box; I am its organizer."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.api import Email, Json, Password, Server, Token, UrlAlias, signed_in
from santa_cli.commands.box import _fields as f
from santa_cli.output import print_json, say


def create_box(
    name: Annotated[str, typer.Argument(help="The box's name.")],
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
    """Create a box and print its id.

    \b
    Example:
      santa box create "Office 2026" --currency EUR --max-budget 30 --event-date 2026-12-18
    """
    from santa_sdk import unwrap
    from santa_sdk.api.boxes import create_box as op
    from santa_sdk.models import BoxCreate

    body = BoxCreate(name=name)
    if description is not None:
        body.description = description
    if rules is not None:
        body.rules = rules
    if currency is not None:
        body.currency = currency
    if min_budget is not None:
        body.min_budget = min_budget
    if max_budget is not None:
        body.max_budget = max_budget
    if event_date is not None:
        body.event_date = f.date(event_date, "--event-date")
    if signup_deadline is not None:
        body.signup_deadline = f.moment(signup_deadline, "--signup-deadline")
    if shipping_deadline is not None:
        body.shipping_deadline = f.moment(shipping_deadline, "--shipping-deadline")
    if private_names is not None:
        body.is_private_names = private_names
    if organizer_participates is not None:
        body.organizer_participates = organizer_participates
    if auto_draw is not None:
        body.auto_draw = auto_draw
    options = f.draw_options(None, avoid_two_cycles, single_cycle, gifts_per_person, history_years)
    if options is not None:
        body.draw_options = options
    with signed_in(server, url, token, email, password) as api:
        box = unwrap(op.sync(client=api, body=body))
    if as_json:
        print_json(box.to_dict())
        return
    say(f"created box {box.name}: {box.id}")
    say(f"next: santa people import {box.id} people.csv")
