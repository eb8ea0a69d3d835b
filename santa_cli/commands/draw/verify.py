"""``santa draw verify``: check a revealed draw against its commitment. Prints no pairs."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from santa_cli.commands.draw._io import EXIT_INPUT, read_input, read_json
from santa_cli.output import console, fail, print_json


def verify(
    source: Annotated[str, typer.Argument(metavar="INPUT", help="Box JSON file, or - for stdin.")],
    seed: Annotated[str, typer.Option(help="The revealed seed.")],
    commitment: Annotated[
        str | None, typer.Option(help="The commitment published before the draw.")
    ] = None,
    assignments: Annotated[
        str | None,
        typer.Option(
            help='JSON file with the claimed draw: {"santa": "giftee", ...} or the output '
            "of `santa draw solve --json`."
        ),
    ] = None,
    digest: Annotated[
        str | None, typer.Option(help="The published digest of the draw, instead of the pairs.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """Check a revealed draw: exit 0 if it matches, 1 if not. Never prints a pair.

    Re-runs the draw of INPUT with SEED and compares it with the published
    commitment and the claimed assignments (or their digest).

    \b
    Example:
      santa draw verify box.json --seed S --commitment C --assignments draw.json
    """
    from santa_core.draw.engine import verify as check

    if commitment is None and assignments is None and digest is None:
        fail("give --commitment, --assignments or --digest", code="invalid_input", exit_code=2)
    if assignments is not None and digest is not None:
        fail("give --assignments or --digest, not both", code="invalid_input", exit_code=2)
    data = read_input(source)
    claimed = claimed_assignments(read_json(assignments, "assignments")) if assignments else None
    report = check(data, seed=seed, commitment=commitment, assignments=claimed, digest=digest)
    if as_json:
        print_json(report.as_json())
    else:
        colour = "green" if report.ok else "red"
        console.print(f"[{colour}]{report.message}[/]")
        if report.digest:
            console.print(f"draw digest: {report.digest}", highlight=False, soft_wrap=True)
    if not report.ok:
        raise typer.Exit(1)


def claimed_assignments(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and isinstance(value.get("assignments"), dict):
        value = value["assignments"]
    if not isinstance(value, dict) or not all(
        isinstance(k, str)
        and (isinstance(v, str) or (isinstance(v, list) and all(isinstance(x, str) for x in v)))
        for k, v in value.items()
    ):
        fail(
            "assignments must map each santa id to a giftee id (or a list of ids)",
            code="invalid_input",
            exit_code=EXIT_INPUT,
        )
    return value
