"""From the database to the engine: who is drawn, households, exclusions, forced pairs,
history, options.

Drawn are the members who take part and have joined (``active``/``locked``);
invited people who never accepted are left out.

One rule is implicit (:func:`offline_rule`): an offline person (no account) never
gives to an organizer who takes part, since organizers open offline people's
assignments to act for them and would learn their own santa. Engine ids are participant
UUIDs as strings. History comes from the box's series (earlier years), keyed by
``person_key`` so the same person is recognised across renewals.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from santa_core import models
from santa_core.draw import engine
from santa_core.draw.errors import NotEnoughParticipants
from santa_core.errors import InvalidInput
from santa_core.models import ParticipantRole, ParticipantStatus

DRAWN_STATUSES = (ParticipantStatus.ACTIVE, ParticipantStatus.LOCKED)


@dataclass
class Person:
    id: uuid.UUID
    person_key: uuid.UUID
    user_id: uuid.UUID | None
    display_name: str
    nickname: str | None
    household_id: uuid.UUID | None
    opened: bool
    offline: bool = False
    #: Organizer or co-organizer: may open offline people's assignments.
    manages: bool = False


@dataclass
class BoxInput:
    data: engine.DrawInput
    people: dict[str, Person]
    not_joined: int = 0
    by_key: dict[uuid.UUID, str] = field(default_factory=dict)
    #: The exclusions of :func:`offline_rule` (also in ``data.exclusions``).
    implicit: tuple[tuple[str, str], ...] = ()


_MANAGERS = (ParticipantRole.ORGANIZER, ParticipantRole.CO_ORGANIZER)


def offline_rule(people: dict[str, Person]) -> tuple[tuple[str, str], ...]:
    """Offline people never give to the organizers who open their assignment.

    An organizer who takes part and acts for an offline person (a child) sees that
    person's giftee: were it the organizer, they would know their own santa.
    """
    offline = sorted(pid for pid, p in people.items() if p.offline)
    managers = sorted(pid for pid, p in people.items() if p.manages and not p.offline)
    return tuple((o, m) for o in offline for m in managers)


def options_of(box: models.Box) -> engine.DrawOptions:
    raw = box.draw_options or {}
    try:
        return engine.DrawOptions(
            avoid_two_cycles=bool(raw.get("avoid_two_cycles", False)),
            single_cycle=bool(raw.get("single_cycle", False)),
            gifts_per_person=int(raw.get("gifts_per_person", 1)),
            history_years=raw.get("history_years"),
        )
    except engine.DrawInputError as exc:
        raise InvalidInput(f"The box's draw options are invalid: {exc}") from None


def load_people(
    session: Session, box: models.Box, *, without: uuid.UUID | None = None
) -> tuple[dict[str, Person], int]:
    P = models.Participant
    rows = session.execute(
        select(
            P.id,
            P.person_key,
            P.user_id,
            P.display_name,
            P.nickname,
            P.household_id,
            P.assignment_opened_at,
            P.status,
            P.takes_part,
            P.is_offline,
            P.role,
        ).where(P.box_id == box.id)
    ).all()
    people: dict[str, Person] = {}
    not_joined = 0
    for row in rows:
        pid, key, user_id, name, nick, household, opened, status, takes_part = row[:9]
        if pid == without or not takes_part:
            continue
        if status not in DRAWN_STATUSES:
            not_joined += 1
            continue
        people[str(pid)] = Person(
            pid,
            key,
            user_id,
            name,
            nick,
            household,
            opened is not None,
            offline=bool(row.is_offline) and user_id is None,
            manages=row.role in _MANAGERS,
        )
    return people, not_joined


def build_input(session: Session, box: models.Box, *, without: uuid.UUID | None = None) -> BoxInput:
    """The engine's view of the box (``without``: as if that person had left)."""
    people, not_joined = load_people(session, box, without=without)
    if len(people) < 2:
        raise NotEnoughParticipants(count=len(people))
    groups: dict[uuid.UUID, list[str]] = defaultdict(list)
    for pid, person in people.items():
        if person.household_id is not None:
            groups[person.household_id].append(pid)
    E = models.Exclusion
    exclusions = [
        (str(s), str(g))
        for s, g in session.execute(
            select(E.santa_participant_id, E.giftee_participant_id).where(E.box_id == box.id)
        )
        if str(s) in people and str(g) in people
    ]
    F = models.ForcedPair
    forced = [
        (str(s), str(g))
        for s, g in session.execute(
            select(F.santa_participant_id, F.giftee_participant_id)
            .where(F.box_id == box.id)
            .order_by(F.created_at, F.id)
        )
        if str(s) in people and str(g) in people
    ]
    implicit = offline_rule(people)
    exclusions += [pair for pair in implicit if pair not in set(exclusions)]
    by_key = {p.person_key: pid for pid, p in people.items()}
    H = models.DrawHistory
    years: dict[int, list[tuple[str, str]]] = defaultdict(list)
    if box.year is not None:
        for year, santa_key, giftee_key in session.execute(
            select(H.year, H.santa_person_key, H.giftee_person_key).where(
                H.series_id == box.series_id, H.year < box.year
            )
        ):
            santa, giftee = by_key.get(santa_key), by_key.get(giftee_key)
            if santa is not None and giftee is not None:
                years[year].append((santa, giftee))
    data = engine.DrawInput(
        participants=tuple(sorted(people)),
        groups=tuple(tuple(g) for g in groups.values() if len(g) > 1),
        exclusions=tuple(exclusions),
        forced=tuple(forced),
        history=tuple(tuple(years[y]) for y in sorted(years)),
        options=options_of(box),
    )
    return BoxInput(
        data=data, people=people, not_joined=not_joined, by_key=by_key, implicit=implicit
    )
