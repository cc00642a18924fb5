"""The explorer's progress tab and marking a step done (issue 13 item 6): overdue first, and
`mvgplan record`'s own core behind a confirmation that shows the change."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from explore_support import TODAY, headless, make_app, settled
from textual.widgets import Static

from planner.cli.main import main
from planner.tui.panes.progress import ProgressPane
from planner.tui.screens.record import RecordScreen
from planner.tui.screens.unit import UnitScreen
from planner.tui.widgets.rowtable import RowTable

LATER = date(2027, 3, 15)
"""An as_of when the first weeks of the mini catalogue's baseline are past."""


@pytest.fixture
def with_baseline(mini_copy: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    """The mini catalogue's plan approved as plans/baseline.yaml, in the current directory."""
    monkeypatch.chdir(mini_copy.parent)
    (mini_copy.parent / "plans").mkdir()
    assert main(["plan", "-c", str(mini_copy), "--format", "yaml", "--out", "plans/baseline.yaml"]) == 0
    capsys.readouterr()
    return mini_copy


@headless
async def test_the_progress_tab_lists_the_baselines_steps_overdue_first(with_baseline: Path) -> None:
    app = make_app(with_baseline, as_of=LATER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("7")
        await settled(app, pilot)
        pane = app.query_one(ProgressPane)
        view = pane._view
        assert view is not None and view.progress is not None
        statuses = [s.status for s in view.rows]
        assert statuses[0] == "overdue"
        order = ["overdue", "due", "upcoming", "done", "dropped"]
        assert statuses == sorted(statuses, key=order.index)
        assert app.query_one("#progress-table", RowTable).row_count == view.progress.summary.tracked
        assert "overdue" in str(app.query_one("#progress-summary", Static).render())


@headless
async def test_without_a_baseline_the_tab_says_how_to_make_one(
    mini_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(mini_copy.parent)
    app = make_app(mini_copy, as_of=LATER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("7")
        await settled(app, pilot)
        shown = str(app.query_one("#progress-summary", Static).render())
        assert "plans/baseline.yaml" in shown and "mvgplan plan --format yaml --out" in shown


@headless
async def test_marking_an_overdue_step_done_shows_the_diff_and_writes_only_when_confirmed(with_baseline: Path) -> None:
    app = make_app(with_baseline, as_of=LATER)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("7")
        await settled(app, pilot)
        step = app.query_one(ProgressPane)._view.rows[0]  # type: ignore[union-attr]
        unit_file = with_baseline / "units" / f"{step.unit}.yaml"
        before = unit_file.read_bytes()
        await pilot.press("enter")
        await settled(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        diff = str(app.screen.query_one("#record-diff", Static).render())
        assert "+++ b/" in diff and f"since: {LATER.isoformat()}" in diff
        await pilot.press("escape")  # cancelled: nothing written
        await pilot.pause()
        assert unit_file.read_bytes() == before
        await pilot.press("enter")
        await settled(app, pilot)
        await pilot.press("ctrl+s")
        await settled(app, pilot)
        assert unit_file.read_bytes() != before
        assert f"since: {LATER.isoformat()}" in unit_file.read_text(encoding="utf-8")
        await pilot.press("7")
        await settled(app, pilot)
        view = app.query_one(ProgressPane)._view
        assert view is not None
        done = {(s.unit, s.service, s.action) for s in view.rows if s.status == "done"}
        assert (step.unit, step.service, step.action) in done


@headless
async def test_m_on_a_planned_enable_in_the_unit_screen_opens_the_same_confirmation(with_baseline: Path) -> None:
    app = make_app(with_baseline, as_of=TODAY)
    async with app.run_test(size=(140, 45)) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-alfa")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        steps = screen.query_one("#steps", RowTable)
        steps.focus()
        steps.move_to("step:enable:omboka-tid")
        await pilot.press("m")
        await settled(app, pilot)
        assert isinstance(app.screen, RecordScreen)
        assert "omboka-tid" in str(app.screen.query_one("#record-diff", Static).render())
