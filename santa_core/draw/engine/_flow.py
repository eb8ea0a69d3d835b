"""Completeness: find one draw that honours every pair rule, or prove none exists.

A draw (cycle options aside) is a perfect matching of santas to giftees in the
allowed graph, or with k gifts each a k-regular one (a flow with unit edges).
We start from a random assignment, repair its few bad pairs by random swaps
(vectorized), and finish with augmenting paths found by breadth-first search in
the residual graph (Ford-Fulkerson). When the search from a santa who still
lacks a giftee fails, the santas it reached and the giftees they may give to form
a Hall violator: together they need more gifts than those giftees can take.
That is both the proof of impossibility and the explanation we show.

The allowed graph is nearly complete in real boxes, so it is never built: the
search keeps the unvisited giftees in buckets by group label and skips a whole
bucket when the santa belongs to it, which keeps one search linear in the number
of people plus the number of explicitly forbidden pairs.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import numpy as np

from santa_core.draw.engine._problem import BoolArray, IntArray, Problem

#: Vectorized repair rounds before switching to exact augmenting paths.
_REPAIR_ROUNDS = 40
#: Random partners tried for each bad pair in the scalar repair.
_PARTNER_TRIES = 48
#: Bad pairs left to the scalar repair and augmenting paths.
_SCALAR_BAD = 64


@dataclass(frozen=True)
class Witness:
    """A Hall violator in node space: ``santas`` may only give to ``giftees``."""

    santas: tuple[int, ...]
    giftees: tuple[int, ...]


def valid_pairs(problem: Problem, sigma: IntArray) -> BoolArray:
    """Per node, whether its pair in the permutation ``sigma`` is allowed."""
    return problem.allowed(np.arange(problem.m, dtype=np.int64), sigma)


def group_witness(problem: Problem) -> Witness | None:
    """A group that needs more gifts than everyone outside it can take (fast check)."""
    size = int(max(problem.gs.max(initial=0), problem.gg.max(initial=0))) + 1
    need = np.bincount(problem.gs, weights=problem.cap_out, minlength=size)
    inside = np.bincount(problem.gg, weights=problem.cap_in, minlength=size)
    room = problem.cap_in.sum() - inside
    bad = np.flatnonzero(need > room)
    if not bad.size:
        return None
    label = int(bad[np.argmax((need - room)[bad])])
    santas = np.flatnonzero(problem.gs == label)
    giftees = np.flatnonzero(problem.gg != label)
    return Witness(tuple(santas.tolist()), tuple(giftees.tolist()))


def find_permutation(
    problem: Problem, rng: np.random.Generator, start: IntArray | None = None
) -> tuple[IntArray | None, Witness | None, int]:
    """One gift each: a valid node permutation, or a witness. Also how many nodes were
    repaired, which tells the caller how far from uniform the start was."""
    m = problem.m
    quick = group_witness(problem)
    if quick is not None:
        return None, quick, 0
    sigma = rng.permutation(m).astype(np.int64) if start is None else start.copy()
    bad = np.flatnonzero(~valid_pairs(problem, sigma))
    repaired = int(bad.size)
    if bad.size:
        sigma = _repair(problem, sigma, rng)
        bad = np.flatnonzero(~valid_pairs(problem, sigma))
    if bad.size > _SCALAR_BAD:
        # Random repair stalls when one group is nearly half the box. The classic
        # construction (groups contiguous, largest first, everyone gives to the
        # person L places on, L the largest group) breaks no group rule then.
        sigma = _repair(problem, shifted(problem, rng), rng)
        bad = np.flatnonzero(~valid_pairs(problem, sigma))
        repaired = m
    if not bad.size:
        return sigma, None, repaired
    out = [[int(y)] for y in sigma.tolist()]
    for x in bad.tolist():
        out[x] = []
    witness = complete(problem, out, rng)
    if witness is not None:
        return None, witness, repaired
    return np.array([o[0] for o in out], dtype=np.int64), None, repaired


def shifted(problem: Problem, rng: np.random.Generator) -> IntArray:
    """Groups laid out contiguously (largest first, random order otherwise), shifted by
    the largest group's size: valid for every group rule when no group exceeds half."""
    m = problem.m
    labels = problem.gs
    size = np.bincount(labels)[labels]
    tiebreak = rng.permutation(int(labels.max()) + 1)[labels]
    order = np.lexsort((tiebreak, -size))
    shift = int(size.max()) if m > 1 else 0
    sigma = np.empty(m, dtype=np.int64)
    sigma[order] = np.roll(order, -shift)
    return sigma


