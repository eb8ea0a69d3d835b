"""``santa rules``: who may not draw whom — households and exclusions of a box.

Forced pairs exist in the offline engine (``santa draw solve``) only: the API
has no forced-pair rule, so there is no ``santa rules force``.
"""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.rules import exclude, household, list, remove

app = group("rules", "Households and exclusions of a box (who may not draw whom).")
app.command("list")(list.list_rules)
app.command("household")(household.add_household)
app.command("exclude")(exclude.add_exclusion)
app.command("remove")(remove.remove_rule)
