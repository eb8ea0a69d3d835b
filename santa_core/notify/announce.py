"""Telling the job queue about outbox rows written behind the ORM's back.

Rows added with ``enqueue`` (or any ORM/Core insert through the session) are
counted automatically, and the queue is signalled after the commit. Code that
writes rows another way (PostgreSQL ``COPY`` on the raw connection, raw SQL)
calls :func:`rows_added` in the same transaction; otherwise the rows wait for
the workers' periodic sweep (a few seconds).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

#: ``session.info`` key holding the number of outbox rows added in the transaction.
ROWS_ADDED_KEY = "santa.outbox_rows_added"


def rows_added(session: Session, count: int) -> None:
    if count > 0:
        session.info[ROWS_ADDED_KEY] = session.info.get(ROWS_ADDED_KEY, 0) + count
