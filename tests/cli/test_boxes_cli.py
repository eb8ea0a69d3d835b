"""``santa boxes``: organizer commands through the SDK against a real server on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from santa_cli.commands.boxes.invite import read_csv
from santa_cli.main import app
from santa_core import models
from santa_core.config import Settings
from santa_server.app import create_app
from tests.live import live_server
from tests.server.boxkit import account, auth


@pytest.fixture
def api(settings: Settings, engine: Engine) -> Iterator[tuple[CliRunner, dict[str, str]]]:
    organizer = account(engine, full_name="Olga")
    token = auth(settings, organizer)["Authorization"].split(" ", 1)[1]
    with live_server(create_app(settings)) as base:
        yield CliRunner(), {"SANTA_API_URL": base, "SANTA_TOKEN": token}


def test_read_csv_with_and_without_header() -> None:
    assert read_csv("Email,Name\na@x.org,Ann\n\nb@x.org,\n") == [
        ("a@x.org", "Ann"),
        ("b@x.org", None),
    ]
    assert read_csv("c@x.org\nd@x.org,Dan\n") == [("c@x.org", None), ("d@x.org", "Dan")]


def test_create_invite_csv_and_draw(
    api: tuple[CliRunner, dict[str, str]], engine: Engine, tmp_path: Path
) -> None:
    cli, env = api
    created = cli.invoke(app, ["boxes", "create", "Team", "--json"], env=env)
    assert created.exit_code == 0, created.output
    assert created.stdout.strip(), (created.output, created.stderr)
    box_id = json.loads(created.stdout)["id"]

    people = tmp_path / "people.csv"
    people.write_text(
        "email,name\nann@example.org,Ann\nbob@example.org,Bob\nANN@example.org,Ann again\n",
        encoding="utf-8",
    )
    invited = cli.invoke(app, ["boxes", "invite", box_id, str(people), "--json"], env=env)
    assert invited.exit_code == 0, invited.output
    result = json.loads(invited.stdout)
    assert result["created"] == 2
    assert result["skipped"] == [{"email": "ann@example.org", "reason": "duplicate"}]
    with Session(engine) as s:
        count = s.scalar(select(func.count()).select_from(models.EmailInvite))
    assert count == 2

    listed = cli.invoke(app, ["boxes", "list", "--json"], env=env)
    assert listed.exit_code == 0, (listed.output, listed.exception)
    assert [b["participant_count"] for b in json.loads(listed.stdout)["boxes"]] == [3]

    not_ready = cli.invoke(app, ["boxes", "draw", box_id], env=env)
    assert not_ready.exit_code == 1
    assert "error[" in not_ready.output


def test_errors_are_one_line(api: tuple[CliRunner, dict[str, str]]) -> None:
    cli, env = api
    bad = cli.invoke(app, ["boxes", "list"], env={**env, "SANTA_TOKEN": "nope"})
    assert bad.exit_code == 1
    assert "error[" in bad.output
    assert "Traceback" not in bad.output
    missing = cli.invoke(app, ["boxes", "draw", "00000000-0000-0000-0000-000000000000"], env=env)
    assert missing.exit_code == 1
    assert "box_not_found" in missing.output
