"""``santa draw``: a box's draw on a server, and the engine offline.

On a server (through the API, signed in): ``preview``, ``run``, ``status``,
``reveal``. Offline, from a JSON file, no server needed: ``solve``,
``commit``, ``verify``, ``repair`` — anyone can check a draw with these (the
input format is the engine's, see ``santa draw solve --help``).
"""

from __future__ import annotations

from santa_cli._lazy import group
from santa_cli.commands.draw.commit import commit
from santa_cli.commands.draw.preview import preview_draw
from santa_cli.commands.draw.repair import repair
from santa_cli.commands.draw.reveal import reveal_pairs
from santa_cli.commands.draw.run import run_draw
from santa_cli.commands.draw.solve import solve
from santa_cli.commands.draw.status import draw_status
from santa_cli.commands.draw.verification import draw_verification
from santa_cli.commands.draw.verify import verify

app = group(
    "draw",
    "Draws: preview, run, status, reveal on a server; solve, commit, verify, repair offline.",
)
app.command("preview")(preview_draw)
app.command("run")(run_draw)
app.command("status")(draw_status)
app.command("reveal")(reveal_pairs)
app.command("verification")(draw_verification)
app.command()(solve)
app.command()(commit)
app.command()(verify)
app.command()(repair)

__all__ = ["app"]
