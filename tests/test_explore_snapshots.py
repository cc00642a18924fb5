"""Every screen of the explorer, as an SVG snapshot of the mini catalogue at 140 × 45 and at
80 × 24 (a laptop's default terminal: the main content must still show).

The catalogue's as_of is fixed and the app reads no clock, so the pictures only change when
what the explorer shows changes. After a deliberate change, look at the new pictures and
update them: `pytest tests/test_explore_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import shutil
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Tree

from planner.tui.app import ExploreApp
from planner.tui.screenshots import settle
from planner.tui.widgets.rowtable import RowTable

REPO = Path(__file__).resolve().parents[1]
MINI = "tests/fixtures/mini"  # relative, from the repository root: the path is on screen
SIZES = pytest.mark.parametrize("size", [(140, 45), (80, 24)], ids=["140x45", "80x24"])

SnapCompare = Callable[..., bool]


@pytest.fixture(autouse=True)
def _at_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)


def make_app(catalog: str = MINI) -> ExploreApp:
    app = ExploreApp(catalog, today=date(2026, 11, 23), poll_seconds=None)
    app.animation_level = "none"
    return app


async def settled(pilot: Pilot[Any]) -> None:
    app = pilot.app
    assert isinstance(app, ExploreApp)
    await settle(app, pilot)
    for field in app.screen.query(Input):
        field.cursor_blink = False  # a blinking cursor would make the picture flicker
    await pilot.pause()


def after(*keys: str) -> Callable[[Pilot[Any]], Awaitable[None]]:
    """Wait for the load, press `keys`, wait again."""

    async def run(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        for key in keys:
            await pilot.press(key)
            await settled(pilot)

    return run


@SIZES
def test_overview_and_units(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after())


@SIZES
def test_units_filtered(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("slash", *"gavle", "escape"))


@SIZES
def test_unit_detail(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("down", "enter"))


@SIZES
def test_plan_timeline_per_unit(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("2"))


@SIZES
def test_plan_timeline_per_service(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("2", "g", "down"))


@SIZES
def test_warnings(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("3"))


@SIZES
def test_services(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await after("4")(pilot)
        tree = pilot.app.query_one("#service-tree", Tree)
        tree.root.children[0].expand()
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@SIZES
def test_what_if(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await after("w")(pilot)
        pilot.app.screen.query_one("#capacity", Input).value = "1"
        await pilot.press("enter")
        await pilot.app.screen.workers.wait_for_complete()
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@SIZES
def test_help(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("question_mark"))


@SIZES
def test_errors_keep_the_last_good_state(
    snap_compare: SnapCompare, size: tuple[int, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(REPO / MINI, tmp_path / "catalog")
    monkeypatch.chdir(tmp_path)  # so the paths on screen are `catalog/…` on every machine
    unit = tmp_path / "catalog" / "units" / "hc-alfa.yaml"

    async def run(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        unit.write_text(unit.read_text(encoding="utf-8").replace("regi: egen", "regi: kommunal"), encoding="utf-8")
        await pilot.press("r")
        await settled(pilot)

    assert snap_compare(make_app("catalog"), terminal_size=size, run_before=run)


@SIZES
def test_deviations(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("5"))


@SIZES
def test_warnings_with_the_info_group_open(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    assert snap_compare(make_app(), terminal_size=size, run_before=after("3", "end", "enter"))


@SIZES
def test_what_changed_after_a_what_if(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await after("w")(pilot)
        pilot.app.screen.query_one("#capacity", Input).value = "1"
        await pilot.press("enter")
        await pilot.app.screen.workers.wait_for_complete()
        await settled(pilot)
        await pilot.press("ctrl+d")
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@SIZES
def test_a_step_explained(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    async def run(pilot: Pilot[Any]) -> None:
        await settled(pilot)
        app = pilot.app
        assert isinstance(app, ExploreApp)
        app.open_unit("hc-alfa")
        await settled(pilot)
        steps = app.screen.query_one("#steps", RowTable)
        steps.focus()
        steps.move_to("step:enable:omboka-tid")
        await pilot.press("enter")
        await settled(pilot)

    assert snap_compare(make_app(), terminal_size=size, run_before=run)


@SIZES
def test_follow_up(snap_compare: SnapCompare, size: tuple[int, int]) -> None:
    app = make_app("tests/fixtures/followup")
    assert snap_compare(app, terminal_size=size, run_before=after("6"))
