"""Schema bases every domain shares: request bodies and pages of results."""

from __future__ import annotations

from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Input(BaseModel):
    """A request body: unknown keys are refused, text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``(page - 1) * per_page``, of ``total``."""

    items: list[T]
    total: int
    page: int
    per_page: int
