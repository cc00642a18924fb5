"""Benchmark `mvgplan report`: whole-process time on the shipped and the national catalogue.

    .venv/bin/python benchmarks/bench_report.py                       # shipped + national
    .venv/bin/python benchmarks/bench_report.py --national /tmp/national-usage --repeat 3
    .venv/bin/python benchmarks/bench_report.py --shipped-only

Targets (issue 11): the shipped catalogue's full report set in under 3 s, whole process;
on the national catalogue with usage data, at most 2 × the time of `plan` plus `follow-up`
on it (each a whole process, best of --repeat). The national catalogue is generated with
benchmarks/generate.py when the folder does not exist, with a year of usage exports added
here (`add_usage`). With --strict the exit code is 1 when a target is missed.
"""

from __future__ import annotations

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
NATIONAL = (1200, 150, 1)  # units, services, seed
SHIPPED_TARGET = 3.0
NATIONAL_FACTOR = 2.0


USAGE_MONTHS = 12


def ensure_catalogue(path: Path) -> None:
    if (path / "region.yaml").is_file():
        return
    units, services, seed = NATIONAL
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
    months = [f"{(year * 12 + month - 2 - k) // 12:04d}-{(year * 12 + month - 2 - k) % 12 + 1:02d}" for k in range(12)]
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


def whole_process(words: Sequence[str], repeat: int) -> tuple[float, float, float]:
    """Best and median wall time and best CPU time of `python -m planner WORDS`."""
    walls: list[float] = []
    cpus: list[float] = []
    for _ in range(repeat):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "planner", *words], capture_output=True, cwd=REPO, check=False)
        walls.append(time.perf_counter() - started)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
        if done.returncode not in (0, 1):
            raise SystemExit(f"mvgplan {' '.join(words)} exited {done.returncode}:\n{done.stderr.decode()[-2000:]}")
    return min(walls), statistics.median(walls), min(cpus)


def has_command(name: str) -> bool:
    done = subprocess.run([sys.executable, "-m", "planner", name, "--help"], capture_output=True, cwd=REPO, check=False)
    return done.returncode == 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--national", type=Path, default=Path(tempfile.gettempdir()) / "mvgplan-national-usage")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shipped-only", action="store_true")
    parser.add_argument("--strict", action="store_true")
    args = parser.parse_args(argv)
    missed = False
    out = Path(tempfile.mkdtemp(prefix="mvgplan-report-"))
    try:
        best, median, cpu = whole_process(["report", "-c", str(REPO / "catalog"), "--out", str(out / "s")], args.repeat)
        pages = len(list((out / "s").rglob("*.html")))
        ok = best < SHIPPED_TARGET
        missed |= not ok
        print(
            f"shipped: report ({pages} pages) best {best:.2f} s, median {median:.2f} s, CPU {cpu:.2f} s "
            f"(target < {SHIPPED_TARGET:.0f} s: {'met' if ok else 'MISSED'})"
        )
        if args.shipped_only:
            return 1 if (missed and args.strict) else 0
        ensure_catalogue(args.national)
        national = str(args.national)
        plan, _, _ = whole_process(["plan", "-c", national, "--format", "json"], args.repeat)
        follow = 0.0
        if has_command("follow-up"):
            follow, _, _ = whole_process(["follow-up", "-c", national, "--format", "json"], args.repeat)
        else:
            print("national: there is no follow-up command yet; comparing with plan alone")
        report, _median, report_cpu = whole_process(["report", "-c", national, "--out", str(out / "n")], 1)
        size = sum(p.stat().st_size for p in (out / "n").rglob("*.html"))
        budget = NATIONAL_FACTOR * (plan + follow)
        ok = report <= budget
        missed |= not ok
        print(
            f"national: plan {plan:.2f} s + follow-up {follow:.2f} s; report {report:.2f} s (CPU {report_cpu:.2f} s, "
            f"{size / 1e6:.1f} MB) = {report / (plan + follow):.2f} × (target ≤ {NATIONAL_FACTOR:.0f} ×: "
            f"{'met' if ok else 'MISSED'})"
        )
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return 1 if (missed and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
