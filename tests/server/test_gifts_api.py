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
            options = {"single_cycle": True}
            body = {"shipping_deadline": deadline, "draw_options": options}
            season = drawn_box(client, settings, engine, n=6, box=body, couple=True)
            box = season.box_id
            santa = season.people[0]
            pair, giftee = _pair(season, santa)
            before = _draw(engine, box)
            # Two other santas send their gift in time; those pairs must be kept.
            senders = [
                a for a in season.everyone() if a.user.id not in (santa.user.id, giftee.user.id)
            ][:2]
            for actor in senders:
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
            assert flagged == 4
            summary = ok(season.organizer.get(f"/boxes/{box}/gifts-summary"))
            assert {i["reason"] for i in summary["issues"]} == {"not_sent_by_deadline"}
            issue = next(i for i in summary["issues"] if i["pair_id"] == pair)
            assert issue["giftee_participant_id"] == season.pid(giftee)
            assert santa.user.full_name not in str(issue)
            assert _kinds(engine, "gift_issue")
            result = ok(season.organizer.post(f"/boxes/{box}/gifts/{pair}/backup-santa", json={}))
            assert result["chosen_by_organizer"] is False
            after = _draw(engine, box)
            backup_pid = next(s for s, g in after.items() if g == season.pid(giftee))
            assert backup_pid != season.pid(santa)
            # Through the engine's repair: still one gift each, every rule kept (the
            # household, a single loop), the sent pairs kept. (Moving the backup santa's
            # old giftee to the failed santa would split the loop: more santas move.)
            assert sorted(after) == sorted(after.values()) == sorted(before)
            assert _one_loop(after)
            couple = {season.pid(season.people[0]), season.pid(season.people[1])}
            assert all({s, g} != couple for s, g in after.items())
            for actor in senders:
                assert after[season.pid(actor)] == before[season.pid(actor)]
            moved = {s for s in before if before[s] != after[s]}
            assert {season.pid(santa), backup_pid} <= moved
            assert len(moved) <= len(before) - len(senders)
            backup = season.by_pid[backup_pid]
            card = ok(backup.get(f"/boxes/{box}/assignment"))["giftees"]
            assert [g["participant_id"] for g in card] == [season.pid(giftee)]
            problem(
                season.organizer.post(f"/boxes/{box}/gifts/{pair}/backup-santa", json={}),
                404,
                "pair_not_found",
            )
            assert {n.recipient for n in _kinds(engine, "assignment_withdrawn")} == {
                santa.user.email
            }
            # Only the santas whose giftee changed get a new assignment.
            redone = [
                n.recipient
                for n in _kinds(engine, "draw_done")
                if "draw_backup" in (n.dedupe_key or "")
            ]
            assert sorted(redone) == sorted(season.by_pid[p].user.email for p in moved)
            with Session(engine) as s:
                audit = s.scalars(
                    select(models.AuditEvent).where(
                        models.AuditEvent.box_id == uuid.UUID(box),
                        models.AuditEvent.action == "draw.backup_santa_assigned",
                    )
                ).all()
                assert len(audit) == 1
                assert audit[0].details["moved_santas"] == len(moved)
                assert audit[0].details["changed_pairs"] == len(moved)

    def test_named_backup_moves_two_santas(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            deadline = (utcnow() + dt.timedelta(days=2)).isoformat()
            season = drawn_box(client, settings, engine, n=5, box={"shipping_deadline": deadline})
            box = season.box_id
            santa = season.people[0]
            pair, giftee = _pair(season, santa)
            with Session(engine) as s:
                assert gift_service.flag_unsent(s, settings, now=utcnow() + dt.timedelta(days=3))
                s.commit()
            before = _draw(engine, box)
            named = next(
                p
                for p in before
                if p not in (season.pid(santa), season.pid(giftee))
                and before[p] != season.pid(santa)  # the swap must not make a self-pair
            )
            url = f"/boxes/{box}/gifts/{pair}/backup-santa"
            result = ok(season.organizer.post(url, json={"santa_participant_id": named}))
            assert result["chosen_by_organizer"] is True
            after = _draw(engine, box)
            assert after[named] == season.pid(giftee)
            # No rules: the failed santa takes the named santa's old giftee, nobody else moves.
            assert after[season.pid(santa)] == before[named]
            assert {p for p in before if before[p] != after[p]} == {season.pid(santa), named}

    def test_nothing_arrived_then_backup(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            season = drawn_box(client, settings, engine, n=5)
            box = season.box_id
            santa = season.people[0]
            pair, giftee = _pair(season, santa)
            url = f"/boxes/{box}/gifts/{pair}"
            ok(santa.post(url, json={"action": "sent", "carrier": "Post"}))
            before = _draw(engine, box)
            reported = ok(giftee.post(url, json={"action": "missing"}))
            assert reported["status"] == "sent"
            problem(giftee.post(url, json={"action": "missing"}), 409, "gift_out_of_order")
            summary = ok(season.organizer.get(f"/boxes/{box}/gifts-summary"))
            issue = next(i for i in summary["issues"] if i["pair_id"] == pair)
            assert issue["reason"] == "nothing_arrived"
            assert santa.user.full_name not in str(issue)
            told = [
                n for n in _kinds(engine, "gift_issue") if n.payload["reason"] == "nothing_arrived"
            ]
            assert [n.recipient for n in told] == [season.organizer.user.email]
            # The report is what the organizer may act on: a backup santa by the repair.
            ok(season.organizer.post(f"{url}/backup-santa", json={}))
            after = _draw(engine, box)
            assert after[season.pid(santa)] != season.pid(giftee)
            assert sorted(after.values()) == sorted(before)
            assert len({p for p in before if before[p] != after[p]}) == 2

    def test_impossible_backup_is_explained(self, settings: Settings, engine: Engine) -> None:
        with TestClient(create_app(settings)) as client:
            deadline = (utcnow() + dt.timedelta(days=2)).isoformat()
            season = drawn_box(client, settings, engine, n=4, box={"shipping_deadline": deadline})
            box = season.box_id
            santa = season.people[0]
            pair, giftee = _pair(season, santa)
            # Everyone else's gift is on its way: no pair may move, so nobody can take over.
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
                assert gift_service.flag_unsent(s, settings, now=utcnow() + dt.timedelta(days=3))
                s.commit()
            before = _draw(engine, box)
            url = f"/boxes/{box}/gifts/{pair}/backup-santa"
            body = problem(season.organizer.post(url, json={}), 409, "draw_infeasible")
            assert giftee.user.full_name in body["detail"]
            assert "engine reason: hall" in body["detail"]
            # ... and it names no pair: not the santa who failed, nor anyone else's santa.
            assert santa.user.full_name not in str(body)
            # The organizer naming someone whose own gift is sent is refused too.
            other = next(
                a for a in season.everyone() if a.user.id not in (santa.user.id, giftee.user.id)
            )
            named = {"santa_participant_id": season.pid(other)}
            problem(season.organizer.post(url, json=named), 409)
            assert _draw(engine, box) == before
            assert not _kinds(engine, "assignment_withdrawn")


def _draw(engine: Engine, box: str) -> dict[str, str]:
    """santa -> giftee (one gift each), from the database."""
    return {g[0]: giftee for giftee, g in santa_of(engine, box).items()}


def _one_loop(pairs: dict[str, str]) -> bool:
    start = next(iter(pairs))
    seen, at = {start}, pairs[start]
    while at != start:
        seen.add(at)
        at = pairs[at]
    return len(seen) == len(pairs)


def thread_as_or_none(actor: Actor, box: str, pair: str) -> bool:
    return any(t["pair_id"] == pair for t in ok(actor.get(f"/boxes/{box}/threads"))["items"])


def test_backup_santa_replaces_a_forced_pair(settings: Settings, engine: Engine) -> None:
    """The organizers forced the pair whose gift never came: the repair drops that rule."""
    with TestClient(create_app(settings)) as client:
        deadline = (utcnow() + dt.timedelta(days=2)).isoformat()
        season = drawn_box(client, settings, engine, n=5, box={"shipping_deadline": deadline})
        box = season.box_id
        santa = season.people[0]
        pair, giftee = _pair(season, santa)
        with Session(engine) as s:
            s.add(
                models.ForcedPair(
                    box_id=uuid.UUID(box),
                    santa_participant_id=uuid.UUID(season.pid(santa)),
                    giftee_participant_id=uuid.UUID(season.pid(giftee)),
                )
            )
            gift_service.flag_unsent(s, settings, now=utcnow() + dt.timedelta(days=3))
            s.commit()
        ok(season.organizer.post(f"/boxes/{box}/gifts/{pair}/backup-santa", json={}))
        after = _draw(engine, box)
        assert next(s for s, g in after.items() if g == season.pid(giftee)) != season.pid(santa)
