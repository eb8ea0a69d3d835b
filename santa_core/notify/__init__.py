"""Notifications: written to the transactional outbox, delivered by jobs after commit.

The front door for every use case that tells someone something: build the
kind's payload (:mod:`.payloads`), then :func:`send` it to an account,
:func:`enqueue` it to an address, or :func:`row` + :func:`add_rows` for many.
Links come from :mod:`.links`, names and the budget line from :mod:`.wording`.
"""

from santa_core.notify import links, payloads, wording
from santa_core.notify.announce import rows_added
from santa_core.notify.outbox import add_rows, enqueue, row, send

__all__ = ["add_rows", "enqueue", "links", "payloads", "row", "rows_added", "send", "wording"]
