"""Every output format of `mvgplan plan` on the mini catalogue, byte for byte.

A change to what users see shows up here as a readable diff. When the change is intended,
regenerate the files and review them in the commit:

    MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
# Relative, run from the repository: messages name unit files by the path given with -c, and
# a golden file must not depend on where the repository is checked out.
MINI = "tests/fixtures/mini"
GOLDEN = REPO / "tests" / "golden" / "plan"
UPDATE = os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1"
EXTENSION = {
    "text": "txt",
    "json": "json",
    "yaml": "yaml",
    "markdown": "md",
    "csv": "csv",
    "mermaid": "mmd",
    "ics": "ics",
}


def _readable_diff(expected: bytes, actual: bytes, name: str) -> str:
    lines = difflib.unified_diff(
        expected.decode("utf-8", errors="replace").splitlines(),
        actual.decode("utf-8", errors="replace").splitlines(),
        f"golden/plan/{name}",
        "now",
        lineterm="",
    )
    return (
        "\n".join(lines)
        + "\n\nIf the change is intended: MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py"
    )


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
def test_the_plan_of_the_mini_catalogue_matches_its_golden_file(
    fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    name = f"mini.{EXTENSION[fmt]}"
    out = tmp_path / name
    assert main(["plan", "-c", MINI, "--format", fmt, "--out", str(out)]) == 0
    actual = out.read_bytes()
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"no golden file {golden}; create it with MVGPLAN_UPDATE_GOLDEN=1"
    expected = golden.read_bytes()
    assert actual == expected, _readable_diff(expected, actual, name)


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
def test_printing_a_plan_gives_the_same_bytes_as_writing_it(
    fmt: str, tmp_path: Path, capsysbinary: pytest.CaptureFixture[bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    out = tmp_path / f"plan.{EXTENSION[fmt]}"
    main(["plan", "-c", MINI, "--format", fmt, "--out", str(out)])
    capsysbinary.readouterr()
    assert main(["plan", "-c", MINI, "--format", fmt]) == 0
    assert capsysbinary.readouterr().out == out.read_bytes()
