"""Shapes of threads and messages over the API. No participant id of the santa, ever."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from santa_core.box.types import Bool, LongText
from santa_core.models import GiftStatus, MessageSide

Body = Annotated[LongText, Field(min_length=1, max_length=4000)]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class MessageCreate(_Input):
    body: Body
    #: A santa whose message names them (name, nickname, email, phone) must confirm.
    confirm_reveal: Bool = False


class MessageUpdate(_Input):
    body: Body
    confirm_reveal: Bool = False


class Thread(BaseModel):
    """My conversation with one giftee, or with one of my santas."""

    pair_id: str
    #: My side of the pair.
    my_role: MessageSide
    #: The other side as I may know them: the giftee's name, or "Your Santa" (numbered).
    title: str
    #: On the giftee side, which of my santas (1..n); 0 when I am the santa.
    santa_number: int
    unread_count: int
    message_count: int
    last_message_at: dt.datetime | None
    gift_status: GiftStatus


class Message(BaseModel):
    id: uuid.UUID
    pair_id: str
    #: ``me`` for my own messages, else the other side's role.
    author: Literal["me", "santa", "giftee"]
    #: "Your Santa", "Your Santa 2" or the giftee's name; "You" for mine.
    author_label: str
    #: None once deleted.
    body: str | None
    created_at: dt.datetime
    edited_at: dt.datetime | None
    deleted: bool
    #: Mine: whether the other side has read it. Theirs: whether I have.
    read: bool
    #: Until when the author may still edit it (None when no longer editable or not mine).
    editable_until: dt.datetime | None


class MessagePage(BaseModel):
    """Newest first. Pass ``next_cursor`` as ``before`` for older messages."""

    items: list[Message]
    next_cursor: str | None
    unread_count: int


class ThreadList(BaseModel):
    items: list[Thread]
    unread_total: int
