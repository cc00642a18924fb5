"""`mvgplan follow-up` against the floor of reading its input, as whole processes.

    python benchmarks/bench_follow_up.py                           # generates a national catalogue and usage
    python benchmarks/bench_follow_up.py --national /tmp/national  # reuse one (with usage/ in it)

The floor is a process that does nothing but parse the same files: `yaml.load` with
`CSafeLoader` for every catalogue file and `csv.reader` over every usage file. Each figure
is one run of each process, floor and follow-up measured back to back.

Targets: follow-up ≤ 2 × the floor on the national catalogue (~1,000,000 usage rows over
1,200 units × 150 services); under 1 s on the shipped catalogue. Exit 1 when one is missed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RATIO_TARGET = 2.0
SHIPPED_TARGET_S = 1.0

FLOOR = """
import csv, sys
from pathlib import Path
import yaml
root = Path(sys.argv[1])
top = [root / "region.yaml", root / "services.yaml", root / "basutbud.yaml"]
for path in [*top, *sorted((root / "units").glob("*.yaml"))]:
    with path.open("rb") as handle:
        yaml.load(handle, Loader=yaml.CSafeLoader)
rows = 0
for path in sorted((root / "usage").glob("*.csv")):
    text = path.read_text(encoding="utf-8-sig")
    header = text[: text.find("\\n")]
    for row in csv.reader(text.splitlines(), delimiter=";" if header.count(";") > header.count(",") else ","):
        rows += 1
print(rows)
"""


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{argv} failed (exit {done.returncode}):\n{done.stderr.decode()[-2000:]}")
    return elapsed


def follow_up(catalog: Path) -> float:
    return timed([sys.executable, "-m", "planner", "follow-up", "--catalog", str(catalog), "--format", "json"])


def floor(catalog: Path) -> float:
    return timed([sys.executable, "-c", FLOOR, str(catalog)])


def national(out: Path) -> Path:
    subprocess.run(
        [
            sys.executable,
            "benchmarks/generate.py",
            "--units",
            "1200",
            "--services",
            "150",
            "--seed",
            "1",
            "--out",
            str(out),
        ],
        cwd=REPO,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    subprocess.run(
        [sys.executable, "benchmarks/generate_usage.py", "--catalog", str(out), "--rows", "1000000"],
        cwd=REPO,
        check=True,
    )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--national", type=Path, help="a national catalogue with usage/ (default: generate one)")
    args = parser.parse_args(argv)
    ok = True
    shipped = follow_up(REPO / "catalog")
    validate = timed([sys.executable, "-m", "planner", "validate", "--catalog", str(REPO / "catalog")])
    print(
        f"shipped catalogue: follow-up {shipped:.2f} s (target < {SHIPPED_TARGET_S:.1f} s); "
        f"validate {validate:.2f} s for scale"
    )
    ok &= shipped < SHIPPED_TARGET_S
    with tempfile.TemporaryDirectory() as tmp:
        path = args.national or national(Path(tmp) / "national")
        rows = sum(max(0, sum(1 for _ in p.open(encoding="utf-8")) - 1) for p in (path / "usage").glob("*.csv"))
        base = floor(path)
        took = follow_up(path)
    ratio = took / base
    print(f"national ({rows:,} usage rows): follow-up {took:.2f} s, floor {base:.2f} s, ratio {ratio:.2f}")
    print(f"  (target ≤ {RATIO_TARGET:.1f} × the floor)")
    ok &= ratio <= RATIO_TARGET
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
