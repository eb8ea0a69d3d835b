"""``santa draw commit``: the commitment to publish before drawing."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli.commands.draw._io import read_input
from santa_cli.output import console, print_json


def commit(
    source: Annotated[str, typer.Argument(metavar="INPUT", help="Box JSON file, or - for stdin.")],
    seed: Annotated[
        str | None,
        typer.Option(help="The secret seed you will draw with (default: a fresh one, printed)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object on stdout.")] = False,
) -> None:
    """Print the commitment to publish before drawing INPUT, and the secret seed.

    Keep the seed secret until the pairs may be known; then anyone can check the
    draw with `santa draw verify`.

    \b
    Example:
      santa draw commit box.json > commitment.json
    """
    from santa_core.draw.engine import ENGINE_VERSION, input_digest, new_seed
    from santa_core.draw.engine import commit as make_commitment

    data = read_input(source)
    secret = seed if seed is not None else new_seed()
    commitment = make_commitment(data, secret)
    if as_json:
        print_json(
            {
                "commitment": commitment,
                "seed": secret,
                "engine_version": ENGINE_VERSION,
                "input_sha256": input_digest(data),
            }
        )
        return
    console.print(f"commitment: {commitment}", highlight=False, soft_wrap=True)
    console.print(
        f"seed (keep it secret until the reveal): {secret}", highlight=False, soft_wrap=True
    )
    console.print(f"engine: {ENGINE_VERSION}", highlight=False)
