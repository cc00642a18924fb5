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
PAGES = ("index.html", "providers/region-testborg.html", "providers/betagardens-halsocentral.html")


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden") / "out"
    cwd = os.getcwd()
    os.chdir(REPO)
    try:
        assert main(["report", "-c", "tests/fixtures/mini", "--out", str(out)]) == 0
    finally:
        os.chdir(cwd)
    return out


@pytest.mark.parametrize("page", PAGES)
def test_the_report_pages_of_the_mini_catalogue_match_their_golden_outline(written: Path, page: str) -> None:
    actual = outline((written / page).read_text(encoding="utf-8"))
    golden = GOLDEN / (page.replace("/", "--") + ".outline")
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
