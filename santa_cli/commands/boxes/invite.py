"""``santa boxes invite``: invite everyone in a CSV file (column ``email``, optional ``name``).

How the file is read is in :mod:`santa_cli.commands.boxes._people`. Big files
go up in parts of 10,000 addresses (the API's limit per request).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from santa_cli.commands.boxes import _people
from santa_cli.commands.boxes._api import (
    DEFAULT_URL,
    Email,
    Json,
    Password,
    Token,
    Url,
    answer,
    call,
    client,
    refuse,
)
from santa_cli.output import console, fail, print_json

PART = 10_000


def import_invites(
    box_id: Annotated[str, typer.Argument(help="The box's id.")],
    csv_file: Annotated[
        Path,
        typer.Argument(
            help="CSV file with the addresses.", exists=True, dir_okay=False, readable=True
        ),
    ],
    message: Annotated[str | None, typer.Option(help="A note added to the emails.")] = None,
    url: Url = DEFAULT_URL,
    token: Token = "",
    email: Email = "",
    password: Password = "",
    as_json: Json = False,
) -> None:
    """Invite every address of a CSV file; members and pending invitations are skipped."""
    import uuid

    from santa_sdk.api.invites import import_invites as op
    from santa_sdk.models import InviteImport, InviteImportEntry, InviteImportResult, Problem

    try:
        box = uuid.UUID(box_id)
    except ValueError:
        fail(f"{box_id!r} is not a box id", code="invalid_input", exit_code=2)
    try:
        people = _people.read_people(_people.decode(csv_file.read_bytes()))
        _people.check(people)
    except _people.CsvProblem as exc:
        fail(f"{csv_file}: {exc}", code="invalid_csv", exit_code=2)
    except OSError as exc:
        fail(f"cannot read {csv_file}: {exc.strerror or exc}", code="invalid_csv", exit_code=2)
    if not people:
        fail(f"{csv_file} holds no email addresses", code="invalid_csv", exit_code=2)
    created = 0
    skipped: list[dict[str, Any]] = []
    with client(url, token, email, password) as api:
        for start in range(0, len(people), PART):
            part = people[start : start + PART]
            entries = []
            for person in part:
                entry = InviteImportEntry(email=person.email)
                if person.name:
                    entry.display_name = person.name
                entries.append(entry)
            body = InviteImport(invites=entries)
            if message:
                body.message = message
            result = call(op.sync, box, client=api, body=body)
            if isinstance(result, Problem):
                _refused_part(result, part, sent=start)
            result = answer(result, InviteImportResult)
            created += result.created
            skipped.extend({"email": s.email, "reason": str(s.reason)} for s in result.skipped)
    if as_json:
        print_json({"created": created, "skipped": skipped})
        return
    console.print(f"invited {created}, skipped {len(skipped)}", highlight=False)
    for s in skipped:
        console.print(f"  skipped {s['email']}: {s['reason']}", highlight=False)


def _refused_part(problem: Any, part: list[_people.Person], *, sent: int) -> NoReturn:
    """Name CSV lines instead of list positions, and say what was already sent."""
    from santa_sdk.types import Unset

    if not isinstance(problem.errors, Unset):
        for error in problem.errors:
            loc = list(error.loc)
            at = loc[2] if loc[:2] == ["body", "invites"] and len(loc) > 2 else None
            if isinstance(at, int) and 0 <= at < len(part):
                error.loc = [f"line {part[at].line}", *loc[3:]]
    if sent:
        problem.detail += (
            f" (the first {sent} addresses were sent; the same command again skips them)"
        )
    refuse(problem)
