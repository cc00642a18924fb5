"""The report pages of the mini catalogue, as structure: each chart's drawing is cut to its
`<svg aria-label=…>` (matplotlib's own output is not ours to pin), everything else byte for
byte. Regenerate on purpose with:

    MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest
from report_support import outline

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
GOLDEN = REPO / "tests" / "golden" / "report"
UPDATE = os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1"
CATALOGUES = ("mini", "followup")
"""tests/fixtures/mini (no usage data) and tests/fixtures/followup (the mini one with usage)."""
PAGES = (
    ("mini", "index.html"),
    ("mini", "providers/region-testborg.html"),
    ("mini", "providers/betagardens-halsocentral.html"),
    ("followup", "index.html"),
    ("followup", "providers/region-testborg.html"),
)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden")
    cwd = os.getcwd()
    # Not the repository: its plans/baseline.yaml (the shipped catalogue's) would be the default baseline.
    os.chdir(REPO / "tests" / "fixtures")
    try:
        for name in CATALOGUES:
            assert main(["report", "-c", name, "--out", str(out / name)]) == 0
    finally:
        os.chdir(cwd)
    return out


@pytest.mark.parametrize(("catalogue", "page"), PAGES)
def test_the_report_pages_match_their_golden_outline(written: Path, catalogue: str, page: str) -> None:
    actual = outline((written / catalogue / page).read_text(encoding="utf-8"))
    prefix = "" if catalogue == "mini" else f"{catalogue}--"
    golden = GOLDEN / (prefix + page.replace("/", "--") + ".outline")
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "\n".join(
            difflib.unified_diff(
                expected.splitlines(), actual.splitlines(), f"golden/{golden.name}", "now", lineterm=""
            )
        )
        pytest.fail(diff + "\n\nIf intended: MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_report_golden.py")
