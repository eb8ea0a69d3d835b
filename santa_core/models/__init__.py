"""All ORM models, importable from one place (``from santa_core import models``)."""

from santa_core.db import Base
from santa_core.models.audit import AuditEvent, OutboxMessage
from santa_core.models.box import Box, Exclusion, ForcedPair, Household, Participant
from santa_core.models.draw import Draw, DrawHistory, DrawRun
from santa_core.models.enums import (
    BoxStatus,
    Channel,
    InviteStatus,
    Language,
    OutboxStatus,
    ParticipantRole,
    ParticipantStatus,
    TokenPurpose,
)
from santa_core.models.event import BoxEvent, BoxEventCursor
from santa_core.models.exchange import (
    Announcement,
    BoxReveal,
    DrawRecord,
    Gift,
    GiftStatus,
    Message,
    MessageSide,
)
from santa_core.models.invite import EmailInvite
from santa_core.models.user import OneTimeToken, RefreshToken, SocialAccount, User, UserSettings

__all__ = [
    "Announcement",
    "AuditEvent",
    "Base",
    "Box",
    "BoxEvent",
    "BoxEventCursor",
    "BoxReveal",
    "BoxStatus",
    "Channel",
    "Draw",
    "DrawHistory",
    "DrawRecord",
    "DrawRun",
    "EmailInvite",
    "Exclusion",
    "ForcedPair",
    "Gift",
    "GiftStatus",
    "Household",
    "InviteStatus",
    "Language",
    "Message",
    "MessageSide",
    "OneTimeToken",
    "OutboxMessage",
    "OutboxStatus",
    "Participant",
    "ParticipantRole",
    "ParticipantStatus",
    "RefreshToken",
    "SocialAccount",
    "TokenPurpose",
    "User",
    "UserSettings",
]
