"""``santa people import``: invite everyone in a CSV file, with households and nicknames.

How the file is read is in :mod:`santa_cli.commands.people._csv`. Every row is
checked before anything is sent; one bad row stops the import (all of them
listed, with line numbers) unless ``--skip-invalid``. Resumable: people
already in the box (by email) are not invited again, so after an interruption
the same command imports only what is missing. Big files go up in parts of
:data:`PART` rows, with a progress bar.
"""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypedDict

import typer

from santa_cli.api import BoxId, Email, Json, Password, Server, Token, UrlAlias, parse_id, signed_in
from santa_cli.commands.people import _csv
from santa_cli.output import err_console, fail, print_json, real_console, say

if TYPE_CHECKING:
    from santa_sdk import AuthenticatedClient
    from santa_sdk.models import Participant


class _Result(TypedDict):
    invited: int
    already_there: list[str]
    households: int
    nicknames: int


#: Rows per request (the API takes up to 10,000).
PART = 1_000
#: Bad rows printed in full; the rest are counted.
SHOWN_PROBLEMS = 50


def import_people(
    box_id: BoxId,
    csv_file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="CSV: name,email[,household][,nickname] (header optional).",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Import the good rows, list the bad ones.")
    ] = False,
    message: Annotated[str | None, typer.Option(help="A note added to the invitations.")] = None,
    server: Server = None,
    url: UrlAlias = None,
    token: Token = None,
    email: Email = None,
    password: Password = None,
    as_json: Json = False,
) -> None:
    """Invite everyone in a CSV file; households and nicknames from their columns.

    \b
    Example (people.csv):
      name,email,household,nickname
      Ann Lee,ann@example.org,Lees,Elf
      Bob Lee,bob@example.org,Lees,
      Cy Fox,cy@example.org,,Fox
    \b
      santa people import BOX_ID people.csv
    """
    box = parse_id(box_id)
    try:
        people = _csv.read_people(_csv.decode(csv_file.read_bytes()))
    except _csv.CsvProblem as exc:
        fail(f"{csv_file}: {exc}", code="invalid_csv", exit_code=2)
    except OSError as exc:
        fail(f"cannot read {csv_file}: {exc.strerror or exc}", code="invalid_csv", exit_code=2)
    problems = _csv.check(people)
    if problems and not skip_invalid:
        _report(problems, csv_file)
        fail(
            f"{csv_file}: {len(problems)} bad row(s), nothing was imported "
            "(fix them, or import the rest with --skip-invalid)",
            code="invalid_csv",
            exit_code=2,
        )
    bad_lines = {p.line for p in problems}
    good = [p for p in people if p.line not in bad_lines]
    if problems:
        _report(problems, csv_file, skipped=True)
    if not good:
        fail(f"{csv_file} holds nobody to import", code="invalid_csv", exit_code=2)
    with signed_in(server, url, token, email, password) as api:
        result = _import(api, box, good, message=message, quiet=as_json)
    if as_json:
        print_json(
            {**result, "invalid": [{"line": p.line, "problem": p.message} for p in problems]}
        )
        return
    say(
        f"invited {result['invited']}, already there {len(result['already_there'])}, "
        f"households {result['households']}, nicknames {result['nicknames']}, "
        f"skipped as invalid {len(problems)}"
    )


def _report(problems: list[_csv.RowProblem], csv_file: Path, *, skipped: bool = False) -> None:
    for problem in problems[:SHOWN_PROBLEMS]:
        err_console.print(
            f"{csv_file}:{problem}{' (skipped)' if skipped else ''}",
            highlight=False,
            markup=False,
            soft_wrap=True,
        )
    more = len(problems) - SHOWN_PROBLEMS
    if more > 0:
        err_console.print(f"... and {more} more bad rows", highlight=False, markup=False)


def _members(api: AuthenticatedClient, box: uuid.UUID) -> dict[str, Participant]:
    from santa_sdk import iterate
    from santa_sdk.api.participants import list_participants

    return {
        p.email.lower(): p
        for p in iterate(list_participants, box, client=api, per_page=200)
        if p.email
    }


def _import(
    api: AuthenticatedClient,
    box: uuid.UUID,
    people: list[_csv.Person],
    *,
    message: str | None,
    quiet: bool,
) -> _Result:
    from rich.progress import Progress

    from santa_sdk import unwrap
    from santa_sdk.api.invites import import_invites
    from santa_sdk.models import InviteImport, InviteImportEntry

    members = _members(api, box)
    missing = [p for p in people if p.email.lower() not in members]
    already = [p.email for p in people if p.email.lower() in members]
    invited = 0
    with Progress(console=real_console(stderr=True), disable=quiet, transient=True) as progress:
        task = progress.add_task("inviting", total=len(missing))
        for start in range(0, len(missing), PART):
            part = missing[start : start + PART]
            entries = []
            for person in part:
                entry = InviteImportEntry(email=person.email)
                if person.name:
                    entry.display_name = person.name
                entries.append(entry)
            body = InviteImport(invites=entries)
            if message:
                body.message = message
            try:
                outcome = unwrap(import_invites.sync(box, client=api, body=body))
            except Exception:
                if start:
                    err_console.print(
                        f"stopped after {start} of {len(missing)} new people; "
                        "the same command again imports only the rest",
                        highlight=False,
                    )
                raise
            invited += outcome.created
            progress.advance(task, len(part))
    members = _members(api, box) if missing else members
    nicknames = _nicknames(api, box, people, members)
    households = _households(api, box, people, members)
    return {
        "invited": invited,
        "already_there": already,
        "households": households,
        "nicknames": nicknames,
    }


def _nicknames(
    api: AuthenticatedClient,
    box: uuid.UUID,
    people: list[_csv.Person],
    members: dict[str, Participant],
) -> int:
    from santa_sdk import unwrap
    from santa_sdk.api.participants import update_participant
    from santa_sdk.models import ParticipantUpdate

    changed = 0
    for person in people:
        member = members.get(person.email.lower())
        if person.nickname and member is not None and member.nickname != person.nickname:
            body = ParticipantUpdate(nickname=person.nickname)
            unwrap(update_participant.sync(box, member.id, client=api, body=body))
            changed += 1
    return changed


def _households(
    api: AuthenticatedClient,
    box: uuid.UUID,
    people: list[_csv.Person],
    members: dict[str, Participant],
) -> int:
    """Create (or complete) the households named in the file; how many were touched.

    A household of one is left for later (the API wants two people): the run
    that brings its second member creates it.
    """
    from santa_sdk import unwrap
    from santa_sdk.api.participants import create_household, list_households, update_household
    from santa_sdk.models import HouseholdCreate, HouseholdUpdate

    wanted: dict[str, list[uuid.UUID]] = {}
    for person in people:
        member = members.get(person.email.lower())
        if person.household and member is not None:
            wanted.setdefault(person.household, []).append(member.id)
    if not wanted:
        return 0
    existing = {h.name: h for h in unwrap(list_households.sync(box, client=api))}
    touched = 0
    for name, ids in wanted.items():
        household = existing.get(name)
        if household is None and len(ids) < 2:  # the API needs two: a later import makes it
            continue
        if household is None:
            unwrap(
                create_household.sync(
                    box, client=api, body=HouseholdCreate(name=name, participant_ids=ids)
                )
            )
            touched += 1
            continue
        union = list(dict.fromkeys([*household.participant_ids, *ids]))
        if set(union) != set(household.participant_ids):
            body = HouseholdUpdate(participant_ids=union)
            unwrap(update_household.sync(box, household.id, client=api, body=body))
            touched += 1
    return touched
