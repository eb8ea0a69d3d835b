"""``santa demo``: a realistic box to try santa with, on the configured database."""

from __future__ import annotations

from typing import Annotated

import typer

from santa_cli import context
from santa_cli.output import print_json, say

DEMO_EMAIL = "olga@demo.santa.test"
#: Printed for anyone to use: `santa demo` refuses to run in production.
DEMO_PASSWORD = "santa-demo-2026"  # noqa: S105
BOX_NAME = "Family Christmas (demo)"
#: name, wishes, address; households below name them.
PEOPLE = (
    ("Grandma Vera", "Warm socks, a photo album", "Lenina 5, Tver"),
    ("Ivan Ivanov", "A good book about trains", "Sadovaya 12-4, Moscow"),
    ("Maria Ivanova", "Tea, a scarf", "Sadovaya 12-4, Moscow"),
    ("Kostya Ivanov", "Lego, anything with dinosaurs", "Sadovaya 12-4, Moscow"),
    ("Anna Petrova", "Board games", "Nevsky 20-7, St Petersburg"),
    ("Pyotr Petrov", "Coffee beans", "Nevsky 20-7, St Petersburg"),
)
HOUSEHOLDS = {
    "The Ivanovs": ("Ivan Ivanov", "Maria Ivanova", "Kostya Ivanov"),
    "The Petrovs": ("Anna Petrova", "Pyotr Petrov"),
}


def demo(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON document.")] = False,
) -> None:
    """Seed a demo box: an organizer account, six people with wishes and addresses,
    two households and an exclusion, ready for a draw. Run it again: nothing doubles.

    \b
    Example:
      santa demo && santa serve
    """
    import datetime as dt

    from sqlalchemy import select

    from santa_core import models
    from santa_core.auth import accounts
    from santa_core.box import members, rules
    from santa_core.box import service as box_service
    from santa_core.box.member_schemas import (
        ExclusionCreate,
        HouseholdCreate,
        ParticipantCreate,
        ParticipantUpdate,
    )
    from santa_core.box.schemas import BoxCreate
    from santa_core.config import Environment
    from santa_core.db import make_sessionmaker, session_scope, utcnow
    from santa_core.invite import adding

    settings = context.settings()
    if settings.environment is Environment.PRODUCTION:
        from santa_cli.output import fail

        fail(
            "santa demo makes an account with a public password: not in production",
            code="not_in_production",
            exit_code=2,
        )
    created = False
    with session_scope(make_sessionmaker(context.app_engine())) as session:
        organizer = accounts.find_by_email(session, DEMO_EMAIL)
        if organizer is None:
            organizer = accounts.create_user(
                session, settings, email=DEMO_EMAIL, password=DEMO_PASSWORD, full_name="Olga"
            )
        box = session.scalars(
            select(models.Box).where(
                models.Box.organizer_id == organizer.id, models.Box.name == BOX_NAME
            )
        ).first()
        if box is None:
            created = True
            today = utcnow().date()
            box = box_service.create_box(
                session,
                organizer,
                data=BoxCreate(
                    name=BOX_NAME,
                    description="Our yearly exchange. One gift each, wrapped by the 20th.",
                    currency="EUR",
                    min_budget="15",
                    max_budget="30",
                    event_date=dt.date(today.year, 12, 24)
                    if today < dt.date(today.year, 12, 24)
                    else dt.date(today.year + 1, 12, 24),
                ),
            )
            ids = {}
            for name, wishes, address in PEOPLE:
                person = adding.add_participant(
                    session,
                    settings,
                    organizer,
                    box.id,
                    data=ParticipantCreate(display_name=name, offline=True),
                )
                members.update_participant(
                    session,
                    settings,
                    organizer,
                    box.id,
                    person.id,
                    data=ParticipantUpdate(wishes=wishes, address=address),
                )
                ids[name] = person.id
            for household, names in HOUSEHOLDS.items():
                rules.create_household(
                    session,
                    organizer,
                    box.id,
                    data=HouseholdCreate(name=household, participant_ids=[ids[n] for n in names]),
                )
            rules.create_exclusion(
                session,
                organizer,
                box.id,
                data=ExclusionCreate(
                    santa_participant_id=ids["Grandma Vera"],
                    giftee_participant_id=ids["Kostya Ivanov"],
                ),
            )
        box_id = box.id
    base = settings.public_base_url
    info = {
        "email": DEMO_EMAIL,
        "password": DEMO_PASSWORD,
        "box_id": str(box_id),
        "created": created,
        "server": base,
    }
    if as_json:
        print_json(info)
        return
    say(f"{'seeded' if created else 'already there'}: box {BOX_NAME!r} ({box_id})")
    say("  6 people with wishes and addresses, 2 households, 1 exclusion, sign-up open")
    say("try it:")
    say("  santa serve                      # in another terminal")
    say(f"  santa login --email {DEMO_EMAIL} --password {DEMO_PASSWORD}")
    say(f"  santa draw preview {box_id}")
    say(f"  santa draw run {box_id} --close-signup")
    say(f"or sign in to the web app at {base} with the same email and password")
