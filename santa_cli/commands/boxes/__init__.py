"""``santa boxes``: the organizer commands of santa 0.1, kept as a hidden, deprecated alias.

``boxes list|create`` are ``santa box list|create``, ``boxes invite`` is
``santa people import`` and ``boxes draw`` is ``santa draw run``.
"""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.box.create import create_box
from santa_cli.commands.box.list import list_boxes
from santa_cli.commands.draw.run import run_draw
from santa_cli.commands.people.import_csv import import_people

app = group("boxes", "Deprecated: use `santa box`, `santa people import`, `santa draw run`.")
app.command("list", help="Deprecated: `santa box list`.")(list_boxes)
app.command("create", help="Deprecated: `santa box create`.")(create_box)
app.command("invite", help="Deprecated: `santa people import`.")(import_people)
app.command("draw", help="Deprecated: `santa draw run`.")(run_draw)
