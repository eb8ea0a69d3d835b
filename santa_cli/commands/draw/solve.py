"""``santa draw solve``: find a draw, or explain why there is none."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from santa_cli.commands.draw._io import EXIT_INFEASIBLE, EXIT_INPUT, read_input
from santa_cli.output import console, fail, print_json

if TYPE_CHECKING:
    from santa_core.draw.engine import Draw, Infeasible

#: Rows printed in the table; the rest is available with --json.
_TABLE_ROWS = 1000

_INPUT_HELP = """JSON file describing the box, or - for stdin. Only "participants" is required:
{"participants": ["ann", "bob", "cy", "dee"], "groups": [["ann", "bob"]],
"exclusions": [["cy", "dee"]], "forced": [["ann", "cy"]],
"history": [{"ann": "cy", "bob": "dee"}],
"options": {"avoid_two_cycles": false, "single_cycle": false, "gifts_per_person": 1,
"history_years": null}}"""


def solve(
    source: Annotated[str, typer.Argument(metavar="INPUT", help=_INPUT_HELP)],
    seed: Annotated[
        str | None,
        typer.Option(help="Seed for a reproducible draw (default: a fresh secret one)."),
    ] = None,
    samples: Annotated[
        int | None,
        typer.Option(min=1, help="N independent draws (JSON lines with --json)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
    method: Annotated[
        str | None,
        typer.Option(help="Force a sampler: rejection, exact or markov-chain (audits, tests)."),
    ] = None,
    lang: Annotated[str, typer.Option(help="Language of explanations: en or ru.")] = "en",
) -> None:
    """Draw who gives to whom. Exit 0 with a draw, 1 when none exists, 2 on bad input.

    \b
    Example:
      santa draw solve box.json --seed 42
    """
    from santa_core.draw.engine import METHODS, Draw, solve_many
    from santa_core.draw.engine import solve as run

    if method is not None and method not in METHODS:
        fail(f"--method must be one of {', '.join(METHODS)}", code="invalid_input", exit_code=2)
    data = read_input(source)
    if samples is not None:
        import dataclasses

        first: Draw | None = None
        for i, result in enumerate(solve_many(data, seed=seed, samples=samples)):
            if isinstance(result, Draw):
                # The secrecy of a box is the same for every draw of it: the engine
                # works it out once, every sample reports it.
                if first is None:
                    first = result
                elif result.secrecy is None:
                    result = dataclasses.replace(
                        result,
                        secrecy=first.secrecy,
                        count=result.count if result.count is not None else first.count,
                    )
            if as_json:
                print_json(result.as_json())
            elif isinstance(result, Draw):
                if i:
                    console.print()
                console.print(f"[bold]draw {i + 1} of {samples}[/]")
                _show_draw(result, lang)
            else:
                show_infeasible(result, lang)
            if not isinstance(result, Draw):
                raise typer.Exit(EXIT_INFEASIBLE)
        return
    try:
        result = run(data, seed=seed, method=method)
    except ValueError as exc:  # a forced method that does not apply to this box
        fail(str(exc), code="invalid_input", exit_code=EXIT_INPUT)
    if as_json:
        print_json(result.as_json())
    elif isinstance(result, Draw):
        _show_draw(result, lang)
    else:
        show_infeasible(result, lang)
    if not isinstance(result, Draw):
        raise typer.Exit(EXIT_INFEASIBLE)


def _show_draw(draw: Draw, lang: str) -> None:
    from rich.table import Table

    ru = lang == "ru"
    table = Table("Санта" if ru else "Santa", "Дарит" if ru else "Gives to", box=None)
    for i, (santa, giftees) in enumerate(draw.assignments.items()):
        if i == _TABLE_ROWS:
            break
        table.add_row(santa, ", ".join(giftees))
    console.print(table)
    total = len(draw.assignments)
    if total > _TABLE_ROWS:
        console.print(f"… {total - _TABLE_ROWS} more (use --json for all)")
    uniform = {
        "exact": "Каждый допустимый вариант равновероятен"
        if ru
        else "Every valid draw was equally likely",
        "approximate": "Варианты почти равновероятны"
        if ru
        else "Draws are close to equally likely",
    }[draw.uniform]
    count = draw.count
    if ru:
        counted = f", вариантов: {count}" if count is not None else ""
        console.print(f"{uniform} (метод: {draw.method}{counted}).")
    else:
        counted = f", {count} valid draw{'s' if count != 1 else ''}" if count is not None else ""
        console.print(f"{uniform} (method: {draw.method}{counted}).")
    for notice in draw.notices:
        console.print(f"[yellow]{'Внимание' if ru else 'Warning'}:[/] {notice.text.get(lang)}")
    console.print(f"seed: {draw.seed}", highlight=False, soft_wrap=True)
    if draw.commitment:
        console.print(f"commitment: {draw.commitment}", highlight=False, soft_wrap=True)


def show_infeasible(result: Infeasible, lang: str) -> None:
    console.print(
        f"[bold red]{'Жеребьёвка невозможна' if lang == 'ru' else 'No draw'}:[/] "
        f"{result.explanation.get(lang)}"
    )
    if result.suggestion is not None:
        console.print(
            f"[green]{'Совет' if lang == 'ru' else 'Suggestion'}:[/] "
            f"{result.suggestion.text.get(lang)}"
        )
