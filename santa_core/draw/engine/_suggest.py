"""The smallest relaxation: one rule whose removal makes a draw possible.

Candidates are single rules that touch the explanation's people, tried in order
of how little they give up: a past year's pair (oldest first), an exclusion,
remembering fewer years of history (when no single pair is enough), a forced
pair, a group (smallest first), and last the cycle options. Within a kind they
are tried in sorted order, so a box gets the same suggestion however its rules
are listed. Each is checked with the complete feasibility test, within
``MAX_CHECKS`` checks and ``MAX_WORK`` participant-checks (so a huge box gets
fewer tries).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace

from santa_core.draw.engine import _exact, _explain, _flow, _multi, _sample
from santa_core.draw.engine._model import DrawInput, DrawOptions
from santa_core.draw.engine._problem import compile_input
from santa_core.draw.engine._result import Relaxation
from santa_core.draw.engine._rng import generator

MAX_CHECKS = 40
MAX_WORK = 2_000_000

Candidate = tuple[Relaxation, Callable[[DrawInput], DrawInput]]


def feasible(data: DrawInput) -> bool | None:
    """Whether a draw exists (None: unknown, the cycle options on a large box)."""
    problem = compile_input(data)
    if problem.conflicts:
        return False
    rng = generator("santa-suggest")
    if problem.k > 1:
        out, _ = _multi.find(problem, rng)
        if out is None:
            return False
        if not problem.options.avoid_two_cycles:
            return True
        if problem.m <= _multi.SEARCH_LIMIT:
            found, complete, _ = _multi.search_draw(problem, rng)
            return True if found is not None else (False if complete else None)
        return None
    if problem.cycles and problem.options.single_cycle and (problem.m or len(problem.cycles) > 1):
        return False
    if problem.m == 0:
        return True
    sigma, _, _ = _flow.find_permutation(problem, rng)
    if sigma is None:
        return False
    mode = _sample.mode_of(problem)
    if mode == "plain":
        return True
    if problem.m <= (_exact.CYCLE_LIMIT if mode == "cycle" else 12):
        return _sample.exact(problem, rng, mode).sigma is not None
    return None


def suggest(
    data: DrawInput,
    santas: tuple[str, ...],
    giftees: tuple[str, ...],
    *,
    reason: str,
    slack: int = 1,
) -> Relaxation | None:
    """``slack``: how many more giftee slots the witness needs (pairs add one each)."""
    checks = min(MAX_CHECKS, max(2, MAX_WORK // len(data.participants)))
    for relaxation, apply in _candidates(data, santas, giftees, reason=reason, slack=slack):
        if checks <= 0:
            return None
        checks -= 1
        if feasible(apply(data)):
            return relaxation
    return None


def _candidates(
    data: DrawInput,
    santas: tuple[str, ...],
    giftees: tuple[str, ...],
    *,
    reason: str,
    slack: int,
) -> Iterator[Candidate]:
    who = set(santas)
    outside = set(giftees)
    cycle_reason = reason in ("two_cycles", "single_cycle", "forced_loop")
    pairs_ok = slack <= 1 and (not cycle_reason or len(data.participants) <= 12)

    def relevant(s: str, g: str) -> bool:
        return cycle_reason or (s in who and g not in outside)

    if pairs_ok:
        seen: set[tuple[str, str]] = set()
        for year in data.history_in_force():
            for s, g in sorted(year):
                if (s, g) not in seen and relevant(s, g):
                    seen.add((s, g))
                    yield (
                        Relaxation("history", _explain.relax_history(s, g), santa=s, giftee=g),
                        _drop_history(s, g),
                    )
        for s, g in sorted(set(data.exclusions)):
            if relevant(s, g):
                yield (
                    Relaxation("exclusion", _explain.relax_exclusion(s, g), santa=s, giftee=g),
                    _drop_exclusion(s, g),
                )
    in_force = len(data.history_in_force())
    if reason != "forced_conflict":
        # No single past pair is enough: remember fewer years, most recent kept.
        for years in range(in_force - 1, -1, -1):
            yield (
                Relaxation("history_years", _explain.relax_history_years(years), years=years),
                _keep_years(years),
            )
    for s, g in sorted(data.forced):
        if cycle_reason or reason == "forced_conflict" or s in who or g in who or g in outside:
            yield (
                Relaxation("forced", _explain.relax_forced(s, g), santa=s, giftee=g),
                _drop_forced(s, g),
            )
    for i in sorted(
        range(len(data.groups)), key=lambda i: (len(data.groups[i]), sorted(data.groups[i]))
    ):
        members = data.groups[i]
        if cycle_reason or who.intersection(members):
            yield (
                Relaxation("group", _explain.relax_group(members), members=members),
                _drop_group(i),
            )
    for option in ("avoid_two_cycles", "single_cycle"):
        if cycle_reason and getattr(data.options, option):
            yield (
                Relaxation("option", _explain.relax_option(option), option=option),
                _drop_option(option),
            )


def _drop_history(s: str, g: str) -> Callable[[DrawInput], DrawInput]:
    return lambda d: replace(
        d, history=tuple(tuple(p for p in y if p != (s, g)) for y in d.history)
    )


def _keep_years(years: int) -> Callable[[DrawInput], DrawInput]:
    def apply(d: DrawInput) -> DrawInput:
        options: DrawOptions = replace(d.options, history_years=years)
        return replace(d, options=options)

    return apply


def _drop_exclusion(s: str, g: str) -> Callable[[DrawInput], DrawInput]:
    return lambda d: replace(d, exclusions=tuple(p for p in d.exclusions if p != (s, g)))


def _drop_forced(s: str, g: str) -> Callable[[DrawInput], DrawInput]:
    return lambda d: replace(d, forced=tuple(p for p in d.forced if p != (s, g)))


def _drop_group(i: int) -> Callable[[DrawInput], DrawInput]:
    return lambda d: replace(d, groups=d.groups[:i] + d.groups[i + 1 :])


def _drop_option(option: str) -> Callable[[DrawInput], DrawInput]:
    def apply(d: DrawInput) -> DrawInput:
        options: DrawOptions = replace(d.options, **{option: False})
        return replace(d, options=options)

    return apply
