"""A raw dump of the database after a season holds no secret in plain text and no pair.

After a drawn box with cards (wishes, addresses, phones), messages both ways and
read, a gift sent and thanked for, a wish changed after the draw, a member
removed after the draw (the draw repaired), an email invitation and a join link,
a calendar feed and a refresh token: ``pg_dump`` of the PostgreSQL database (the
server's own version) and the bytes of the SQLite file (and its WAL) contain none
of those values, and no row outside the ``draws`` table names a santa beside their
giftee — neither in one row, nor through a value that only rows naming the santa
and rows naming the giftee share (a pair id, a message id, a gift id).
"""

from __future__ import annotations

import re
import secrets
import shutil
import sqlite3
import subprocess
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.auth import sessions
from santa_core.config import Settings
from santa_core.notify.sealed import unseal_payload
from santa_server.app import create_app
from tests.server.afterkit import Season, drawn_box, thread_as
from tests.server.boxkit import Actor, account, ok


def _season_secrets(
    client: TestClient, settings: Settings, engine: Engine, season: Season
) -> dict[str, str]:
    """Play the season; every secret value it made, by what it is."""
    tag = secrets.token_hex(4)
    found: dict[str, str] = {}
    for i, actor in enumerate(season.everyone()):
        found[f"address {i}"] = f"Street {i}"
        found[f"phone {i}"] = f"+7 916 555 01 {i:02d}"
        found[f"wish {i}"] = f"wish of {actor.user.full_name}"
    box = season.box_id
    santa = season.people[0]
    thread = thread_as(santa, box, "santa")
    found["message"] = f"the present is hidden in the garage {tag}"
    ok(
        santa.post(
            f"/boxes/{box}/threads/{thread['pair_id']}/messages",
            json={"body": found["message"], "confirm_reveal": True},
        ),
        201,
    )
    gifts = ok(santa.get(f"/boxes/{box}/gifts"))["items"]
    mine = next(g for g in gifts if g.get("my_role", "santa") == "santa")
    found["tracking"] = f"JD{tag}0146"
    ok(
        santa.post(
            f"/boxes/{box}/gifts/{mine['pair_id']}",
            json={"action": "sent", "carrier": "DHL", "tracking": found["tracking"]},
        )
    )
    # The other side: the giftee answers, the santa reads it, the gift arrives with thanks.
    giftee = season.by_pid[giftee_of(engine, box, season.pid(santa))]
    found["reply"] = f"could it be something for the garden {tag}"
    url = f"/boxes/{box}/threads/{thread['pair_id']}"
    ok(giftee.post(f"{url}/messages", json={"body": found["reply"]}), 201)
    ok(santa.post(f"{url}/read"), 204)
    found["thank you"] = f"thank you so much {tag}"
    ok(
        giftee.post(
            f"/boxes/{box}/gifts/{mine['pair_id']}",
            json={"action": "received", "thank_you": found["thank you"]},
        )
    )
    # After the draw: the giftee's wishes change (their santa is told), and someone who
    # is neither of the two leaves (the draw is repaired around them).
    found["new wish"] = f"seeds for the garden {tag}"
    ok(giftee.patch(f"/boxes/{box}/participants/me", json={"wishes": found["new wish"]}))
    leaving = next(a for a in season.people if a.user.id not in (santa.user.id, giftee.user.id))
    ok(season.organizer.delete(f"/boxes/{box}/participants/{season.pid(leaving)}"), 204)
    # The next season's box: an email invitation and a join link (codes).
    organizer = season.organizer
    draft = ok(organizer.post("/boxes", json={"name": f"Next year {tag}"}), 201)["id"]
    found["join code"] = ok(organizer.post(f"/boxes/{draft}/join-link"), 201)["code"]
    invited = f"aunt-{tag}@example.org"
    ok(organizer.post(f"/boxes/{draft}/invites", json={"email": invited}), 201)
    with Session(engine) as s:
        row = s.scalars(
            select(models.OutboxMessage).where(
                models.OutboxMessage.kind == "invite", models.OutboxMessage.recipient == invited
            )
        ).one()
        found["invitation code"] = unseal_payload(row.payload)["accept_url"].rsplit("/", 1)[1]
        user = s.get(models.User, santa.user.id)
        assert user is not None
        found["refresh token"] = sessions.start_session(
            s, settings, user, user_agent="dump", ip="198.51.100.7"
        ).token
        s.commit()
    feed = ok(santa.get("/calendar"))
    found["calendar token"] = urlsplit(feed["url"]).path.rsplit("/", 1)[1].removesuffix(".ics")
    return found


