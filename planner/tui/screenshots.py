"""Write an SVG screenshot of every screen of the explorer, for docs/explore.md.

    python -m planner.tui.screenshots                # the shipped catalogue into docs/images
    python -m planner.tui.screenshots -c CATALOG -o DIR

Run from the repository root, so the catalogue's path on screen reads `catalog`. The
pictures show the catalogue's own as_of, never today, so they change only when the
catalogue or the explorer does.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Tree

from planner.tui.app import ExploreApp

SIZE = (140, 45)

# (file stem, keys pressed from the overview); each screen starts from a fresh app.
SCREENS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("explore-overview", ()),
    ("explore-unit", ("down", "down", "enter")),
    ("explore-plan", ("2",)),
    ("explore-plan-services", ("2", "g")),
    ("explore-warnings", ("3",)),
    ("explore-services", ("4",)),
    ("explore-what-if", ("w",)),
    ("explore-help", ("question_mark",)),
    ("explore-search", ("ctrl+p", *"bolln")),
)


async def settle(app: ExploreApp, pilot: Pilot[Any], rounds: int = 500) -> bool:
    """Wait until the load (all stages), every other worker (a tab's, a screen's: the app
    keeps them all) and anything they posted have been handled; False if that took more
    than `rounds` rounds. The one wait every headless drive of the explorer uses."""
    for _ in range(rounds):
        await app.workers.wait_for_complete()
        await pilot.pause()
        if not app._loading and not app.workers:
            return True
        await asyncio.sleep(0.01)
    return False


async def _settle(app: ExploreApp, pilot: Pilot[None]) -> None:
    await settle(app, pilot, rounds=3000)
    for field in app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def _shoot(catalog: str, out: Path, stem: str, keys: Sequence[str]) -> Path:
    app = ExploreApp(catalog, today=date.today(), poll_seconds=None)
    app.animation_level = "none"
    async with app.run_test(size=SIZE) as pilot:
        await _settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await _settle(app, pilot)
        if stem == "explore-services":
            tree = app.query_one("#service-tree", Tree)
            tree.root.children[0].expand()
        if stem == "explore-what-if":
            app.screen.query_one("#capacity", Input).value = "10"
            await pilot.press("enter")
            await app.screen.workers.wait_for_complete()
        if stem == "explore-search":
            await asyncio.sleep(0.5)  # the palette searches in the background
        await _settle(app, pilot)
        return Path(app.save_screenshot(filename=f"{stem}.svg", path=str(out)))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write an SVG screenshot of every explorer screen.")
    parser.add_argument("-c", "--catalog", default="catalog")
    parser.add_argument("-o", "--out", default="docs/images")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for stem, keys in SCREENS:
        written = asyncio.run(_shoot(args.catalog, out, stem, keys))
        print(written)
    return 0


if __name__ == "__main__":
    sys.exit(main())
