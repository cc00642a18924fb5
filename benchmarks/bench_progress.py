"""`mvgplan progress` against `mvgplan plan`, and `mvgplan record`, as whole processes.

    python benchmarks/bench_progress.py                           # generates 1,200 units x 150 services
    python benchmarks/bench_progress.py --national /tmp/national  # reuse a generated catalogue

`progress` loads the catalogue and makes the current plan exactly as `plan` does, then reads
the baseline (a plan file written by `plan --format yaml|json --out`, not timed) and compares,
so the difference between the two is what reading the baseline and comparing cost. Runs are
interleaved so that a busy moment of the machine hits both alike; the best of --repeat counts.
`record` runs on a fresh copy of the shipped catalogue each time (it writes the unit file).

Targets: progress ≤ 1.3 × plan on the national catalogue; record < 0.5 s on the shipped one.
The exit code is 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RATIO_TARGET = 1.3
RECORD_TARGET_S = 0.5


def timed(argv: list[str], allowed: tuple[int, ...] = (0,)) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "planner", *argv],
        cwd=REPO,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode not in allowed:
        raise SystemExit(f"mvgplan {' '.join(argv)} failed (exit {done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--shipped", type=Path, default=REPO / "catalog", help="the shipped catalogue (default catalog/)"
    )
    parser.add_argument("--national", type=Path, help="a generated national catalogue (default: generate one)")
    parser.add_argument("--units", type=int, default=1200, help="units to generate (default 1200)")
    parser.add_argument("--services", type=int, default=150, help="services to generate (default 150)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument(
        "--baseline-format", choices=("yaml", "json"), default="yaml", help="the baseline file's format (default yaml)"
    )
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="mvgplan-bench-") as tmp:
        national: Path = args.national
        if national is None:
            import generate as generator  # beside this script, so on sys.path

            national = Path(tmp) / "national"
            generator.write(generator.generate(args.units, args.services, args.seed), national)
        baseline = Path(tmp) / f"baseline.{args.baseline_format}"
        timed(["plan", "-c", str(national), "--format", args.baseline_format, "--out", str(baseline)])
        plan = progress = float("inf")
        for _ in range(args.repeat):
            plan = min(plan, timed(["plan", "-c", str(national)]))
            progress = min(progress, timed(["progress", "-c", str(national), "--baseline", str(baseline)], (0, 1)))
        ratio = progress / plan
        size = baseline.stat().st_size / 1048576
        print(f"best of {args.repeat}, whole processes (python -m planner …), national = {national}")
        print(f"  plan (text)                      {plan:7.2f} s")
        print(f"  progress, {args.baseline_format} baseline of {size:4.0f} MiB {progress:7.2f} s")
        print(f"  progress / plan                  {ratio:7.2f}   (target ≤ {RATIO_TARGET})")

        record = float("inf")
        for n in range(max(args.repeat, 5)):
            copy = Path(tmp) / f"shipped-{n}"
            shutil.copytree(args.shipped, copy)
            record = min(
                record,
                timed(["record", "-c", str(copy), "bollnas", "skicka-meddelande", "enable", "--date", "2027-01-20"]),
            )
        print(f"  record, shipped catalogue        {record:7.2f} s   (target < {RECORD_TARGET_S} s)")
    return 0 if ratio <= RATIO_TARGET and record < RECORD_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
