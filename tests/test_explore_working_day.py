"""The explorer for a working day (issue 13): small terminals, errors where one looks, a what-if
one can read, warnings in the order of action, one truth per date, Enter that explains."""

from __future__ import annotations

import asyncio
from datetime import date
from pathlib import Path

import pytest
from explore_support import TODAY, headless, make_app, settled
from textual.widgets import DataTable, Input, Static

from planner.tui import data, figures
from planner.tui.changes import parallel_weeks, what_if_changes
from planner.tui.dates import date_notes
from planner.tui.panes.plan import PlanPane
from planner.tui.screens.changes import ChangesScreen
from planner.tui.screens.detail import DetailScreen
from planner.tui.screens.unit import UnitScreen
from planner.tui.screens.whatif import WhatIfScreen
from planner.tui.widgets.problems import ErrorBanner
from planner.tui.widgets.rowtable import RowTable
from planner.tui.widgets.timeline import Timeline

SMALL, LARGE = (80, 24), (140, 45)


def model_of(catalog: Path) -> data.Model:
    loaded = data.load_model(str(catalog), None, TODAY)
    assert isinstance(loaded, data.Model)
    return loaded


def rows_on_screen(widget: RowTable | Timeline | DataTable[object]) -> int:
    """Rows a person sees: the widget's inner height less its header lines."""
    header = 2 if isinstance(widget, Timeline) else 1
    return widget.scrollable_content_region.height - header


# 1. Every screen works at 80 × 24.


@pytest.mark.parametrize("size", [SMALL, LARGE])
@headless
async def test_every_tab_shows_its_main_table_timeline_or_tree_with_at_least_three_rows(
    mini: Path, size: tuple[int, int]
) -> None:
    app = make_app(mini)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        main = {"1": "#units", "2": "#timeline", "3": "#warnings-table", "4": "#service-tree", "5": "#deviations-table"}
        for key, selector in main.items():
            await pilot.press(key)
            await pilot.pause()
            widget = app.query_one(selector)
            assert widget.region.width >= 40, selector
            if isinstance(widget, RowTable | Timeline):
                assert rows_on_screen(widget) >= 3, selector
            else:
                assert widget.scrollable_content_region.height >= 3, selector
        await pilot.press("2")
        await pilot.pause()
        for side in ("#weeks", "#week-steps"):
            assert rows_on_screen(app.query_one(side, RowTable)) >= 3, side
        await pilot.press("4")
        await pilot.pause()
        assert rows_on_screen(app.query_one("#service-table", RowTable)) >= 3


@pytest.mark.parametrize("size", [SMALL, LARGE])
@headless
async def test_the_unit_screen_shows_offerings_and_steps_with_at_least_three_rows(
    mini: Path, size: tuple[int, int]
) -> None:
    app = make_app(mini)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-alfa")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        assert screen.query_one("#offerings", DataTable).scrollable_content_region.height >= 4
        assert rows_on_screen(screen.query_one("#steps", RowTable)) >= 3
        assert screen.query_one("#unit-detail").region.height >= 1


