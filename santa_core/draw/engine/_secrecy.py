"""Can participants deduce each other's pairs from the rules and their own giftee?

Run before drawing (it uses no randomness, so it never changes a seeded draw).

- Small boxes (the exact limits of :mod:`._exact`): count every valid draw. When
  there are at most ``ENUMERATION_LIMIT`` of them, list them, and for every
  participant and every giftee they could draw, look for another pair that is
  the same in all draws consistent with it: that pair is deducible. Two couples
  leave 4 draws, and whoever draws one partner of the other couple knows who
  their own partner gives to.
- Up to ``DETERMINED_LIMIT`` nodes (one gift each): pairs present in every draw
  that honours the pair rules, found from one draw by the alternating-cycle
  criterion (an edge of a perfect matching is in all perfect matchings iff it
  lies on no alternating cycle), computed with a boolean transitive closure.
  Forced pairs are left out: the organizer chose them.
- Larger boxes or several gifts each: not analysed (``checked`` is False).
"""

from __future__ import annotations

import numpy as np

from santa_core.draw.engine import _exact, _explain
from santa_core.draw.engine._chain import two_cycles
from santa_core.draw.engine._problem import IntArray, Problem
from santa_core.draw.engine._result import Notice, Secrecy

ENUMERATION_LIMIT = 5_000
DETERMINED_LIMIT = 500


def analyse(problem: Problem, sigma: IntArray | None = None) -> Secrecy:
    """``sigma``: any valid plain draw (node space), used for the determined-pairs test."""
    if problem.k != 1:
        return Secrecy(count=None, checked=False)
    m = problem.m
    mode = (
        "cycle"
        if problem.options.single_cycle
        else ("two" if problem.options.avoid_two_cycles else "plain")
    )
    limit = _exact.CYCLE_LIMIT if mode == "cycle" else _exact.PERMANENT_LIMIT
    if m == 0:
        return Secrecy(count=1)
    if m <= limit:
        draws, count = _enumerate(problem, mode)
        notices: list[Notice] = []
        if draws is not None and draws.shape[0]:
            notices.extend(_deductions(problem, draws, count))
        return Secrecy(count=count, notices=tuple(notices))
    if sigma is not None and m <= DETERMINED_LIMIT:
        pairs = _determined(problem, sigma)
        if pairs:
            return Secrecy(count=None, notices=(_determined_notice(problem, pairs),))
        return Secrecy(count=None)
    return Secrecy(count=None, checked=False)


def _enumerate(problem: Problem, mode: str) -> tuple[IntArray | None, int]:
    allowed = problem.allowed_matrix()
    if mode == "cycle":
        table = _exact.cycle_table(allowed)
        count = _exact.cycle_count(allowed, table)
        if problem.options.avoid_two_cycles and problem.m == 2 and problem.single.all():
            count = 0
        if count > ENUMERATION_LIMIT or count == 0:
            return None, count
        rows = list(_exact.iter_cycles(allowed, table))
    else:
        table = _exact.permanent_table(allowed)
        count = int(table[-1])
        if count > (ENUMERATION_LIMIT if mode == "plain" else 10 * ENUMERATION_LIMIT):
            return None, count
        rows = list(_exact.iter_permanent(allowed, table))
        if mode == "two":
            rows = [r for r in rows if not two_cycles(problem, r).any()]
            count = len(rows)
            if count > ENUMERATION_LIMIT:
                return None, count
    if not rows:
        return None, 0
    return np.stack([problem.expand(r) for r in rows]), count


def _deductions(problem: Problem, draws: IntArray, count: int) -> list[Notice]:
    """Pairs someone could deduce from their own giftee (draws: rows of giftee per person)."""
    n = problem.n
    forced = {s for s, _ in problem.fixed}
    found: list[tuple[int, int, int, int]] = []  # observer, own giftee, santa, giftee
    for o in range(n):
        for v in np.unique(draws[:, o]).tolist():
            rows = draws[draws[:, o] == v]
            same = (rows == rows[0]).all(axis=0)
            for j in np.flatnonzero(same).tolist():
                if j != o and j not in forced and not bool((draws[:, j] == rows[0, j]).all()):
                    found.append((o, v, j, int(rows[0, j])))
    notices: list[Notice] = []
    constant = [
        (j, int(draws[0, j]))
        for j in range(n)
        if j not in forced and bool((draws[:, j] == draws[0, j]).all())
    ]
    if found:
        o, v, j, g = found[0]
        name = problem.name
        pairs = tuple(sorted({(name(j), name(g)) for _, _, j, g in found}))
        notices.append(
            Notice(
                "deducible", _explain.deducible(count, name(o), name(v), name(j), name(g)), pairs
            )
        )
    if constant:
        notices.append(_determined_notice(problem, constant))
    return notices


def _determined(problem: Problem, sigma: IntArray) -> list[tuple[int, int]]:
    m = problem.m
    allowed = problem.allowed_matrix()
    # x -> y when x could take y's giftee: alternating paths of the matching sigma.
    reach = allowed[:, sigma].copy()
    np.fill_diagonal(reach, False)
    closure = reach.astype(np.float32)
    for _ in range(max(1, int(np.ceil(np.log2(m + 1))))):
        closure = np.minimum(closure + closure @ closure, 1.0)
    on_cycle = ((closure > 0) & (closure.T > 0)).any(axis=1)
    giftees = problem.expand(sigma)
    fixed = {s for s, _ in problem.fixed}
    out: list[tuple[int, int]] = []
    for x in np.flatnonzero(~on_cycle).tolist():
        santa = int(problem.tail[x])
        if santa not in fixed:
            out.append((santa, int(giftees[santa])))
    return out


def _determined_notice(problem: Problem, pairs: list[tuple[int, int]]) -> Notice:
    named = tuple((problem.name(s), problem.name(g)) for s, g in pairs)
    return Notice("determined", _explain.determined(named), named)
