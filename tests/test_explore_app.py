"""The explorer driven by keys, headless (Textual's pilot): navigation, search, what-if, reload."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

import pytest
from explore_support import TODAY, headless, make_app, settled
from textual.widgets import Input, Static, TabbedContent, Tree
from textual.widgets._footer import FooterKey

from planner.tui import figures
from planner.tui.app import ExploreApp, Spinner
from planner.tui.panes.plan import PlanPane
from planner.tui.screens.help import HelpScreen
from planner.tui.screens.unit import UnitScreen
from planner.tui.screens.whatif import WhatIfScreen
from planner.tui.widgets.problems import ProblemsPanel
from planner.tui.widgets.rowtable import RowTable
from planner.tui.widgets.timeline import Timeline

SIZE = (140, 45)


def units_table(app: ExploreApp) -> RowTable:
    return app.query_one("#units", RowTable)


@headless
async def test_the_first_screen_shows_the_overview_and_every_unit(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert app.query_one(TabbedContent).active == "home"
        assert units_table(app).row_count == 4
        figures = str(app.query_one("#figures", Static).render())
        assert "4  (2 egen regi · 2 privat regi)" in figures
        assert "1 of 4 conform" in figures
        assert isinstance(app.focused, RowTable)
        # The loading indicator is gone and no longer redraws (it would take the loading
        # thread's interpreter lock on the next reload for nothing).
        assert not app.query_one("#loading").display
        assert app.query_one(Spinner)._timer._task is None  # stopped


@headless
async def test_digits_switch_tabs_and_enter_opens_a_unit_escape_goes_back(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        tabs = app.query_one(TabbedContent)
        for key, tab in (("2", "plan"), ("3", "warnings"), ("4", "services"), ("1", "home")):
            await pilot.press(key)
            await pilot.pause()
            assert tabs.active == tab
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen) and app.screen.unit_id == "hc-beta"
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, UnitScreen)


@headless
async def test_typing_in_the_filter_narrows_the_units_and_x_clears_it(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("slash", *"gavle")
        await pilot.pause()
        assert app.query_one("#filter", Input).value == "gavle"
        assert [r.key for r in units_table(app).rows] == ["hc-alfa", "hc-gamma"]
        await pilot.press("escape", "x")
        await pilot.pause()
        assert units_table(app).row_count == 4


@headless
async def test_s_sorts_the_units_by_the_next_column_and_capital_s_reverses(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        names = [r.key for r in units_table(app).rows]
        await pilot.press("S")
        await pilot.pause()
        assert [r.key for r in units_table(app).rows] == names[::-1]


@headless
async def test_the_mouse_works_a_header_click_sorts_a_click_picks_a_row_a_double_click_opens_it(
    mini: Path,
) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        table = units_table(app)
        await pilot.click("#units", offset=(40, 1))  # the Regi header (inside the border)
        await pilot.pause()
        assert [r.key for r in table.rows] == ["hc-alfa", "hc-gamma", "hc-beta", "hc-delta"]
        await pilot.click("#units", offset=(5, 4))  # the third row
        await pilot.pause()
        assert table.current_key == "hc-beta"
        await pilot.double_click("#units", offset=(5, 4))
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen) and app.screen.unit_id == "hc-beta"


@headless
async def test_the_command_palette_finds_a_unit_by_part_of_its_name_and_opens_it(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"betag")
        await asyncio.sleep(0.3)  # the palette searches in the background
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen)
        assert app.screen.unit_id == "hc-beta"


@headless
async def test_the_command_palette_opens_a_service_in_the_services_tab(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"egenremiss")
        await asyncio.sleep(0.3)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "services"
        assert app.query_one("#service-table", RowTable).current_key == "egenremiss"


@headless
async def test_the_unit_screen_shows_offerings_deviations_and_steps_with_reasons(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-gamma")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnitScreen)
        steps = screen.query_one("#steps", RowTable)
        model = app.model
        assert model is not None
        listed: list[Mapping[str, Sequence[object]]] = [
            model.warnings_by_unit,
            model.unschedulable_by_unit,
            model.steps_by_unit,
        ]
        assert steps.row_count == sum(len(index.get("hc-gamma", ())) for index in listed)
        title = str(screen.query_one("#unit-title", Static).render())
        assert "Gamma Din hälsocentral" in title and "units/hc-gamma.yaml" in title
        assert screen.query_one("#deviations").row_count == 2  # type: ignore[attr-defined]


@headless
async def test_enter_on_a_warning_opens_its_unit(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        table = app.query_one("#warnings-table", RowTable)
        assert table.row_count == 6
        assert "error" in str(table.rows[0].cells[0])
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen) and app.screen.unit_id == "hc-beta"


@headless
async def test_s_and_capital_s_list_the_warnings_as_a_fresh_sort_by_the_column_each_time(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("3")
        await pilot.pause()
        model = app.model
        assert model is not None
        table = app.query_one("#warnings-table", RowTable)
        column, reverse = "severity", False
        # Round the columns twice, turning each order around and back on the way.
        for key in ("S", "S", *"sSs" * len(figures.WARNING_SORTS), *"sS" * len(figures.WARNING_SORTS)):
            await pilot.press(key)
            await pilot.pause()
            if key == "S":
                reverse = not reverse
            else:
                column = figures.WARNING_SORTS[(figures.WARNING_SORTS.index(column) + 1) % len(figures.WARNING_SORTS)]
                reverse = False
            fresh = figures.sort_warnings(list(figures.warning_rows(model)), column, reverse)
            listed = [tuple(str(cell) for cell in row.cells[1:]) for row in table.rows]
            assert listed == [(r.code, r.unit_name, r.service_name, r.message) for r in fresh], (column, reverse)


@headless
async def test_the_footer_shows_the_keys_of_what_has_the_focus_after_every_change_of_focus(mini: Path) -> None:
    app = make_app(mini)

    def footer() -> list[str]:
        return [key.key for key in app.screen.query(FooterKey)]

    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        on_table = footer()
        assert "enter" in on_table and "s" in on_table
        for key, shown in (("slash", ["slash", "ctrl+q", "ctrl+p"]), ("escape", on_table), ("slash", None)):
            await pilot.press(key)
            await pilot.pause()
            await pilot.pause()
            assert footer() == (shown or ["slash", "ctrl+q", "ctrl+p"])
        await pilot.press("escape", "enter")
        await pilot.pause()
        assert isinstance(app.screen, UnitScreen) and "escape" in footer()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.pause()
        assert footer() == on_table
        await pilot.press("3")
        await pilot.pause()
        await pilot.pause()
        assert footer() == [key for key in on_table if key not in ("slash", "x")]


@headless
async def test_the_plan_tab_shows_the_timeline_and_the_steps_of_the_highlighted_week(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        timeline = app.query_one(Timeline)
        assert timeline.current_key == "hc-alfa"
        weeks = app.query_one("#weeks", RowTable)
        assert weeks.row_count == 12
        steps = app.query_one("#week-steps", RowTable)
        assert steps.row_count == 2  # week 1: the two running parallels are redirected
        await pilot.press("g")
        await pilot.pause()
        assert app.query_one(PlanPane).group == "service"
        await pilot.press("down", "enter")  # the e-tjänst's row opens it in Services
        await pilot.pause()
        assert app.query_one(TabbedContent).active == "services"


@headless
async def test_the_services_tree_opens_dependents_on_demand(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("4")
        await pilot.pause()
        tree = app.query_one("#service-tree", Tree)
        root_ids = [node.data for node in tree.root.children]
        assert "mina-vardkontakter" in root_ids and "receptfornyelse" not in root_ids
        node = tree.root.children[root_ids.index("mina-vardkontakter")]
        node.expand()
        await pilot.pause()
        assert [child.data for child in node.children] == ["omboka-tid", "receptfornyelse"]  # by name


@headless
async def test_what_if_recomputes_the_plan_in_a_worker_and_shows_both_end_weeks(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, WhatIfScreen)
        capacity = app.screen.query_one("#capacity", Input)
        capacity.value = "1"
        await pilot.press("enter")
        await app.screen.workers.wait_for_complete()
        await pilot.pause()
        result = str(app.screen.query_one("#what-if-result", Static).render())
        assert "capacity 2 → 1" in result
        assert "Current plan ends v. 7 (2027)" in result and "this what-if ends" in result
        await pilot.press("escape")
        await pilot.pause()
        figures = str(app.query_one("#figures", Static).render())
        assert "What-if ends" in figures and "capacity 2 → 1" in figures


@headless
async def test_what_if_rejects_a_number_that_is_not_one(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("w")
        await pilot.pause()
        app.screen.query_one("#start", Input).value = "2027-02-30"
        await pilot.press("enter")
        await pilot.pause()
        assert "a date written YYYY-MM-DD" in str(app.screen.query_one("#what-if-result", Static).render())


@headless
async def test_an_invalid_edit_shows_the_errors_with_file_and_line_and_keeps_the_last_good_state(
    mini_copy: Path,
) -> None:
    app = make_app(mini_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        good = app.model
        unit = mini_copy / "units" / "hc-alfa.yaml"
        text = unit.read_text(encoding="utf-8")
        unit.write_text(text.replace("regi: egen", "regi: kommunal"), encoding="utf-8")
        await pilot.press("r")
        await settled(app, pilot)
        panel = app.query_one(ProblemsPanel)
        assert panel.has_class("-shown")
        shown = str(panel.query_one("#problems-text", Static).render())
        assert f"{mini_copy.as_posix()}/units/hc-alfa.yaml:3:7" in shown
        assert app.model is good and units_table(app).row_count == 4
        assert "showing the last good state" in str(app.query_one("#status-bar", Static).render())

        unit.write_text(text, encoding="utf-8")
        await pilot.press("r")
        await settled(app, pilot)
        assert not panel.has_class("-shown")
        assert app.model is not good and app.problems == ()


@headless
async def test_an_edit_is_picked_up_by_polling_without_a_key(mini_copy: Path) -> None:
    app = ExploreApp(str(mini_copy), today=TODAY, poll_seconds=0.05)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        unit = mini_copy / "units" / "hc-delta.yaml"
        unit.write_text(unit.read_text(encoding="utf-8").replace("Delta hälsocentral", "Deltat"), encoding="utf-8")
        # No key is pressed: the poll (every 0.05 s) must find the edit. Waited for, not timed:
        # the bound only stops a broken poll from hanging the suite (a loaded machine is slow).
        give_up = time.monotonic() + 120
        while time.monotonic() < give_up:
            await asyncio.sleep(0.05)
            await pilot.pause()
            if app.model is not None and app.model.unit("hc-delta").name == "Deltat":  # type: ignore[union-attr]
                break
        await settled(app, pilot)
        assert "hc-delta" in [r.key for r in units_table(app).rows]
        assert app.model.unit("hc-delta").name == "Deltat"  # type: ignore[union-attr]


@headless
async def test_a_catalogue_broken_from_the_start_shows_its_errors_instead_of_crashing(mini_copy: Path) -> None:
    services = mini_copy / "services.yaml"
    good = services.read_text(encoding="utf-8")
    services.write_text("services:\n  - id: Bad Id\n", encoding="utf-8")
    app = make_app(mini_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        assert app.model is None
        panel = app.query_one(ProblemsPanel)
        assert panel.has_class("-shown") and panel.has_class("-alone")
        assert "services.yaml:2:" in str(panel.query_one("#problems-text", Static).render())

        services.write_text(good, encoding="utf-8")
        await pilot.press("r")
        await settled(app, pilot)
        assert app.model is not None and not panel.has_class("-shown")
        assert units_table(app).row_count == 4


@headless
async def test_question_mark_shows_the_keys_and_escape_closes_them(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


@headless
async def test_ctrl_q_quits(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


@pytest.mark.parametrize("size", [(80, 24), (200, 60)])
@headless
async def test_the_explorer_works_in_small_and_large_terminals(mini: Path, size: tuple[int, int]) -> None:
    app = make_app(mini)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        for key in ("2", "3", "4", "1", "enter", "escape"):
            await pilot.press(key)
            await pilot.pause()
        assert units_table(app).row_count == 4


@headless
async def test_the_unit_screen_lists_an_exemption_that_waives_nothing(mini_copy: Path) -> None:
    unit = mini_copy / "units" / "hc-gamma.yaml"
    text = unit.read_text(encoding="utf-8")
    assert text.endswith("reason: Lokalbrist}\n")  # the last line is an exemption: add one more
    unit.write_text(text + '  - {service: egenremiss, channel: "1177", until: 2027-06-30, reason: Ingen}\n')
    app = make_app(mini_copy)
    async with app.run_test(size=SIZE) as pilot:
        await settled(app, pilot)
        app.open_unit("hc-gamma")
        await pilot.pause()
        table = app.screen.query_one("#deviations")
        kinds = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]  # type: ignore[attr-defined]
        assert kinds.count("unused exemption") == 1


@headless
async def test_overlapping_reloads_leave_the_interpreters_switch_interval_as_it_was(mini: Path) -> None:
    import gc
    import sys

    before = sys.getswitchinterval()
    app = ExploreApp(str(mini), today=TODAY, poll_seconds=None, tune=True)
    app.animation_level = "none"
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("r", "r", "r")
            await settled(app, pilot)
        assert sys.getswitchinterval() == before
        assert gc.isenabled()
    finally:
        gc.unfreeze()  # tune=True sets the model aside from the collector; give it back
        sys.setswitchinterval(before)
