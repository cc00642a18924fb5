"""Benchmark `mvgplan report` (issue 11): whole processes, CPU and wall time, side by side.

    python benchmarks/bench_report.py                               # shipped + national
    python benchmarks/bench_report.py --before /work/wt/base        # + the report of an older checkout
    python benchmarks/bench_report.py --shipped-only --repeat 9
    python benchmarks/bench_report.py --national /tmp/mid --units 150 --services 60 --seed 2

What it measures, each as a whole process (`python -m planner …`, start-up and imports
included), with the CPU time (user + system) of the child and its wall time:

- shipped: `report --out DIR` on this checkout's `catalog/`: the full set (the overview and
  every provider's page, with the shipped usage data and `plans/baseline.yaml`).
  Target: under 3 s.
- national: the catalogue of `benchmarks/generate.py --units 1200 --services 150 --seed 1`
  with a year of monthly usage exports for every offering in use (`add_usage`, about
  2 million rows in 12 files), generated into --national when that folder has none.
  `plan --format json`, `follow-up --format json` and `report --out DIR` on it, interleaved
  round by round so a busy moment of the shared machine hits each alike.
  Target: report ≤ 2 × (plan + follow-up), compared on the medians of CPU time (wall time,
  which depends on what else runs, is printed beside it).

With --before, the same report is run from an older checkout (its own `.venv`, its own code)
in each round too, for a before/after on the same catalogue in the same minutes. The load
average (1 min) is printed before and after. With --strict the exit code is 1 when a target
is missed.
"""

from __future__ import annotations

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NATIONAL = (1200, 150, 1)  # units, services, seed
SHIPPED_TARGET = 3.0
NATIONAL_FACTOR = 2.0
USAGE_MONTHS = 12


def ensure_catalogue(path: Path, units: int, services: int, seed: int) -> None:
    if (path / "region.yaml").is_file():
        return
    command = [sys.executable, str(REPO / "benchmarks" / "generate.py"), "--units", str(units)]
    command += ["--services", str(services), "--seed", str(seed), "--out", str(path)]
    print(f"generating {' '.join(command[2:])} …", file=sys.stderr)
    subprocess.run(command, check=True)
    add_usage(path, seed)


