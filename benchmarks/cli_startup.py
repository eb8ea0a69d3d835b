"""Start-up cost of the ``santa`` command: ``uv run python benchmarks/cli_startup.py [--runs N]``.

Measures the CPU time (user + system) of ``santa --help`` and
``santa box list --help`` (the installed ``santa`` script, as users run it)
against ``python -c pass`` in the same run, and prints the delta (target:
<= 100 ms over ``python -c pass``) and the ratio. For reference it also prints
the same help rendered by Typer at run time (``python -m santa_cli.main``, the
path every other command takes; not held to the target).

With ``hyperfine`` on the PATH (``apt-get install -y hyperfine``) its report is
printed too (wall clock); the figures compared with the target are CPU times
from ``resource.getrusage(RUSAGE_CHILDREN)`` over a loop of subprocess runs, as
wall clock on a shared machine says more about the neighbours than about us.
The sandbox sets PYTHONDONTWRITEBYTECODE=1, which would make every run
recompile: it is removed for the timed runs (an installed package has bytecode).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

TARGET_DELTA_MS = 100.0
SANTA = str(Path(sys.executable).with_name("santa"))
COMMANDS = {
    "python -c pass": [sys.executable, "-c", "pass"],
    "santa --help": [SANTA, "--help"],
    "santa box list --help": [SANTA, "box", "list", "--help"],
}
#: Printed for reference, not held to the target.
REFERENCE = {
    "  (Typer) --help": [sys.executable, "-m", "santa_cli.main", "--help"],
    "  (Typer) box list --help": [sys.executable, "-m", "santa_cli.main", "box", "list", "--help"],
}


def cpu_ms(argv: list[str], env: dict[str, str]) -> float:
    """CPU time of one run of ``argv``, in milliseconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return ((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["COLUMNS"] = "100"  # as on a terminal (the timed runs write to /dev/null)
    timed = {**COMMANDS, **REFERENCE}
    for argv in timed.values():  # warm the disk and bytecode caches
        subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, check=True)
    if shutil.which("hyperfine"):
        subprocess.run(
            ["hyperfine", "--warmup", "3", "-N", "--runs", str(args.runs)]
            + [" ".join(argv) for argv in COMMANDS.values()],
            env=env,
            check=False,
        )
    samples: dict[str, list[float]] = {name: [] for name in timed}
    for _ in range(args.runs):  # interleaved: a busy spell hits every command alike
        for name, argv in timed.items():
            samples[name].append(cpu_ms(argv, env))
    base = statistics.median(samples["python -c pass"])
    print(f"CPU time (user+sys), median of {args.runs} runs:")
    print(f"  {'python -c pass':24} {base:7.1f} ms")
    ok = True
    for name in list(COMMANDS)[1:]:
        value = statistics.median(samples[name])
        delta = value - base
        passed = delta <= TARGET_DELTA_MS
        ok = ok and passed
        print(
            f"  {name:24} {value:7.1f} ms  delta {delta:6.1f} ms  ratio {value / base:5.1f}x"
            f"  [{'ok' if passed else 'OVER'} target delta <= {TARGET_DELTA_MS:.0f} ms]"
        )
    for name in REFERENCE:
        value = statistics.median(samples[name])
        delta = value - base
        print(f"  {name:24} {value:7.1f} ms  delta {delta:6.1f} ms  ratio {value / base:5.1f}x")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
