"""Organizer commands through the SDK against a real server on loopback."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from santa_cli.main import app
from santa_core import models
from santa_core.auth import sessions
from santa_core.auth.passwords import hash_password
from santa_core.config import Settings
from santa_server.app import create_app
from tests.live import live_server
from tests.server.boxkit import account, auth

PASSWORD = "correct horse battery"
NO_BOX = "00000000-0000-0000-0000-000000000000"


@pytest.fixture
def api(
    settings: Settings, engine: Engine, tmp_path: Path
) -> Iterator[tuple[CliRunner, dict[str, str]]]:
    organizer = account(
        engine,
        email="olga@example.org",
        full_name="Olga",
        password_hash=hash_password(settings, PASSWORD),
    )
    token = auth(settings, organizer)["Authorization"].split(" ", 1)[1]
    with live_server(create_app(settings)) as base:
        yield (
            CliRunner(),
            {
                "SANTA_SERVER": base,
                "SANTA_TOKEN": token,
                "SANTA_CONFIG_DIR": str(tmp_path / "config"),
                "COLUMNS": "60",
            },
        )


def run(cli: CliRunner, env: dict[str, str], *args: str) -> str:
    result = cli.invoke(app, list(args), env=env)
    assert result.exit_code == 0, (args, result.output)
    assert "Traceback" not in result.output
    return result.stdout


def join_with_account(env: dict[str, str], settings: Settings, engine: Engine, box_id: str) -> None:
    """Someone with an account joins by the box's link.

    Offline people never give to the organizers who open their assignment: a box of
    the organizer and offline people only has no draw.
    """
    base = env["SANTA_SERVER"] + "/api/v1"
    organizer = {"Authorization": f"Bearer {env['SANTA_TOKEN']}"}
    link = httpx.post(f"{base}/boxes/{box_id}/join-link", headers=organizer)
    assert link.status_code == 201, link.text
    who = account(engine, full_name="Max")
    r = httpx.post(f"{base}/invitations/{link.json()['code']}/accept", headers=auth(settings, who))
    assert r.status_code == 200, r.text


def make_box(
    cli: CliRunner, env: dict[str, str], tmp_path: Path, people: str, offline: tuple[str, ...] = ()
) -> str:
    """A box with invited people (from CSV text) and offline people (who count for the draw)."""
    box_id: str = json.loads(run(cli, env, "box", "create", "Team", "--json"))["id"]
    csv = tmp_path / "people.csv"
    csv.write_text(people, encoding="utf-8")
    run(cli, env, "people", "import", box_id, str(csv), "--json")
    for name in offline:
        assert "added (offline)" in run(cli, env, "people", "add", box_id, name, "--offline")
    return box_id


def test_draw_run_prints_the_summary_without_json(
    api: tuple[CliRunner, dict[str, str]], tmp_path: Path, settings: Settings, engine: Engine
) -> None:
    """It crashed on ``DrawSummary.round`` after drawing (the SDK calls it ``round_``)."""
    cli, env = api
    box_id = make_box(cli, env, tmp_path, "name,email\nAnn,ann@x.org\n", offline=("Kid",))
    join_with_account(env, settings, engine, box_id)
    drawn = cli.invoke(app, ["draw", "run", box_id, "--close-signup", "--yes"], env=env)
    assert drawn.exit_code == 0, drawn.output
    assert "drawn: 3 people, round 1, commitment " in drawn.stdout
    status = run(cli, env, "draw", "status", box_id)
    assert "matched" in status
    assert "round 1" in status
    assert json.loads(run(cli, env, "draw", "status", box_id, "--json"))["draw"]["round"] == 1


def test_a_failed_draw_leaves_sign_up_open(
    api: tuple[CliRunner, dict[str, str]], tmp_path: Path, engine: Engine
) -> None:
    cli, env = api
    box_id = make_box(cli, env, tmp_path, "name,email\nAnn,ann@x.org\n", offline=("Kid",))
    people = json.loads(run(cli, env, "people", "list", box_id, "--json"))["people"]
    ann = next(p["id"] for p in people if p["display_name"] == "Kid")
    me = next(p["id"] for p in people if p["is_me"])
    run(cli, env, "rules", "exclude", box_id, me, ann, "--both-ways")
    failed = cli.invoke(app, ["draw", "run", box_id, "--close-signup", "--yes"], env=env)
    assert failed.exit_code == 1
    assert "error[draw_infeasible]" in failed.output
    with Session(engine) as s:
        assert s.scalar(select(models.Box.status)) is models.BoxStatus.DRAFT
    preview = cli.invoke(app, ["draw", "preview", box_id], env=env)
    assert preview.exit_code == 1
    assert "no draw is possible" in preview.stdout
    not_closed = cli.invoke(app, ["draw", "run", box_id], env=env)
    assert not_closed.exit_code == 1
    assert "error[draw_infeasible]" in not_closed.output


def test_lists_never_cut_ids_and_flags_take_no_value(
    api: tuple[CliRunner, dict[str, str]],
) -> None:
    cli, env = api
    box_id = json.loads(run(cli, env, "box", "create", "A box with a long name", "--json"))["id"]
    listed = run(cli, env, "box", "list")
    assert box_id in listed
    assert box_id in run(cli, env, "people", "list", box_id) or "(none)" not in listed
    helped = run(cli, env, "box", "list", "--help")
    assert "--json " in helped
    assert "<bool>" not in helped
    assert "Example" in helped
    assert "<bool>" not in run(cli, env, "box", "create", "--help")


def test_import_reports_every_bad_row_and_imports_nothing(
    api: tuple[CliRunner, dict[str, str]], tmp_path: Path, engine: Engine
) -> None:
    cli, env = api
    box_id = json.loads(run(cli, env, "box", "create", "Team", "--json"))["id"]
    csv = tmp_path / "people.csv"
    csv.write_text(
        "name,email,household,nickname\nAnn,ann@x.org,Lees,Elf\nBob,,Lees,\nCy,cy@bad\n"
        "Dee,dee@x.org,,Dee-Dee\n",
        encoding="utf-8",
    )
    bad = cli.invoke(app, ["people", "import", box_id, str(csv)], env=env)
    assert bad.exit_code == 2
    assert f"{csv}:line 3: 'Bob' has no email address" in bad.output
    assert f"{csv}:line 4: 'cy@bad' is not an email address" in bad.output
    assert "2 bad row(s), nothing was imported" in bad.output
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(models.EmailInvite)) == 0
    skipped = cli.invoke(
        app, ["people", "import", box_id, str(csv), "--skip-invalid", "--json"], env=env
    )
    assert skipped.exit_code == 0, skipped.output
    result = json.loads(skipped.stdout)
    assert result["invited"] == 2
    assert [i["line"] for i in result["invalid"]] == [3, 4]
    assert (result["households"], result["nicknames"]) == (0, 2)  # Lees: one person so far
    csv.write_text(
        "name,email,household,nickname\nAnn,ann@x.org,Lees,Elf\nBob,bob@x.org,Lees,\n"
        "Cy,cy@x.org\nDee,dee@x.org,,Dee-Dee\n",
        encoding="utf-8",
    )
    again = run(cli, env, "people", "import", box_id, str(csv))
    assert "invited 2, already there 2, households 1, nicknames 0" in again
    assert "invited 0, already there 4, households 0, nicknames 0" in run(
        cli, env, "people", "import", box_id, str(csv)
    )
    with Session(engine) as s:
        assert s.scalar(select(func.count()).select_from(models.EmailInvite)) == 4
        household = s.scalars(select(models.Household)).one()
        members = s.scalars(
            select(models.Participant.email).where(models.Participant.household_id == household.id)
        ).all()
        assert (household.name, sorted(members)) == ("Lees", ["ann@x.org", "bob@x.org"])
        rows = s.execute(select(models.Participant.email, models.Participant.nickname)).all()
        nicks = {row[0]: row[1] for row in rows}
        assert (nicks["ann@x.org"], nicks["dee@x.org"]) == ("Elf", "Dee-Dee")


class TestSession:
    def test_login_keeps_a_private_session_that_refreshes_itself(
        self, api: tuple[CliRunner, dict[str, str]], tmp_path: Path, engine: Engine
    ) -> None:
        cli, env = api
        env = {**env, "SANTA_TOKEN": ""}
        signed = run(cli, env, "login", "--email", "olga@example.org", "--password", PASSWORD)
        assert "signed in to" in signed
        session_file = tmp_path / "config" / "session.json"
        assert stat.S_IMODE(session_file.stat().st_mode) == 0o600
        kept = json.loads(session_file.read_text())
        assert kept["email"] == "olga@example.org"
        # An expired access token: the next command refreshes and keeps the new pair.
        session_file.write_text(json.dumps({**kept, "access_token": "expired"}))
        who = json.loads(run(cli, env, "whoami", "--json"))
        assert who["user"]["email"] == "olga@example.org"
        renewed = json.loads(session_file.read_text())
        assert renewed["access_token"] != "expired"
        assert renewed["refresh_token"] != kept["refresh_token"]
        assert stat.S_IMODE(session_file.stat().st_mode) == 0o600
        assert "olga@example.org (Olga)" in run(cli, env, "whoami")
        assert "signed out" in run(cli, env, "logout")
        assert not session_file.exists()
        with Session(engine) as s:
            # Only the CLI's session ends: the fixture's own (SANTA_TOKEN's) session stays.
            login = sessions.find_token(s, kept["refresh_token"])
            assert login is not None
            family = select(models.RefreshToken.revoked_at).where(
                models.RefreshToken.family_id == login.family_id
            )
            assert all(s.scalars(family).all())
        gone = cli.invoke(app, ["whoami"], env=env)
        assert gone.exit_code == 2
        assert "error[unauthenticated]" in gone.output
        assert "santa login" in gone.output

    def test_signup_creates_the_account_and_signs_in(
        self, api: tuple[CliRunner, dict[str, str]]
    ) -> None:
        cli, env = api
        env = {**env, "SANTA_TOKEN": ""}
        made = run(
            cli,
            env,
            "signup",
            "--email",
            "new@example.org",
            "--name",
            "New",
            "--password",
            PASSWORD,
        )
        assert "signed in as new@example.org" in made
        assert json.loads(run(cli, env, "whoami", "--json"))["user"]["full_name"] == "New"

    def test_signup_with_a_taken_address_says_check_your_inbox(
        self, api: tuple[CliRunner, dict[str, str]], engine: Engine
    ) -> None:
        cli, env = api
        env = {**env, "SANTA_TOKEN": ""}
        args = ("signup", "--email", "olga@example.org", "--password", "some other password")
        said = run(cli, env, *args)
        assert "already has an account" in said
        assert json.loads(run(cli, env, *args, "--json")) == {
            "server": env["SANTA_SERVER"],
            "signed_in": False,
            "email": "olga@example.org",
            "next": "invalid_credentials",
        }
        with Session(engine) as s:
            kinds = list(
                s.scalars(
                    select(models.OutboxMessage.recipient).where(
                        models.OutboxMessage.kind == "signup_attempt"
                    )
                )
            )
        assert kinds == ["olga@example.org"]
        bad = cli.invoke(
            app, ["signup", "--email", "x@example.org", "--password", "short"], env=env
        )
        assert bad.exit_code != 0
        assert bad.output.startswith("error[")
        assert "Traceback" not in bad.output

    def test_wrong_or_missing_credentials(self, api: tuple[CliRunner, dict[str, str]]) -> None:
        cli, env = api
        base = {**env, "SANTA_TOKEN": ""}
        wrong = cli.invoke(
            app,
            ["login", "--email", "olga@example.org", "--password", "not the password"],
            env=base,
        )
        assert wrong.exit_code == 1
        assert "error[invalid_credentials]" in wrong.output
        none = cli.invoke(app, ["box", "list"], env=base)
        assert none.exit_code == 2
        assert "error[unauthenticated]" in none.output
        for_once = cli.invoke(
            app,
            ["box", "list", "--json"],
            env={**base, "SANTA_EMAIL": "olga@example.org", "SANTA_PASSWORD": PASSWORD},
        )
        assert for_once.exit_code == 0, for_once.output
        assert json.loads(for_once.stdout) == {"boxes": []}


def test_old_boxes_commands_and_url_still_work(
    api: tuple[CliRunner, dict[str, str]], tmp_path: Path, settings: Settings, engine: Engine
) -> None:
    cli, env = api
    old = {**env, "SANTA_API_URL": env["SANTA_SERVER"]}
    del old["SANTA_SERVER"]
    box_id = json.loads(run(cli, old, "boxes", "create", "Team", "--json"))["id"]
    csv = tmp_path / "people.csv"
    csv.write_text("email,name\nann@example.org,Ann\nbob@example.org,Bob\n", encoding="utf-8")
    assert json.loads(run(cli, old, "boxes", "invite", box_id, str(csv), "--json"))["invited"] == 2
    assert [
        b["participant_count"]
        for b in json.loads(run(cli, old, "boxes", "list", "--json"))["boxes"]
    ] == [3]
    for kid in ("Kid", "Kiddo"):
        run(cli, old, "people", "add", box_id, kid, "--offline")
    join_with_account(env, settings, engine, box_id)
    assert "round 1" in run(cli, old, "boxes", "draw", box_id, "--close-signup", "--yes")
    assert "  boxes " not in run(cli, old, "--help")  # hidden


def test_server_refusals_are_one_line(api: tuple[CliRunner, dict[str, str]]) -> None:
    cli, env = api
    bad = cli.invoke(app, ["box", "create", "", "--currency", "eur"], env=env)
    assert bad.exit_code == 2
    assert bad.output.startswith("error[validation_error]")
    assert "name:" in bad.output
    assert "currency:" in bad.output
    assert len(bad.output.strip().splitlines()) == 1
    missing = cli.invoke(app, ["draw", "run", NO_BOX], env=env)
    assert missing.exit_code == 1
    assert "box_not_found" in missing.output
    token = cli.invoke(app, ["box", "list"], env={**env, "SANTA_TOKEN": "nope"})
    assert token.exit_code == 1
    assert token.output.startswith("error[")


def test_bad_usage_exits_2(tmp_path: Path) -> None:
    cli = CliRunner()
    env = {
        "SANTA_SERVER": "http://127.0.0.1:9",
        "SANTA_TOKEN": "t",
        "SANTA_CONFIG_DIR": str(tmp_path),
    }
    for args, code in [
        (["box", "list", "--server", "127.0.0.1:8000"], "invalid_url"),
        (["box", "list", "--role", "boss"], "invalid_input"),
        (["draw", "run", "not-a-uuid"], "invalid_input"),
        (["box", "edit", NO_BOX], "invalid_input"),
    ]:
        result = cli.invoke(app, args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert f"error[{code}]" in result.output
    csv = tmp_path / "bad.csv"
    csv.write_bytes(b"who,what\nAnn,Bob\n")
    refused = cli.invoke(app, ["people", "import", NO_BOX, str(csv)], env=env)
    assert refused.exit_code == 2  # refused before reaching the (absent) server
    assert "no email column" in refused.output
    down = cli.invoke(app, ["box", "list"], env=env)
    assert down.exit_code == 1
    assert "error[connection_failed]" in down.output


def test_rules_force_list_and_remove(api: tuple[CliRunner, dict[str, str]], tmp_path: Path) -> None:
    cli, env = api
    box_id = make_box(cli, env, tmp_path, "name,email\nAnn,ann@x.org\n", offline=("Kid", "Kiddo"))
    people = json.loads(run(cli, env, "people", "list", box_id, "--json"))["people"]
    kid = next(p["id"] for p in people if p["display_name"] == "Kid")
    kiddo = next(p["id"] for p in people if p["display_name"] == "Kiddo")
    me = next(p["id"] for p in people if p["is_me"])
    made = json.loads(run(cli, env, "rules", "force", box_id, me, kid, "--json"))["forced_pair"]
    assert (made["santa_participant_id"], made["giftee_participant_id"]) == (me, kid)
    said = run(cli, env, "rules", "force", box_id, kid, kiddo)
    assert f"{kid} always draws {kiddo}" in said
    rules = json.loads(run(cli, env, "rules", "list", box_id, "--json"))
    assert {
        (f["santa_participant_id"], f["giftee_participant_id"]) for f in rules["forced_pairs"]
    } == {
        (me, kid),
        (kid, kiddo),
    }
    table = run(cli, env, "rules", "list", box_id)
    assert "forced pairs (santa always draws giftee):" in table
    assert made["id"] in table
    again = cli.invoke(app, ["rules", "force", box_id, me, kiddo], env=env)
    assert again.exit_code == 1
    assert again.output.startswith("error[forced_pair_exists]: ")
    assert len(again.output.strip().splitlines()) == 1
    bad = cli.invoke(app, ["rules", "force", box_id, me, "not-an-id"], env=env)
    assert bad.exit_code == 2
    assert "Traceback" not in bad.output
    assert len(bad.output.strip().splitlines()) == 1
    assert f"removed forced pair {made['id']}" in run(
        cli, env, "rules", "remove", box_id, made["id"]
    )
    removed = json.loads(run(cli, env, "rules", "list", box_id, "--json"))["forced_pairs"]
    assert [f["santa_participant_id"] for f in removed] == [kid]
