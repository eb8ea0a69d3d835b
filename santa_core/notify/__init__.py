"""Notifications: written to the transactional outbox, delivered by jobs after commit."""

from santa_core.notify.announce import rows_added
from santa_core.notify.outbox import enqueue

__all__ = ["enqueue", "rows_added"]
