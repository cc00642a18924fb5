"""Process-wide speed switches live at the edge (planner/speed.py), never in the core."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from planner.catalog.loader import load_catalog
from planner.cli.main import main
from planner.plan.model import PlanOptions
from planner.plan.scheduler import schedule
from planner.speed import bulk_work

REPO = Path(__file__).resolve().parents[1]
MINI = Path(__file__).parent / "fixtures" / "mini"


def _state() -> tuple[bool, int]:
    return gc.isenabled(), gc.get_freeze_count()


def test_loading_and_planning_leave_the_garbage_collector_alone() -> None:
    before = _state()
    catalog = load_catalog(MINI).catalog
    assert catalog is not None
    assert _state() == before
    schedule(catalog, PlanOptions(as_of=catalog.as_of or date(2026, 11, 23)))
    assert _state() == before


def test_loading_and_planning_inside_a_paused_collector_do_not_turn_it_back_on() -> None:
    with bulk_work():
        catalog = load_catalog(MINI).catalog
        assert catalog is not None
        schedule(catalog, PlanOptions(as_of=catalog.as_of or date(2026, 11, 23)))
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.parametrize("command", ["validate", "check", "plan"])
def test_a_command_pauses_the_collector_while_it_runs_and_restores_it(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state()
    main([command, "-c", str(MINI)])
    assert _state() == before


def test_a_command_that_fails_on_input_still_restores_the_collector(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _state()
    assert main(["check", "-c", str(tmp_path / "missing")]) == 2
    assert _state() == before


def test_set_aside_freezes_only_when_active_and_replacing_unfreezes() -> None:
    try:
        with bulk_work(active=False) as bulk:
            assert gc.isenabled()
            bulk.set_aside()
        assert gc.get_freeze_count() == 0
        with bulk_work() as bulk:
            bulk.set_aside()
        assert gc.get_freeze_count() > 0
        with bulk_work(replacing=True):
            assert gc.get_freeze_count() == 0
    finally:
        gc.unfreeze()


@pytest.mark.skipif(not (REPO / ".venv" / "bin" / "python").exists(), reason="needs the repository's .venv")
def test_a_benchmark_script_runs_from_a_plain_python_outside_the_venv() -> None:
    # The interpreter the venv was made from: it has none of mvgplan's dependencies.
    plain = getattr(sys, "_base_executable", None) or sys.executable
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    done = subprocess.run(
        [plain, "benchmarks/bench_load.py", "--help"], cwd=REPO, capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "--catalog" in done.stdout
