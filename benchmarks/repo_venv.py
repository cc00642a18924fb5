"""Run a benchmark script with this repository's virtual environment, whatever `python` started it.

`python benchmarks/bench_load.py` with a plain interpreter lacks mvgplan's dependencies
(holidays, Textual, …) and `planner` itself. Rather than ask for `.venv/bin/python`, each
script calls `use()` first: in any other interpreter it starts itself again with the
repository's `.venv/bin/python` (the one docs/development.md sets up), with the same
arguments. Without a `.venv`, the current interpreter is used with the repository on
`sys.path`, and a missing dependency is named with the command that installs it.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VENV = REPO / ".venv"
NEEDED = ("yaml", "pydantic", "holidays", "networkx")


def use() -> None:
    """Continue in the repository's `.venv` (re-exec), or make `planner` importable here."""
    python = VENV / "bin" / "python"
    if python.exists() and Path(sys.prefix).resolve() != VENV.resolve():
        os.execv(python, [str(python), *sys.argv])
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    missing = [name for name in NEEDED if importlib.util.find_spec(name) is None]
    if missing:
        raise SystemExit(
            f"{sys.executable} lacks {', '.join(missing)}; set up the repository's venv first:\n"
            f"  cd {REPO} && python3 -m venv .venv && .venv/bin/pip install -q -e '.[test]'"
        )