def giftee_of(engine: Engine, box_id: str, santa: str) -> str:
    """The giftee (participant id) of ``santa``, from the database."""
    with Session(engine) as s:
        return str(
            s.scalars(
                select(models.Draw.giftee_participant_id).where(
                    models.Draw.box_id == uuid.UUID(box_id),
                    models.Draw.santa_participant_id == uuid.UUID(santa),
                )
            ).one()
        )


def _pairs(engine: Engine, box_id: str) -> list[tuple[list[str], list[str]]]:
    """Every drawn pair as (ways to name the santa, ways to name the giftee)."""
    with Session(engine) as s:
        people = {
            p.id: p
            for p in s.scalars(
                select(models.Participant).where(models.Participant.box_id == uuid.UUID(box_id))
            )
        }
        rows = s.execute(
            select(models.Draw.santa_participant_id, models.Draw.giftee_participant_id).where(
                models.Draw.box_id == uuid.UUID(box_id)
            )
        ).all()

    def names(pid: uuid.UUID, *, as_santa: bool) -> list[str]:
        p = people[pid]
        out = [str(pid), pid.hex]
        out += [str(p.user_id), p.user_id.hex] if p.user_id else []  # their account
        if as_santa:
            out += [p.email] if p.email else []
        else:
            out += [p.display_name]
        return out

    return [(names(a, as_santa=True), names(b, as_santa=False)) for a, b in rows]


def _pg_rows(engine: Engine) -> tuple[bytes, list[tuple[str, str]]]:
    pg_dump = shutil.which("pg_dump")
    if pg_dump is None:
        pytest.skip("pg_dump is not installed")
    url = engine.url
    with engine.connect() as conn:
        server = str(conn.execute(text("SHOW server_version")).scalar()).split()[0]
    client = subprocess.run(
        [pg_dump, "--version"], capture_output=True, text=True, check=True
    ).stdout
    assert server.split(".")[0] in client, (server, client)  # same major version
    dump = subprocess.run(
        [
            pg_dump,
            "--data-only",
            "--no-owner",
            "-h",
            url.host or "127.0.0.1",
            "-p",
            str(url.port or 5432),
            "-U",
            url.username or "postgres",
            url.database or "",
        ],
        capture_output=True,
        check=True,
    ).stdout
    rows: list[tuple[str, str]] = []
    table = ""
    for line in dump.decode().splitlines():
        if m := re.match(r'COPY (?:public\.)?"?(\w+)"? ', line):
            table = m.group(1)
        elif line == "\\.":
            table = ""
        elif table:
            rows.append((table, line))
    return dump, rows


def _sqlite_rows(engine: Engine) -> tuple[bytes, list[tuple[str, str]]]:
    path = Path(engine.url.database or "")
    engine.dispose()  # every connection closed: the file (and WAL) as it lies on disk
    raw = b"".join(p.read_bytes() for p in (path, path.with_name(path.name + "-wal")) if p.exists())
    rows: list[tuple[str, str]] = []
    with sqlite3.connect(path) as conn:
        for line in conn.iterdump():
            if m := re.match(r'INSERT INTO "(\w+)"', line):
                rows.append((m.group(1), line))
    return raw, rows


