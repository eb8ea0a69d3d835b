"""What the engine returns: a draw, or an explained impossibility (a result, not an error).

Texts come in English and Russian (the product's languages); ``explain(lang)``
picks one, the JSON form carries English plus ``*_ru`` fields.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

from santa_core.draw.engine._problem import IntArray

Lang = Literal["en", "ru"]


@dataclass(frozen=True)
class Text:
    en: str
    ru: str

    def get(self, lang: str = "en") -> str:
        return self.ru if lang == "ru" else self.en


@dataclass(frozen=True)
class Relaxation:
    """One rule to drop so that a draw exists.

    ``kind`` is ``history`` (allow a past pair again), ``history_years`` (only
    remember the last ``years`` years), ``exclusion``, ``forced``, ``group`` (let
    its members give to each other), ``option`` (turn it off), or ``offline_rule``
    (the box's implicit rule for offline people: ``members`` are those people).
    """

    kind: Literal[
        "history", "history_years", "exclusion", "forced", "group", "option", "offline_rule"
    ]
    text: Text
    santa: str | None = None
    giftee: str | None = None
    members: tuple[str, ...] = ()
    option: str | None = None
    years: int | None = None

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        if self.years is not None:
            out["years"] = self.years
        if self.santa is not None:
            out["santa"] = self.santa
            out["giftee"] = self.giftee
        if self.members:
            out["members"] = list(self.members)
        if self.option is not None:
            out["option"] = self.option
        return out


@dataclass(frozen=True)
class Notice:
    """A warning to show the organizer before drawing.

    ``code``: ``deducible`` (someone could work out another's pair from their own),
    ``determined`` (the rules leave some santa a single possible giftee).
    """

    code: str
    text: Text
    pairs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Secrecy:
    """How much the rules let participants deduce, checked before drawing."""

    #: Exact number of valid draws, when computed (None: the box is too large to count).
    count: int | None
    notices: tuple[Notice, ...] = ()
    #: False when the box is too large for the analysis (see :mod:`._secrecy`).
    checked: bool = True

    @property
    def at_risk(self) -> bool:
        return bool(self.notices)


@dataclass(frozen=True)
class Draw:
    """A valid draw. ``giftees[i]`` is the giftee index (a row of k for several gifts)
    of person ``i`` in canonical (sorted id) order."""

    giftees: IntArray
    ids: tuple[str, ...] | None
    method: str
    uniform: Literal["exact", "approximate"]
    seed: str
    engine_version: str
    commitment: str | None
    gifts_per_person: int = 1
    count: int | None = None
    details: Mapping[str, Any] = field(default_factory=dict)
    secrecy: Secrecy | None = None

    @cached_property
    def assignments(self) -> dict[str, tuple[str, ...]]:
        """Santa id -> giftee ids (one for one gift each)."""
        ids = self.ids or tuple(str(i) for i in range(len(self.giftees)))
        rows = self.giftees.reshape(len(ids), -1).tolist()
        return {ids[s]: tuple(ids[g] for g in row) for s, row in enumerate(rows)}

    def giftee_of(self, santa: str) -> str:
        return self.assignments[santa][0]

    def pairs(self) -> list[tuple[str, str]]:
        return [(s, g) for s, gs in self.assignments.items() for g in gs]

    @cached_property
    def digest(self) -> str:
        """Hash of the assignments: publishable, and reveals no pair."""
        if self.gifts_per_person == 1 and self.ids is not None:
            ids = self.ids  # sorted already: the canonical order
            return _digest([list(ids), list(map(ids.__getitem__, self.giftees.tolist()))])
        return assignments_digest(self.assignments)

    @property
    def notices(self) -> tuple[Notice, ...]:
        return self.secrecy.notices if self.secrecy else ()

    def as_json(self) -> dict[str, Any]:
        """The CLI's ``--json`` object (one giftee, or a list for several gifts each)."""
        if self.gifts_per_person == 1:
            ids = self.ids or tuple(str(i) for i in range(len(self.giftees)))
            assignments: dict[str, Any] = dict(
                zip(ids, map(ids.__getitem__, self.giftees.tolist()), strict=True)
            )
        else:
            assignments = {s: list(g) for s, g in self.assignments.items()}
        return {
            "assignments": assignments,
            "method": self.method,
            "uniform": self.uniform,
            "valid_draws": self.count if self.count is not None else self.secrecy_count(),
            "seed": self.seed,
            "engine_version": self.engine_version,
            "commitment": self.commitment,
            "digest": self.digest,
            "warnings": [n.text.en for n in self.notices],
            "warnings_ru": [n.text.ru for n in self.notices],
            "details": dict(self.details),
        }

    def secrecy_count(self) -> int | None:
        return self.secrecy.count if self.secrecy else None


@dataclass(frozen=True)
class Infeasible:
    """No draw, with the reason a person can follow.

    ``reason``: ``hall`` (``witness`` need more giftees than ``giftees``),
    ``forced_conflict`` (a forced pair breaks another rule), ``forced_loop``,
    ``two_cycles`` or ``single_cycle`` (the cycle options). ``proved`` is False
    only when a search stopped at its limit: then a draw may still exist.
    """

    reason: str
    proved: bool
    explanation: Text
    witness: tuple[str, ...] = ()
    giftees: tuple[str, ...] = ()
    suggestion: Relaxation | None = None
    details: Mapping[str, Any] = field(default_factory=dict)

    def explain(self, lang: str = "en") -> str:
        text = self.explanation.get(lang)
        if self.suggestion is not None:
            text += " " + self.suggestion.text.get(lang)
        return text

    def as_json(self) -> dict[str, Any]:
        return {
            "error": "infeasible",
            "reason": self.reason,
            "proved": self.proved,
            "witness": list(self.witness),
            "giftees": list(self.giftees),
            "explanation": self.explanation.en,
            "explanation_ru": self.explanation.ru,
            "suggestion": self.suggestion.text.en if self.suggestion else None,
            "suggestion_ru": self.suggestion.text.ru if self.suggestion else None,
            "relaxation": self.suggestion.as_json() if self.suggestion else None,
        }


def assignments_digest(assignments: Mapping[str, str | Sequence[str]]) -> str:
    """``sha256:`` of the JSON ``[santas, giftees]``: santas sorted; giftees in the same
    order, each one id when everybody has exactly one, else each a sorted list."""
    santas = sorted(assignments)
    lists = [[g] if isinstance(g, str) else sorted(g) for g in map(assignments.__getitem__, santas)]
    if all(len(g) == 1 for g in lists):
        return _digest([santas, [g[0] for g in lists]])
    return _digest([santas, lists])


def _digest(rows: list[list[Any]]) -> str:
    blob = json.dumps(rows, separators=(",", ":"), ensure_ascii=False)
    return "sha256:" + hashlib.sha256(blob.encode()).hexdigest()
