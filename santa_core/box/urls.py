"""Web UI addresses that notifications link to (same shapes as santa_core.notify.links)."""

from __future__ import annotations

import uuid

from santa_core.config import Settings


def base(settings: Settings) -> str:
    return settings.public_base_url.rstrip("/")


def box_url(settings: Settings, box_id: uuid.UUID) -> str:
    return f"{base(settings)}/boxes/{box_id}"


def assignment_url(settings: Settings, box_id: uuid.UUID) -> str:
    return f"{base(settings)}/boxes/{box_id}/assignment"
