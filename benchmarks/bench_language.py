"""What translation costs `mvgplan check` on the shipped catalogue, as whole processes.

    python benchmarks/bench_language.py --before /work/wt/base

`--before` is a checkout of mvgplan from before the translations; it runs on its own
`catalog/`, with its own virtual environment (`.venv/`) when it has one, else with this
interpreter and the checkout first on PYTHONPATH (same dependencies, its own code), e.g. a
`git worktree add /tmp/before <commit>` of main just before the translations landed. This
checkout runs on its `catalog/`, which says `language: sv`, so the check speaks Swedish (the
.mo file is read, argparse's words are looked up in it), and once more with `--lang en`.
Runs are interleaved, so a busy moment of the machine hits all three alike; each figure is
the median of --repeat runs (the best run is printed too).

Target: Swedish `check` ≤ 1.10 × `check` before translation. The exit code is 1 when the
target is missed."""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

REPO = Path(__file__).resolve().parents[1]
RATIO_TARGET = 1.10


def run_once(python: Path | str, root: Path, extra: Sequence[str], pythonpath: Path | None = None) -> float:
    argv = [str(python), "-m", "planner", "check", "--catalog", str(root / "catalog"), *extra]
    env = {k: v for k, v in os.environ.items() if k not in ("MVGPLAN_LANG", "MVGPLAN_CATALOG", "GITHUB_STEP_SUMMARY")}
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
    elapsed = time.perf_counter() - started
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed (exit {done.returncode}):\n{done.stderr.decode()}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="a checkout from before translation, with .venv/")
    parser.add_argument("--repeat", type=int, default=30, help="runs of each (default 30)")
    args = parser.parse_args(argv)
    own_venv = args.before / ".venv" / "bin" / "python"
    before_python = own_venv if own_venv.exists() else Path(sys.executable)
    before_path = None if own_venv.exists() else args.before
    runs: dict[str, list[float]] = {"before": [], "sv": [], "en": []}
    for _ in range(args.repeat):
        runs["before"].append(run_once(before_python, args.before, [], before_path))
        runs["sv"].append(run_once(sys.executable, REPO, []))
        runs["en"].append(run_once(sys.executable, REPO, ["--lang", "en"]))
    median = {name: statistics.median(times) for name, times in runs.items()}
    for name, label in (("before", "before translation"), ("sv", "now, Swedish"), ("en", "now, --lang en")):
        print(f"mvgplan check, shipped, {label:<20} median {median[name]:.3f} s, best {min(runs[name]):.3f} s")
    ratio = median["sv"] / median["before"]
    print(
        f"Swedish / before: {ratio:.3f} (target ≤ {RATIO_TARGET:.2f}); English / before: "
        f"{median['en'] / median['before']:.3f}"
    )
    return 0 if ratio <= RATIO_TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
