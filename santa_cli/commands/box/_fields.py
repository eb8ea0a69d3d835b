"""The box fields ``create`` and ``edit`` share, and how a box is printed."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Annotated

import typer

from santa_cli.output import fail, say

if TYPE_CHECKING:
    from santa_sdk.models import Box, DrawOptions

Description = Annotated[str | None, typer.Option(help="What the exchange is about.")]
Rules = Annotated[str | None, typer.Option(help="House rules shown to members.")]
Currency = Annotated[str | None, typer.Option(help="Three-letter currency code (EUR).")]
MinBudget = Annotated[str | None, typer.Option(help="Lowest gift budget, e.g. 10.")]
MaxBudget = Annotated[str | None, typer.Option(help="Highest gift budget, e.g. 30.")]
EventDate = Annotated[str | None, typer.Option(help="The party, YYYY-MM-DD.")]
SignupDeadline = Annotated[
    str | None, typer.Option(help="Sign-up closes, YYYY-MM-DD[THH:MM[+TZ]] (UTC if no zone).")
]
ShippingDeadline = Annotated[str | None, typer.Option(help="Gifts sent by, same format.")]
PrivateNames = Annotated[
    bool | None,
    typer.Option(
        "--private-names/--public-names", help="Members see nicknames only.", show_default=False
    ),
]
OrganizerParticipates = Annotated[
    bool | None,
    typer.Option(
        "--organizer-participates/--organizer-only",
        help="Whether I take part in the draw myself.",
        show_default=False,
    ),
]
AutoDraw = Annotated[
    bool | None,
    typer.Option(
        "--auto-draw/--no-auto-draw", help="Draw at the sign-up deadline.", show_default=False
    ),
]
AvoidTwoCycles = Annotated[
    bool | None,
    typer.Option(
        "--avoid-two-cycles/--allow-two-cycles",
        help="No two people give to each other.",
        show_default=False,
    ),
]
SingleCycle = Annotated[
    bool | None,
    typer.Option(
        "--single-cycle/--any-cycles", help="One loop through everyone.", show_default=False
    ),
]
GiftsPerPerson = Annotated[int | None, typer.Option(min=1, max=5, help="Gifts each santa gives.")]
HistoryYears = Annotated[
    int | None, typer.Option(min=0, max=50, help="Avoid last N years' pairs (renewed boxes).")
]


def date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"{option}: {value!r} is not a date (YYYY-MM-DD)", code="invalid_input", exit_code=2)


def moment(value: str | None, option: str) -> dt.datetime | None:
    if value is None:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        fail(
            f"{option}: {value!r} is not a date and time (YYYY-MM-DDTHH:MM)",
            code="invalid_input",
            exit_code=2,
        )
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def draw_options(
    base: DrawOptions | None,
    avoid_two_cycles: bool | None,
    single_cycle: bool | None,
    gifts_per_person: int | None,
    history_years: int | None,
) -> DrawOptions | None:
    """Draw options with the given changes, or None when nothing changes."""
    if (avoid_two_cycles, single_cycle, gifts_per_person, history_years) == (None,) * 4:
        return None
    from santa_sdk.models import DrawOptions

    options = DrawOptions.from_dict(base.to_dict()) if base is not None else DrawOptions()
    if avoid_two_cycles is not None:
        options.avoid_two_cycles = avoid_two_cycles
    if single_cycle is not None:
        options.single_cycle = single_cycle
    if gifts_per_person is not None:
        options.gifts_per_person = gifts_per_person
    if history_years is not None:
        options.history_years = history_years
    return options


def show(box: Box) -> None:
    """A box as ``key: value`` lines (ids in full)."""
    budget = "-".join(b for b in (box.min_budget, box.max_budget) if b) or "any"
    options = box.draw_options
    rows = [
        ("id", str(box.id)),
        ("name", box.name),
        ("status", str(box.status)),
        ("my role", str(box.my_role or "")),
        ("people", str(box.participant_count)),
        ("budget", f"{budget} {box.currency}"),
        ("event date", str(box.event_date or "")),
        ("sign-up deadline", str(box.signup_deadline or "")),
        ("shipping deadline", str(box.shipping_deadline or "")),
        ("private names", "yes" if box.is_private_names else "no"),
        ("organizer takes part", "yes" if box.organizer_participates else "no"),
        ("auto draw", "yes" if box.auto_draw else "no"),
        (
            "draw options",
            f"gifts each {options.gifts_per_person}, "
            f"avoid two-cycles {'yes' if options.avoid_two_cycles else 'no'}, "
            f"single loop {'yes' if options.single_cycle else 'no'}",
        ),
        ("drawn at", str(box.drawn_at or "")),
        ("description", box.description),
        ("rules", box.rules),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        say(f"{key:<{width}}  {value}")
