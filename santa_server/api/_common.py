"""Query parameters and helpers shared by the box, participant, invite and draw routes."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query, Request

from santa_core import i18n
from santa_core.models import Language

Page = Annotated[int, Query(ge=1, le=1_000_000, description="Page number, from 1.")]
PerPage = Annotated[int, Query(ge=1, le=200, description="Items per page (at most 200).")]
Cursor = Annotated[
    str | None,
    Query(min_length=1, max_length=300, description="The previous page's next_cursor."),
]
WithTotal = Annotated[
    bool, Query(description="Count the matching items (always done on the first page).")
]
Search = Annotated[str | None, Query(min_length=1, max_length=200, description="Search text.")]


def language(request: Request) -> Language:
    return i18n.pick_language(request.headers.get("accept-language"))
