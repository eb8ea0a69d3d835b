"""The ``santa`` command.

The root group is lazy (:mod:`santa_cli._lazy`): a command's module is imported
only when that command runs or shows its own help, so ``santa --help`` stays fast.
Organizer commands (``login``, ``box``, ``people``, ``rules``, ``invites``,
``link``, ``draw preview|run|status|reveal``) talk to a server through the SDK;
admin commands (``serve``, ``worker``, ``db``, ``users``, ``outbox``, ``gdpr``,
``demo``) use ``santa_core`` on the configured database.
"""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from santa_cli._lazy import MARKUP, Entry, LazyGroup

ENTRIES = (
    # Organizer commands, through the API.
    Entry("signup", "santa_cli.commands.auth.signup:signup", "Create an account on the server."),
    Entry("login", "santa_cli.commands.auth.login:login", "Sign in; the session is kept."),
    Entry("logout", "santa_cli.commands.auth.logout:logout", "Sign out and forget the session."),
    Entry("whoami", "santa_cli.commands.auth.whoami:whoami", "Who I am signed in as, where."),
    Entry("box", "santa_cli.commands.box:app", "My boxes: create, list, show, edit, archive..."),
    Entry("people", "santa_cli.commands.people:app", "A box's people: list, add, import a CSV..."),
    Entry(
        "rules", "santa_cli.commands.rules:app", "Households, exclusions and forced pairs of a box."
    ),
    Entry("invites", "santa_cli.commands.invites:app", "Invitations sent: list, resend, revoke."),
    Entry("link", "santa_cli.commands.link:app", "The box's join link (with a QR code)."),
    Entry(
        "draw",
        "santa_cli.commands.draw:app",
        "Draws: preview/run/status/reveal on a server; solve/commit/verify/repair offline.",
    ),
    Entry("boxes", "santa_cli.commands.boxes:app", "Deprecated: use `santa box`.", hidden=True),
    # Admin commands, on the configured database.
    Entry("serve", "santa_cli.commands.serve:serve", "Run the app (API, web UI, jobs)."),
    Entry("worker", "santa_cli.commands.worker:worker", "Run background jobs (Huey consumer)."),
    Entry("db", "santa_cli.commands.db:app", "Database schema migrations."),
    Entry("users", "santa_cli.commands.users:app", "Accounts: list, create, promote, deactivate."),
    Entry("outbox", "santa_cli.commands.outbox:app", "Notifications: list, show, retry."),
    Entry("gdpr", "santa_cli.commands.gdpr:app", "Personal data: export, erase, scrub."),
    Entry("demo", "santa_cli.commands.demo:demo", "Seed a realistic demo box to try santa."),
    Entry("keys", "santa_cli.commands.keys:app", "Encryption keys.", optional=True),
)

LazyGroup.entries = {e.name: e for e in ENTRIES}

app = typer.Typer(
    name="santa",
    help="santa: Secret Santa gift exchanges.\n\n"
    "\b\nStart a server:   santa serve\n"
    "Sign in to it:    santa login --email me@example.org\n"
    "Make a box:       santa box create 'Office 2026' --max-budget 30",
    cls=LazyGroup,
    rich_markup_mode=MARKUP,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

_debug = False


def _version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        typer.echo(f"santa {version('santa')}")
        raise typer.Exit


@app.callback()
def _root(
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks on errors.")] = False,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Print the version."),
    ] = False,
) -> None:
    global _debug
    from santa_cli import errors

    _debug = errors.DEBUG = debug


def main() -> None:
    """Entry point: map domain, API and configuration errors to one line and an exit code."""
    global _debug
    _debug = _debug or "--debug" in sys.argv[1:2]
    try:
        rc = app(standalone_mode=False)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except typer.Abort:
        sys.stderr.write("aborted\n")
        sys.exit(130)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # one line, never a traceback (unless --debug)
        if _debug:
            raise
        from santa_cli.errors import report

        sys.exit(report(exc))
    sys.exit(rc if isinstance(rc, int) else 0)


if __name__ == "__main__":
    main()
