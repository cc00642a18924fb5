"""`mvgplan check` against `mvgplan validate`, as whole processes, on the shipped catalogue and
on a national-scale one.

    python benchmarks/bench_check.py                           # generates 1,200 units x 150 services
    python benchmarks/bench_check.py --national /tmp/national  # reuse a generated catalogue

`check` loads and validates the catalogue exactly as `validate` does, then applies the rules
and renders the report, so the difference between the two is what the check costs. Each
measurement is the best of --repeat runs, with check and validate runs interleaved so that a
busy moment of the machine hits both alike.

Targets: check ≤ 1.10 × validate on both catalogues; check < 0.5 s on the shipped one. The
exit code is 1 when a target is missed, so CI can run this script as a check.
"""

from __future__ import annotations

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RATIO_TARGET = 1.10
SHIPPED_TARGET_S = 0.5


def run_once(command: str, catalog: Path, fmt: str) -> float:
    argv = [sys.executable, "-m", "planner", command, "--catalog", str(catalog)]
    if command == "check":
        argv += ["--format", fmt]
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    allowed = (0, 1) if command == "check" else (0,)
    if done.returncode not in allowed:
        raise SystemExit(f"mvgplan {command} failed on {catalog} (exit {done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def measure(catalog: Path, repeat: int, fmt: str) -> tuple[float, float]:
    """Best check time and best validate time, in seconds, runs interleaved."""
    check, validate = float("inf"), float("inf")
    for _ in range(repeat):
        check = min(check, run_once("check", catalog, fmt))
        validate = min(validate, run_once("validate", catalog, fmt))
    return check, validate


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--shipped", type=Path, default=REPO / "catalog", help="the shipped catalogue (default catalog/)"
    )
    parser.add_argument("--national", type=Path, help="a generated national catalogue (default: generate one)")
    parser.add_argument("--units", type=int, default=1200, help="units to generate (default 1200)")
    parser.add_argument("--services", type=int, default=150, help="services to generate (default 150)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per measurement; the best counts (default 5)")
    parser.add_argument("--format", default="text", help="check's --format (default text)")
    args = parser.parse_args(argv)

    ok = True
    with tempfile.TemporaryDirectory(prefix="mvgplan-bench-") as tmp:
        national: Path = args.national
        if national is None:
            import generate as generator  # beside this script, so on sys.path

            national = Path(tmp) / "national"
            generator.write(generator.generate(args.units, args.services, args.seed), national)
        print(f"best of {args.repeat}, whole processes (python -m planner …), check --format {args.format}")
        print(f"{'catalogue':<28} {'check':>8} {'validate':>9} {'ratio':>7}")
        for label, catalog in (
            ("shipped " + str(args.shipped.name), args.shipped),
            ("national " + str(national), national),
        ):
            check, validate = measure(catalog, args.repeat, args.format)
            ratio = check / validate
            print(f"{label:<28} {check:7.3f}s {validate:8.3f}s {ratio:7.2f}")
            ok &= ratio <= RATIO_TARGET
            if catalog == args.shipped:
                ok &= check < SHIPPED_TARGET_S
    print(
        f"targets: check <= {RATIO_TARGET} x validate; shipped check < {SHIPPED_TARGET_S} s: "
        + ("met" if ok else "MISSED")
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
