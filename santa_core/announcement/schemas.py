"""Shapes of announcements over the API."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from santa_core.box.types import LongText

Text = Annotated[LongText, Field(min_length=1, max_length=5000)]


class AnnouncementCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    body: Text


class Announcement(BaseModel):
    id: uuid.UUID
    box_id: uuid.UUID
    #: The organizer as members know them.
    author_name: str
    body: str
    created_at: dt.datetime


class AnnouncementPage(BaseModel):
    """Newest first; pass ``next_cursor`` as ``before`` for older ones."""

    items: list[Announcement]
    next_cursor: str | None
