"""The draw's database side: preview, run (exactly once), summary.

Running the draw locks the box row (``SELECT … FOR UPDATE`` on PostgreSQL;
SQLite serializes writers with ``BEGIN IMMEDIATE``), checks that the box is
``ready``, runs the pure engine, writes the run and its pairs with bulk
inserts (the series history is recorded from them when the box is renewed),
moves the box to ``matched`` and enqueues one ``draw_done`` email per santa,
all in the caller's transaction. The unique
constraints on ``draw_runs (box_id, round)`` and ``draws`` are the backstop.
Assignments, the break-glass reveal and repairs are in :mod:`.assignments`.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import replace
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, aliased

from santa_core import audit, crypto, i18n, models, notify
from santa_core.box import lifecycle
from santa_core.box.access import load
from santa_core.box.lifecycle import Action
from santa_core.config import Settings
from santa_core.db import utcnow
from santa_core.draw import engine, fanout
from santa_core.draw.errors import (
    DrawInfeasible,
    DrawRaced,
    NotEnoughParticipants,
    SecrecyNotAcknowledged,
)
from santa_core.draw.inputs import DRAWN_STATUSES, BoxInput, Person, build_input, load_people
from santa_core.draw.record import record_input
from santa_core.draw.schemas import DrawPreview, DrawSummary, DrawWarning
from santa_core.errors import BoxNotEditable
from santa_core.kit.bulk import bulk_insert
from santa_core.models import BoxStatus, Language, ParticipantStatus
from santa_core.notify import links, payloads
from santa_core.notify.wording import budget_text, shown_name

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")

__all__ = ["current_run", "get_draw", "preview_draw", "run_draw"]


def humanize(text: str, prepared: BoxInput) -> str:
    """The engine names people by id (participant UUIDs); organizers read names."""
    return _UUID.sub(
        lambda m: (
            prepared.people[m.group(0)].display_name
            if m.group(0) in prepared.people
            else m.group(0)
        ),
        text,
    )


def _drop_forced(result: engine.Infeasible, prepared: BoxInput) -> engine.Relaxation | None:
    """For a forced pair that clashes with a rule: removing it (or nothing to suggest)."""
    if result.reason != "forced_conflict" or not result.witness:
        return None
    for santa, giftee in prepared.data.forced:
        if santa == result.witness[0]:
            return engine.Relaxation(
                "forced", engine.relax_forced(santa, giftee), santa=santa, giftee=giftee
            )
    return None


def with_offline_rule(result: engine.Infeasible, prepared: BoxInput) -> engine.Infeasible:
    """Name the implicit offline rule when it is what makes the draw impossible.

    Without it a draw exists: the explanation says so and suggests how to go on.
    Otherwise, or when a forced pair clashes with a rule, the engine's explanation
    stands, but it never suggests dropping an exclusion the box did not make.
    """
    if not prepared.implicit:
        return result
    implicit = set(prepared.implicit)
    relaxation = result.suggestion
    explicit = tuple(p for p in prepared.data.exclusions if p not in implicit)
    # A forced pair that a rule forbids (the offline rule too) is named by the engine,
    # and removing it is the fix.
    if result.reason == "forced_conflict" or isinstance(
        engine.solve(replace(prepared.data, exclusions=explicit)), engine.Infeasible
    ):
        if (
            relaxation is not None
            and relaxation.kind == "exclusion"
            and (relaxation.santa, relaxation.giftee) in implicit
        ):
            return replace(result, suggestion=_drop_forced(result, prepared))
        return result
    offline = tuple(sorted({o for o, _ in prepared.implicit}))
    organizers = tuple(sorted({m for _, m in prepared.implicit}))
    return replace(
        result,
        reason="offline_rule",
        explanation=engine.explain_offline_rule(offline, organizers),
        witness=offline,
        giftees=organizers,
        suggestion=engine.Relaxation(
            "offline_rule", engine.relax_offline_rule(offline), members=offline
        ),
    )


def _warnings(
    secrecy: engine.Secrecy | None, language: Language, prepared: BoxInput
) -> list[DrawWarning]:
    if secrecy is None:
        return []
    return [
        DrawWarning(code=n.code, message=humanize(n.text.get(language), prepared))
        for n in secrecy.notices
    ]


def preview_draw(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    language: Language = Language.EN,
) -> DrawPreview:
    """Feasibility and the secrecy warning, before drawing (organizers; shows no pair)."""
    access = load(session, actor, box_id, manage=True)
    try:
        prepared = build_input(session, access.box)
    except NotEnoughParticipants as exc:
        return DrawPreview(
            feasible=False,
            participant_count=int(exc.params.get("count", 0)),
            not_joined_count=_not_joined(session, access.box),
            reason="not_enough_participants",
            explanation=i18n.translate(exc.code, exc.message, language),
            secrecy_checked=False,
            requires_acknowledgement=False,
        )
    result = engine.solve(prepared.data)
    if isinstance(result, engine.Infeasible):
        result = with_offline_rule(result, prepared)
    base: dict[str, Any] = {
        "participant_count": len(prepared.people),
        "not_joined_count": prepared.not_joined,
    }
    if isinstance(result, engine.Infeasible):
        return DrawPreview(
            feasible=False,
            reason=result.reason,
            explanation=humanize(result.explanation.get(language), prepared),
            suggestion=(
                humanize(result.suggestion.text.get(language), prepared)
                if result.suggestion
                else None
            ),
            secrecy_checked=False,
            requires_acknowledgement=False,
            **base,
        )
    warnings = _warnings(result.secrecy, language, prepared)
    return DrawPreview(
        feasible=True,
        valid_draws=result.count if result.count is not None else result.secrecy_count(),
        secrecy_checked=bool(result.secrecy and result.secrecy.checked),
        warnings=warnings,
        requires_acknowledgement=bool(warnings),
        **base,
    )


def _not_joined(session: Session, box: models.Box) -> int:
    P = models.Participant
    return int(
        session.scalar(
            select(func.count()).where(
                P.box_id == box.id, P.takes_part.is_(True), P.status == ParticipantStatus.INVITED
            )
        )
        or 0
    )


def current_run(session: Session, box_id: uuid.UUID) -> models.DrawRun | None:
    return session.scalars(
        select(models.DrawRun)
        .where(models.DrawRun.box_id == box_id)
        .order_by(models.DrawRun.round.desc())
        .limit(1)
    ).first()


def current_pairs(session: Session, box_id: uuid.UUID) -> dict[str, list[str]]:
    """Santa participant id -> giftee ids, as the box's ``draws`` rows say now."""
    D = models.Draw
    out: dict[str, list[str]] = {}
    for santa, giftee in session.execute(
        select(D.santa_participant_id, D.giftee_participant_id)
        .where(D.box_id == box_id)
        .order_by(D.santa_participant_id, D.slot)
    ):
        out.setdefault(str(santa), []).append(str(giftee))
    return out


