"""Rules between fields that JSON Schema cannot state, applied to schemathesis's positive cases.

JSON Schema states each field on its own; it cannot say "``min_budget`` ≤ ``max_budget``",
"deadlines in order and not after the event", "``single_cycle`` needs ``gifts_per_person``
1" or "an email, or offline", nor that a page cursor must be one the server handed out, or
that a rule names people of the box. The schema's descriptions name these rules and
tests/server/test_boxes_validation.py checks their refusals; here the schema-valid
(positive) cases are brought within them, so "schema-valid request rejected" only ever
means the schema is wrong. Used by ``scripts/schemathesis_hooks.py`` (the served run) and
``tests/server/test_schemathesis.py`` (in-process).
"""

from __future__ import annotations

import datetime as dt
import decimal
from typing import Any

from schemathesis import GenerationMode


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _moment(value: Any) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _amount(value: Any) -> decimal.Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None
    try:
        return decimal.Decimal(str(value))
    except decimal.InvalidOperation:
        return None


def _box_rules(body: dict[str, Any]) -> None:
    # A PATCH is checked against the stored values too, so fields that are checked
    # together travel together (a missing one is sent as null).
    if "min_budget" in body or "max_budget" in body:
        lo, hi = body.get("min_budget"), body.get("max_budget")
        if _amount(lo) is not None and _amount(hi) is not None and _amount(lo) > _amount(hi):  # type: ignore[operator]
            lo, hi = hi, lo
        body["min_budget"], body["max_budget"] = lo, hi
    keys = ("signup_deadline", "shipping_deadline", "event_date")
    if any(k in body for k in keys):
        signup, shipping = (_moment(body.get(k)) for k in keys[:2])
        signup = signup if signup and signup.tzinfo else None
        shipping = shipping if shipping and shipping.tzinfo else None
        if signup and shipping and signup > shipping:
            signup, shipping = shipping, signup
        event = _date(body.get("event_date"))
        latest = max((m for m in (signup, shipping) if m), default=None)
        if latest and event is None and body.get("event_date", "absent") is not None:
            event = latest.astimezone(dt.UTC).date()
        if event and latest:
            day_end = dt.datetime.combine(event + dt.timedelta(days=1), dt.time(12), dt.UTC)
            signup = signup if signup and signup <= day_end else None
            shipping = shipping if shipping and shipping <= day_end else None
        body["signup_deadline"] = signup.isoformat() if signup else None
        body["shipping_deadline"] = shipping.isoformat() if shipping else None
        if "event_date" in body or event:
            body["event_date"] = event.isoformat() if event else None
    options = body.get("draw_options")
    if isinstance(options, dict) and options.get("single_cycle") is True:
        options["gifts_per_person"] = 1


def _participant_rules(body: dict[str, Any]) -> None:
    if body.get("offline") is True:
        body.pop("email", None)
    elif body.get("email") is None:
        body["offline"] = True
        body.pop("email", None)


#: Opaque page cursors: only a cursor the server handed out is valid ("not a cursor
#: from this list" is no rule a schema can state), so positive cases start at page one.
_CURSORS = ("cursor", "before")


def _name_members(case: Any, box: str, members: list[str]) -> None:
    """Rules name people of the box: a schema cannot say who is in it, so positive cases
    name real members of the seeded box."""
    body = case.body
    if isinstance(body.get("participant_ids"), list):
        count = max(2, min(len(body["participant_ids"]), len(members)))
        body["participant_ids"] = members[:count]
    elif "santa_participant_id" in body or "giftee_participant_id" in body:
        body["santa_participant_id"], body["giftee_participant_id"] = members[:2]
    else:
        return
    case.path_parameters = {**(case.path_parameters or {}), "box_id": box}


def within_rules(case: Any, *, box: str, members: list[str]) -> Any:
    """A positive case brought within the rules between fields (and of the seeded box,
    ``box`` with the participants ``members``); other cases are left alone."""
    meta = case.meta
    if meta is None or meta.generation.mode is not GenerationMode.POSITIVE:
        return case
    if isinstance(case.query, dict):
        for key in _CURSORS:
            case.query.pop(key, None)
    if not isinstance(case.body, dict):
        return case
    path = case.operation.path
    if path in ("/api/v1/boxes", "/api/v1/boxes/{box_id}"):
        _box_rules(case.body)
    elif path == "/api/v1/boxes/{box_id}/participants" and case.method.upper() == "POST":
        _participant_rules(case.body)
    elif path.startswith(
        (
            "/api/v1/boxes/{box_id}/exclusions",
            "/api/v1/boxes/{box_id}/forced-pairs",
            "/api/v1/boxes/{box_id}/households",
        )
    ):
        _name_members(case, box, members)
    return case