def add_usage(path: Path, seed: int) -> None:
    """A year of monthly usage exports for every offering that is or was in use: one csv per
    month, errands in the legacy channel shrinking and in the target channel growing."""
    import random

    import yaml

    rng = random.Random(seed)
    region = yaml.load((path / "region.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    channels = {c["role"]: str(c["id"]) for c in region["channels"]}
    legacy, target = channels["legacy"], channels["target"]
    as_of = str(region.get("as_of") or "2026-11-23")
    year, month = int(as_of[:4]), int(as_of[5:7])
    months = [
        f"{(year * 12 + month - 2 - k) // 12:04d}-{(year * 12 + month - 2 - k) % 12 + 1:02d}"
        for k in range(USAGE_MONTHS)
    ]
    months.reverse()
    rows: dict[str, list[str]] = {m: [] for m in months}
    for unit_file in sorted((path / "units").glob("*.yaml")):
        unit = yaml.load(unit_file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for service, offered in sorted((unit.get("offerings") or {}).items()):
            statuses = {str(k): (v if isinstance(v, str) else v.get("status")) for k, v in offered.items()}
            in_use = {c for c in (legacy, target) if statuses.get(c) in ("active", "redirect", "retired")}
            if not in_use:
                continue
            base = rng.randint(0, 400)
            for i, m in enumerate(months):
                moved = min(1.0, 0.2 + 0.06 * i + rng.random() * 0.1)
                if legacy in in_use:
                    rows[m].append(f"{m};{unit['id']};{service};{legacy};{int(base * (1 - moved))}")
                if target in in_use:
                    rows[m].append(f"{m};{unit['id']};{service};{target};{int(base * moved)}")
    (path / "usage").mkdir(exist_ok=True)
    for m, lines in rows.items():
        text = "month;unit;service;channel;count\n" + "\n".join(lines) + "\n"
        (path / "usage" / f"{m}.csv").write_text(text, encoding="utf-8")
    print(f"usage: {sum(len(v) for v in rows.values())} rows in {len(months)} files", file=sys.stderr)


def describe(path: Path) -> str:
    units = len(list((path / "units").glob("*.yaml")))
    usage = sorted((path / "usage").glob("*.csv")) if (path / "usage").is_dir() else []
    rows = sum(max(0, sum(1 for _ in p.open(encoding="utf-8-sig")) - 1) for p in usage)
    return f"{path}: {units} units, {rows:_} usage rows in {len(usage)} files".replace("_", " ")


@dataclass
class Runs:
    cpu: list[float] = field(default_factory=list)
    wall: list[float] = field(default_factory=list)

    def line(self, name: str) -> str:
        return (
            f"{name:<22} CPU median {statistics.median(self.cpu):7.2f} s (best {min(self.cpu):.2f}), "
            f"wall median {statistics.median(self.wall):7.2f} s (best {min(self.wall):.2f})"
        )


def run(python: Path | str, words: Sequence[str], runs: Runs, cwd: Path, pythonpath: Path | None = None) -> None:
    """One whole process `python -m planner WORDS`; its CPU and wall time go to `runs`."""
    env = {k: v for k, v in os.environ.items() if k != "MVGPLAN_CATALOG"}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    with tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        argv = [str(python), "-m", "planner", *words]
        child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err)
        _pid, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            err.seek(0)
            raise SystemExit(f"mvgplan {' '.join(words)} exited {code}:\n{err.read().decode()[-2000:]}")
    runs.wall.append(wall)
    runs.cpu.append(usage.ru_utime + usage.ru_stime)


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--national", type=Path, default=Path(tempfile.gettempdir()) / "mvgplan-national-usage")
    parser.add_argument("--units", type=int, default=NATIONAL[0], help="when generating --national")
    parser.add_argument("--services", type=int, default=NATIONAL[1], help="when generating --national")
    parser.add_argument("--seed", type=int, default=NATIONAL[2], help="when generating --national")
    parser.add_argument("--before", type=Path, help="an older checkout to run the same report from, side by side")
    parser.add_argument("--repeat", type=int, default=5, help="runs of the shipped report (default 5)")
    parser.add_argument("--national-repeat", type=int, default=3, help="rounds on the national catalogue (default 3)")
    parser.add_argument("--shipped-only", action="store_true")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    before_python: Path | str | None = None
    before_path = None
    if args.before is not None:
        own = args.before / ".venv" / "bin" / "python"
        before_python, before_path = (own, None) if own.exists() else (sys.executable, args.before)
    missed = False
    out = Path(tempfile.mkdtemp(prefix="mvgplan-report-"))
    print(f"load average before: {load_average()} (1, 5, 15 min; the machine has {os.cpu_count()} CPUs)")
    try:
        shipped, shipped_before = Runs(), Runs()
        for _ in range(args.repeat):
            run(sys.executable, ["report", "-c", "catalog", "--out", str(out / "s")], shipped, REPO)
            if before_python is not None:
                words = ["report", "-c", "catalog", "--out", str(out / "sb")]
                run(before_python, words, shipped_before, args.before, before_path)
        pages = len(list((out / "s").rglob("*.html")))
        ok = statistics.median(shipped.wall) < SHIPPED_TARGET
        missed |= not ok
        print(f"shipped catalogue, full report set ({pages} pages), {args.repeat} runs:")
        print("  " + shipped.line("report"))
        if before_python is not None:
            print("  " + shipped_before.line("report (before)"))
        print(f"  target: wall under {SHIPPED_TARGET:.0f} s: {'met' if ok else 'MISSED'}")
        if args.shipped_only:
            return 1 if (missed and args.strict) else 0
        ensure_catalogue(args.national, args.units, args.services, args.seed)
        national = str(args.national)
        print(describe(args.national))
        plan, follow, report, report_before = Runs(), Runs(), Runs(), Runs()
        for _ in range(args.national_repeat):
            run(sys.executable, ["plan", "-c", national, "--format", "json"], plan, REPO)
            run(sys.executable, ["follow-up", "-c", national, "--format", "json"], follow, REPO)
            run(sys.executable, ["report", "-c", national, "--out", str(out / "n")], report, REPO)
            if before_python is not None:
                words = ["report", "-c", national, "--out", str(out / "nb")]
                run(before_python, words, report_before, args.before, before_path)
        size = sum(p.stat().st_size for p in (out / "n").rglob("*.html"))
        pages = len(list((out / "n").rglob("*.html")))
        print(f"national, {args.national_repeat} rounds, interleaved:")
        for name, runs in (("plan", plan), ("follow-up", follow), ("report", report)):
            print("  " + runs.line(name))
        if before_python is not None:
            print("  " + report_before.line("report (before)"))
        base_cpu = statistics.median(plan.cpu) + statistics.median(follow.cpu)
        base_wall = statistics.median(plan.wall) + statistics.median(follow.wall)
        ratio = statistics.median(report.cpu) / base_cpu
        ok = ratio <= NATIONAL_FACTOR
        missed |= not ok
        print(
            f"  report / (plan + follow-up): CPU {ratio:.2f} ×, wall "
            f"{statistics.median(report.wall) / base_wall:.2f} × (target ≤ {NATIONAL_FACTOR:.0f} × on CPU: "
            f"{'met' if ok else 'MISSED'}); {pages} pages, {size / 1e6:.0f} MB"
        )
        if before_python is not None:
            print(f"  before: report / (plan + follow-up): CPU {statistics.median(report_before.cpu) / base_cpu:.2f} ×")
    finally:
        shutil.rmtree(out, ignore_errors=True)
        print(f"load average after: {load_average()}")
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
