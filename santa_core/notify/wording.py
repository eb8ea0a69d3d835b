"""How people and a box's budget are named in what members read (pages and notifications).

Computed here once: a member's name as others in the box see it (a nickname,
or "Elf 1A2B", in a box with private names), an account's display name, and
the budget line of invitations and draw emails.
"""

from __future__ import annotations

import uuid
from typing import Protocol

from santa_core import models


class Named(Protocol):
    """A box member as the draw or the database knows them."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def display_name(self) -> str: ...
    @property
    def nickname(self) -> str | None: ...


def public_name(person: Named) -> str:
    """The name shown to plain members of a box with private names."""
    return person.nickname or f"Elf {person.id.hex[:4].upper()}"


def shown_name(box: models.Box, person: Named) -> str:
    """The member's name as the box's plain members see it."""
    return public_name(person) if box.is_private_names else person.display_name


def display_name_of(user: models.User) -> str:
    """An account's name for others: its full name, else the email's local part."""
    return user.full_name or user.email.split("@")[0]


def budget_text(box: models.Box) -> str | None:
    lo, hi = box.min_budget, box.max_budget
    if lo is not None and hi is not None:
        return f"{lo}–{hi} {box.currency}"
    if hi is not None:
        return f"≤ {hi} {box.currency}"
    if lo is not None:
        return f"≥ {lo} {box.currency}"
    return None
