"""``santa box``: my boxes, through the API (create, list, show, edit, archive, renew, delete)."""

from __future__ import annotations

from santa_cli._lazy import Entry, lazy_group

_HERE = "santa_cli.commands.box"
app = lazy_group(
    "box",
    "My boxes: create, list, show, edit, archive, renew, delete.",
    (
        Entry("create", f"{_HERE}.create:create_box", "Create a box and print its id."),
        Entry("list", f"{_HERE}.list:list_boxes", "List my boxes (ids in full)."),
        Entry("show", f"{_HERE}.show:show_box", "Show a box: every field."),
        Entry("edit", f"{_HERE}.edit:edit_box", "Change a box (only the options given)."),
        Entry("archive", f"{_HERE}.archive:archive_box", "Archive a box (read-only)."),
        Entry("renew", f"{_HERE}.renew:renew_box", "Start next year's box from this one."),
        Entry("delete", f"{_HERE}.delete:delete_box", "Delete a box and everything in it."),
    ),
)
