"""A small fuzzer: the shipped catalogue, mutated, never breaks the command line's promises.

Hypothesis picks a file of `catalog/` and mutates it (a value replaced by a hostile one, a
line deleted, duplicated, moved or cut, text inserted), then runs `validate`, `check` and
`plan` with `--format json` in-process. The invariants (issue 15):

- the exit code is 0, 1 or 2, and no exception escapes `main` (so no traceback);
- stdout is one parseable JSON document;
- a catalogue `validate` passes never makes `check` or `plan` exit 2.

Kept small (a few dozen examples) so the suite stays fast; raise `max_examples` locally to
hunt (`MVGPLAN_FUZZ_EXAMPLES=2000 pytest tests/test_fuzz_catalogue.py`).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.cli.main import main

CATALOG = Path(__file__).resolve().parents[1] / "catalog"
FILES = sorted(
    str(p.relative_to(CATALOG)) for p in [*CATALOG.glob("*.yaml"), *sorted(CATALOG.glob("units/*.yaml"))[:6]]
)
EXAMPLES = int(os.environ.get("MVGPLAN_FUZZ_EXAMPLES", "20"))

HOSTILE_VALUES = [
    "",
    "null",
    "~",
    "true",
    "9999-12-31",
    "9999-12-27",
    "0001-01-01",
    "0000-01-01",
    "2026-02-30",
    "5200",
    "5201",
    "0",
    "-1",
    "1e3",
    "١٠٤",
    "１０",
    "9" * 5000,
    '"\\e[2J\\rFAKE: ok"',
    '"a\\nb"',
    "[",
    "{",
    "&a x",
    "*a",
    "!!python/object:os.system x",
    "x" * 10_000,
    "'",
    "-",
    ": :",
]


@st.composite
def mutations(draw: st.DrawFn) -> tuple[str, str]:
    """(file, its mutated text)."""
    file = draw(st.sampled_from(FILES))
    lines = (CATALOG / file).read_text(encoding="utf-8").splitlines()
    i = draw(st.integers(0, len(lines) - 1))
    kind = draw(st.sampled_from(["value", "value", "delete", "duplicate", "move", "cut", "insert"]))
    if kind == "value" and ":" in lines[i]:
        head = lines[i].split(":", 1)[0]
        lines[i] = f"{head}: {draw(st.sampled_from(HOSTILE_VALUES))}"
    elif kind == "delete":
        del lines[i]
    elif kind == "duplicate":
        lines.insert(i, lines[i])
    elif kind == "move":
        lines.insert(draw(st.integers(0, len(lines) - 1)), lines.pop(i))
    elif kind == "cut":
        lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    else:
        lines.insert(i, draw(st.text(max_size=30)).replace("\r", ""))
    return file, "\n".join(lines) + "\n"


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutation=mutations())
def test_a_mutated_catalogue_keeps_every_promise_of_the_command_line(mutation: tuple[str, str]) -> None:
    file, text = mutation
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "catalog"
        shutil.copytree(CATALOG, root, ignore=shutil.ignore_patterns("schema"))
        (root / file).write_text(text, encoding="utf-8")
        codes = {}
        for command in ("validate", "check", "plan"):
            code, out, err = _run(command, "-c", str(root), "--format", "json")
            assert code in (0, 1, 2), err
            assert "Traceback" not in err
            json.loads(out)
            codes[command] = code
    if codes["validate"] == 0:
        assert codes["check"] != 2 and codes["plan"] != 2, codes
