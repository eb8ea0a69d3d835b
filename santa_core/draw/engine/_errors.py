"""Errors the engine raises. Infeasibility is normally a result, not an exception."""

from __future__ import annotations


class DrawInputError(ValueError):
    """The input is malformed: duplicate ids, unknown ids in rules, wrong types.

    The message is one line, fit to show as is (the CLI prints it and exits 2).
    """
