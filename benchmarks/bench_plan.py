"""Benchmark the planner: whole-process time and plan quality (makespan against lower bound).

    .venv/bin/python benchmarks/bench_plan.py                  # shipped catalog/ and the national one
    .venv/bin/python benchmarks/bench_plan.py --sweep          # also generated catalogues, tight capacity
    .venv/bin/python benchmarks/bench_plan.py --stress         # also the national one with less capacity
    .venv/bin/python benchmarks/bench_plan.py --national /tmp/national --repeat 3 --strict

For each catalogue: the wall-clock time of a whole `python -m planner plan --format json`
process (best and median of --repeat runs, plus its CPU time), then, in this process, where
the time goes (load, build the problem, solve, explain, serialise), which rankings the
solver tried, and the makespan against the lower bound, both counted in weeks from the
plan's first week. The national catalogue (1,200 units × 150 services) is generated with
benchmarks/generate.py when the folder does not exist.

Targets (issue 4): national ≤ 15 s, shipped < 1 s, makespan within 5 % of the lower bound.
With --strict the exit code is 1 when one is missed.
"""

from __future__ import annotations

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

NATIONAL = (1200, 150, 1)  # units, services, seed
TARGET_SECONDS = {"shipped": 1.0, "national": 15.0}
TARGET_GAP = 0.05


def ensure_catalogue(path: Path, units: int, services: int, seed: int) -> None:
    if (path / "region.yaml").is_file():
        return
    print(f"generating {units} units × {services} services (seed {seed}) into {path} …", file=sys.stderr)
    import generate as gen  # beside this script, so on sys.path

    gen.write(gen.generate(units, services, seed), path)


@dataclass
class ProcessTiming:
    best: float
    median: float
    cpu: float
    document: dict[str, object]


def time_process(catalog: Path, repeat: int, extra: Sequence[str] = ()) -> ProcessTiming:
    """Wall time of whole `python -m planner plan --format json` runs, and the last one's JSON."""
    command = [sys.executable, "-m", "planner", "plan", "--catalog", str(catalog), "--format", "json", *extra]
    walls: list[float] = []
    cpus: list[float] = []
    out = b""
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True, cwd=REPO, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr.decode()}")
        out = done.stdout
    return ProcessTiming(min(walls), statistics.median(walls), min(cpus), json.loads(out))


def _weeks(first: date, last: date) -> int:
    return (last - first).days // 7 + 1


def in_process(catalog_path: Path, enables_per_week: int | None = None) -> dict[str, object]:
    """Phase times and plan quality, measured inside this process."""
    from planner.catalog.loader import load_catalog
    from planner.plan.model import PlanOptions
    from planner.plan.scheduler import plan_from_solved, solve
    from planner.plan.serialize import plan_to_dict
    from planner.plan.tasks import build_problem
    from planner.speed import bulk_work

    phases: dict[str, float] = {}
    with bulk_work():  # as `mvgplan plan` runs it
        started = time.perf_counter()
        catalog = load_catalog(catalog_path).catalog
        if catalog is None:
            raise SystemExit(f"{catalog_path} is not a valid catalogue")
        phases["load"] = time.perf_counter() - started
        as_of = catalog.as_of or date.today()
        t = time.perf_counter()
        problem = build_problem(catalog, PlanOptions(as_of=as_of, enables_per_week=enables_per_week))
        phases["build"] = time.perf_counter() - t
        t = time.perf_counter()
        solved = solve(problem)
        phases["solve"] = time.perf_counter() - t
        t = time.perf_counter()
        plan = plan_from_solved(catalog, solved)
        phases["explain"] = time.perf_counter() - t
        t = time.perf_counter()
        json.dumps(plan_to_dict(plan), ensure_ascii=False, indent=2)
        phases["json"] = time.perf_counter() - t
    kinds: dict[str, int] = {}
    for task in problem.tasks:
        kinds[task.kind] = kinds.get(task.kind, 0) + 1
    result: dict[str, object] = {
        "phases": phases,
        "tasks": kinds,
        "steps": len(plan.steps),
        "tried": solved.tried,
        "bound_parts": {
            "chain": solved.bound.chain,
            "capacity": solved.bound.capacity,
            "unit": solved.bound.unit,
        },
        "capacity": problem.capacity,
    }
    if plan.end_week is not None and plan.lower_bound_week is not None:
        result["makespan"] = _weeks(plan.start_week, plan.end_week)
        result["bound"] = _weeks(plan.start_week, plan.lower_bound_week)
    return result


def _gap(makespan: int, bound: int) -> float:
    return (makespan - bound) / bound if bound else 0.0


