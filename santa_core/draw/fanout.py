"""Santas' emails of a big draw, written by the job queue right after the draw commits.

A draw of up to ``Settings.draw_inline_notify_max`` santas writes one ``draw_done``
outbox row per santa in its own transaction. A bigger one commits the pairs and
marks its run ``pending`` instead (:func:`defer`), so the organizer's request does
not wait for thousands of emails; :func:`santa_core.draw.service.fan_out_pending`
(run by the relay task the commit rings, and by every outbox sweep) then writes
the rows in one transaction and marks the run ``done``. The rows carry the same
dedupe keys either way (:func:`key`), so a fan-out interrupted by a crash is
simply run again.
"""

from __future__ import annotations

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from santa_core import models, notify

PENDING, DONE = "pending", "done"


def key(run: models.DrawRun) -> str:
    """The dedupe-key prefix of a run's ``draw_done`` rows."""
    return f"draw_done:{run.id}"


def defer(session: Session, run: models.DrawRun) -> None:
    """Leave the run's emails to the job queue (rung when this transaction commits)."""
    run.details = {**(run.details or {}), "notify": PENDING}
    notify.rows_added(session, 1)  # rings the relay, which fans out first


def pending() -> Select[models.DrawRun]:
    """Runs whose emails are still to be written, oldest first."""
    R = models.DrawRun
    return select(R).where(R.details["notify"].as_string() == PENDING).order_by(R.created_at)


def mark_done(run: models.DrawRun) -> None:
    run.details = {**(run.details or {}), "notify": DONE}


def any_pending(session: Session) -> bool:
    return session.scalar(pending().with_only_columns(models.DrawRun.id).limit(1)) is not None
