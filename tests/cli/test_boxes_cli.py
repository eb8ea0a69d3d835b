"""``santa boxes``: organizer commands through the SDK against a real server on loopback."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from santa_cli.commands.boxes._people import CsvProblem, Person, check, decode, read_people
from santa_cli.main import app
from santa_core import models
from santa_core.auth.passwords import hash_password
from santa_core.config import Settings
from santa_server.app import create_app
from tests.live import live_server
from tests.server.boxkit import account, auth

PASSWORD = "correct horse battery"


@pytest.fixture
def api(settings: Settings, engine: Engine) -> Iterator[tuple[CliRunner, dict[str, str]]]:
    organizer = account(
        engine,
        email="olga@example.org",
        full_name="Olga",
        password_hash=hash_password(settings, PASSWORD),
    )
    token = auth(settings, organizer)["Authorization"].split(" ", 1)[1]
    with live_server(create_app(settings)) as base:
        yield CliRunner(), {"SANTA_API_URL": base, "SANTA_TOKEN": token}


def emails(text: str) -> list[tuple[str, str | None]]:
    return [(p.email, p.name) for p in read_people(text)]


class TestReadPeople:
    def test_with_and_without_header(self) -> None:
        assert emails("Email,Name\na@x.org,Ann\n\nb@x.org,\n") == [
            ("a@x.org", "Ann"),
            ("b@x.org", None),
        ]
        assert emails("c@x.org\nd@x.org,Dan\n") == [("c@x.org", None), ("d@x.org", "Dan")]

    def test_semicolons_tabs_and_quoted_commas(self) -> None:
        expected = [("a@x.org", "Doe, Ann"), ("b@x.org", "Bo")]
        assert emails('email;name\na@x.org;"Doe, Ann"\nb@x.org;Bo\n') == expected
        assert emails('email\tname\na@x.org\t"Doe, Ann"\nb@x.org\tBo\n') == expected
        assert emails('name,email\n"Doe, Ann",a@x.org\nBo,b@x.org\n') == expected
        assert emails('"Doe, Ann";a@x.org\nBo;b@x.org\n') == expected

    def test_spreadsheet_headers(self) -> None:
        assert emails("First Name;E-mail Address\nAnn;a@x.org\n") == [("a@x.org", "Ann")]
        assert emails("Имя,Электронная почта\nАня,a@x.org\n") == [("a@x.org", "Аня")]
        assert emails("who,contact\nAnn,a@x.org\n") == [("a@x.org", None)]
        with pytest.raises(CsvProblem, match="no email column"):
            read_people("who,what\nAnn,Bob\n")

    def test_line_numbers_count_blank_and_multiline_rows(self) -> None:
        people = read_people('email,name\n\na@x.org,"two\nlines"\n\n,\nb@x.org,B\n')
        assert people == [Person(3, "a@x.org", "two lines"), Person(7, "b@x.org", "B")]

    def test_encodings(self) -> None:
        text = "email,name\na@x.org,Юля\n"
        assert decode(b"\xef\xbb\xbf" + text.encode()) == text
        assert decode(text.encode("utf-16")) == text
        with pytest.raises(CsvProblem, match="line 2 is not UTF-8"):
            decode("email,name\na@x.org,José\n".encode("latin-1"))

    def test_check_names_every_bad_line(self) -> None:
        people = read_people("email\ngood@x.org\nnot-an-email\n\nalso@bad\n")
        with pytest.raises(CsvProblem) as err:
            check(people)
        message = str(err.value)
        assert "line 3: 'not-an-email' is not an email address" in message
        assert "line 5: 'also@bad'" in message
        assert "good@x.org" not in message
        assert message.endswith("nobody was invited")
        with pytest.raises(CsvProblem, match="line 2: the name is longer than 200"):
            check([Person(2, "a@x.org", "x" * 201)])
        check([Person(2, "a@x.org", "x" * 200)])


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
    assert "error[box_not_ready]" in not_ready.output
    assert "--close-signup" in not_ready.output

    from santa_sdk import connect
    from santa_sdk.api.participants import add_participant
    from santa_sdk.models import ParticipantCard, ParticipantCreate

    with connect(env["SANTA_API_URL"], token=env["SANTA_TOKEN"]) as sdk:
        for kid in ("Kid", "Kiddo"):
            body = ParticipantCreate(display_name=kid, offline=True)
            assert isinstance(add_participant.sync(box_id, client=sdk, body=body), ParticipantCard)
    drawn = cli.invoke(app, ["boxes", "draw", box_id, "--close-signup", "--yes", "--json"], env=env)
    assert drawn.exit_code == 0, drawn.output
    summary = json.loads(drawn.stdout)
    assert (summary["participant_count"], summary["round"]) == (3, 1)
    again = cli.invoke(app, ["boxes", "draw", box_id, "--close-signup"], env=env)
    assert again.exit_code == 1
    assert again.output.startswith("error[")


def test_errors_are_one_line(api: tuple[CliRunner, dict[str, str]]) -> None:
    cli, env = api
    bad = cli.invoke(app, ["boxes", "list"], env={**env, "SANTA_TOKEN": "nope"})
    assert bad.exit_code == 1
    assert "error[" in bad.output
    assert "Traceback" not in bad.output
    missing = cli.invoke(app, ["boxes", "draw", "00000000-0000-0000-0000-000000000000"], env=env)
    assert missing.exit_code == 1
    assert "box_not_found" in missing.output


class TestSignIn:
    def test_email_and_password_sign_in_and_out(
        self, api: tuple[CliRunner, dict[str, str]], engine: Engine
    ) -> None:
        cli, env = api
        creds = {
            "SANTA_API_URL": env["SANTA_API_URL"],
            "SANTA_TOKEN": "",
            "SANTA_EMAIL": "olga@example.org",
            "SANTA_PASSWORD": PASSWORD,
        }
        listed = cli.invoke(app, ["boxes", "list", "--json"], env=creds)
        assert listed.exit_code == 0, listed.output
        assert json.loads(listed.stdout) == {"boxes": []}
        with Session(engine) as s:
            revoked = s.scalars(select(models.RefreshToken.revoked_at)).all()
        assert len(revoked) == 1
        assert revoked[0] is not None  # the CLI signed its session out

    def test_wrong_or_missing_credentials(self, api: tuple[CliRunner, dict[str, str]]) -> None:
        cli, env = api
        base = {"SANTA_API_URL": env["SANTA_API_URL"], "SANTA_TOKEN": ""}
        wrong = cli.invoke(
            app,
            ["boxes", "list", "--email", "olga@example.org"],
            env={**base, "SANTA_PASSWORD": "not the password"},
        )
        assert wrong.exit_code == 1
        assert "error[invalid_credentials]" in wrong.output
        none = cli.invoke(app, ["boxes", "list"], env=base)
        assert none.exit_code == 2
        assert "error[unauthenticated]" in none.output
        assert "SANTA_EMAIL" in none.output
        no_password = cli.invoke(
            app, ["boxes", "list", "--email", "olga@example.org"], env=base, input=""
        )
        assert no_password.exit_code == 2
        assert "SANTA_PASSWORD" in no_password.output


def test_server_field_errors_are_named_and_exit_2(
    api: tuple[CliRunner, dict[str, str]], tmp_path: Path
) -> None:
    cli, env = api
    bad = cli.invoke(app, ["boxes", "create", "", "--currency", "eur"], env=env)
    assert bad.exit_code == 2
    assert bad.output.startswith("error[validation_error]")
    assert "name:" in bad.output
    assert "currency:" in bad.output
    assert "Traceback" not in bad.output
    created = cli.invoke(app, ["boxes", "create", "Team", "--json"], env=env)
    box_id = json.loads(created.stdout)["id"]
    people = tmp_path / "people.csv"
    people.write_bytes(
        b'\xef\xbb\xbfE-mail;Name\r\nann@example.org;"Doe; Ann"\r\n\r\nbob@example.org;Bob\r\n'
    )
    message = "x" * 501
    too_long = cli.invoke(
        app, ["boxes", "invite", box_id, str(people), "--message", message], env=env
    )
    assert too_long.exit_code == 2
    assert "message:" in too_long.output
    invited = cli.invoke(app, ["boxes", "invite", box_id, str(people), "--json"], env=env)
    assert invited.exit_code == 0, invited.output
    assert json.loads(invited.stdout) == {"created": 2, "skipped": []}


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"email\ngood@example.org\nnot-an-email\n", "line 3: 'not-an-email'"),
        ("email,name\na@example.org,José\n".encode("latin-1"), "line 2 is not UTF-8"),
        (b"\n\n", "holds no email addresses"),
        (b"who,what\nAnn,Bob\n", "no email column"),
    ],
)
def test_bad_csv_is_refused_before_anything_is_sent(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    people = tmp_path / "people.csv"
    people.write_bytes(content)
    box_id = "00000000-0000-0000-0000-000000000000"
    # nothing listens on port 9: reaching the network would be a connection_failed (exit 1)
    env = {"SANTA_API_URL": "http://127.0.0.1:9", "SANTA_TOKEN": "t"}
    result = CliRunner().invoke(app, ["boxes", "invite", box_id, str(people)], env=env)
    assert result.exit_code == 2, result.output
    assert result.output.startswith("error[invalid_csv]")
    assert expected in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_bad_usage_exits_2() -> None:
    cli = CliRunner()
    env = {"SANTA_API_URL": "http://127.0.0.1:9", "SANTA_TOKEN": "t"}
    for args, code in [
        (["boxes", "list", "--url", "127.0.0.1:8000"], "invalid_url"),
        (["boxes", "list", "--role", "boss"], "invalid_input"),
        (["boxes", "draw", "not-a-uuid"], "invalid_input"),
    ]:
        result = cli.invoke(app, args, env=env)
        assert result.exit_code == 2, (args, result.output)
        assert f"error[{code}]" in result.output
    folder = cli.invoke(
        app, ["boxes", "invite", "00000000-0000-0000-0000-000000000000", "/"], env=env
    )
    assert folder.exit_code == 2
    assert "is a directory" in folder.output
    down = cli.invoke(app, ["boxes", "list"], env=env)
    assert down.exit_code == 1
    assert "error[connection_failed]" in down.output