def report(name: str, path: Path, repeat: int) -> list[str]:
    missed: list[str] = []
    timing = time_process(path, repeat)
    summary = timing.document["summary"]
    assert isinstance(summary, dict)
    inside = in_process(path)
    phases = inside["phases"]
    assert isinstance(phases, dict)
    print(f"\n== {name}: {path}")
    print(f"whole process: best {timing.best:.2f} s, median {timing.median:.2f} s wall; {timing.cpu:.2f} s CPU")
    print("in process:    " + ", ".join(f"{k} {v:.2f} s" for k, v in phases.items()))
    print(f"tasks:         {inside['tasks']}, {inside['steps']} steps, capacity {inside['capacity']}/week")
    print(f"rankings:      {inside['tried']} (name, end week index, stretched parallel periods)")
    print(f"end week:      {summary['end_week']}, lower bound {summary['lower_bound_week']} {inside['bound_parts']}")
    if "makespan" in inside:
        makespan, bound = inside["makespan"], inside["bound"]
        assert isinstance(makespan, int) and isinstance(bound, int)
        gap = _gap(makespan, bound)
        print(f"makespan:      {makespan} weeks, bound {bound} weeks, gap {makespan - bound} weeks ({gap:.1%})")
        if gap > TARGET_GAP:
            missed.append(f"{name}: makespan {gap:.1%} over the bound")
    target = TARGET_SECONDS.get(name)
    if target is not None and timing.best > target:
        missed.append(f"{name}: {timing.best:.2f} s, target {target:.0f} s")
    return missed


def sweep(root: Path) -> list[str]:
    """Plan quality on generated catalogues, with the capacity as generated, halved and quartered."""
    missed: list[str] = []
    print("\n== sweep: makespan / lower bound in weeks (capacity as generated, ½, ¼)")
    for units, services, seed in [(40, 30, s) for s in range(1, 6)] + [(200, 60, 1), (200, 60, 2), (400, 100, 1)]:
        path = root / f"sweep-{units}x{services}-s{seed}"
        ensure_catalogue(path, units, services, seed)
        cells: list[str] = []
        base: int | None = None
        for divisor in (1, 2, 4):
            capacity = None if divisor == 1 or base is None else max(1, base // divisor)
            inside = in_process(path, capacity)
            base = base or int(inside["capacity"])  # type: ignore[call-overload]
            if "makespan" not in inside:
                cells.append("empty")
                continue
            makespan, bound = int(inside["makespan"]), int(inside["bound"])  # type: ignore[call-overload]
            gap = _gap(makespan, bound)
            cells.append(f"{makespan}/{bound} ({gap:.1%})")
            if gap > TARGET_GAP:
                missed.append(f"sweep {units}x{services} s{seed} capacity {inside['capacity']}: {gap:.1%}")
        print(f"{units:4d} × {services:3d} seed {seed}:  " + "   ".join(cells))
    return missed


def stress(path: Path) -> list[str]:
    """The national catalogue with its capacity cut to ½, ¼ and ⅛: time and plan quality."""
    missed: list[str] = []
    print(f"\n== stress: {path} with less capacity (in process)")
    base = int(in_process(path)["capacity"])  # type: ignore[call-overload]
    for divisor in (2, 4, 8):
        inside = in_process(path, max(1, base // divisor))
        phases = inside["phases"]
        assert isinstance(phases, dict)
        makespan, bound = int(inside["makespan"]), int(inside["bound"])  # type: ignore[call-overload]
        gap = _gap(makespan, bound)
        solve = phases["build"] + phases["solve"] + phases["explain"]
        print(
            f"capacity {inside['capacity']:5d}: {makespan}/{bound} weeks ({gap:.1%}), "
            f"build+solve+explain {solve:.2f} s, rankings {inside['tried']}"
        )
        if gap > TARGET_GAP:
            missed.append(f"stress capacity {inside['capacity']}: {gap:.1%}")
    return missed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--shipped", type=Path, default=REPO / "catalog", help="the shipped catalogue")
    parser.add_argument("--national", type=Path, default=Path("/tmp/national"), help="national-scale catalogue")
    parser.add_argument("--repeat", type=int, default=3, help="whole-process runs per catalogue (default 3)")
    parser.add_argument("--sweep", action="store_true", help="also report plan quality on generated catalogues")
    parser.add_argument("--sweep-dir", type=Path, default=Path("/tmp/mvgplan-bench"), help="where to put them")
    parser.add_argument("--stress", action="store_true", help="also plan the national catalogue with less capacity")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    args = parser.parse_args(argv)
    ensure_catalogue(args.national, *NATIONAL)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    missed = report("shipped", args.shipped, args.repeat)
    missed += report("national", args.national, args.repeat)
    if args.sweep:
        missed += sweep(args.sweep_dir)
    if args.stress:
        missed += stress(args.national)
    print("\n" + ("targets missed:\n  " + "\n  ".join(missed) if missed else "all targets met"))
    return 1 if missed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
