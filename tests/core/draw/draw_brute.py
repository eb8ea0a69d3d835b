"""Brute force for small boxes: every valid draw, straight from the rules' definitions."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

from santa_core.draw.engine import Draw, DrawInput


def allowed_pairs(data: DrawInput) -> dict[str, set[str]]:
    """Who may give to whom: not oneself, not in a shared group, not excluded or in history.
    Forced pairs are not applied here (they are checked on whole draws)."""
    groups: dict[str, set[int]] = {}
    for i, group in enumerate(data.groups):
        for p in group:
            groups.setdefault(p, set()).add(i)
    banned = set(data.exclusions)
    for year in data.history_in_force():
        banned |= set(year)
    return {
        s: {
            g
            for g in data.participants
            if g != s and not groups.get(s, set()) & groups.get(g, set()) and (s, g) not in banned
        }
        for s in data.participants
    }


def is_valid(data: DrawInput, assignments: Mapping[str, Sequence[str]]) -> bool:
    """The definition of a valid draw, independent of the engine."""
    people = list(data.participants)
    k = data.options.gifts_per_person
    allowed = allowed_pairs(data)
    if sorted(assignments) != sorted(people):
        return False
    received = dict.fromkeys(people, 0)
    edges = set()
    for s, gs in assignments.items():
        if len(gs) != k or len(set(gs)) != k:
            return False
        for g in gs:
            if g not in allowed[s]:
                return False
            received[g] += 1
            edges.add((s, g))
    if any(r != k for r in received.values()):
        return False
    if any(pair not in edges for pair in data.forced):
        return False
    if data.options.avoid_two_cycles and any((g, s) in edges for s, g in edges):
        return False
    if data.options.single_cycle:
        nxt = {s: gs[0] for s, gs in assignments.items()}
        cur, steps = nxt[people[0]], 1
        while cur != people[0]:
            cur, steps = nxt[cur], steps + 1
        if steps != len(people):
            return False
    return True


def all_draws(data: DrawInput) -> list[dict[str, tuple[str, ...]]]:
    """Every valid draw (one gift each: permutations; k gifts: k-subsets per santa)."""
    people = list(data.participants)
    k = data.options.gifts_per_person
    out = []
    if k == 1:
        for perm in itertools.permutations(people):
            cand = {s: (g,) for s, g in zip(people, perm, strict=True)}
            if is_valid(data, cand):
                out.append(cand)
        return out
    allowed = allowed_pairs(data)
    choices = [list(itertools.combinations(sorted(allowed[s]), k)) for s in people]
    for combo in itertools.product(*choices):
        cand = dict(zip(people, combo, strict=True))
        if is_valid(data, cand):
            out.append(cand)
    return out


def draw_key(draw: Draw) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple(sorted((s, tuple(sorted(g))) for s, g in draw.assignments.items()))


def hall_holds_for(data: DrawInput, witness: Sequence[str]) -> bool:
    """Hall's condition fails for the witness: its allowed giftees are fewer than it needs."""
    allowed = allowed_pairs(data)
    k = data.options.gifts_per_person
    reach: dict[str, int] = {}
    for s in witness:
        for g in allowed[s]:
            reach[g] = reach.get(g, 0) + 1
    room = sum(min(k, c) for c in reach.values())
    return room < k * len(witness)
