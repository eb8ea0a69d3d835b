"""``santa boxes invite``: invite everyone in a CSV file (column ``email``, optional ``name``).

A file without a header row is read as one address per line (a second column
is the name). Big files go up in parts of 10,000 addresses.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated, Any

import typer

from santa_cli.commands.boxes._api import DEFAULT_URL, Json, Token, Url, answer, call, client
from santa_cli.output import console, fail, print_json

PART = 10_000
NAME_COLUMNS = ("name", "display_name", "full_name")


def read_csv(text: str) -> list[tuple[str, str | None]]:
    """(email, name) pairs from CSV text, header or not."""
    rows = [r for r in csv.reader(io.StringIO(text)) if any(cell.strip() for cell in r)]
    if not rows:
        return []
    header = [cell.strip().lower() for cell in rows[0]]
    if "email" in header:
        email_at = header.index("email")
        name_at = next((header.index(c) for c in NAME_COLUMNS if c in header), None)
        rows = rows[1:]
    else:
        email_at, name_at = 0, 1
    out = []
    for row in rows:
        email = row[email_at].strip() if email_at < len(row) else ""
        name = row[name_at].strip() if name_at is not None and name_at < len(row) else ""
        if email:
            out.append((email, name or None))
    return out


def import_invites(
    box_id: Annotated[str, typer.Argument(help="The box's id.")],
    csv_file: Annotated[Path, typer.Argument(help="CSV file with the addresses.", exists=True)],
    message: Annotated[str | None, typer.Option(help="A note added to the emails.")] = None,
    url: Url = DEFAULT_URL,
    token: Token = "",
    as_json: Json = False,
) -> None:
    """Invite every address of a CSV file; members and pending invitations are skipped."""
    import uuid

    from santa_sdk.api.invites import import_invites as op
    from santa_sdk.models import InviteImport, InviteImportEntry, InviteImportResult

    try:
        box = uuid.UUID(box_id)
    except ValueError:
        fail(f"{box_id!r} is not a box id", code="invalid_input")
    people = read_csv(csv_file.read_text(encoding="utf-8-sig"))
    if not people:
        fail(f"{csv_file} holds no email addresses", code="invalid_input")
    with client(url, token) as api:
        created = 0
        skipped: list[dict[str, Any]] = []
        for start in range(0, len(people), PART):
            entries = []
            for email, name in people[start : start + PART]:
                entry = InviteImportEntry(email=email)
                if name:
                    entry.display_name = name
                entries.append(entry)
            body = InviteImport(invites=entries)
            if message:
                body.message = message
            result = answer(call(op.sync, box, client=api, body=body), InviteImportResult)
            created += result.created
            skipped.extend({"email": s.email, "reason": str(s.reason)} for s in result.skipped)
    if as_json:
        print_json({"created": created, "skipped": skipped})
        return
    console.print(f"invited {created}, skipped {len(skipped)}", highlight=False)
    for s in skipped:
        console.print(f"  skipped {s['email']}: {s['reason']}", highlight=False)
