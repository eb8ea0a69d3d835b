"""``santa gdpr export``: everything held about a person, as one JSON document."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from santa_cli import context
from santa_cli.commands.gdpr._users import UserArg, find_user
from santa_cli.output import print_json, say


def export_user(
    who: UserArg,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file (0600).")
    ] = None,
) -> None:
    """Print (or write) the GDPR export of an account: the same document as
    GET /api/v1/users/me/export.

    \b
    Example:
      santa gdpr export ann@example.org -o ann.json
    """
    import json
    import os

    from santa_core.db import make_sessionmaker, session_scope, utcnow
    from santa_core.user.export import export_user as build

    with session_scope(make_sessionmaker(context.app_engine())) as session:
        document = build(session, find_user(session, who), now=utcnow())
    if output is None:
        print_json(document)
        return
    fd = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False, indent=2)
    sections = [k for k, v in document.items() if isinstance(v, list)]
    say(f"wrote {output}: account and {len(sections)} sections ({', '.join(sections)})")
