"""GDPR: the export holds every value about a person; erase + scrub leaves none of their PII.

Both checks walk the schema, not a list of tables: a table added later is
covered without touching this file (and fails it until the person below
touches it, or it is named in :data:`UNREACHABLE`).
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, Table, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from santa_cli.main import app
from santa_core import models
from santa_core.config import Settings
from santa_core.db import Base
from santa_core.user.export import SECRET_COLUMNS, SECTIONS, hidden, json_value
from santa_server.app import create_app
from tests.server.boxkit import Actor, account, invite_codes, ok

API = "/api/v1"
PASSWORD = "correct horse battery"
EMAIL = "annabel.quux@example.org"
NAME = "Annabel Quux"
ADDRESS = "12 Quuxstrasse, Quuxhausen"
PHONE = "+7 900 555 01 23"
#: Tables no row of which names a person directly (reached through another row).
UNREACHABLE = {
    "households": "a member's card names its household (participants.household_id)",
    "draw_history": "keyed by pseudonymous person keys, not by account or card",
    "box_event_cursors": "a counter per box",
    "draw_records": "the engine's input of a draw run, by pseudonymous ids",
    "box_reveals": "made by the reveal after the event date (not in this season)",
    "gifts": "rows of pairs, made when santas mark a gift",
    "messages": "rows of pairs, written after the draw",
    "announcements": "written by organizers after the draw",
    "box_events": "live events addressed to one member (messages, gifts: after the draw)",
}


@pytest.fixture(autouse=True)
def _fresh_cli_context() -> Iterator[None]:
    """The CLI caches its settings and engine per process: each test gets its own."""
    from santa_cli import context

    def clear() -> None:
        if context.runtime.cache_info().currsize:
            context.engine().dispose()
        context.settings.cache_clear()
        context.runtime.cache_clear()

    clear()
    yield
    clear()


def _cli_env(settings: Settings, engine: Engine) -> dict[str, str]:
    return {
        "SANTA_DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "SANTA_DATA_DIR": str(settings.data_dir),
        "SANTA_SECRET_KEY": settings.secret_key.get_secret_value(),
        "SANTA_ENCRYPTION_KEYS": ",".join(k.get_secret_value() for k in settings.encryption_keys),
    }


def _season(client: TestClient, settings: Settings, engine: Engine) -> uuid.UUID:
    """Annabel touches every table: account, settings, sessions, links, two boxes, a draw."""
    ok(
        client.post(
            f"{API}/auth/register", json={"email": EMAIL, "password": PASSWORD, "full_name": NAME}
        ),
        202,
    )
    login = ok(
        client.post(
            f"{API}/auth/login",
            json={"email": EMAIL, "password": PASSWORD, "transport": "body"},
            headers={"User-Agent": "quux-browser/1"},
        )
    )
    ann = {"Authorization": f"Bearer {login['access_token']}"}
    ok(client.post(f"{API}/auth/password-reset", json={"email": EMAIL}), 202)
    ok(client.patch(f"{API}/users/me/settings", json={"telegram_notifications": True}, headers=ann))
    with Session(engine) as s:
        user = s.scalars(select(models.User).where(models.User.email == EMAIL)).one()
        s.add(
            models.SocialAccount(
                user_id=user.id,
                provider="google",
                provider_account_id="quux-google-1",
                email=EMAIL,
                profile={"name": NAME},
            )
        )
        user_settings = s.scalars(
            select(models.UserSettings).where(models.UserSettings.user_id == user.id)
        ).one()
        user_settings.telegram_chat_id = "quux-chat-77"
        s.commit()
        ann_id = user.id
    # Her own box: she invites someone, adds two offline people and draws.
    mine = ok(client.post(f"{API}/boxes", json={"name": "Quux box"}, headers=ann), 201)
    ok(
        client.post(
            f"{API}/boxes/{mine['id']}/invites/import",
            json={"invites": [{"email": "zed@example.org", "display_name": "Zed"}]},
            headers=ann,
        )
    )
    for kid in ("Kid", "Kiddo"):
        ok(
            client.post(
                f"{API}/boxes/{mine['id']}/participants",
                json={"display_name": kid, "offline": True},
                headers=ann,
            ),
            201,
        )
    # Offline people never give to the organizers who act for them: she only runs the draw.
    own = ok(client.get(f"{API}/boxes/{mine['id']}/participants", headers=ann))["items"]
    own_card = next(p["id"] for p in own if p["display_name"] == NAME)
    ok(
        client.patch(
            f"{API}/boxes/{mine['id']}/participants/{own_card}",
            json={"takes_part": False},
            headers=ann,
        )
    )
    ok(client.post(f"{API}/boxes/{mine['id']}/status", json={"status": "ready"}, headers=ann))
    ok(
        client.post(
            f"{API}/boxes/{mine['id']}/draw",
            json={"acknowledge_secrecy_warning": True},
            headers=ann,
        ),
        201,
    )
    # Olga's box: Annabel is invited, joins, fills her card; a rule names her; Olga draws.
    olga = Actor(client, settings, account(engine, email="olga@example.org", full_name="Olga"))
    box = ok(olga.post("/boxes", json={"name": "Office"}), 201)
    ok(olga.post(f"/boxes/{box['id']}/invites/import", json={"invites": [{"email": EMAIL}]}))
    code = invite_codes(engine, box["id"])[EMAIL]
    ok(client.post(f"{API}/invitations/{code}/accept", headers=ann))
    ok(
        client.patch(
            f"{API}/boxes/{box['id']}/participants/me",
            json={"wishes": "quux socks", "address": ADDRESS, "phone": PHONE},
            headers=ann,
        )
    )
    kid = ok(
        olga.post(
            f"/boxes/{box['id']}/participants", json={"display_name": "Tim", "offline": True}
        ),
        201,
    )
    ok(
        olga.post(
            f"/boxes/{box['id']}/participants", json={"display_name": "Tom", "offline": True}
        ),
        201,
    )
    people = ok(olga.get(f"/boxes/{box['id']}/participants"))["items"]
    card = next(p["id"] for p in people if p["display_name"] == NAME)
    olga_card = next(p["id"] for p in people if p["display_name"] == "Olga")
    ok(
        olga.post(
            f"/boxes/{box['id']}/exclusions",
            json={"santa_participant_id": card, "giftee_participant_id": kid["id"]},
        ),
        201,
    )
    ok(
        olga.post(
            f"/boxes/{box['id']}/households",
            json={"name": "Quux home", "participant_ids": [card, olga_card]},
        ),
        201,
    )
    ok(olga.patch(f"/boxes/{box['id']}/participants/{olga_card}", json={"takes_part": False}))
    # Forced pairs: hers as the santa is in her export; Tim's to her (it names her santa) is not.
    tom = next(p["id"] for p in people if p["display_name"] == "Tom")
    for santa, giftee in ((card, tom), (kid["id"], card)):
        ok(
            olga.post(
                f"/boxes/{box['id']}/forced-pairs",
                json={"santa_participant_id": santa, "giftee_participant_id": giftee},
            ),
            201,
        )
    ok(olga.post(f"/boxes/{box['id']}/status", json={"status": "ready"}))
    ok(olga.post(f"/boxes/{box['id']}/draw", json={"acknowledge_secrecy_warning": True}), 201)
    return ann_id


def _about(table: Table, row: Any, needles: set[str]) -> bool:
    return any(
        str(getattr(row, c.name)) in needles for c in table.columns if not hidden(table, c.name)
    )


def _value_of(row: Any, column: str) -> Any:
    value = getattr(row, column)
    if isinstance(value, dict) and "sealed" in value:
        value = {k: v for k, v in value.items() if k != "sealed"}
    return json_value(value)


@pytest.mark.slow
def test_export_holds_every_value_and_erase_leaves_no_trace(
    settings: Settings, engine: Engine
) -> None:
    with TestClient(create_app(settings)) as client:
        ann_id = _season(client, settings, engine)
        login = ok(
            client.post(
                f"{API}/auth/login",
                json={"email": EMAIL, "password": PASSWORD, "transport": "body"},
            )
        )
        response = client.get(
            f"{API}/users/me/export", headers={"Authorization": f"Bearer {login['access_token']}"}
        )
        assert response.headers["cache-control"] == "no-store"
        document = ok(response)
    cli = CliRunner()
    env = _cli_env(settings, engine)
    exported = cli.invoke(app, ["gdpr", "export", EMAIL], env=env)
    assert exported.exit_code == 0, exported.output
    from_cli = json.loads(exported.stdout)
    assert from_cli["account"] == document["account"]

    with Session(engine) as s:
        cards = {
            str(c)
            for c in s.scalars(
                select(models.Participant.id).where(models.Participant.user_id == ann_id)
            )
        }
        needles = {str(ann_id), EMAIL, *cards}
        untouched = []
        for table in Base.metadata.sorted_tables:
            rows = [r for r in s.execute(select(table)).all() if _about(table, r, needles)]
            if not rows:
                if table.name not in UNREACHABLE:
                    untouched.append(table.name)
                continue
            if table.name == "users":
                exported_rows = {document["account"]["id"]: document["account"]}
            else:
                section = SECTIONS.get(table.name, table.name)
                exported_rows = {r["id"]: r for r in document.get(section, [])}
            for row in rows:
                got = exported_rows.get(str(row.id))
                assert got is not None, (table.name, row)
                for column in table.columns:
                    if column.name in SECRET_COLUMNS:
                        assert column.name not in got
                        continue
                    assert got[column.name] == _value_of(row, column.name), (
                        table.name,
                        column.name,
                    )
        assert untouched == [], "tables Annabel never touched: extend _season"
    card_row = next(m for m in document["memberships"] if m["address"] == ADDRESS)
    assert (card_row["phone"], card_row["wishes"]) == (PHONE, "quux socks")
    assert {"sent", "invitations", "sessions", "linked_accounts"} & set(document) != set()
    # The draw row where she is the giftee (it names her santa) is not in her export.
    assert all(a["santa_participant_id"] in cards for a in document["assignments_given"])
    # Nor the forced pair that makes Tim her santa; hers as the santa is.
    assert [f["santa_participant_id"] in cards for f in document["forced_pairs"]] == [True]

    erased = cli.invoke(app, ["gdpr", "erase", EMAIL, "--yes"], env=env)
    assert erased.exit_code == 0, erased.output
    assert "erased" in erased.stdout
    for _ in range(2):  # idempotent
        scrubbed = cli.invoke(app, ["gdpr", "scrub", "--json"], env=env)
        assert scrubbed.exit_code == 0, scrubbed.output
        assert set(json.loads(scrubbed.stdout)) >= {"accounts_scrubbed", "invitations_expired"}
    again = cli.invoke(app, ["gdpr", "erase", str(ann_id), "--yes"], env=env)
    assert "already erased" in again.stdout
    _assert_no_trace(engine)


def _assert_no_trace(engine: Engine) -> None:
    """No text column of any table holds her email, name, address or phone (decrypted)."""
    from santa_core.notify.sealed import unseal_payload

    secrets = [EMAIL, NAME, ADDRESS, PHONE, EMAIL.split("@")[0]]
    found = []
    with Session(engine) as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(select(table)).all():
                for column in table.columns:
                    value = getattr(row, column.name)
                    if isinstance(value, dict):
                        value = json.dumps(unseal_payload(value), default=str)
                    elif isinstance(value, list):
                        value = json.dumps(value, default=str)
                    if isinstance(value, str) and any(x.lower() in value.lower() for x in secrets):
                        found.append(f"{table.name}.{column.name}: {value[:300]}")
    assert found == []


def test_scrub_prints_what_it_did(settings: Settings, engine: Engine) -> None:
    env = _cli_env(settings, engine)
    with Session(engine) as s:
        gone = account(engine, email="gone@example.org", full_name="Gone")
        user = s.get(models.User, gone.id)
        assert user is not None
        user.deleted_at = dt.datetime.now(dt.UTC) - dt.timedelta(days=settings.gdpr_grace_days + 1)
        s.commit()
    first = CliRunner().invoke(app, ["gdpr", "scrub"], env=env)
    assert first.exit_code == 0, first.output
    assert "scrubbed 1 deleted account(s)" in first.stdout
    second = CliRunner().invoke(app, ["gdpr", "scrub"], env=env)
    assert "scrubbed 0 deleted account(s)" in second.stdout
    missing = CliRunner().invoke(app, ["gdpr", "export", "nobody@example.org"], env=env)
    assert missing.exit_code == 1
    assert missing.output.startswith("error[not_found]")
