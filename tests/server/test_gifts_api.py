"""Acceptance 2: gift moves by the right side in order; wrong moves are problems with codes."""

from __future__ import annotations

import datetime as dt
import uuid

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.gift import service as gift_service
from santa_server.app import create_app
from tests.server.afterkit import Season, drawn_box, santa_of, thread_as
from tests.server.boxkit import Actor, ok, problem


def _kinds(engine: Engine, kind: str) -> list[models.OutboxMessage]:
    with Session(engine) as s:
        return list(
            s.scalars(select(models.OutboxMessage).where(models.OutboxMessage.kind == kind))
        )


def _pair(season: Season, santa: Actor) -> tuple[str, Actor]:
    pid = ok(santa.get(f"/boxes/{season.box_id}/assignment"))["giftees"][0]["participant_id"]
    return thread_as(santa, season.box_id, "santa")["pair_id"], season.by_pid[pid]


class TestGiftMoves:
    def test_wrong_moves_refused_right_moves_notify(
        self, settings: Settings, engine: Engine
    ) -> None:
        with TestClient(create_app(settings)) as client:
            season = drawn_box(client, settings, engine, n=4)
            box = season.box_id
            santa = season.people[0]
            pair, giftee = _pair(season, santa)
            url = f"/boxes/{box}/gifts/{pair}"
            stranger = next(
                a for a in season.everyone() if a.user.id not in (santa.user.id, giftee.user.id)
            )
            # received before sent; the giftee marking sent; a stranger marking anything
            problem(giftee.post(url, json={"action": "received"}), 409, "gift_out_of_order")
            problem(giftee.post(url, json={"action": "sent"}), 403, "gift_wrong_side")
            problem(giftee.post(url, json={"action": "bought"}), 403, "gift_wrong_side")
            problem(santa.post(url, json={"action": "received"}), 403, "gift_wrong_side")
            for action in ("bought", "sent", "received", "missing"):
                if stranger.user.id in (santa.user.id, giftee.user.id):
                    continue
                if thread_as_or_none(stranger, box, pair):
                    continue
                problem(stranger.post(url, json={"action": action}), 404, "pair_not_found")
            problem(giftee.post(url, json={"action": "missing"}), 409, "gift_missing_too_early")
            problem(
                santa.post(url, json={"action": "bought", "tracking": "x"}), 422, "invalid_input"
            )
            assert ok(santa.post(url, json={"action": "bought"}))["status"] == "bought"
            problem(santa.post(url, json={"action": "bought"}), 409, "gift_out_of_order")
            sent = ok(santa.post(url, json={"action": "sent", "carrier": "DHL", "tracking": "JD1"}))
            assert sent["status"] == "sent"
            problem(santa.post(url, json={"action": "sent"}), 409, "gift_out_of_order")
            mine = ok(giftee.get(f"/boxes/{box}/gifts"))["items"]
            incoming = next(g for g in mine if g["my_role"] == "giftee")
            assert incoming["carrier"] == "DHL"
            assert incoming["title"] == "Your Santa"
            assert incoming["allowed_actions"] == ["received", "missing"]
            got = ok(giftee.post(url, json={"action": "received", "thank_you": "Love it!"}))
            assert got["status"] == "received"
            problem(giftee.post(url, json={"action": "received"}), 409, "gift_out_of_order")
            problem(giftee.post(url, json={"action": "missing"}), 409, "gift_out_of_order")
            seen = ok(santa.get(f"/boxes/{box}/gifts"))["items"]
            assert next(g for g in seen if g["pair_id"] == pair)["thank_you"] == "Love it!"
            notes = _kinds(engine, "gift_updated")
            by_action = {(n.recipient, n.payload["move"]) for n in notes}
            assert by_action == {
                (giftee.user.email, "bought"),
                (giftee.user.email, "sent"),
                (santa.user.email, "received"),
            }
            assert all(n.payload["title"] for n in notes)
            summary = ok(season.organizer.get(f"/boxes/{box}/gifts-summary"))
            assert summary["pairs"] == 4
            assert (summary["sent"], summary["received"]) == (1, 1)
            problem(santa.get(f"/boxes/{box}/gifts-summary"), 403, "not_organizer")

    def test_deadline_flags_and_backup_santa(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            deadline = (utcnow() + dt.timedelta(days=2)).isoformat()
            season = drawn_box(client, settings, engine, n=5, box={"shipping_deadline": deadline})
            box = season.box_id
            santa = season.people[0]
            pair, giftee = _pair(season, santa)
            # Everyone else sends their gift in time.
            for actor in season.everyone():
                if actor.user.id == santa.user.id:
                    continue
                for t in ok(actor.get(f"/boxes/{box}/gifts"))["items"]:
                    if t["my_role"] == "santa":
                        ok(
                            actor.post(
                                f"/boxes/{box}/gifts/{t['pair_id']}", json={"action": "sent"}
                            )
                        )
            with Session(engine) as s:
                flagged = gift_service.flag_unsent(s, settings, now=utcnow() + dt.timedelta(days=3))
                s.commit()
            assert flagged == 1
            summary = ok(season.organizer.get(f"/boxes/{box}/gifts-summary"))
            assert [i["reason"] for i in summary["issues"]] == ["not_sent_by_deadline"]
            issue = summary["issues"][0]
            assert issue["pair_id"] == pair
            assert issue["giftee_participant_id"] == season.pid(giftee)
            assert santa.user.full_name not in str(summary)
            assert _kinds(engine, "gift_issue")
            result = ok(season.organizer.post(f"/boxes/{box}/gifts/{pair}/backup-santa", json={}))
            assert result["chosen_by_organizer"] is False
            santas = santa_of(engine, box)[season.pid(giftee)]
            assert season.pid(santa) not in santas
            assert len(santas) == 1
            backup = season.by_pid[santas[0]]
            card = ok(backup.get(f"/boxes/{box}/assignment"))["giftees"]
            assert season.pid(giftee) in [g["participant_id"] for g in card]
            problem(
                season.organizer.post(f"/boxes/{box}/gifts/{pair}/backup-santa", json={}),
                404,
                "pair_not_found",
            )
            assert {n.recipient for n in _kinds(engine, "assignment_withdrawn")} == {
                santa.user.email
            }
            with Session(engine) as s:
                audit = s.scalars(
                    select(models.AuditEvent).where(
                        models.AuditEvent.box_id == uuid.UUID(box),
                        models.AuditEvent.action == "draw.backup_santa_assigned",
                    )
                ).all()
                assert len(audit) == 1


def thread_as_or_none(actor: Actor, box: str, pair: str) -> bool:
    return any(t["pair_id"] == pair for t in ok(actor.get(f"/boxes/{box}/threads"))["items"])
