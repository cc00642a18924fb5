"""How fast `mvgplan explore` opens and answers keys, headless (Textual's `run_test`).

    python benchmarks/bench_explore.py                         # the shipped catalogue
    python benchmarks/bench_explore.py --catalog /tmp/national # 1,200 units x 150 services

(make the national one with `python benchmarks/generate.py --units 1200 --services 150
--seed 1 --out /tmp/national`). Prints, in seconds:

* `load_catalog` alone, outside the app (the floor for everything else);
* window up: from starting the app to its first frame (the loading indicator), when the
  load begins;
* units on screen: from starting the app until the units table has its rows (targets:
  shipped ≤ 1 s; national ≤ load + 1 s); units painted: until the frame after that is drawn
  (what a person sees); "units painted − load" is that less `load_catalog` alone, also in CPU
  seconds of the whole process (steadier than wall time on a busy machine: the loading thread
  and the UI share one interpreter lock, so their CPU adds up on the way to the first screen);
  "units painted − that load" subtracts the app's own load in the same run instead (its
  loading thread's wall and CPU time), which leaves out how much one load differs from the next;
* everything drawn: until the basutbud report and the plan are drawn too;
* keys: a key in the units filter, a cursor move, the first visit of each tab..., each
  until the screen is idle again, as wall time and as CPU time. The pilot's own overhead
  per key is the first row (a key nothing is bound to); a tab switch also waits for the
  tab underline's animation, so its wall time is longer than the work it causes.

A benchmark, not a test: it reports and never fails; compare runs on the same machine.
"""

from __future__ import annotations

import repo_venv  # beside this script: `python benchmarks/x.py` runs it in the repo's .venv

repo_venv.use()

import argparse
import asyncio
import gc
import sys
import time
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

import planner.tui.data
from planner.catalog.loader import LoadResult, load_catalog
from planner.speed import bulk_work
from planner.tui.app import ExploreApp
from planner.tui.data import Model

IN_APP: dict[str, float] = {}
"""The app's own catalogue load, timed in its loading thread (wall, and that thread's CPU)."""


def timed_load(path: str) -> LoadResult:
    begin, cpu = time.perf_counter(), time.thread_time()
    try:
        return load_catalog(path)
    finally:
        IN_APP.setdefault("wall", time.perf_counter() - begin)
        IN_APP.setdefault("cpu", time.thread_time() - cpu)


planner.tui.data.load_catalog = timed_load  # what `data.stages` calls
from planner.tui.widgets.rowtable import RowTable


class TimedApp(ExploreApp):
    """The explorer, noting when each loading stage has been drawn."""

    def __init__(self, catalog: str) -> None:
        super().__init__(catalog, today=date(2026, 11, 23), poll_seconds=None, tune=True)
        self.started = time.perf_counter()
        self.cpu_started = time.process_time()
        self.stamps: dict[str, float] = {}
        self.done = asyncio.Event()

    def action_reload(self) -> None:
        # The first load starts right after the first frame is drawn: the window is up.
        self._stamp("window up (first frame)")
        super().action_reload()

    def _stamp(self, label: str) -> None:
        """Wall and CPU time (every thread of the process) since the app was made."""
        if label not in self.stamps:
            self.stamps[label] = time.perf_counter() - self.started
            self.stamps[f"{label} (cpu)"] = time.process_time() - self.cpu_started

    def _show_model(self, model: Model) -> None:
        super()._show_model(model)
        self._stamp("units on screen")
        if "units painted" not in self.stamps:
            self.call_after_refresh(self._stamp, "units painted")
        if model.plan_state != "pending":
            self._stamp("everything drawn")
            self.done.set()


async def measure(catalog: str, size: tuple[int, int]) -> dict[str, float]:
    app = TimedApp(catalog)
    times: dict[str, float] = {}
    async with app.run_test(size=size) as pilot:
        await asyncio.wait_for(app.done.wait(), timeout=600)
        await pilot.pause()
        times.update(app.stamps)
        assert app.query_one("#units", RowTable).row_count > 0

        async def timed(label: str, *keys: str) -> None:
            begin, cpu = time.perf_counter(), time.process_time()
            await pilot.press(*keys)
            await pilot.pause()
            times[label] = time.perf_counter() - begin
            times[f"{label} (cpu)"] = time.process_time() - cpu

        # What the pilot itself costs per key: a key nothing is bound to.
        await timed("baseline: unbound key", "f12")
        await timed("cursor down (units)", "down")
        await timed("focus filter", "slash")
        await timed("filter key 'a'", "a")
        await timed("filter key 'l'", "l")
        await timed("filter key backspace", "backspace")
        await timed("escape to table", "escape")
        await timed("sort by next column", "s")
        await timed("open a hälsocentral", "enter")
        await timed("back", "escape")
        await timed("first visit: plan", "2")
        await timed("timeline cursor down", "down")
        await timed("timeline per e-tjänst", "g")
        await timed("first visit: warnings", "3")
        await timed("warnings sort", "s")
        await timed("warnings reverse", "S")
        await timed("first visit: services", "4")
        await timed("back to overview", "1")
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--catalog", default=str(REPO / "catalog"))
    parser.add_argument("--width", type=int, default=140)
    parser.add_argument("--height", type=int, default=45)
    args = parser.parse_args()

    with bulk_work():  # as the explorer's loading thread runs it
        begin, cpu = time.perf_counter(), time.process_time()
        result = load_catalog(args.catalog)
        load, load_cpu = time.perf_counter() - begin, time.process_time() - cpu
    if result.catalog is None:
        print(f"{args.catalog}: the catalogue has errors; fix them first", file=sys.stderr)
        return 2
    print(f"catalogue: {args.catalog} ({len(result.catalog.units)} units, {len(result.catalog.services)} services)")
    print(f"{'':<28} {'wall':>9} {'cpu':>9}")
    print(f"{'load_catalog alone':<28} {load:7.3f} s {load_cpu:7.3f} s")
    del result  # the app loads its own; a second copy would only slow the garbage collector
    gc.collect()
    times = asyncio.run(measure(args.catalog, (args.width, args.height)))
    after_load = times["units painted"] - load, times["units painted (cpu)"] - load_cpu
    print(f"{'units painted − load':<28} {after_load[0]:7.3f} s {after_load[1]:7.3f} s")
    print(f"{'load in the app':<28} {IN_APP['wall']:7.3f} s {IN_APP['cpu']:7.3f} s")
    beyond = times["units painted"] - IN_APP["wall"], times["units painted (cpu)"] - IN_APP["cpu"]
    print(f"{'units painted − that load':<28} {beyond[0]:7.3f} s {beyond[1]:7.3f} s")
    for label, seconds in times.items():
        if label.endswith(" (cpu)"):
            continue
        cpu = times.get(f"{label} (cpu)")
        print(f"{label:<28} {seconds:7.3f} s" + (f" {cpu:7.3f} s" if cpu is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