def run_draw(
    session: Session,
    actor: models.User,
    box_id: uuid.UUID,
    /,
    *,
    settings: Settings,
    acknowledge_secrecy_warning: bool = False,
    language: Language = Language.EN,
) -> DrawSummary:
    """Draw the box once; returns the draw's public facts. ``settings`` gives the links in the
    emails.

    A box with ``auto_draw`` whose signup deadline has passed may still be in
    ``draft``: sign-up closes (``ready``) as part of the draw.
    """
    access = load(session, actor, box_id, manage=True, for_update=True)
    box = access.box
    _close_signup_for_auto_draw(session, actor, box)
    if box.status is not BoxStatus.READY:
        if box.status in (BoxStatus.DRAWING, BoxStatus.MATCHED):
            raise BoxNotEditable(
                "The draw has already been run for this box.", status=box.status.value
            )
        lifecycle.require(Action.DRAW, box.status)
    lifecycle.require_transition(box.status, BoxStatus.DRAWING)
    box.status = BoxStatus.DRAWING
    prepared = build_input(session, box)
    result = engine.solve(prepared.data)
    if isinstance(result, engine.Infeasible):
        result = with_offline_rule(result, prepared)
        raise DrawInfeasible(humanize(result.explain(language), prepared), result=result.as_json())
    if result.notices and not acknowledge_secrecy_warning:
        warnings = " ".join(humanize(n.text.get(language), prepared) for n in result.notices)
        lead = i18n.translate(
            f"{SecrecyNotAcknowledged.code}.lead",
            SecrecyNotAcknowledged.default_message,
            language,
        )
        raise SecrecyNotAcknowledged(f"{lead} {warnings}".strip())
    previous = current_run(session, box.id)
    now = utcnow()
    run = models.DrawRun(
        id=uuid.uuid4(),
        box_id=box.id,
        round=(previous.round + 1) if previous else 1,
        created_by_id=actor.id,
        method=result.method,
        engine_version=result.engine_version,
        commitment=result.commitment,
        seed=result.seed,
        details={
            "uniform": result.uniform,
            "participants": len(prepared.people),
            "digest": result.digest,
        },
        created_at=now,
    )
    try:
        with session.begin_nested():
            session.add(run)
            session.flush()
    except IntegrityError:
        raise DrawRaced() from None
    assignments = {s: list(g) for s, g in result.assignments.items()}
    write_pairs(session, box, run, assignments, now=now)
    record_input(session, run, prepared.data)
    P = models.Participant
    # Exactly the people drawn (see santa_core.draw.inputs.DRAWN_STATUSES), without a huge IN.
    session.execute(
        update(P)
        .where(
            P.box_id == box.id,
            P.takes_part.is_(True),
            P.status.in_(DRAWN_STATUSES),
        )
        .values(status=ParticipantStatus.LOCKED)
    )
    lifecycle.require_transition(box.status, BoxStatus.MATCHED)
    box.status = BoxStatus.MATCHED
    box.drawn_at = now
    if len(assignments) > settings.draw_inline_notify_max:
        fanout.defer(session, run)  # the job queue writes the emails right after the commit
    else:
        notify_santas(session, settings, box, prepared.people, assignments, key=fanout.key(run))
    audit.record(
        session,
        actor,
        "draw.completed",
        box_id=box.id,
        target_type="draw_run",
        target_id=run.id,
        details={
            "round": run.round,
            "method": run.method,
            "participants": len(prepared.people),
            "commitment": run.commitment,
            # Which secrecy warnings the organizer (or auto-draw) accepted; codes only.
            "secrecy_warnings": [n.code for n in result.notices],
        },
    )
    session.flush()
    return _summary(box, run, len(assignments))


