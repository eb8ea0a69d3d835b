"""Errors the engine raises. Infeasibility is normally a result, not an exception."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from santa_core.draw.engine._result import Infeasible


class DrawInputError(ValueError):
    """The input is malformed: duplicate ids, unknown ids in rules, wrong types.

    The message is one line, fit to show as is (the CLI prints it and exits 2).
    """


class DrawInfeasibleError(Exception):
    """Raised by :meth:`Infeasible.raise_` for callers that prefer exceptions.

    The engine itself returns :class:`Infeasible`; a service that wants to abort a
    transaction raises this, or its own domain error built from ``.result``.
    """

    def __init__(self, result: Infeasible) -> None:
        self.result = result
        super().__init__(result.explanation)
