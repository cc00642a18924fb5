"""Every output format of `mvgplan follow-up` on tests/fixtures/followup, byte for byte.

When a change to what users see is intended, regenerate and review:

    MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_follow_up_golden.py
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

import pytest

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
FIXTURE = "tests/fixtures/followup"  # relative: flags name unit files by the path given with -c
GOLDEN = REPO / "tests" / "golden" / "follow-up"
UPDATE = os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1"
EXTENSION = {"text": "txt", "json": "json", "csv": "csv", "markdown": "md"}


@pytest.mark.parametrize("fmt", sorted(EXTENSION))
def test_the_follow_up_of_the_fixture_matches_its_golden_file(
    fmt: str, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    monkeypatch.chdir(REPO)
    assert main(["follow-up", "-c", FIXTURE, "--format", fmt]) == 0
    actual = capsysbinary.readouterr().out
    golden = GOLDEN / f"followup.{EXTENSION[fmt]}"
    if UPDATE:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_bytes(actual)
    expected = golden.read_bytes()
    diff = "\n".join(
        difflib.unified_diff(
            expected.decode().splitlines(), actual.decode().splitlines(), str(golden.name), "now", lineterm=""
        )
    )
    assert actual == expected, (
        diff + "\n\nIf intended: MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_follow_up_golden.py"
    )
