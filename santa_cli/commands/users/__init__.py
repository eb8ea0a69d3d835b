"""``santa users``: administer accounts (``create``, ``list``, ``deactivate``, ``activate``).

These commands call the account services directly on the configured database;
they are for operators of the server, not for signing in.
"""

from __future__ import annotations

import typer

from santa_cli.commands.users import activation, create, list_users

app = typer.Typer(name="users", help="Accounts: create, list, (de)activate.", no_args_is_help=True)
app.command("create")(create.create_user)
app.command("list")(list_users.list_users)
app.command("deactivate")(activation.deactivate_user)
app.command("activate")(activation.activate_user)
