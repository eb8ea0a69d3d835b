"""The draw from end to end: compile, prove feasibility, sample, explain.

Everything random comes from one generator derived from the seed, consumed in a
fixed order, so (canonical input, seed, engine version) determines the draw.
The secrecy analysis and the relaxation search use no randomness from it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from santa_core.draw.engine import _explain, _flow, _multi, _sample, _secrecy, _suggest
from santa_core.draw.engine._commit import commitment_from_digests, input_digest, seed_digest
from santa_core.draw.engine._model import DrawInput
from santa_core.draw.engine._problem import (
    IndexedInput,
    IntArray,
    Problem,
    compile_indexed,
    compile_input,
)
from santa_core.draw.engine._result import Draw, Infeasible, Secrecy, Text
from santa_core.draw.engine._rng import ENGINE_VERSION, generator, new_seed

#: Values of ``method=`` that force one sampler (for tests and audits).
METHODS = ("rejection", "exact", "markov-chain")


@dataclass
class Prepared:
    """A compiled box, reusable for several draws (``--samples``)."""

    data: DrawInput | None
    problem: Problem
    input_sha256: str | None

    def commitment(self, seed: str) -> str | None:
        if self.input_sha256 is None:
            return None
        return commitment_from_digests(self.input_sha256, seed_digest(seed))


def prepare(data: DrawInput | IndexedInput) -> Prepared:
    if isinstance(data, IndexedInput):
        return Prepared(None, compile_indexed(data), None)
    return Prepared(data, compile_input(data), input_digest(data))


def solve(
    data: DrawInput | IndexedInput,
    *,
    seed: str | None = None,
    method: str | None = None,
    secrecy: bool = True,
    suggest: bool = True,
) -> Draw | Infeasible:
    """Draw once. ``seed`` None: a fresh secret seed (returned in the result).

    ``method`` forces one sampler (``rejection``, ``exact``, ``markov-chain``);
    ``secrecy`` runs the secrecy analysis (small boxes); ``suggest`` searches for
    a relaxation when there is no draw.
    """
    return draw_prepared(prepare(data), seed=seed, method=method, secrecy=secrecy, suggest=suggest)


def solve_many(
    data: DrawInput | IndexedInput, *, seed: str | None = None, samples: int
) -> Iterator[Draw | Infeasible]:
    """Independent draws: draw ``i`` uses seed ``seed`` (i = 0) or ``f"{seed}/{i}"``."""
    prepared = prepare(data)
    base = seed if seed is not None else new_seed()
    for i in range(samples):
        yield draw_prepared(
            prepared, seed=base if i == 0 else f"{base}/{i}", secrecy=i == 0, suggest=i == 0
        )


def draw_prepared(
    prepared: Prepared,
    *,
    seed: str | None = None,
    method: str | None = None,
    secrecy: bool = True,
    suggest: bool = True,
) -> Draw | Infeasible:
    if method is not None and method not in METHODS:
        raise ValueError(f"unknown method {method!r}; expected one of {', '.join(METHODS)}")
    seed = seed if seed is not None else new_seed()
    rng = generator(seed)
    p = prepared.problem
    early = _rule_conflicts(prepared, suggest)
    if early is not None:
        return early
    if p.k > 1:
        return _draw_multi(prepared, seed, rng, method, suggest)
    if p.m == 0:
        return _result(
            prepared,
            seed,
            p.expand(np.zeros(0, dtype=np.int64)),
            "forced",
            "exact",
            {},
            count=1,
            secrecy=Secrecy(count=1) if secrecy else None,
        )
    sigma0, witness, repaired = _flow.find_permutation(p, rng)
    if witness is not None or sigma0 is None:
        # The same box gets the same explanation whatever the seed.
        _, witness, _ = _flow.find_permutation(p, generator(WITNESS_SEED))
        assert witness is not None
        return _hall(prepared, witness, suggest)
    sampled = _sample.sample(p, sigma0, repaired, rng, force=method)
    if sampled.sigma is None:
        return _cycle_option(prepared, sampled.proved, sampled.details, suggest)
    report = _secrecy.analyse(p, sigma0) if secrecy else None
    count = sampled.count if sampled.count is not None else (report.count if report else None)
    return _result(
        prepared,
        seed,
        p.expand(sampled.sigma),
        sampled.method,
        sampled.uniform,
        sampled.details,
        count=count,
        secrecy=report,
    )


def _draw_multi(
    prepared: Prepared, seed: str, rng: np.random.Generator, method: str | None, suggest: bool
) -> Draw | Infeasible:
    p = prepared.problem
    out0, witness = _multi.find(p, rng)
    if witness is not None or out0 is None:
        _, witness = _multi.find(p, generator(WITNESS_SEED))
        assert witness is not None
        return _hall(prepared, witness, suggest)
    out, used, details = _multi.sample(p, out0, rng, force=method)
    if out is None:
        return _cycle_option(prepared, bool(details.get("proved")), details, suggest)
    rows = [list(ys) for ys in out]
    for s, g in p.fixed:
        rows[s].append(g)
    giftees = np.sort(np.array(rows, dtype=np.int64).reshape(p.n, p.k), axis=1)
    uniform = "approximate" if used == "markov-chain" else "exact"
    return _result(
        prepared,
        seed,
        giftees,
        used,
        uniform,
        details,
        count=details.get("count"),
        secrecy=Secrecy(count=None, checked=False),
    )


def _result(
    prepared: Prepared,
    seed: str,
    giftees: IntArray,
    method: str,
    uniform: Any,
    details: dict[str, Any],
    *,
    count: int | None,
    secrecy: Secrecy | None,
) -> Draw:
    p = prepared.problem
    return Draw(
        giftees=giftees,
        ids=p.ids,
        method=method,
        uniform=uniform,
        seed=seed,
        engine_version=ENGINE_VERSION,
        commitment=prepared.commitment(seed),
        gifts_per_person=p.k,
        count=count,
        details=details,
        secrecy=secrecy,
    )


def _rule_conflicts(prepared: Prepared, suggest: bool) -> Infeasible | None:
    p = prepared.problem
    name = p.name
    if p.conflicts:
        s, g, why = p.conflicts[0]
        relax = None
        if suggest and prepared.data is not None:
            relax = _suggest.suggest(prepared.data, (name(s),), (), reason="forced_conflict")
        return Infeasible(
            reason="forced_conflict",
            proved=True,
            explanation=_explain.forced_conflict(name(s), name(g), why),
            witness=(name(s),),
            giftees=(),
            suggestion=relax,
        )
    if p.k == 1 and p.options.single_cycle and p.cycles and (p.m or len(p.cycles) > 1):
        members = tuple(name(x) for x in p.cycles[0])
        relax = None
        if suggest and prepared.data is not None:
            relax = _suggest.suggest(prepared.data, members, (), reason="forced_loop")
        return Infeasible(
            reason="forced_loop",
            proved=True,
            explanation=_explain.forced_loop(members),
            witness=members,
            suggestion=relax,
        )
    return None


#: Seeds the search for a witness, so an infeasible box is always explained alike.
WITNESS_SEED = "santa-witness"


def _hall(prepared: Prepared, witness: _flow.Witness, suggest: bool) -> Infeasible:
    p = prepared.problem
    if p.k > 1:
        witness = _reachable(p, witness)
    santas_p = sorted(int(p.tail[x]) for x in witness.santas)
    giftees_p = sorted(int(p.head[y]) for y in witness.giftees)
    santas = tuple(p.name(x) for x in santas_p)
    giftees = tuple(p.name(y) for y in giftees_p)
    if p.k == 1:
        need = len(witness.santas)
    else:
        # From k, not cap_out: capacities are capped at n for absurd k.
        forced_out = sum(1 for s, _ in p.fixed if s in set(witness.santas))
        need = p.k * len(witness.santas) - forced_out
    room = _room(p, witness)
    if p.k == 1:
        text: Text = _explain.hall(santas, giftees)
    else:
        text = _explain.hall_multi(santas, giftees, need, room)
    relax = None
    if suggest and prepared.data is not None:
        relax = _suggest.suggest(
            prepared.data, santas, giftees, reason="hall", slack=max(1, need - room)
        )
    return Infeasible(
        reason="hall",
        proved=True,
        explanation=text,
        witness=santas,
        giftees=giftees,
        suggestion=relax,
        details={"need": need, "room": room},
    )


#: Largest santas × nodes product scanned to list every giftee a k > 1 witness may reach.
_REACH_LIMIT = 20_000_000


def _reachable(p: Problem, witness: _flow.Witness) -> _flow.Witness:
    """The witness with every giftee its santas may give to, not just the cut's side.

    With several gifts each, a minimum cut may cut single santa → giftee edges,
    so the cut's giftees can miss people the santas may give to (a sentence
    "b may give to nobody" would then be false). Hall's bound stays violated
    over the full neighbourhood, since each such giftee takes at most one gift
    per santa: :func:`_room` counts exactly that.
    """
    santas = np.array(witness.santas, dtype=np.int64)
    if not santas.size or santas.size * p.m > _REACH_LIMIT:
        return witness
    everyone = np.arange(p.m, dtype=np.int64)
    reach = np.zeros(p.m, dtype=bool)
    for x in santas.tolist():
        reach |= p.allowed(np.full(p.m, x, dtype=np.int64), everyone)
    return _flow.Witness(witness.santas, tuple(np.flatnonzero(reach).tolist()))


def _room(p: Problem, witness: _flow.Witness) -> int:
    """How many gifts the witness's giftees can take from the witness (Hall's bound)."""
    if p.k == 1:
        return len(witness.giftees)
    santas = np.array(witness.santas, dtype=np.int64)
    room = 0
    for y in witness.giftees:
        ok = p.allowed(santas, np.full(santas.size, y, dtype=np.int64))
        room += min(int(p.cap_in[y]), int(ok.sum()))
    return room


def _cycle_option(
    prepared: Prepared, proved: bool, details: dict[str, Any], suggest: bool
) -> Infeasible:
    p = prepared.problem
    single = p.options.single_cycle
    reason = "single_cycle" if single else "two_cycles"
    text = _explain.no_single_loop(proved) if single else _explain.no_two_free(proved)
    relax = None
    if suggest and prepared.data is not None:
        relax = _suggest.suggest(prepared.data, (), (), reason=reason)
    return Infeasible(
        reason=reason, proved=proved, explanation=text, suggestion=relax, details=details
    )