def _summary(box: models.Box, run: models.DrawRun, santas: int) -> DrawSummary:
    return DrawSummary(
        box_id=box.id,
        round=run.round,
        method=run.method,
        engine_version=run.engine_version,
        commitment=run.commitment,
        participant_count=santas,
        created_at=run.created_at,
    )


def _close_signup_for_auto_draw(session: Session, actor: models.User, box: models.Box) -> None:
    deadline = box.signup_deadline
    if (
        box.status is BoxStatus.DRAFT
        and box.auto_draw
        and deadline is not None
        and deadline <= utcnow()
    ):
        lifecycle.require_transition(box.status, BoxStatus.READY)
        box.status = BoxStatus.READY
        audit.record(
            session,
            actor,
            "box.status_changed",
            box_id=box.id,
            target_type="box",
            target_id=box.id,
            details={"from": "draft", "to": "ready", "by": "auto_draw"},
        )


def write_pairs(
    session: Session,
    box: models.Box,
    run: models.DrawRun,
    assignments: dict[str, list[str]],
    *,
    now: Any,
    override_by: uuid.UUID | None = None,
) -> None:
    insert_pairs(
        session,
        box,
        run,
        [(s, g, slot) for s, giftees in assignments.items() for slot, g in enumerate(giftees)],
        now=now,
        override_by=override_by,
    )


def insert_pairs(
    session: Session,
    box: models.Box,
    run: models.DrawRun,
    pairs: list[tuple[str, str, int]],
    *,
    now: Any,
    override_by: uuid.UUID | None = None,
) -> None:
    """New ``draws`` rows, one per (santa, giftee, slot)."""
    rows = [
        {
            "id": uuid.uuid4(),
            "box_id": box.id,
            "run_id": run.id,
            "santa_participant_id": uuid.UUID(santa),
            "giftee_participant_id": uuid.UUID(giftee),
            "slot": slot,
            "created_at": now,
            "override_by": override_by,
        }
        for santa, giftee, slot in pairs
    ]
    if rows:
        try:
            with session.begin_nested():
                bulk_insert(session, models.Draw, rows)
        except IntegrityError:
            raise DrawRaced() from None


