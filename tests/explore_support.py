"""The explorer's pilot-test set-up, shared by the tests/test_explore_*.py files."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from datetime import date
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from planner.tui.app import ExploreApp
from planner.tui.screenshots import settle

TODAY = date(2026, 11, 23)


def headless(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async pilot test in its own event loop (no asyncio plugin needed)."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


def make_app(catalog: Path, poll_seconds: float | None = None, as_of: date | None = None) -> ExploreApp:
    """An explorer on `catalog` as of TODAY (or `as_of`, also its today); no polling unless
    asked, so nothing changes under a test."""
    app = ExploreApp(str(catalog), as_of=as_of, today=as_of or TODAY, poll_seconds=poll_seconds)
    app.animation_level = "none"  # a tab switch need not wait for its underline to glide
    return app


async def settled(app: ExploreApp, pilot: Pilot[None]) -> None:
    """`planner.tui.screenshots.settle`, failing the test when the explorer does not settle."""
    if not await settle(app, pilot):
        raise AssertionError("the explorer did not settle")
