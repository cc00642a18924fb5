"""Every output format of `mvgplan check` on the mini catalogue, byte for byte.

A change to what users see shows up here as a readable diff. When the change is intended,
regenerate the files and review them in the commit:

    MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_check_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
# Relative, run from the repository: deviations name unit files by the path given with -c,
# and a golden file must not depend on where the repository is checked out.
MINI = "tests/fixtures/mini"
GOLDEN = REPO / "tests" / "golden" / "check"
UPDATE = os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1"

CASES = {
    "mini.txt": ["--format", "text"],
    "mini.json": ["--format", "json"],
    "mini.github": ["--format", "github"],
    "mini.junit.xml": ["--format", "junit"],
    "mini.sarif.json": ["--format", "sarif"],
    "mini.uniformity.txt": ["--uniformity"],
    "mini.uniformity.json": ["--format", "json", "--uniformity"],
}


def _compare(name: str, actual: str) -> None:
    golden = GOLDEN / name
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file {golden}; create it with MVGPLAN_UPDATE_GOLDEN=1"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = difflib.unified_diff(
            expected.splitlines(), actual.splitlines(), f"golden/check/{name}", "now", lineterm=""
        )
        pytest.fail(
            "\n".join(diff)
            + "\n\nIf the change is intended: MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_check_golden.py",
            pytrace=False,
        )


@pytest.fixture(autouse=True)
def _from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.delenv("MVGPLAN_CATALOG", raising=False)


@pytest.mark.parametrize("name", sorted(CASES))
def test_the_check_of_the_mini_catalogue_matches_its_golden_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "-c", MINI, *CASES[name]]) == 1
    out = capsys.readouterr().out
    assert "\033[" not in out  # not a terminal: no colour in any golden file
    _compare(name, out)


def test_the_github_job_summary_of_the_mini_catalogue_matches_its_golden_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "-c", MINI, "--format", "github"]) == 1
    capsys.readouterr()
    _compare("mini.summary.md", summary.read_text(encoding="utf-8"))
