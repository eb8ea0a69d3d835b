"""Repair a draw after someone leaves or joins, changing as few pairs as possible.

Every pair of the old draw whose two people are still in the box and which the
(re-checked) rules still allow is kept. Santas left without a giftee, and
newcomers, are filled by cheapest augmenting paths (Dijkstra): an augmenting
path moves each santa on it to a new giftee, and a santa costs 1 if they have
not opened their assignment yet and ``OPENED_COST`` (more than any number of
unopened santas) if they have. Ties are broken at random, so who gets moved
reveals nothing. Adding one person moves exactly one existing santa; removing
one moves their santa, plus one more only when the direct fix is forbidden.

The cycle options are re-checked. A single loop is repaired by reconnecting the
broken pieces of the loop, cutting more pairs (unopened santas first) only when
they cannot be reconnected. When no repair is found within the limits, the box
is redrawn and the report says so (``redrawn``).
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from santa_core.draw.engine._model import DrawInput
from santa_core.draw.engine._problem import Problem, compile_input
from santa_core.draw.engine._result import Draw, Infeasible
from santa_core.draw.engine._rng import generator, new_seed

#: Attempts with different random tie-breaks before redrawing (cycle options).
ATTEMPTS = 30
#: Pieces of a broken single loop we try to reorder exhaustively.
MAX_PIECES = 7

Out = list[list[int]]


@dataclass(frozen=True)
class Repair:
    """A repaired draw and exactly who is affected."""

    assignments: dict[str, tuple[str, ...]]
    #: Santas (still in the box) whose giftees changed, newcomers included.
    changed: tuple[str, ...]
    #: Of those, the ones who had already opened their assignment.
    changed_opened: tuple[str, ...]
    #: People of the old draw no longer in the box.
    removed: tuple[str, ...]
    #: People new to the box.
    added: tuple[str, ...]
    #: Pairs of the old draw kept as they were.
    kept: int
    #: True when no small change worked and the whole box was drawn again.
    redrawn: bool = False
    details: Mapping[str, Any] = field(default_factory=dict)

    def as_json(self) -> dict[str, Any]:
        one = all(len(g) == 1 for g in self.assignments.values())
        return {
            "assignments": {s: (g[0] if one else list(g)) for s, g in self.assignments.items()},
            "changed": list(self.changed),
            "changed_opened": list(self.changed_opened),
            "removed": list(self.removed),
            "added": list(self.added),
            "kept": self.kept,
            "redrawn": self.redrawn,
        }


def repair(
    data: DrawInput,
    current: Mapping[str, str | Sequence[str]],
    *,
    opened: Collection[str] = (),
    seed: str | None = None,
) -> Repair | Infeasible:
    """Repair ``current`` (the old draw) for the box ``data`` (the box after the change)."""
    from santa_core.draw.engine._solve import solve

    rng = generator(seed if seed is not None else new_seed())
    p = compile_input(data, contract=False)
    ids = p.ids or ()
    index = {pid: i for i, pid in enumerate(ids)}
    old: dict[str, list[str]] = {
        s: [g] if isinstance(g, str) else list(g) for s, g in current.items()
    }
    removed = tuple(sorted(set(old) - set(index)))
    added = tuple(sorted(set(index) - set(old)))
    opened_ids = set(opened)
    opened_idx = {index[s] for s in opened_ids if s in index}
    kept = _kept(p, old, index)
    # A forced pair against another rule, or more gifts each than other people:
    # no draw, and solve says why.
    out = _attempt(p, kept, opened_idx, rng) if p.k < p.n and not p.conflicts else None
    redrawn = False
    if out is None:
        fresh = solve(data, seed=seed, secrecy=False)
        if isinstance(fresh, Infeasible):
            return fresh
        assert isinstance(fresh, Draw)
        assignments = dict(fresh.assignments)
        redrawn = True
    else:
        for s, g in p.fixed:
            out[s].append(g)
        assignments = {ids[s]: tuple(sorted(ids[g] for g in ys)) for s, ys in enumerate(out)}
    changed = tuple(
        s for s in ids if sorted(assignments[s]) != sorted(g for g in old.get(s, ()) if g)
    )
    kept_count = sum(
        1 for s, gs in old.items() if s in assignments for g in gs if g in assignments[s]
    )
    return Repair(
        assignments=assignments,
        changed=changed,
        changed_opened=tuple(s for s in changed if s in opened_ids),
        removed=removed,
        added=added,
        kept=kept_count,
        redrawn=redrawn,
    )


def _kept(p: Problem, old: dict[str, list[str]], index: dict[str, int]) -> Out:
    """Old pairs still possible: both people present, allowed, within capacity."""
    out: Out = [[] for _ in range(p.m)]
    load = [0] * p.m
    cap_in = p.cap_in.tolist()
    cap_out = p.cap_out.tolist()
    fixed = set(p.fixed)
    for s_id, gs in sorted(old.items()):
        s = index.get(s_id)
        if s is None:
            continue
        for g_id in gs:
            g = index.get(g_id)
            if g is None or (s, g) in fixed or g in out[s]:
                continue
            if len(out[s]) < cap_out[s] and load[g] < cap_in[g] and p.allowed1(s, g):
                out[s].append(g)
                load[g] += 1
    return out


def _attempt(p: Problem, kept: Out, opened: set[int], rng: np.random.Generator) -> Out | None:
    if p.options.single_cycle:
        return _loop(p, kept, opened, rng)
    for _ in range(ATTEMPTS):
        out = [list(ys) for ys in kept]
        if _fill(p, out, opened, rng) and _options_ok(p, out):
            return out
        if not p.options.avoid_two_cycles:
            return None  # the fill is complete: no path means no draw keeps these pairs
    return None


def _options_ok(p: Problem, out: Out) -> bool:
    if not p.options.avoid_two_cycles:
        return True
    have = {(s, g) for s, ys in enumerate(out) for g in ys} | set(p.fixed)
    return not any((g, s) in have for s, g in have)


def _fill(p: Problem, out: Out, opened: set[int], rng: np.random.Generator) -> bool:
    """Give every santa their missing giftees by cheapest augmenting paths."""
    m = p.m
    cap_out = p.cap_out.tolist()
    cap_in = p.cap_in.tolist()
    inn: Out = [[] for _ in range(m)]
    for s, ys in enumerate(out):
        for g in ys:
            inn[g].append(s)
    free = {g for g in range(m) if len(inn[g]) < cap_in[g]}
    deficits = [s for s in range(m) for _ in range(cap_out[s] - len(out[s]))]
    deficits = [deficits[i] for i in rng.permutation(len(deficits)).tolist()]
    big = m + 1
    nodes = np.arange(m, dtype=np.int64)
    two = p.options.avoid_two_cycles

    def mutual(x: int, g: int) -> bool:
        # x -> g while g -> x: avoid the obvious two-person loops (re-checked at the end).
        return two and x in out[g]

    for u in deficits:
        dist = {u: 0}
        prev: dict[int, tuple[int, int]] = {}
        tie = itertools.count()
        heap = [(0, float(rng.random()), next(tie), u)]
        done = False
        while heap:
            d, _, _, x = heapq.heappop(heap)
            if d > dist[x]:
                continue
            free_ok = [g for g in free if g not in out[x] and p.allowed1(x, g) and not mutual(x, g)]
            if free_ok:
                g = free_ok[int(rng.integers(0, len(free_ok)))]
                _apply(out, inn, free, cap_in, x, g, prev)
                done = True
                break
            row = p.allowed(np.full(m, x, dtype=np.int64), nodes)
            for g in np.flatnonzero(row).tolist():
                if g in out[x] or mutual(x, g):
                    continue
                for w in inn[g]:
                    if w == x:
                        continue
                    nd = d + (big if w in opened else 1)
                    if nd < dist.get(w, 1 << 62):
                        dist[w] = nd
                        prev[w] = (x, g)
                        heapq.heappush(heap, (nd, float(rng.random()), next(tie), w))
        if not done:
            return False
    return True


def _apply(
    out: Out,
    inn: Out,
    free: set[int],
    cap_in: list[int],
    x: int,
    g: int,
    prev: dict[int, tuple[int, int]],
) -> None:
    while True:
        out[x].append(g)
        inn[g].append(x)
        if len(inn[g]) >= cap_in[g]:
            free.discard(g)
        if x not in prev:
            return
        px, pg = prev[x]
        out[x].remove(pg)
        inn[pg].remove(x)
        x, g = px, pg


def _loop(p: Problem, kept: Out, opened: set[int], rng: np.random.Generator) -> Out | None:
    """Single loop: reconnect the pieces of the old loop, cutting more only if needed."""
    m = p.m
    nxt = [ys[0] if ys else -1 for ys in kept]
    fixed = dict(p.fixed)
    for s, g in p.fixed:
        nxt[s] = g
    for _ in range(ATTEMPTS):
        pieces, looped = _pieces(nxt, m)
        if not looped:
            found = _join(p, pieces, rng)
            if found is not None:
                out: Out = [[] for _ in range(m)]
                for s, g in found.items():
                    if fixed.get(s) != g:
                        out[s].append(g)
                return out
        # Cut one more pair (on a closed loop first; unopened santas first) and retry.
        pool = looped or [s for s in range(m) if nxt[s] >= 0]
        cuttable = [s for s in pool if s not in fixed]
        fresh = [s for s in cuttable if s not in opened] or cuttable
        if not fresh:
            return None
        nxt[fresh[int(rng.integers(0, len(fresh)))]] = -1
    return None


def _pieces(nxt: list[int], m: int) -> tuple[list[list[int]], list[int]]:
    """Paths of the partial loop, and the people on loops already closed."""
    has_prev = [False] * m
    for g in nxt:
        if g >= 0:
            has_prev[g] = True
    pieces = []
    covered = [False] * m
    for s in range(m):
        if not has_prev[s]:
            path = [s]
            covered[s] = True
            while nxt[path[-1]] >= 0:
                path.append(nxt[path[-1]])
                covered[path[-1]] = True
            pieces.append(path)
    return pieces, [s for s in range(m) if not covered[s]]


def _join(p: Problem, pieces: list[list[int]], rng: np.random.Generator) -> dict[int, int] | None:
    if len(pieces) > MAX_PIECES or not pieces:
        return None
    if len(pieces) == 1 and len(pieces[0]) == 1:
        return None
    first, rest = pieces[0], pieces[1:]
    orders = list(itertools.permutations(range(len(rest))))
    for i in rng.permutation(len(orders)).tolist():
        seq = [first] + [rest[j] for j in orders[i]]
        if all(p.allowed1(a[-1], b[0]) for a, b in zip(seq, seq[1:] + seq[:1], strict=True)):
            if p.options.avoid_two_cycles and p.m == 2:
                return None
            succ: dict[int, int] = {}
            for a, b in zip(seq, seq[1:] + seq[:1], strict=True):
                for x, y in itertools.pairwise(a):
                    succ[x] = y
                succ[a[-1]] = b[0]
            return succ
    return None
