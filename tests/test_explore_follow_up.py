"""The explorer's follow-up tab (issue 10 item 5): take-up per e-tjänst and per hälsocentral,
the flags with Enter opening the unit, and a month-by-month chart per e-tjänst."""

from __future__ import annotations

from pathlib import Path

import pytest
from explore_support import TODAY, headless, make_app, settled
from textual.widgets import Static

from planner.tui import data, followups
from planner.tui.screens.detail import DetailScreen
from planner.tui.screens.unit import UnitScreen
from planner.tui.widgets.rowtable import RowTable

FOLLOWUP = Path(__file__).parent / "fixtures" / "followup"


def test_the_model_carries_the_same_follow_up_as_the_command(mini: Path) -> None:
    from planner.followup.compute import follow_up

    model = data.load_model(str(FOLLOWUP), None, TODAY)
    assert isinstance(model, data.Model) and model.follow_up_state == "ready"
    assert model.follow_up == follow_up(model.catalog, model.catalog.usage)
    without = data.load_model(str(mini), None, TODAY)
    assert isinstance(without, data.Model)
    assert without.follow_up is None and without.follow_up_state == "no_data"


def test_flags_list_warnings_first_then_information() -> None:
    model = data.load_model(str(FOLLOWUP), None, TODAY)
    assert isinstance(model, data.Model) and model.follow_up is not None
    severities = [row.flag.severity for row in followups.flags(model, model.follow_up)]
    assert severities and severities == sorted(severities, key=lambda s: s != "warning")


def test_a_bar_fills_as_much_as_the_take_up() -> None:
    assert followups.bar(0.5, 10) == "█████░░░░░"
    assert followups.bar(None, 4) == "····"


@pytest.mark.parametrize("size", [(80, 24), (140, 45)])
@headless
async def test_the_follow_up_tab_shows_take_up_per_service_and_flags_that_open_their_unit(
    size: tuple[int, int],
) -> None:
    app = make_app(FOLLOWUP)
    async with app.run_test(size=size) as pilot:
        await settled(app, pilot)
        await pilot.press("6")
        await pilot.pause()
        model = app.model
        assert model is not None and model.follow_up is not None
        table = app.query_one("#followup-table", RowTable)
        assert table.row_count == len(model.follow_up.services)
        assert table.scrollable_content_region.height - 1 >= 3
        await pilot.press("enter")  # the first e-tjänst's months as bars
        await pilot.pause()
        assert isinstance(app.screen, DetailScreen)
        chart = str(app.screen.query_one("#detail-text", Static).render())
        assert "month by month" in chart and "█" in chart
        await pilot.press("escape", "u")
        await pilot.pause()
        assert table.row_count == len(model.follow_up.units)
        flags = app.query_one("#followup-flags", RowTable)
        assert flags.row_count == len(model.follow_up.flags) > 0
        flags.focus()
        await pilot.press("enter")
        await pilot.pause()
        first = followups.flags(model, model.follow_up)[0]
        assert isinstance(app.screen, UnitScreen) and app.screen.unit_id == first.flag.unit


@headless
async def test_without_usage_data_the_tab_says_where_to_put_it(mini: Path) -> None:
    app = make_app(mini)
    async with app.run_test(size=(80, 24)) as pilot:
        await settled(app, pilot)
        await pilot.press("6")
        await pilot.pause()
        assert "usage/" in str(app.query_one("#followup-summary", Static).render())
