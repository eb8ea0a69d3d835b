"""``santa link``: the box's join link (create or replace, disable)."""

from __future__ import annotations

from santa_cli._lazy import Entry, lazy_group

_HERE = "santa_cli.commands.link"
app = lazy_group(
    "link",
    "The box's join link: create (with a QR code), disable.",
    (
        Entry(
            "create", f"{_HERE}.create:create_link", "Make a join link and print it with a QR code."
        ),
        Entry("disable", f"{_HERE}.disable:disable_link", "Turn the join link off."),
    ),
)
