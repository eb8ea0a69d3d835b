"""Schema bases every domain shares: request bodies and pages of results."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

T = TypeVar("T")


class Input(BaseModel):
    """A request body: unknown keys are refused, text is stripped."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def not_clearable(*names: str) -> Callable[[dict[str, Any]], None]:
    """A ``json_schema_extra`` for a partial update whose ``names`` may be left out but
    not sent as ``null`` (the service refuses "cannot be cleared"): the spec drops ``null``
    from their types."""

    def strip(schema: dict[str, Any]) -> None:
        for name in names:
            prop = schema.get("properties", {}).get(name)
            if not prop or "anyOf" not in prop:
                continue
            kept = [s for s in prop["anyOf"] if s.get("type") != "null"]
            if prop.get("default", "") is None:
                del prop["default"]
            if len(kept) == 1:
                del prop["anyOf"]
                prop.update(kept[0])
            else:
                prop["anyOf"] = kept

    return strip


class Page(BaseModel, Generic[T]):
    """One page of a list: ``items`` from ``(page - 1) * per_page``, of ``total``."""

    items: list[T]
    total: int
    page: int
    per_page: int