@pytest.fixture
def dumped(settings: Settings, engine: Engine, backend: str) -> Dumped:
    with TestClient(create_app(settings)) as client:
        season = drawn_box(client, settings, engine, n=6)
        values = _season_secrets(client, settings, engine, season)
        Actor(client, settings, account(engine))  # one more account: not everyone is in it
    pairs = _pairs(engine, season.box_id)
    raw, rows = _pg_rows(engine) if backend == "postgresql" else _sqlite_rows(engine)
    assert len(rows) > 50  # the dump was read
    return Dumped(backend, values, pairs, raw, rows)


@dataclass
class Dumped:
    backend: str
    values: dict[str, str]
    pairs: list[tuple[list[str], list[str]]]
    raw: bytes
    rows: list[tuple[str, str]]


def test_a_raw_dump_holds_no_secret_in_plain_text(dumped: Dumped) -> None:
    leaks = [what for what, value in dumped.values.items() if value.encode() in dumped.raw]
    assert not leaks, f"in plain text in the {dumped.backend} dump: {leaks}"


#: Rows that name two people of a pair for another reason than the draw: a
#: ``joined`` notice tells the organizers who joined, before any draw.
NOT_ABOUT_THE_DRAW = re.compile(r"\bjoined\b")
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
#: Id-like values: UUIDs (either spelling), hashes, opaque ids (a pair id is 22 characters).
_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,}")
#: The schema's own words (an event kind such as ``assignment_changed``): not values.
_WORD = re.compile(r"[a-z_]+")


def _outside_draws(dumped: Dumped) -> list[tuple[str, str]]:
    return [
        (table, line)
        for table, line in dumped.rows
        if table != "draws" and not (table == "outbox_messages" and NOT_ABOUT_THE_DRAW.search(line))
    ]


def test_no_pair_outside_the_draws_table(dumped: Dumped) -> None:
    tables = {table for table, _ in dumped.rows}
    assert {"messages", "gifts", "box_events", "outbox_messages", "audit_events"} <= tables
    side_by_side = [
        f"{table}: {[s for s in santa if s in line]} ~ {[g for g in giftee if g in line]}: "
        f"{line[:160]}"
        for table, line in _outside_draws(dumped)
        for santa, giftee in dumped.pairs
        if any(s in line for s in santa) and any(g in line for g in giftee)
    ]
    assert not side_by_side, "a santa beside their giftee outside draws:\n" + "\n".join(
        side_by_side
    )


def test_no_value_links_a_santa_to_their_giftee_across_rows(dumped: Dumped) -> None:
    """A value that only rows naming the santa and rows naming the giftee hold (say, the
    same pair id in the santa's event and in the giftee's) pairs them as surely as one row.
    Values every member shares (the box's id) or one person's own (their account id) do not.
    (What rows of one repair share besides values, their time and kind, is not looked at.)
    """
    # Each person by every way a row may name them: ids (both spellings), email, name.
    ways: dict[str, set[str]] = {}
    for santa, giftee in dumped.pairs:
        ways.setdefault(santa[0], set()).update(santa)
        ways.setdefault(giftee[0], set()).update(giftee)
    own_ids = {w.replace("-", "") for ws in ways.values() for w in ws if _UUID.fullmatch(w)}
    linked: dict[str, set[str]] = {}
    where: dict[str, list[str]] = {}
    for table, line in _outside_draws(dumped):
        named = {person for person, names in ways.items() if any(n in line for n in names)}
        if not named:
            continue
        plain = _UUID.sub(lambda m: m.group(0).replace("-", ""), line)
        for token in set(_TOKEN.findall(plain)) - own_ids:
            if _WORD.fullmatch(token):
                continue
            linked.setdefault(token, set()).update(named)
            where.setdefault(token, []).append(f"{table}: {line[:120]}")
    leaks = [
        f"{token} links only {santa[0]} and {giftee[0]}:\n  " + "\n  ".join(where[token])
        for santa, giftee in dumped.pairs
        for token, who in linked.items()
        if who == {santa[0], giftee[0]}
    ]
    assert not leaks, "a value pairs a santa with their giftee outside draws:\n" + "\n".join(leaks)
