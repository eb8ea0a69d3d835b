"""``santa draw``: solve, commit to, verify and repair draws offline, from a JSON file.

Anyone can check a box's draw with these commands, no server needed. The input
format is the engine's (see ``santa draw solve --help``).
"""

from __future__ import annotations

import typer

from santa_cli.commands.draw.commit import commit
from santa_cli.commands.draw.repair import repair
from santa_cli.commands.draw.solve import solve
from santa_cli.commands.draw.verify import verify

app = typer.Typer(
    name="draw",
    help="Solve, commit to, verify and repair Secret Santa draws offline (JSON in, draw out).",
    no_args_is_help=True,
)
app.command()(solve)
app.command()(commit)
app.command()(verify)
app.command()(repair)

__all__ = ["app"]
