"""``santa rules``: who may (not) draw whom — households, exclusions and forced pairs of a box."""

from __future__ import annotations

from santa_cli._lazy import Entry, lazy_group

_HERE = "santa_cli.commands.rules"
app = lazy_group(
    "rules",
    "Households, exclusions and forced pairs of a box (who may, must or must not draw whom).",
    (
        Entry("list", f"{_HERE}.list:list_rules", "List households, exclusions and forced pairs."),
        Entry(
            "household",
            f"{_HERE}.household:add_household",
            "Make a household: never draw each other.",
        ),
        Entry("exclude", f"{_HERE}.exclude:add_exclusion", "SANTA never draws GIFTEE."),
        Entry("force", f"{_HERE}.force:add_forced_pair", "SANTA always draws GIFTEE."),
        Entry(
            "remove",
            f"{_HERE}.remove:remove_rule",
            "Remove a household, an exclusion or a forced pair.",
        ),
    ),
)
