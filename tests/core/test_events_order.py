"""Live event cursors: numbered at commit, so a box's events commit in cursor order."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import events, models
from tests.factories import make_box


def _seqs(engine: Engine, box_id: object) -> list[tuple[int, str]]:
    with Session(engine) as s:
        E = models.BoxEvent
        rows = s.execute(select(E.seq, E.kind).where(E.box_id == box_id).order_by(E.seq))
        return [(int(seq), kind) for seq, kind in rows]


@pytest.mark.parametrize("backend", ["postgresql"])  # SQLite has one writer at a time
def test_cursor_follows_commit_order_not_publish_order(engine: Engine) -> None:
    with Session(engine) as s:
        box_id = make_box(s).id
        s.commit()
    before = _seqs(engine, box_id)
    first, second = Session(engine), Session(engine)
    try:
        events.publish(first, box_id, "announcement", {"n": "first"})
        first.flush()  # an earlier flush numbers (and locks) nothing yet
        events.publish(second, box_id, "announcement", {"n": "second"})
        second.commit()
        first.commit()
    finally:
        first.close()
        second.close()
    after = _seqs(engine, box_id)[len(before) :]
    assert [kind for _, kind in after] == ["announcement", "announcement"]
    with Session(engine) as s:
        E = models.BoxEvent
        by_seq = s.execute(
            select(E.data).where(E.box_id == box_id, E.kind == "announcement").order_by(E.seq)
        ).scalars()
        assert [d["n"] for d in by_seq] == ["second", "first"]
    seqs = [seq for seq, _ in _seqs(engine, box_id)]
    assert seqs == list(range(1, len(seqs) + 1))  # no gap, no duplicate
    with Session(engine) as s:
        assert events.last_seq(s, box_id) == seqs[-1]


def test_rolled_back_events_vanish_and_leave_no_gap(engine: Engine) -> None:
    with Session(engine) as s:
        box_id = make_box(s).id
        s.commit()
    start = len(_seqs(engine, box_id))
    with Session(engine) as s:
        events.publish(s, box_id, "announcement", {"n": "lost"})
        s.rollback()
        events.publish(s, box_id, "announcement", {"n": "kept"})
        s.commit()
    rows = _seqs(engine, box_id)
    assert len(rows) == start + 1
    assert rows[-1][0] == start + 1


def test_concurrent_writers_get_distinct_consecutive_cursors(engine: Engine) -> None:
    with Session(engine) as s:
        box_id = make_box(s).id
        s.commit()
    start = len(_seqs(engine, box_id))
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            for i in range(5):
                with Session(engine) as s:
                    events.publish(s, box_id, "announcement", {"n": f"{n}.{i}"})
                    events.publish(s, box_id, "box_updated", {})
                    s.commit()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    seqs = [seq for seq, _ in _seqs(engine, box_id)]
    assert len(seqs) == start + 40
    assert seqs == list(range(1, len(seqs) + 1))
