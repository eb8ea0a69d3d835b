"""Exhaustive search for the cycle options, within a documented budget.

Avoiding two-person loops, and above all asking for one single loop
(a Hamiltonian cycle), are not matching problems; the latter is NP-hard. When
the samplers find nothing, a depth-first search settles the question for small
and medium boxes: it either finds draws, proves there are none (it explored the
whole tree), or stops after ``NODE_BUDGET`` nodes and says so. It backtracks on
dead ends early: a santa with no possible giftee, a giftee nobody can still give
to. The search is randomized but not uniform; it only provides a start for the
swap chain or the proof of impossibility.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from santa_core.draw.engine._problem import BoolArray, IntArray

#: Search nodes (partial draws) explored before giving up.
NODE_BUDGET = 200_000
#: Largest box (in nodes) the search works on (recursion depth, m x m allowed matrix).
SEARCH_LIMIT = 400


@dataclass
class SearchOutcome:
    found: list[IntArray] = field(default_factory=list)
    #: True when the whole tree was explored: then ``found`` is everything there is.
    complete: bool = False
    nodes: int = 0


class _Budget(Exception):
    pass


def search_permutations(
    allowed: BoolArray,
    single: BoolArray,
    *,
    avoid_two: bool,
    want: int,
    rng: np.random.Generator,
    budget: int = NODE_BUDGET,
) -> SearchOutcome:
    """Permutations within ``allowed`` (and without two-loops of single people)."""
    m = allowed.shape[0]
    out = SearchOutcome()
    sigma = np.full(m, -1, dtype=np.int64)
    free_s = np.ones(m, dtype=np.bool_)
    free_g = np.ones(m, dtype=np.bool_)
    single_l = single.tolist()

    def options(x: int) -> BoolArray:
        opts = allowed[x] & free_g
        if avoid_two and single_l[x]:
            opts = opts & ~((sigma == x) & single)  # y -> x already: x -> y closes a two-loop
        result: BoolArray = opts
        return result

    def walk() -> None:
        out.nodes += 1
        if out.nodes > budget:
            raise _Budget
        if not free_s.any():
            out.found.append(sigma.copy())
            if len(out.found) >= want:
                raise _Budget
            return
        sub = allowed[np.ix_(free_s, free_g)]
        if not sub.any(axis=0).all():
            return  # a giftee nobody can still give to
        counts = sub.sum(axis=1)
        if counts.min() == 0:
            return
        santas = np.flatnonzero(free_s)
        x = int(santas[int(np.argmin(counts))])
        cands = np.flatnonzero(options(x))
        for y in cands[rng.permutation(cands.size)].tolist():
            sigma[x] = y
            free_s[x] = False
            free_g[y] = False
            walk()
            free_s[x] = True
            free_g[y] = True
            sigma[x] = -1

    try:
        walk()
        out.complete = True
    except _Budget:
        out.complete = False
    return out


def search_cycles(
    allowed: BoolArray,
    *,
    want: int,
    rng: np.random.Generator,
    budget: int = NODE_BUDGET,
) -> SearchOutcome:
    """Single loops through all nodes within ``allowed`` (as successor arrays)."""
    m = allowed.shape[0]
    out = SearchOutcome()
    if m == 1:
        if allowed[0, 0]:
            out.found.append(np.zeros(1, dtype=np.int64))
        out.complete = True
        return out
    if not strongly_connected(allowed):
        out.complete = True  # a loop through everyone needs every node to reach every other
        return out
    sigma = np.full(m, -1, dtype=np.int64)
    unvisited = np.ones(m, dtype=np.bool_)
    unvisited[0] = False

    def walk(end: int, left: int) -> None:
        out.nodes += 1
        if out.nodes > budget:
            raise _Budget
        if left == 0:
            if allowed[end, 0]:
                sigma[end] = 0
                out.found.append(sigma.copy())
                sigma[end] = -1
                if len(out.found) >= want:
                    raise _Budget
            return
        # Every unvisited node still needs a way in and a way out.
        ins = unvisited.copy()
        ins[end] = True
        outs = unvisited.copy()
        outs[0] = True
        rest = np.flatnonzero(unvisited)
        if not allowed[np.ix_(ins, rest)].any(axis=0).all():
            return
        if not allowed[np.ix_(rest, outs)].any(axis=1).all():
            return
        cands = np.flatnonzero(allowed[end] & unvisited)
        if cands.size > 1:
            # Fewest onward options first (Warnsdorff), ties broken at random.
            onward = allowed[np.ix_(cands, unvisited)].sum(axis=1)
            cands = cands[np.lexsort((rng.random(cands.size), onward))]
        for y in cands.tolist():
            sigma[end] = y
            unvisited[y] = False
            walk(y, left - 1)
            unvisited[y] = True
            sigma[end] = -1

    try:
        walk(0, m - 1)
        out.complete = True
    except _Budget:
        out.complete = False
    return out


def strongly_connected(allowed: BoolArray) -> bool:
    """Whether every node reaches every other (needed for a single loop)."""
    for graph in (allowed, allowed.T):
        seen = np.zeros(allowed.shape[0], dtype=np.bool_)
        seen[0] = True
        frontier = seen.copy()
        while frontier.any():
            frontier = graph[frontier].any(axis=0) & ~seen
            seen |= frontier
        if not seen.all():
            return False
    return True
