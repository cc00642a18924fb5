"""Benchmark the planner with its week settings at the documented maximum (issue 15).

    .venv/bin/python benchmarks/bench_limits.py
    .venv/bin/python benchmarks/bench_limits.py --python /work/wt/base/.venv/bin/python --timeout 120

For the shipped catalogue and a generated 400-unit one (benchmarks/generate.py, 400 units ×
60 services, seed 1), each as it is and at the validation caps: `parallel_weeks` min 104,
max 5200 and `horizon_weeks` 5200 (with --past-the-caps also min 2600, which the caps
refuse): the wall-clock and CPU time of a whole `python -m planner plan --format json`
process and its peak memory. `--python` runs another checkout's interpreter (its own
`planner` package) on the same catalogues, for before/after; a run past `--timeout`
seconds is reported as such.
"""

from __future__ import annotations

import argparse
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

MAX_WEEKS = 5200
MAX_PARALLEL_MIN = 104  # planner/limits.py: past this the cost grew to minutes


def at_the_limits(source: Path, target: Path, minimum: int = MAX_PARALLEL_MIN) -> Path:
    """A copy of `source` with parallel_weeks (max, and min = `minimum`) and horizon_weeks at
    the maximum. A minimum of half the horizon costs the most before issue 15's fix."""
    shutil.copytree(source, target)
    region = target / "region.yaml"
    text = region.read_text(encoding="utf-8")
    limits = f"parallel_weeks: {{min: {minimum}, max: {MAX_WEEKS}}}"
    text = re.sub(r"parallel_weeks: \{min: \d+, max: \d+\}", limits, text)
    text, count = re.subn(r"horizon_weeks: \d+", f"horizon_weeks: {MAX_WEEKS}", text)
    if not count:
        text = text.rstrip("\n") + f"\nplan:\n  horizon_weeks: {MAX_WEEKS}\n"
    region.write_text(text, encoding="utf-8")
    return target


def run(python: str, catalog: Path, timeout: float) -> str:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    try:
        done = subprocess.run(
            [python, "-m", "planner", "plan", "-c", str(catalog), "--format", "json"],
            capture_output=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"did not finish in {timeout:.0f} s"
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak = after.ru_maxrss / 1024  # KiB on Linux; the largest child so far
    return f"exit {done.returncode}, {wall:.2f} s wall, {cpu:.2f} s CPU, peak RSS so far {peak:.0f} MiB"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--python", action="append", default=[], help="another interpreter to compare (repeatable)")
    parser.add_argument("--timeout", type=float, default=300.0)
    parser.add_argument("--units", type=int, default=400)
    parser.add_argument("--past-the-caps", action="store_true", help="also min 2600 (refused by validation now)")
    args = parser.parse_args()
    import generate as gen  # beside this script

    pythons = [sys.executable, *args.python]
    with tempfile.TemporaryDirectory() as folder:
        base = Path(folder)
        generated = base / "generated"
        gen.write(gen.generate(args.units, 60, 1), generated)
        cases = {
            "shipped": REPO / "catalog",
            "shipped at the caps": at_the_limits(REPO / "catalog", base / "shipped-limits"),
            f"{args.units} units": generated,
            f"{args.units} units at the caps": at_the_limits(generated, base / "generated-limits"),
        }
        if args.past_the_caps:  # what the caps prevent; the old planner took minutes here
            half = MAX_WEEKS // 2
            cases[f"shipped, min {half}"] = at_the_limits(REPO / "catalog", base / "shipped-half", half)
            cases[f"{args.units} units, min {half}"] = at_the_limits(generated, base / "generated-half", half)
        for python in pythons:
            print(python)
            for name, catalog in cases.items():
                print(f"  {name:28} {run(python, catalog, args.timeout)}", flush=True)


if __name__ == "__main__":
    main()
