"""``santa rules``: who may not draw whom — households and exclusions of a box.

Forced pairs exist in the offline engine (``santa draw solve``) only: the API
has no forced-pair rule, so there is no ``santa rules force``.
"""

from __future__ import annotations

from santa_cli._lazy import Entry, lazy_group

_HERE = "santa_cli.commands.rules"
app = lazy_group(
    "rules",
    "Households and exclusions of a box (who may not draw whom).",
    (
        Entry("list", f"{_HERE}.list:list_rules", "List households and exclusions."),
        Entry(
            "household",
            f"{_HERE}.household:add_household",
            "Make a household: never draw each other.",
        ),
        Entry("exclude", f"{_HERE}.exclude:add_exclusion", "SANTA never draws GIFTEE."),
        Entry("remove", f"{_HERE}.remove:remove_rule", "Remove a household or an exclusion."),
    ),
)
