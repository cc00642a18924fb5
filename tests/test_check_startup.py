"""`mvgplan check` runs on every commit of a catalogue: it must start light, and its core must
stay headless. Each test runs a fresh interpreter, so nothing imported by other tests counts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("textual", "planner.plan.scheduler", "holidays", "planner.tui", "icalendar")


def _modules_after(code: str) -> set[str]:
    """The modules a fresh interpreter has loaded after running `code` in the repository."""
    script = code + "\nimport json, sys\nsys.stderr.write('\\nMODULES=' + json.dumps(sorted(sys.modules)))\n"
    done = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=False)
    marker = done.stderr.rfind("MODULES=")
    assert marker >= 0, done.stderr
    return set(json.loads(done.stderr[marker + len("MODULES=") :]))


@pytest.mark.parametrize("fmt", ["text", "json", "github", "junit", "sarif"])
def test_mvgplan_check_does_not_import_textual_the_scheduler_or_holidays(fmt: str) -> None:
    loaded = _modules_after(
        "from planner.cli.main import main\n"
        f"assert main(['check', '-c', 'tests/fixtures/mini', '--format', '{fmt}', '--uniformity']) == 1\n"
    )
    assert "textual" not in loaded
    assert "planner.plan.scheduler" not in loaded
    assert not {m for m in loaded if m.split(".")[0] in {"textual", "holidays", "icalendar"}}
    # The plan's format names are the one piece of the planner every start-up reads (the
    # `plan` command's choices); that module imports nothing.
    allowed = {"planner.plan", "planner.plan.formats"}
    assert not {m for m in loaded if m.startswith(("planner.plan", "planner.tui"))} - allowed
    # Each format brings only its own renderer.
    assert ("xml.etree.ElementTree" in loaded) == (fmt == "junit")


def test_the_conformance_core_imports_no_front_end() -> None:
    loaded = _modules_after(
        "import planner.conformance.check, planner.conformance.uniformity, planner.conformance.render\n"
        "import planner.conformance.render.text, planner.conformance.render.json\n"
        "import planner.conformance.render.github, planner.conformance.render.markdown\n"
        "import planner.conformance.render.junit, planner.conformance.render.sarif\n"
    )
    assert not {m for m in loaded if m.startswith(("planner.cli", "planner.tui", "planner.plan", "textual"))}
    assert not set(HEAVY) & loaded
