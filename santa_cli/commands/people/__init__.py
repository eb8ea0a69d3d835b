"""``santa people``: a box's people (list, add, remove, edit, import a CSV)."""

from __future__ import annotations

from santa_cli._lazy import Entry, lazy_group

_HERE = "santa_cli.commands.people"
app = lazy_group(
    "people",
    "A box's people: list, add, remove, edit, import a CSV.",
    (
        Entry("list", f"{_HERE}.list:list_people", "List a box's people (ids in full)."),
        Entry(
            "add", f"{_HERE}.add:add_person", "Invite someone by email, or add an offline person."
        ),
        Entry("remove", f"{_HERE}.remove:remove_person", "Remove a person from a box."),
        Entry("edit", f"{_HERE}.edit:edit_person", "Change a person (only the options given)."),
        Entry("import", f"{_HERE}.import_csv:import_people", "Invite everyone in a CSV file."),
    ),
)
