"""Keyset (cursor) pagination: the next page starts after the last row seen.

A cursor is an opaque URL-safe string naming the sort key of the last row of a
page (a timestamp and an id). Unlike ``OFFSET``, the cost of a page does not
grow with its position, and rows added meanwhile never shift a page.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import uuid
from typing import Any

from sqlalchemy import and_, or_

from santa_core.errors import FieldError, InvalidInput


def encode(at: dt.datetime, row_id: uuid.UUID | str) -> str:
    raw = json.dumps([at.astimezone(dt.UTC).isoformat(), str(row_id)], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[dt.datetime, str]:
    """The sort key in ``cursor``; :class:`InvalidInput` for anything we did not issue."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        at_text, row_id = json.loads(raw)
        at = dt.datetime.fromisoformat(at_text)
        if at.tzinfo is None:
            raise ValueError("naive")
        if not isinstance(row_id, str):
            raise TypeError("key")
        return at, row_id
    except (ValueError, TypeError, json.JSONDecodeError) as exc:
        raise InvalidInput(
            "The cursor is not valid.",
            errors=[FieldError(("query", "cursor"), "Not a cursor from this list.", "cursor")],
        ) from exc


def after(at_column: Any, id_column: Any, cursor: str, *, descending: bool = False) -> Any:
    """Rows after the cursor in ``(at, id)`` order (``descending``: before it)."""
    at, row_id = decode(cursor)
    key: Any = row_id
    if _uuid_column(id_column):
        try:
            key = uuid.UUID(row_id)
        except ValueError as exc:
            raise InvalidInput(
                "The cursor is not valid.",
                errors=[FieldError(("query", "cursor"), "Not a cursor from this list.", "cursor")],
            ) from exc
    if descending:
        return or_(at_column < at, and_(at_column == at, id_column > key))
    return or_(at_column > at, and_(at_column == at, id_column > key))


def _uuid_column(column: Any) -> bool:
    python_type = getattr(getattr(column, "type", None), "python_type", None)
    try:
        return python_type is uuid.UUID
    except NotImplementedError:
        return False