def _repair(problem: Problem, sigma: IntArray, rng: np.random.Generator) -> IntArray:
    """Swap the giftees of bad santas with random partners until the pairs are allowed."""
    m = problem.m
    nodes = np.arange(m, dtype=np.int64)
    for round_ in range(_REPAIR_ROUNDS):
        bad = np.flatnonzero(~problem.allowed(nodes, sigma))
        if bad.size <= _SCALAR_BAD:
            break
        if round_ % 2:
            # Bad with bad: with a household of exactly half the box, the only swaps
            # that help exchange an inside santa's bad giftee with an outside one's.
            bad = bad[rng.permutation(bad.size)]
            h = bad.size // 2
            x, y = bad[:h], bad[h : 2 * h]
        else:
            partners = rng.integers(0, m, bad.size).astype(np.int64)
            counts = np.bincount(np.concatenate([bad, partners]), minlength=m)
            keep = (counts[bad] == 1) & (counts[partners] == 1)
            x, y = bad[keep], partners[keep]
        sx, sy = sigma[x], sigma[y]
        ok = problem.allowed(x, sy) & problem.allowed(y, sx)
        sigma[x[ok]] = sy[ok]
        sigma[y[ok]] = sx[ok]
    bad = np.flatnonzero(~problem.allowed(nodes, sigma))
    if not bad.size or bad.size > _SCALAR_BAD:
        return sigma
    ok1 = problem.allowed1
    for u in bad.tolist():
        if ok1(u, sigma.item(u)):
            continue
        for v in rng.integers(0, m, _PARTNER_TRIES).tolist():
            su, sv = sigma.item(u), sigma.item(v)
            if ok1(u, sv) and ok1(v, su):
                sigma[u], sigma[v] = sv, su
                break
    return sigma


def complete(problem: Problem, out: list[list[int]], rng: np.random.Generator) -> Witness | None:
    """Fill every santa up to ``cap_out`` by augmenting paths; ``out`` is updated in place.

    ``out[x]`` lists the giftees of node ``x`` (pairs already in it must be allowed).
    Returns a Hall violator when some santa cannot be filled.
    """
    m = problem.m
    cap_out = problem.cap_out.tolist()
    cap_in = problem.cap_in.tolist()
    inn: list[list[int]] = [[] for _ in range(m)]
    for x, ys in enumerate(out):
        for y in ys:
            inn[y].append(x)
    free = {y for y in range(m) if len(inn[y]) < cap_in[y]}
    deficits = [x for x in range(m) for _ in range(cap_out[x] - len(out[x]))]
    order = rng.permutation(len(deficits)).tolist() if deficits else []
    search = _Search(problem, out, inn, free, cap_in)
    for i in order:
        witness = search.augment(deficits[i])
        if witness is not None:
            return witness
    return None


class _Search:
    def __init__(
        self,
        problem: Problem,
        out: list[list[int]],
        inn: list[list[int]],
        free: set[int],
        cap_in: list[int],
    ) -> None:
        self.p = problem
        self.out = out
        self.inn = inn
        self.free = free
        self.cap_in = cap_in
        self.gs = problem.gs.tolist()
        self.gg = problem.gg.tolist()
        # Free giftees by group label, so a santa skips its own group's in one step.
        self.free_by_label: dict[int, set[int]] = {}
        for y in free:
            self.free_by_label.setdefault(self.gg[y], set()).add(y)

    def _take(self, x: int, y: int) -> None:
        self.out[x].append(y)
        self.inn[y].append(x)
        if len(self.inn[y]) >= self.cap_in[y]:
            self.free.discard(y)
            bucket = self.free_by_label.get(self.gg[y])
            if bucket is not None:
                bucket.discard(y)
                if not bucket:
                    del self.free_by_label[self.gg[y]]

    def _direct(self, x: int) -> int | None:
        own = self.gs[x]
        forbidden = self.p.forbid.row(x)
        mine = self.out[x]
        for label, bucket in self.free_by_label.items():
            if label == own:
                continue
            for y in bucket:
                if y not in mine and y not in forbidden:
                    return y
        return None

    def augment(self, u: int) -> Witness | None:
        y = self._direct(u)
        if y is not None:
            self._take(u, y)
            return None
        buckets: dict[int, set[int]] = {}
        for g, label in enumerate(self.gg):
            buckets.setdefault(label, set()).add(g)
        labels = set(buckets)
        via: dict[int, int] = {}  # santa -> giftee it currently gives and will hand over
        reached_from: dict[int, int] = {}  # giftee -> santa that will take it
        seen = {u}
        queue = deque([u])
        while queue:
            x = queue.popleft()
            forbidden = self.p.forbid.row(x)
            mine = self.out[x]
            own = self.gs[x]
            for label in list(labels):
                if label == own:
                    continue
                bucket = buckets[label]
                for y in list(bucket):
                    if y in forbidden or y in mine:
                        continue
                    bucket.discard(y)
                    reached_from[y] = x
                    if y in self.free:
                        self._flip(x, y, via, reached_from)
                        return None
                    for w in self.inn[y]:
                        if w in seen:
                            continue
                        seen.add(w)
                        via[w] = y
                        z = self._direct(w)
                        if z is not None:
                            reached_from[z] = w
                            self._flip(w, z, via, reached_from)
                            return None
                        queue.append(w)
                if not bucket:
                    labels.discard(label)
        santas = tuple(sorted(seen))
        giftees = tuple(sorted(reached_from))
        return Witness(santas, giftees)

    def _flip(self, x: int, y: int, via: dict[int, int], reached_from: dict[int, int]) -> None:
        """Apply the augmenting path that ends with ``x`` taking the free giftee ``y``."""
        while True:
            self._take(x, y)
            if x not in via:
                return
            y = via[x]
            self.out[x].remove(y)
            self.inn[y].remove(x)
            x = reached_from[y]
