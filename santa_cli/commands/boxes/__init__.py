"""``santa boxes``: what organizers do, through the API (the generated SDK), not the database.

Point it at a server with ``--url`` (``SANTA_API_URL``, default
``http://127.0.0.1:8000``) and authenticate with ``--token`` (``SANTA_TOKEN``,
an access token).
"""

from __future__ import annotations

import typer

from santa_cli.commands.boxes import create, draw, invite, list_boxes

app = typer.Typer(
    name="boxes",
    help="Organizer commands over the API: boxes, invitations, draw.",
    no_args_is_help=True,
)
app.command("list")(list_boxes.list_boxes)
app.command("create")(create.create_box)
app.command("invite")(invite.import_invites)
app.command("draw")(draw.run_draw)
