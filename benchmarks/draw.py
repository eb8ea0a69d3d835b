"""Draw engine figures: ``uv run python benchmarks/draw.py [--quick]``.

Prints, with pass/fail against the targets of the draw issue:

1. 1,000,000 participants in households of 1-4 plus one year of history: engine
   median (target <= 1 s), and its ratio to ``numpy.random.permutation`` of the
   same n in the same run.
2. 10,000 participants: engine median (target <= 30 ms).
3. ``santa draw solve`` on 100,000 participants end to end, as a subprocess
   (target <= 3 s).

"Engine" is :func:`solve` on the integer form (:class:`IndexedInput`): string ids
cost more than the draw at a million (building the index alone is ~0.3 s here),
so the string-id path is printed too, for the record. Uniformity is checked in
``tests/core/draw/test_draw_uniformity.py`` (chi-square, fixed seeds).

The subprocess runs once to warm the disk and bytecode caches, then is timed.
This sandbox sets PYTHONDONTWRITEBYTECODE=1, which makes every start recompile
numpy and friends from source; an installed package has bytecode, so the timed
runs drop that variable (the cold figure is printed as well).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

from santa_core.draw.engine import Draw, IndexedInput, parse_input, solve


def median_time(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    times, last = [], None
    for _ in range(runs):
        start = time.perf_counter()
        last = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), last


def households(n: int, rng: np.random.Generator) -> np.ndarray:
    sizes = rng.integers(1, 5, size=n)
    return np.repeat(np.arange(n), sizes)[:n].astype(np.int64)


def last_year(group: np.ndarray) -> np.ndarray:
    """A valid draw for last year (a different seed), used as this year's history."""
    result = solve(IndexedInput(n=group.size, group=group), seed="last-year", secrecy=False)
    assert isinstance(result, Draw)
    return result.giftees


def string_box(n: int, rng: np.random.Generator) -> dict[str, object]:
    ids = [f"p{i:07d}" for i in range(n)]
    group = households(n, rng)
    members: dict[int, list[str]] = {}
    for i, g in enumerate(group.tolist()):
        members.setdefault(g, []).append(ids[i])
    history = last_year(group)
    return {
        "participants": ids,
        "groups": [m for m in members.values() if len(m) > 1],
        "history": [dict(zip(ids, (ids[g] for g in history.tolist()), strict=True))],
    }


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def engine_figures(n: int, runs: int, target: float, rng: np.random.Generator) -> bool:
    group = households(n, rng)
    data = IndexedInput(n=n, group=group, history=(last_year(group),))
    seeds = iter(range(10**6))
    engine, result = median_time(lambda: solve(data, seed=str(next(seeds))), runs)
    perm, _ = median_time(lambda: np.random.permutation(n), runs)
    assert isinstance(result, Draw)
    ok = engine <= target
    print(
        f"{n:>9,} people, households 1-4 + 1 year history: engine median {engine * 1000:8.1f} ms"
        f" over {runs} runs (method {result.method}, {dict(result.details)});"
        f" numpy.random.permutation {perm * 1000:.1f} ms; ratio {engine / perm:.1f}x"
        f"  [target <= {target * 1000:.0f} ms: {verdict(ok)}]"
    )
    return ok


def string_figures(n: int, runs: int, rng: np.random.Generator) -> None:
    box = string_box(n, rng)
    seeds = iter(range(10**6))

    def run() -> object:
        return solve(parse_input(box), seed=str(next(seeds)), secrecy=False)

    t, result = median_time(run, runs)
    method = result.method if isinstance(result, Draw) else "infeasible"
    print(
        f"{n:>9,} people with string ids (validate + canonicalize + draw): "
        f"median {t * 1000:8.1f} ms over {runs} runs (method {method})"
    )


def santa_command() -> list[str]:
    script = Path(sys.executable).with_name("santa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "santa_cli.main"]


def end_to_end(n: int, runs: int, target: float, rng: np.random.Generator) -> bool:
    box = string_box(n, rng)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "box.json"
        path.write_text(json.dumps(box))
        cmd = [*santa_command(), "draw", "solve", str(path), "--json"]
        cold_env = dict(os.environ)
        warm_env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

        def once(env: dict[str, str], seed: int) -> float:
            start = time.perf_counter()
            proc = subprocess.run(
                [*cmd, "--seed", str(seed)], env=env, capture_output=True, check=False
            )
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                raise SystemExit(f"santa draw solve failed: {proc.stderr.decode()[:500]}")
            return elapsed

        once(warm_env, 0)  # warm-up: disk cache and bytecode
        warm = statistics.median(once(warm_env, i) for i in range(1, runs + 1))
        cold = once(cold_env, 99) if "PYTHONDONTWRITEBYTECODE" in os.environ else warm
        startup_cmd = [sys.executable, "-c", "import santa_cli.main"]
        start = time.perf_counter()
        subprocess.run(startup_cmd, env=warm_env, check=True)
        startup = time.perf_counter() - start
    ok = warm <= target
    print(
        f"{n:>9,} people, `santa draw solve FILE --json` end to end: median {warm:.2f} s over"
        f" {runs} runs  [target <= {target:.0f} s: {verdict(ok)}]"
    )
    print(
        f"          of which starting the `santa` CLI (import santa_cli.main): {startup:.2f} s;"
        f" without a bytecode cache (this sandbox's default): {cold:.2f} s"
    )
    return ok


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer runs")
    args = parser.parse_args()
    runs_big, runs_small, runs_cli = (3, 11, 2) if args.quick else (7, 31, 5)
    rng = np.random.default_rng(2024)
    print(f"draw engine benchmark (numpy {np.__version__}, {os.cpu_count()} CPUs)")
    results = [
        engine_figures(1_000_000, runs_big, 1.0, rng),
        engine_figures(10_000, runs_small, 0.030, rng),
    ]
    string_figures(10_000, runs_small, rng)
    string_figures(100_000, 3, rng)
    results.append(end_to_end(100_000, runs_cli, 3.0, rng))
    print("all targets met" if all(results) else "SOME TARGETS MISSED")


if __name__ == "__main__":
    main()
