"""``santa draw repair``: fix a finished draw after people leave or join, minimally."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from santa_cli.commands.draw._io import EXIT_INFEASIBLE, read_input, read_json
from santa_cli.commands.draw.verify import claimed_assignments
from santa_cli.output import console, print_json

if TYPE_CHECKING:
    from santa_core.draw.engine import Repair


def repair(
    source: Annotated[
        str,
        typer.Argument(
            metavar="INPUT",
            help="The box as it is now (same format as `santa draw solve`), or - for stdin.",
        ),
    ],
    assignments: Annotated[
        str,
        typer.Option(
            help='JSON file with the current draw: {"santa": "giftee", ...} or the output '
            "of `santa draw solve --json`."
        ),
    ],
    opened: Annotated[
        list[str] | None,
        typer.Option(
            help="A santa who has already opened their assignment (repeat, or comma-separate). "
            "They are moved only when nothing else works."
        ),
    ] = None,
    seed: Annotated[
        str | None, typer.Option(help="Seed for reproducible tie-breaks (default: a secret one).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    lang: Annotated[str, typer.Option(help="Language of explanations: en or ru.")] = "en",
) -> None:
    """Keep every pair that still holds, reassign only the santas who must change.

    INPUT lists the people now in the box: someone missing from it left, someone
    new joined. Prints the repaired draw and exactly which santas are affected.
    Exit 0 with a repair, 1 when the box has no valid draw any more, 2 on bad input.

    \b
    Example:
      santa draw repair box.json --assignments draw.json --opened ann,bob
    """
    from santa_core.draw.engine import Infeasible
    from santa_core.draw.engine import repair as run

    data = read_input(source)
    current = claimed_assignments(read_json(assignments, "assignments"))
    seen = {name.strip() for item in opened or () for name in item.split(",") if name.strip()}
    result = run(data, current, opened=seen, seed=seed)
    if isinstance(result, Infeasible):
        if as_json:
            print_json(result.as_json())
        else:
            from santa_cli.commands.draw.solve import show_infeasible

            show_infeasible(result, lang)
        raise typer.Exit(EXIT_INFEASIBLE)
    if as_json:
        print_json(result.as_json())
    else:
        _show(result, lang)


def _show(result: Repair, lang: str) -> None:
    from rich.table import Table

    ru = lang == "ru"
    if result.redrawn:
        console.print(
            "[yellow]Малой правкой не обойтись: жеребьёвка проведена заново.[/]"
            if ru
            else "[yellow]No small change worked: the whole box was drawn again.[/]"
        )
    if result.changed:
        table = Table(
            "Санта" if ru else "Santa", "Теперь дарит" if ru else "Now gives to", box=None
        )
        for santa in result.changed:
            table.add_row(santa, ", ".join(result.assignments[santa]))
        console.print(table)
    names = {
        "kept": "Пар сохранено" if ru else "Pairs kept",
        "changed": "Затронуты" if ru else "Affected santas",
        "changed_opened": "Из них уже открыли" if ru else "Of them already opened",
        "removed": "Выбыли" if ru else "Left",
        "added": "Добавлены" if ru else "Joined",
    }
    console.print(f"{names['kept']}: {result.kept}", highlight=False)
    for key in ("changed", "changed_opened", "removed", "added"):
        people: tuple[str, ...] = getattr(result, key)
        listed = ", ".join(people) if people else "—"
        console.print(f"{names[key]}: {listed}", highlight=False, soft_wrap=True)
