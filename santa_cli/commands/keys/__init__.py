"""``santa keys``: encryption key maintenance."""

from __future__ import annotations

import typer

from santa_cli.commands.keys.rotate import rotate

app = typer.Typer(
    help="Encryption keys: re-encrypt stored data after adding a key.", no_args_is_help=True
)
app.command()(rotate)
