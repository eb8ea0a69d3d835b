"""Ring the queue when a transaction that wrote outbox rows commits.

Installed on a ``sessionmaker``: sessions count the outbox rows they add (ORM
objects at flush, bulk ``insert(OutboxMessage)`` statements as they run, and
whatever :func:`santa_core.notify.rows_added` announces) and,
after a successful commit (never before, never on rollback), call
``notify(count)``. A failure to notify is logged and swallowed: the rows are
committed and the periodic sweep will find them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from sqlalchemy import event
from sqlalchemy.orm import ORMExecuteState, Session, sessionmaker

from santa_core import models
from santa_core.notify.announce import ROWS_ADDED_KEY

log = logging.getLogger("santa.jobs")

_KEY = ROWS_ADDED_KEY
OUTBOX_TABLE = models.OutboxMessage.__tablename__


def install_commit_signal(
    factory: sessionmaker[Session], notify: Callable[[int], None]
) -> Callable[[], None]:
    """Start signalling; returns a function that stops it."""

    def before_flush(session: Session, _context: Any, _instances: Any) -> None:
        added = sum(1 for obj in session.new if isinstance(obj, models.OutboxMessage))
        if added:
            session.info[_KEY] = session.info.get(_KEY, 0) + added

    def do_orm_execute(state: ORMExecuteState) -> None:
        # Bulk inserts (``session.execute(insert(OutboxMessage), rows)``) skip the flush.
        if not state.is_insert:
            return
        table = getattr(state.statement, "table", None)
        if table is None or getattr(table, "name", None) != OUTBOX_TABLE:
            return
        params = state.parameters
        added = len(params) if isinstance(params, list) else 1
        state.session.info[_KEY] = state.session.info.get(_KEY, 0) + added

    def after_commit(session: Session) -> None:
        added = session.info.pop(_KEY, 0)
        if not added:
            return
        try:
            notify(added)
        except Exception:
            log.warning("could not signal the job queue (the sweep will pick the rows up)")

    def after_rollback(session: Session) -> None:
        session.info.pop(_KEY, None)

    listeners: list[tuple[str, Callable[..., None]]] = [
        ("before_flush", before_flush),
        ("do_orm_execute", do_orm_execute),
        ("after_commit", after_commit),
        ("after_rollback", after_rollback),
    ]
    for name, fn in listeners:
        event.listen(factory, name, fn)

    def remove() -> None:
        for name, fn in listeners:
            if event.contains(factory, name, fn):
                event.remove(factory, name, fn)

    return remove
