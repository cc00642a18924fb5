"""How much the validating loader costs over a bare PyYAML load, on a national catalogue.

    python benchmarks/bench_load.py                      # generates 1,200 units x 150 services
    python benchmarks/bench_load.py --catalog /tmp/national

Times, best of --repeat runs:

* `load_catalog` (read, parse with positions, validate, cross-check every file);
* the same files read and loaded with `yaml.load(text, Loader=yaml.CSafeLoader)`, results
  kept, as a loader that checks nothing would do; also with the cyclic garbage collector
  off, since the command line runs `load_catalog` with it off (planner/speed.py);
* a whole `mvgplan validate` process on the shipped catalogue (start-up included).

Targets: load_catalog ≤ 1.5 x the bare load; `mvgplan validate` < 0.5 s. The exit code is
1 when a target is missed, so CI can run this script as a check.
"""

from __future__ import annotations

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

import argparse
import gc
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

from planner.catalog.loader import load_catalog
from planner.speed import bulk_work

REPO = Path(__file__).resolve().parents[1]
RATIO_TARGET = 1.5
VALIDATE_TARGET_S = 0.5


def best_of(repeat: int, run: Callable[[], object]) -> float:
    """The fastest of `repeat` runs, in seconds: the least disturbed by the rest of the machine."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def bare_load(files: Sequence[Path]) -> list[Any]:
    return [yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) for path in files]


def bare_load_without_gc(files: Sequence[Path]) -> list[Any]:
    gc.disable()
    try:
        return bare_load(files)
    finally:
        gc.enable()


def checked_load(catalog: Path) -> None:
    with bulk_work():  # as every command runs it
        result = load_catalog(catalog)
    if result.catalog is None:
        shown = "\n".join(p.render() for p in result.problems[:10])
        raise SystemExit(f"the benchmark catalogue is not valid:\n{shown}")


def validate_process(catalog: Path) -> None:
    command = [sys.executable, "-m", "planner", "validate", "--catalog", str(catalog)]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"mvgplan validate failed on {catalog}:\n{completed.stderr}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--catalog", type=Path, help="an existing catalogue (default: generate one)")
    parser.add_argument("--units", type=int, default=1200, help="units to generate (default 1200)")
    parser.add_argument("--services", type=int, default=150, help="services to generate (default 150)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the best counts (default 3)")
    parser.add_argument("--shipped", type=Path, default=REPO / "catalog", help="catalogue for the process timing")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="mvgplan-bench-") as tmp:
        catalog: Path = args.catalog
        if catalog is None:
            import generate as generator  # beside this script, so on sys.path

            catalog = Path(tmp) / "national"
            generator.write(generator.generate(args.units, args.services, args.seed), catalog)
        files = sorted(catalog.rglob("*.yaml"))
        size = sum(path.stat().st_size for path in files)
        print(f"catalogue: {catalog} ({len(files)} files, {size / 1_000_000:.1f} MB)")

        ours = best_of(args.repeat, lambda: checked_load(catalog))
        bare = best_of(args.repeat, lambda: bare_load(files))
        bare_no_gc = best_of(args.repeat, lambda: bare_load_without_gc(files))

    validate = best_of(max(args.repeat, 5), lambda: validate_process(args.shipped))
    ratio = ours / bare
    print(f"load_catalog                      {ours:7.3f} s")
    print(f"yaml.load(CSafeLoader)            {bare:7.3f} s")
    print(f"yaml.load(CSafeLoader), gc off    {bare_no_gc:7.3f} s")
    print(f"ratio load_catalog / yaml.load    {ratio:7.2f}   (target <= {RATIO_TARGET})")
    print(f"ratio against yaml.load, gc off   {ours / bare_no_gc:7.2f}")
    print(f"mvgplan validate {args.shipped.name:<16} {validate:7.3f} s (target < {VALIDATE_TARGET_S} s, whole process)")
    return 0 if ratio <= RATIO_TARGET and validate < VALIDATE_TARGET_S else 1


if __name__ == "__main__":
    sys.exit(main())
