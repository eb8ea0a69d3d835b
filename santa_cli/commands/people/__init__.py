"""``santa people``: a box's people (list, add, remove, edit, import a CSV)."""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.people import add, edit, import_csv, list, remove

app = group("people", "A box's people: list, add, remove, edit, import a CSV.")
app.command("list")(list.list_people)
app.command("add")(add.add_person)
app.command("remove")(remove.remove_person)
app.command("edit")(edit.edit_person)
app.command("import")(import_csv.import_people)
