"""0006_pair: messages and gifts move from two participant ids to their pair's draws row."""

from __future__ import annotations

import datetime as dt
import uuid

import sqlalchemy as sa
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import events, migrate, models
from tests.factories import make_box, make_member, make_outbox_row
from tests.migrations.test_migrations import fresh_engine

__all__ = ["fresh_engine"]

_SIDES = ("santa_participant_id", "giftee_participant_id")
OLD_KEY = "new_message:pairid:participant:2026-12-01T10"
DRAW_KEY = "draw_done:run:santa"


def _old_rows(engine: Engine, table: str) -> list[tuple[uuid.UUID, uuid.UUID, uuid.UUID]]:
    t = sa.table(table, sa.column("id", sa.Uuid()), *(sa.column(c, sa.Uuid()) for c in _SIDES))
    with engine.connect() as conn:
        return [
            (r.id, r.santa_participant_id, r.giftee_participant_id)
            for r in conn.execute(sa.select(t))
        ]


def test_rows_follow_their_pair_down_and_up(fresh_engine: Engine) -> None:
    migrate.upgrade(fresh_engine)
    with Session(fresh_engine) as s:
        box = make_box(s)
        a, b, c = (make_member(s, box) for _ in range(3))
        run = models.DrawRun(box_id=box.id, method="test", engine_version="1")
        s.add(run)
        s.flush()
        draws = {
            (p.id, q.id): models.Draw(
                box_id=box.id, run_id=run.id, santa_participant_id=p.id, giftee_participant_id=q.id
            )
            for p, q in ((a, b), (b, c), (c, a))
        }
        s.add_all(draws.values())
        s.flush()
        ab, bc = draws[(a.id, b.id)], draws[(b.id, c.id)]
        s.add_all(
            [
                models.Message(
                    box_id=box.id, draw_id=ab.id, sender=models.MessageSide.SANTA, body="hi"
                ),
                models.Message(
                    box_id=box.id, draw_id=ab.id, sender=models.MessageSide.GIFTEE, body="hello"
                ),
                models.Message(
                    box_id=box.id, draw_id=bc.id, sender=models.MessageSide.SANTA, body="yo"
                ),
                models.Gift(
                    box_id=box.id, draw_id=ab.id, status=models.GiftStatus.SENT, tracking="T1"
                ),
            ]
        )
        events.publish(
            s, box.id, "message_new", {"pair_id": "p"}, audience="participant", participant_id=b.id
        )
        make_outbox_row(s, kind="new_message", recipient="b@example.com", dedupe_key=OLD_KEY)
        make_outbox_row(s, kind="draw_done", recipient="a@example.com", dedupe_key=DRAW_KEY)
        s.commit()
        box_id, ids = box.id, (a.id, b.id, c.id)
        ab_id, bc_id = ab.id, bc.id
    a_id, b_id, c_id = ids

    migrate.downgrade(fresh_engine, "0005_invite")
    messages = _old_rows(fresh_engine, "messages")
    assert sorted((s, g) for _, s, g in messages) == sorted(
        [(a_id, b_id), (a_id, b_id), (b_id, c_id)]
    )
    assert [(s, g) for _, s, g in _old_rows(fresh_engine, "gifts")] == [(a_id, b_id)]
    with fresh_engine.connect() as conn:
        data = conn.execute(sa.text("SELECT data FROM box_events")).scalar_one()
    assert data in ({}, "{}")  # encrypted event data cannot go back into JSON
    # A thread a repair had ended before the upgrade: c -> b is no pair of the draw.
    orphan = uuid.uuid4()
    t = sa.table(
        "messages",
        sa.column("id", sa.Uuid()),
        sa.column("box_id", sa.Uuid()),
        *(sa.column(c, sa.Uuid()) for c in _SIDES),
        sa.column("sender", sa.String()),
        sa.column("body", sa.Text()),
        sa.column("created_at", sa.DateTime(timezone=True)),
    )
    with fresh_engine.begin() as conn:
        conn.execute(
            sa.insert(t).values(
                id=orphan,
                box_id=box_id,
                santa_participant_id=c_id,
                giftee_participant_id=b_id,
                sender="santa",
                body="lost",
                created_at=dt.datetime.now(dt.UTC),
            )
        )

    migrate.upgrade(fresh_engine)
    assert migrate.check(fresh_engine).ok
    with Session(fresh_engine) as s:
        M, G = models.Message, models.Gift
        rows = sorted((d, body) for d, body in s.execute(select(M.draw_id, M.body)))
        assert rows == sorted([(ab_id, "hello"), (ab_id, "hi"), (bc_id, "yo")])
        assert s.get(M, orphan) is None
        gift = s.scalars(select(G)).one()
        assert (gift.draw_id, gift.status, gift.tracking) == (ab_id, models.GiftStatus.SENT, "T1")
        # Keys that named a pair are forgotten (random); others stay as they were.
        keys = set(s.scalars(select(models.OutboxMessage.dedupe_key)))
        assert DRAW_KEY in keys
        assert OLD_KEY not in keys
        (new_key,) = keys - {DRAW_KEY}
        assert new_key is not None
        assert new_key.startswith("new_message:")
        assert "pairid" not in new_key
        # The pair's row goes, its thread and gift with it.
        s.delete(s.get(models.Draw, ab_id))
        s.commit()
        assert s.scalars(select(M.draw_id)).all() == [bc_id]
        assert s.scalars(select(G)).all() == []