@headless
async def test_the_what_if_form_and_help_fit_an_80_column_terminal(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        box = app.screen.query_one("#what-if-box")
        assert box.region.right <= 80 and box.region.bottom <= 24
        await pilot.press("escape", "question_mark")
        await pilot.pause()
        assert app.screen.query_one("#help-box").region.right <= 80


@pytest.mark.parametrize("lang", ["en", "sv"])
@headless
async def test_all_seven_tab_labels_fit_in_80_columns_in_english_and_swedish(mini: Path, lang: str) -> None:
    from textual.widgets import Tab

    from planner.i18n import use

    use(lang)  # conftest puts English back after the test
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        tabs = list(app.query(Tab))
        assert len(tabs) == 7
        assert str(tabs[0].label) == ("1 Overview" if lang == "en" else "1 Översikt")
        assert all(tab.region.x >= 0 and tab.region.right <= SMALL[0] for tab in tabs)


# 2. Errors where you look.


@headless
async def test_a_broken_unit_file_shows_on_its_own_open_screen_with_file_line_and_the_last_good_state(
    mini_copy: Path,
) -> None:
    app = make_app(mini_copy, poll_seconds=0.05)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-alfa")
        await pilot.pause()
        unit = mini_copy / "units" / "hc-alfa.yaml"
        unit.write_text(unit.read_text(encoding="utf-8").replace("regi: egen", "regi: kommunal"), encoding="utf-8")
        banner = app.screen.query_one(ErrorBanner)
        for _ in range(200):  # the poll notices the edit by itself
            await asyncio.sleep(0.02)
            await pilot.pause()
            if banner.has_class("-shown"):
                break
        assert isinstance(app.screen, UnitScreen)
        shown = str(banner.render())
        assert "units/hc-alfa.yaml:3:7: error[invalid_value]" in shown
        assert "last good state" in shown


@headless
async def test_a_catalogue_error_shows_over_a_dialog_too(mini_copy: Path) -> None:
    app = make_app(mini_copy)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        (mini_copy / "services.yaml").write_text("services: [\n", encoding="utf-8")
        app.action_reload()
        await settled(app, pilot)
        assert isinstance(app.screen, WhatIfScreen)
        banner = app.screen.query_one(ErrorBanner)
        assert banner.has_class("-shown") and "services.yaml:" in str(banner.render())


# 3. What-if you can read.


def test_the_what_if_changes_list_every_moved_step_with_its_weeks_and_the_end_and_parallel_weeks(
    mini: Path,
) -> None:
    model = model_of(mini)
    plan = data.run_what_if(model, data.what_if(model, start=None, enables_per_week=1, parallel_min=None))
    changes = what_if_changes(model, plan)
    assert changes.old_end == model.plan.end_week and changes.new_end == plan.end_week  # type: ignore[union-attr]
    assert changes.rows and all(r.change.change in ("moved", "appeared", "vanished") for r in changes.rows)
    moved = [r for r in changes.rows if r.change.change == "moved"]
    assert all(r.change.old and r.change.new and r.change.old.week != r.change.new.week for r in moved)
    assert changes.new_parallel_weeks == parallel_weeks(plan)
    names = [r.unit_name for r in changes.rows]
    assert names == sorted(
        names, key=lambda n: model.unit_order[next(r.unit for r in changes.rows if r.unit_name == n)]
    )


def test_a_what_if_that_changes_nothing_lists_nothing(mini: Path) -> None:
    model = model_of(mini)
    plan = data.run_what_if(model, data.what_if(model, start=None, enables_per_week=None, parallel_min=None))
    assert what_if_changes(model, plan).rows == ()


@headless
async def test_after_a_what_if_d_lists_what_changed_and_the_plan_tab_switches_between_the_plans(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#capacity", Input).value = "1"
        await pilot.press("enter")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("ctrl+d")
        await pilot.pause()
        assert isinstance(app.screen, ChangesScreen)
        table = app.screen.query_one("#changes-table", RowTable)
        assert table.row_count == len(app.screen.changes.rows) > 0
        assert "→" in str(app.screen.query_one("#changes-summary", Static).render())
        await pilot.press("enter")  # opens the hälsocentral of the change
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen)
        await pilot.press("escape", "escape", "2")
        await pilot.pause()
        pane = app.query_one(PlanPane)
        current = pane.shown_model()
        await pilot.press("v")
        await pilot.pause()
        shown = pane.shown_model()
        assert shown is not None and current is not None
        assert shown.plan is app.what_if_result.plan and current.plan is app.model.plan  # type: ignore[union-attr]
        assert "What-if plan" in str(app.query_one(Timeline).border_title)


# 4. Warnings and deviations in the order of action.


def test_unschedulable_because_mvg_lacks_the_service_is_one_info_row_per_service(mini: Path) -> None:
    model = model_of(mini)
    rows = figures.warning_rows(model)
    info = [r for r in rows if r.severity == figures.INFO]
    assert info and all(r.is_group for r in info)
    assert rows.index(info[0]) > max(i for i, r in enumerate(rows) if r.severity in ("error", "warning"))
    lacking = {u.service for u in model.plan.unschedulable if u.reason == "no_mvg_equivalent"}  # type: ignore[union-attr]
    assert {r.service for r in info} == lacking


@headless
async def test_enter_on_an_info_row_opens_its_units_and_enter_on_a_warning_opens_the_unit_with_it_highlighted(
    mini: Path,
) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one("#warnings-table", RowTable)
        before = table.row_count
        await pilot.press("end", "enter")  # the last row: the info group
        await pilot.pause()
        assert table.row_count > before
        await pilot.press("home", "down", "enter")  # the first warning (after the error)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnitScreen) and screen.unit_id == "hc-alfa"
        steps = screen.query_one("#steps", RowTable)
        assert steps.has_focus and steps.current_key == "warning:parallel_overdue:mina-vardkontakter"
        assert "parallel_overdue" in str(screen.query_one("#unit-detail", Static).render())


@headless
async def test_the_deviations_tab_lists_every_deviation_and_its_whole_reason(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        await pilot.press("5")
        await pilot.pause()
        model = app.model
        assert model is not None and model.report is not None
        deviations = [d for r in model.report.units for d in r.deviations]
        table = app.query_one("#deviations-table", RowTable)
        assert table.row_count == len(deviations) > 0
        first = figures.deviation_rows(model)[0]
        detail = str(app.query_one("#deviation-detail", Static).render())
        assert first.message.split()[0] in detail and f"{first.file}:{first.line}" in detail
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen) and app.screen.unit_id == first.unit
        assert app.screen.query_one("#deviations", DataTable).has_focus


# 5. One truth per date.


def test_a_from_date_the_plan_does_not_keep_is_noted_with_the_week_the_plan_uses(mini: Path) -> None:
    model = model_of(mini)
    note = date_notes(model, "hc-alfa")[("omboka-tid", "mvg")]
    assert note.from_ == date(2027, 3, 1) and note.step is not None and note.step.week == date(2027, 2, 1)


@headless
async def test_the_unit_screen_says_which_date_the_plan_uses_and_why(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=LARGE) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-alfa")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        offerings = screen.query_one("#offerings", DataTable)
        offerings.move_cursor(row=offerings.get_row_index("omboka-tid"))
        await pilot.pause()
        detail = str(screen.query_one("#unit-detail", Static).render())
        assert "from 2027-03-01" in detail and "the plan enables it in v. 5 (2027)" in detail
        assert "does not constrain the plan" in detail and "mvg_ready" in detail


# 7. Enter on a planned step explains it.


@headless
async def test_enter_on_a_planned_step_explains_why_it_is_in_its_week(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SMALL) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-alfa")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        steps = screen.query_one("#steps", RowTable)
        steps.focus()
        steps.move_to("step:enable:omboka-tid")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        body = str(app.screen.query_one("#detail-text", Static).render())
        assert "Why this week" in body and "mvg_ready" in body and "Every step of this e-tjänst here" in body
        await pilot.press("escape")
        await pilot.pause()
        back: object = app.screen  # not narrowed to the DetailScreen asserted above
        assert back is screen
