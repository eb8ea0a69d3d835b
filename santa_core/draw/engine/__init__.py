"""The draw engine: who gives to whom, found completely, uniformly and verifiably.

Pure library: plain data in, a draw or an explanation out. No database, no
settings, no web or CLI code (import-linter keeps it so).

Entry points::

    solve(DrawInput | IndexedInput, *, seed=None, method=None) -> Draw | Infeasible
    solve_many(data, *, seed, samples) -> Iterator[Draw | Infeasible]
    analyse_secrecy(DrawInput) -> Secrecy          # before drawing: can people deduce pairs?
    commit(DrawInput, seed) -> str                 # publish before drawing
    verify(DrawInput, *, seed, commitment, assignments | digest) -> Verification
    repair(DrawInput, current, *, opened, seed) -> Repair | Infeasible
    parse_input(json_object) -> DrawInput          # the CLI/API JSON format

Errors::

    ValueError
    └── DrawInputError       malformed input (one-line message)

Infeasibility is a result (:class:`Infeasible`), not an exception.

How the draw works (details in each module): forced pairs are contracted
(``_problem``); feasibility is a matching/flow with a Hall witness when there is
none (``_flow``); the draw is sampled exactly uniformly by rejection or subset
dynamic programming, or approximately uniformly by a swap Markov chain on large
boxes (``_sample``, ``_exact``, ``_chain``, ``_multi``), the cycle options fall
back to an exhaustive search with a node budget (``_search``).
"""

from __future__ import annotations

from santa_core.draw.engine._commit import commit, input_digest, seed_digest
from santa_core.draw.engine._errors import DrawInputError
from santa_core.draw.engine._explain import offline_rule as explain_offline_rule
from santa_core.draw.engine._explain import relax_forced, relax_offline_rule
from santa_core.draw.engine._model import DrawInput, DrawOptions, parse_input
from santa_core.draw.engine._problem import IndexedInput, compile_input
from santa_core.draw.engine._repair import Repair, repair
from santa_core.draw.engine._result import (
    Draw,
    Infeasible,
    Notice,
    Relaxation,
    Secrecy,
    Text,
    assignments_digest,
)
from santa_core.draw.engine._rng import ENGINE_VERSION, new_seed
from santa_core.draw.engine._solve import METHODS, solve, solve_many
from santa_core.draw.engine._verify import Verification, verify


def analyse_secrecy(data: DrawInput) -> Secrecy:
    """Before drawing: could participants deduce others' pairs? (See ``_secrecy``.)"""
    from santa_core.draw.engine import _flow, _secrecy
    from santa_core.draw.engine._rng import generator

    problem = compile_input(data)
    if problem.conflicts or problem.k != 1:
        return _secrecy.analyse(problem)
    sigma = None
    if problem.m:
        sigma, _, _ = _flow.find_permutation(problem, generator("santa-secrecy"))
        if sigma is None:
            return Secrecy(count=0)
    return _secrecy.analyse(problem, sigma)


__all__ = [
    "ENGINE_VERSION",
    "METHODS",
    "Draw",
    "DrawInput",
    "DrawInputError",
    "DrawOptions",
    "IndexedInput",
    "Infeasible",
    "Notice",
    "Relaxation",
    "Repair",
    "Secrecy",
    "Text",
    "Verification",
    "analyse_secrecy",
    "assignments_digest",
    "commit",
    "explain_offline_rule",
    "input_digest",
    "new_seed",
    "parse_input",
    "relax_forced",
    "relax_offline_rule",
    "repair",
    "seed_digest",
    "solve",
    "solve_many",
    "verify",
]
