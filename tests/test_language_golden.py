"""The human outputs in Swedish, byte for byte, beside the English golden files.

The English ones are tests/golden/check/, plan/, follow-up/, progress/ and report/; these are their `sv/`
folders. When a change is intended (a new message, a better translation), regenerate and
review the diff:

    MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_language_golden.py
"""

from __future__ import annotations

import difflib
import os
import shutil
from pathlib import Path

import pytest

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
MINI = "tests/fixtures/mini"
GOLDEN = REPO / "tests" / "golden"
UPDATE = os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1"

CHECK = {
    "mini.txt": [],
    "mini.uniformity.txt": ["--uniformity"],
    "mini.github": ["--format", "github"],
    "mini.junit.xml": ["--format", "junit"],
    "mini.sarif.json": ["--format", "sarif"],
}
PLAN = {"mini.txt": "text", "mini.md": "markdown", "mini.csv": "csv", "mini.ics": "ics", "mini.mmd": "mermaid"}


@pytest.fixture(autouse=True)
def _swedish_from_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setenv("MVGPLAN_LANG", "sv")
    for name in ("GITHUB_STEP_SUMMARY", "MVGPLAN_CATALOG"):
        monkeypatch.delenv(name, raising=False)


def _compare(golden: Path, actual: bytes) -> None:
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    assert golden.is_file(), f"no golden file {golden}; create it with MVGPLAN_UPDATE_GOLDEN=1"
    expected = golden.read_bytes()
    diff = difflib.unified_diff(
        expected.decode("utf-8").splitlines(), actual.decode("utf-8").splitlines(), str(golden), "now", lineterm=""
    )
    assert actual == expected, "\n".join(diff) + "\n\nIf intended: MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest " + __file__


@pytest.mark.parametrize("name", sorted(CHECK))
def test_the_swedish_check_of_the_mini_catalogue_matches_its_golden_file(
    name: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["check", "-c", MINI, *CHECK[name]]) == 1
    _compare(GOLDEN / "check" / "sv" / name, capsysbinary.readouterr().out)


def test_the_swedish_job_summary_matches_its_golden_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main(["check", "-c", MINI, "--format", "github"]) == 1
    capsys.readouterr()
    _compare(GOLDEN / "check" / "sv" / "mini.summary.md", summary.read_bytes())


@pytest.mark.parametrize("name", sorted(PLAN))
def test_the_swedish_plan_of_the_mini_catalogue_matches_its_golden_file(name: str, tmp_path: Path) -> None:
    out = tmp_path / name
    assert main(["plan", "-c", MINI, "--format", PLAN[name], "--out", str(out)]) == 0
    _compare(GOLDEN / "plan" / "sv" / name, out.read_bytes())


@pytest.mark.parametrize(("name", "fmt"), [("diff.txt", "text"), ("diff.md", "markdown")])
def test_the_swedish_plan_diff_matches_its_golden_file(
    name: str, fmt: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    main(["plan", "-c", MINI, "--format", "yaml", "--out", str(tmp_path / "before.yaml")])
    main(["plan", "-c", MINI, "--capacity", "1", "--format", "yaml", "--out", str(tmp_path / "after.yaml")])
    capsysbinary.readouterr()
    monkeypatch.chdir(tmp_path)
    assert main(["diff", "before.yaml", "after.yaml", "--format", fmt]) == 1
    _compare(GOLDEN / "plan" / "sv" / name, capsysbinary.readouterr().out)


FOLLOW_UP = [("followup.txt", "text"), ("followup.md", "markdown"), ("followup.csv", "csv")]


@pytest.mark.parametrize(("name", "fmt"), FOLLOW_UP)
def test_the_swedish_follow_up_matches_its_golden_file(
    name: str, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["follow-up", "-c", "tests/fixtures/followup", "--format", fmt]) == 0
    _compare(GOLDEN / "follow-up" / "sv" / name, capsysbinary.readouterr().out)


PROGRESS = [("fixture.txt", "text"), ("fixture.md", "markdown"), ("fixture.csv", "csv")]


@pytest.mark.parametrize(("name", "fmt"), PROGRESS)
def test_the_swedish_progress_matches_its_golden_file(
    name: str, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    fixture = "tests/fixtures/progress"
    args = ["progress", "-c", f"{fixture}/catalog", "--baseline", f"{fixture}/baseline.yaml", "--as-of", "2027-02-01"]
    assert main([*args, "--format", fmt]) == 1  # two steps are overdue
    _compare(GOLDEN / "progress" / "sv" / name, capsysbinary.readouterr().out)


REPORT_PAGES = ("index.html", "providers/region-testborg.html", "providers/betagardens-halsocentral.html")


@pytest.mark.parametrize("page", REPORT_PAGES)
def test_the_swedish_report_pages_match_their_golden_outline(page: str, tmp_path: Path) -> None:
    from report_support import outline  # the charts' drawings are matplotlib's, not ours to pin

    assert main(["report", "-c", MINI, "--out", str(tmp_path / "out")]) == 0
    actual = outline((tmp_path / "out" / page).read_text(encoding="utf-8"))
    assert '<html lang="sv">' in (tmp_path / "out" / page).read_text(encoding="utf-8")
    _compare(GOLDEN / "report" / "sv" / (page.replace("/", "--") + ".outline"), actual.encode("utf-8"))


def test_swedish_validation_errors_match_their_golden_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    shutil.copytree(REPO / MINI, tmp_path / "catalog")
    services = tmp_path / "catalog" / "services.yaml"
    services.write_text(services.read_text(encoding="utf-8").replace("name:", "nmae:", 1), encoding="utf-8")
    unit = next((tmp_path / "catalog" / "units").glob("*.yaml"))
    unit.write_text(unit.read_text(encoding="utf-8").replace("regi:", "regi: kommunal\nx_regi:", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["validate"]) == 2
    _compare(GOLDEN / "check" / "sv" / "validate-errors.txt", capsysbinary.readouterr().err)


def test_swedish_help_matches_its_golden_file(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    assert main(["check", "--help"]) == 0
    _compare(GOLDEN / "check" / "sv" / "check-help.txt", capsysbinary.readouterr().out)
