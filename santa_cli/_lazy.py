"""Lazy command groups: ``santa --help`` imports no command module.

Typer builds the whole command tree when it starts, so every command module
(and what it imports at top level) would load for ``santa --help``. The root
group here knows each command's name and one-line help by heart and imports
the module only when the command runs, is asked for its own help, or is
completed by the shell.

Help is plain text (``rich_markup_mode=None``): rich's help renderer costs
more CPU than the whole start-up budget.
"""

from __future__ import annotations

import importlib
import importlib.util
from dataclasses import dataclass
from typing import Any

import typer
from typer.core import TyperGroup

#: Plain help everywhere (see the module docstring).
MARKUP: Any = None


@dataclass(frozen=True)
class Entry:
    """A command of the root group: ``target`` is ``module:attr`` (a Typer app or a function)."""

    name: str
    target: str
    help: str
    hidden: bool = False
    #: Contributed by another area that may not be there (``santa keys``): skipped when absent.
    optional: bool = False


class _PassThroughBool:
    """Coercion of a bool flag without pydantic (Typer builds a TypeAdapter otherwise)."""

    def coerce(self, value: Any, *, param: Any, ctx: Any) -> Any:
        return bool(value)


def _plain_bool(option: Any) -> Any:
    """A bool flag coerced without importing pydantic.

    Typer coerces every parameter through a pydantic TypeAdapter built on first
    use; a group's flags (``--help``, ``--install-completion``, ...) are coerced
    even when absent (their value is None), which costs ~60 ms of imports on
    ``santa box list --help``.
    """
    descriptor = getattr(option, "type_descriptor", None)
    if (
        descriptor is not None
        and descriptor.annotation is bool
        and getattr(option, "_runtime_param", "") is None
    ):
        option._runtime_param = _PassThroughBool()
    return option


class SantaGroup(TyperGroup):
    """A Typer group whose flags cost no pydantic import."""

    def get_params(self, ctx: Any) -> Any:
        return [_plain_bool(p) for p in super().get_params(ctx)]


class LazyGroup(SantaGroup):
    """The root group: eager commands as Typer registers them, plus :data:`ENTRIES` on demand."""

    entries: dict[str, Entry] = {}  # noqa: RUF012 (set once by santa_cli.main)

    def _available(self, entry: Entry) -> bool:
        if not entry.optional:
            return True
        return importlib.util.find_spec(entry.target.split(":", 1)[0]) is not None

    def list_commands(self, ctx: Any) -> list[str]:
        names = set(super().list_commands(ctx))
        names.update(n for n, e in self.entries.items() if self._available(e))
        return sorted(names)

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None:
            return command
        entry = self.entries.get(cmd_name)
        if entry is None or not self._available(entry):
            return None
        command = load(entry)
        self.commands[cmd_name] = command
        return command

    def invoke(self, ctx: Any) -> Any:
        """Run the command; an error becomes one line and an exit code (``--debug``: raise)."""
        from typer.exceptions import TyperException

        try:
            return super().invoke(ctx)
        except (TyperException, typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:
            from santa_cli import errors

            if errors.DEBUG or ctx.params.get("debug"):
                raise
            from santa_cli.errors import report

            raise typer.Exit(report(exc)) from None

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        rows = []
        for name in self.list_commands(ctx):
            entry = self.entries.get(name)
            if entry is not None and name not in self.commands:
                if not entry.hidden:
                    rows.append((name, entry.help))
                continue
            command = self.commands.get(name)
            if command is not None and not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width)))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)


def load(entry: Entry) -> Any:
    """The click command of an entry (its module imported now)."""
    module_name, attr = entry.target.split(":", 1)
    target = getattr(importlib.import_module(module_name), attr)
    command: Any
    if isinstance(target, typer.Typer):
        target.info.name = entry.name
        # Groups contributed by other areas look like the rest: plain help, no completion flags.
        target.rich_markup_mode = MARKUP
        target._add_completion = False
        command = typer.main.get_group(target)  # a group even with a single verb
    else:
        single = typer.Typer(rich_markup_mode=MARKUP, add_completion=False)
        single.command(entry.name, hidden=entry.hidden)(target)
        command = typer.main.get_command(single)
    command.name = entry.name
    command.hidden = entry.hidden
    return command


def group(name: str, help: str, **kwargs: Any) -> typer.Typer:
    """A sub-app as every group of santa is made: plain help, no arguments shows help."""
    kwargs.setdefault("no_args_is_help", True)
    kwargs.setdefault("add_completion", False)
    kwargs.setdefault("cls", SantaGroup)
    return typer.Typer(name=name, help=help, rich_markup_mode=MARKUP, **kwargs)


def lazy_group(name: str, help: str, verbs: tuple[Entry, ...]) -> typer.Typer:
    """A sub-app whose verbs load on demand (``santa box list --help`` builds one command)."""
    cls = type(f"Lazy_{name}", (LazyGroup,), {"entries": {e.name: e for e in verbs}})
    app = group(name, help, cls=cls)
    app.callback()(_no_options)  # a group even before its verbs are loaded
    return app


def _no_options() -> None:
    """Nothing to set at group level."""
