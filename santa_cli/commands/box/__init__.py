"""``santa box``: my boxes, through the API (create, list, show, edit, archive, renew, delete)."""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.box import archive, create, delete, edit, list, renew, show

app = group("box", "My boxes: create, list, show, edit, archive, renew, delete.")
app.command("create")(create.create_box)
app.command("list")(list.list_boxes)
app.command("show")(show.show_box)
app.command("edit")(edit.edit_box)
app.command("archive")(archive.archive_box)
app.command("renew")(renew.renew_box)
app.command("delete")(delete.delete_box)