def record_history(session: Session, box: models.Box) -> int:
    """The box's pairs by person, kept for the series (written when the box is renewed).

    Replaces what was recorded for this box before; returns the number of pairs. A
    box renewed twice has two boxes of the same year in its series: a pair one of them
    already recorded for that year is not recorded again.
    """
    year = box.year if box.year is not None else (box.drawn_at or utcnow()).year
    H, D = models.DrawHistory, models.Draw
    santa, giftee = aliased(models.Participant), aliased(models.Participant)
    pairs = session.execute(
        select(santa.person_key, giftee.person_key)
        .select_from(D)
        .join(santa, santa.id == D.santa_participant_id)
        .join(giftee, giftee.id == D.giftee_participant_id)
        .where(D.box_id == box.id)
        .distinct()
    ).all()
    session.execute(delete(H).where(H.box_id == box.id))
    known = {
        (s, g)
        for s, g in session.execute(
            select(H.santa_person_key, H.giftee_person_key).where(
                H.series_id == box.series_id, H.year == year
            )
        )
    }
    now = utcnow()
    rows = [
        {
            "id": uuid.uuid4(),
            "series_id": box.series_id,
            "box_id": box.id,
            "year": year,
            "santa_person_key": s,
            "giftee_person_key": g,
            "created_at": now,
        }
        for s, g in pairs
        if (s, g) not in known
    ]
    bulk_insert(session, H, rows)
    return len(rows)


def notify_santas(
    session: Session,
    settings: Settings,
    box: models.Box,
    people: dict[str, Person],
    assignments: dict[str, list[str]],
    *,
    key: str,
    only: set[str] | None = None,
    repair: bool = False,
) -> int:
    """One ``draw_done`` row per santa with an account; it names only their own giftee(s).

    ``repair``: the few santas one repair moved may now give to one another, so their
    rows carry nothing they share: no request id (their keys are hashed anyway).
    """
    santas = [s for s in assignments if only is None or s in only]
    users: dict[uuid.UUID, tuple[str, models.Language]] = {}
    U, P = models.User, models.Participant
    for uid, email, language in session.execute(
        select(U.id, U.email, U.language)
        .join(P, P.user_id == U.id)
        .where(P.box_id == box.id, U.deleted_at.is_(None))
    ):
        users[uid] = (email, language)
    now = utcnow()
    facts: dict[str, str] = {
        "box_name": box.name,
        "assignment_url": links.assignment_url(settings, box.id),
    }
    if box.shipping_deadline is not None:
        facts["shipping_deadline"] = box.shipping_deadline.isoformat()
    if box.event_date is not None:
        facts["event_date"] = box.event_date.isoformat()
    budget = budget_text(box)
    if budget:
        facts["budget"] = budget
    rows = []
    for santa in santas:
        person = people[santa]
        account = users.get(person.user_id) if person.user_id is not None else None
        if account is None:
            continue
        names = ", ".join(shown_name(box, people[g]) for g in assignments[santa])
        rows.append(
            notify.row(
                payloads.DrawDone(**facts, giftee_name=names),
                traced=not repair,
                recipient=account[0],
                language=account[1],
                recipient_user_id=person.user_id,
                box_id=box.id,
                # Hashed whole: a key shared by the santas one repair moved would tie
                # them together in the outbox, and one of them may now give to another.
                dedupe_key=f"{key.partition(':')[0]}:{crypto.hash_token(f'{key}:{santa}')}",
                now=now,
            )
        )
    notify.add_rows(session, rows)
    return len(rows)


def fan_out_pending(session: Session, settings: Settings, *, limit: int = 10) -> int:
    """Write the santas' emails of draws that left them to the job queue; returns rows added.

    Each run is locked (skipped when another worker holds it) and marked done with its
    rows in the caller's transaction; the pairs are read as they are now, so a change
    after the draw made in between is what the emails say.
    """
    stmt = fanout.pending().limit(limit)
    if session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(skip_locked=True, of=models.DrawRun)
    added = 0
    for run in session.scalars(stmt).all():
        box = session.get(models.Box, run.box_id)
        current = current_run(session, run.box_id) if box is not None else None
        if box is not None and current is not None and current.id == run.id:
            people, _ = load_people(session, box)
            assignments = current_pairs(session, box.id)
            added += notify_santas(session, settings, box, people, assignments, key=fanout.key(run))
        fanout.mark_done(run)
    session.flush()
    return added


def get_draw(session: Session, actor: models.User, box_id: uuid.UUID, /) -> DrawSummary:
    """The current draw's public facts (any member)."""
    access = load(session, actor, box_id)
    lifecycle.require(Action.VIEW_ASSIGNMENT, access.box.status)
    run = current_run(session, access.box.id)
    if run is None:
        raise BoxNotEditable("The draw has not run yet.")
    count = session.scalar(
        select(func.count(func.distinct(models.Draw.santa_participant_id))).where(
            models.Draw.box_id == access.box.id
        )
    )
    return _summary(access.box, run, int(count or 0))
