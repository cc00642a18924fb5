"""`mvgplan explore`: the Textual app. A thin shell over `planner.tui.data`.

The window appears at once; the catalogue is loaded, checked and planned in a thread worker
(`data.stages`), and each finished stage is posted back and drawn, so the units show as soon
as the catalogue is read. The folder is polled for edits; a load that finds input errors
shows them, file:line first, and the screens keep the last good state.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Header, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from planner import counted
from planner.i18n import _
from planner.problems import Problem
from planner.speed import bulk_work
from planner.tui import data, figures, watch, words
from planner.tui.messages import Highlight, OpenService, OpenUnit, RecordStep
from planner.tui.panes.base import LazyPane
from planner.tui.panes.deviations import DeviationsPane
from planner.tui.panes.followup import FollowUpPane
from planner.tui.panes.home import HomePane
from planner.tui.panes.plan import PlanPane
from planner.tui.panes.progress import ProgressPane
from planner.tui.panes.services import ServicesPane
from planner.tui.panes.warnings import WarningsPane
from planner.tui.screens.changes import ChangesScreen
from planner.tui.screens.help import HelpScreen
from planner.tui.screens.record import RecordRequest, RecordScreen
from planner.tui.screens.unit import UnitScreen
from planner.tui.screens.whatif import WhatIfComputed, WhatIfScreen
from planner.tui.search import CatalogueSearch
from planner.tui.widgets.footer import KeysFooter
from planner.tui.widgets.problems import ErrorBanner, ProblemsPanel

POLL_SECONDS = 1.0
LOAD_SWITCH_INTERVAL = 0.04
SPINNER_FPS = 4
"""How often the loading indicator moves. Each frame costs the UI thread a redraw that the
loading thread waits for (one interpreter lock): Textual's 16 a second cost a national load
0.3–0.5 s of its time; 4 still show the explorer is busy."""
FIRST_PAINT_WAIT = 2.0
"""At most this long the loading thread waits, after the first stage, for the units to be on
screen before it goes on checking and planning (see `_load`)."""
TABS = ("home", "plan", "warnings", "services", "deviations", "follow-up", "progress")
TAB_FOCUS = {
    "home": "#units",
    "plan": "#timeline",
    "warnings": "#warnings-table",
    "services": "#service-tree",
    "deviations": "#deviations-table",
    "follow-up": "#followup-table",
    "progress": "#progress-table",
}
"""The widget each tab puts the focus on when it is shown."""
# Keys that make no sense while a dialog (what-if, help, the palette) is open.
MAIN_ONLY = {"tab", "what_if", "what_if_changes", "reload", "help"}


class Spinner(Static):
    """A loading indicator that moves `SPINNER_FPS` times a second (Textual's own redraws 16
    times) and stops for good once the first state is shown (`stop`)."""

    FRAMES = ("●∙∙∙∙", "∙●∙∙∙", "∙∙●∙∙", "∙∙∙●∙", "∙∙∙∙●", "∙∙∙●∙", "∙∙●∙∙", "∙●∙∙∙")

    def on_mount(self) -> None:
        self._frame = 0
        self.update(self.FRAMES[0])
        self._timer = self.set_interval(1 / SPINNER_FPS, self._step)

    def _step(self) -> None:
        self._frame = (self._frame + 1) % len(self.FRAMES)
        self.update(self.FRAMES[self._frame])

    def stop(self) -> None:
        self._timer.stop()


class StageLoaded(Message):
    """A loading stage finished in the worker thread (see `data.stages`)."""

    def __init__(self, stage: data.Model | data.Failed, generation: int) -> None:
        super().__init__()
        self.stage = stage
        self.generation = generation


class ExploreApp(App[None]):
    """The explorer over the catalogue at `catalog_path`."""

    # Absolute, so a subclass elsewhere (a benchmark, a test) finds it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = words.TITLE
    # The stylesheet gives the main content the room first in a small terminal (80 × 24):
    # side panels move below or give way (see app.tcss).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (120, "-wide")]  # noqa: RUF012 (Textual's own ClassVar)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (36, "-tall")]  # noqa: RUF012
    COMMANDS = App.COMMANDS | {CatalogueSearch}
    BINDINGS: ClassVar[list[BindingType]] = [
        # The tab labels show these digits already; the footer keeps room for the rest.
        Binding("1", "tab('home')", words.KEY_OVERVIEW, show=False),
        Binding("2", "tab('plan')", words.KEY_PLAN, show=False),
        Binding("3", "tab('warnings')", words.KEY_WARNINGS, show=False),
        Binding("4", "tab('services')", words.KEY_SERVICES, show=False),
        Binding("5", "tab('deviations')", _(words.KEY_DEVIATIONS), show=False),
        Binding("6", "tab('follow-up')", _(words.KEY_FOLLOW_UP), show=False),
        Binding("7", "tab('progress')", _(words.KEY_PROGRESS), show=False),
        Binding("w", "what_if", words.KEY_WHAT_IF),
        Binding("d", "what_if_changes", _(words.KEY_CHANGES), show=False),
        Binding("r", "reload", words.KEY_RELOAD),
        Binding("question_mark", "help", words.KEY_HELP_SHORT, key_display="?"),
        Binding("ctrl+q", "quit", words.KEY_QUIT, priority=True),
        # Textual's own palette binding, with its footer word in the run's language.
        Binding("ctrl+p", "command_palette", words.KEY_PALETTE, show=False, priority=True),
    ]

    def __init__(
        self,
        catalog_path: str,
        *,
        as_of: date | None = None,
        today: date | None = None,
        poll_seconds: float | None = POLL_SECONDS,
        tune: bool = False,
    ) -> None:
        super().__init__()
        self.catalog_path = catalog_path
        self.as_of_override = as_of
        # The clock is read by the command line, not here; this fallback is for callers
        # that pass nothing (a catalogue without as_of then shows today's state).
        self.today = today or date.today()
        self.poll_seconds = poll_seconds
        self.tune = tune
        """Tune the interpreter for one big model (see `_load`); process-wide, so off in tests."""
        self.model: data.Model | None = None
        """The last good model: what every screen shows."""
        self.problems: tuple[Problem, ...] = ()
        """The input errors of the last load (empty when it was valid)."""
        self.what_if_result: WhatIfComputed | None = None
        self._generation = 0
        self._signature: watch.Signature | None = None
        self._loading = False
        self._switch_interval = sys.getswitchinterval()
        self._first_paint = threading.Event()
        """Set once the first stage's units are drawn (the loading thread waits for it)."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield ProblemsPanel(id="problems")
        with Vertical(id="loading"):
            with Center():
                yield Spinner()
            with Center():
                yield Static(words.LOADING.format(path=self.catalog_path), id="loading-text")
        with TabbedContent(id="tabs"):
            with TabPane(words.TAB_HOME, id="home"):
                yield HomePane(id="home-pane")
            with TabPane(words.TAB_PLAN, id="plan"):
                yield PlanPane(id="plan-pane")
            with TabPane(words.TAB_WARNINGS, id="warnings"):
                yield WarningsPane(id="warnings-pane")
            with TabPane(words.TAB_SERVICES, id="services"):
                yield ServicesPane(id="services-pane")
            with TabPane(_(words.TAB_DEVIATIONS), id="deviations"):
                yield DeviationsPane(id="deviations-pane")
            with TabPane(_(words.TAB_FOLLOW_UP), id="follow-up"):
                yield FollowUpPane(id="follow-up-pane")
            with TabPane(_(words.TAB_PROGRESS), id="progress"):
                yield ProgressPane(id="progress-pane")
        yield Static(id="status-bar")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = self.catalog_path
        self.query_one("#tabs").display = False
        # Start loading once the loading screen is drawn, so the window is up at once.
        self.call_after_refresh(self.action_reload)
        if self.poll_seconds:
            self.set_interval(self.poll_seconds, self._poll, name="watch-catalogue")

    # Loading.

    def action_reload(self) -> None:
        """Load the catalogue again (also what a changed file triggers)."""
        self._signature = watch.signature(self.catalog_path)
        self._generation += 1
        self._loading = True
        self._status((words.STATUS_RELOADING if self.model else words.STATUS_LOADING).format(path=self.catalog_path))
        self._load(self._generation)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def _load(self, generation: int) -> None:
        worker = get_current_worker()
        if self.tune:
            # Loading and planning are pure Python in this thread; by default it hands the
            # GIL to the UI every 5 ms, which costs a national load a quarter of its speed.
            # 40 ms slices still redraw the spinner and answer keys without a visible lag.
            sys.setswitchinterval(LOAD_SWITCH_INTERVAL)
        # A national model is millions of objects that live until the next reload, none in
        # a cycle. Left to the cyclic collector, the first collection after the load walks
        # every one of them (0.6 s before the units show) and each full one again later
        # (stalls while planning and drawing): collect nothing while loading, and set each
        # stage's objects aside (freeze) once it is built; the model being replaced may go.
        try:
            with bulk_work(active=self.tune, replacing=True) as bulk:
                for stage in data.stages(self.catalog_path, self.as_of_override, self.today, generation):
                    if worker.is_cancelled:
                        return
                    if isinstance(stage, data.Model):
                        bulk.set_aside()
                        figures.prepare(stage)  # count here, so the UI thread only draws
                    first = self.model is None  # this stage will be drawn at once (see _stage_loaded)
                    self.post_message(StageLoaded(stage, generation))
                    if first and isinstance(stage, data.Model) and stage.report_state == "pending":
                        # The units are ready: let the UI thread draw them before the check
                        # and the scheduler take the interpreter again (drawing waits for its
                        # lock at every step, `LOAD_SWITCH_INTERVAL` each time).
                        self._first_paint.wait(FIRST_PAINT_WAIT)
        finally:
            if self.tune:
                # The interval from before the first load: an overlapping reload must not
                # take the raised one for the interpreter's own and keep it for good.
                sys.setswitchinterval(self._switch_interval)

    def _poll(self) -> None:
        if self._loading or self._signature is None:
            # A load is running (its signature was taken when it began; an edit since shows
            # next time), or the first one has not started yet (it starts after the first paint).
            return
        if watch.signature(self.catalog_path) != self._signature:
            self.action_reload()

    @on(StageLoaded)
    def _stage_loaded(self, message: StageLoaded) -> None:
        if message.generation != self._generation:
            return  # a newer load has started; this one's result is stale
        stage = message.stage
        if isinstance(stage, data.Failed):
            self._loading = False
            self._show_problems(stage.problems)
            return
        final = stage.follow_up_state != "pending"
        if stage.report_state == "pending":
            self._status(words.STATUS_CHECKING)
        elif not final:
            self._status(words.STATUS_PLANNING)
        if self.model is not None and not final:
            # A reload shows the new state once it is complete: half a model (no figures,
            # no plan) in place of a whole one would flicker on every save of a file.
            return
        first = self.model is None
        recovered = bool(self.problems)
        if self.model is not None and stage.generation != self.model.generation:
            self.what_if_result = None  # it was computed on the catalogue as it was before
            self.query_one(HomePane).what_if = None
            self.query_one(PlanPane).set_what_if(None)
        self.problems = ()
        self.query_one(ProblemsPanel).hide()
        self._banners(())
        self.model = stage
        if first:
            self.query_one("#loading").display = False
            self.query_one(Spinner).stop()
            self.query_one("#tabs").display = True
        self.sub_title = _("{region} · {path} · as of {as_of}").format(
            region=stage.catalog.region.region, path=self.catalog_path, as_of=stage.as_of.isoformat()
        )
        self._show_model(stage)
        if first:
            self.query_one(HomePane).focus_units()
        self.call_after_refresh(self._first_paint.set)
        if final:
            self._loading = False
            self._status(words.STATUS_READY.format(path=self.catalog_path))
            if recovered:
                self.notify(words.NOTIFY_RECOVERED)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "load" and event.state == WorkerState.ERROR:
            self._loading = False
            self._status(words.NOTIFY_FAILED.format(what="Loading", error=event.worker.error))
            self.notify(str(event.worker.error), severity="error", timeout=10)

    def _show_problems(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        panel = self.query_one(ProblemsPanel)
        panel.show(self.problems, have_good_state=self.model is not None)
        self._banners(self.problems)
        if self.model is None:
            self.query_one("#loading").display = False
            self.query_one(Spinner).stop()
            template = words.STATUS_NEVER_LOADED
        else:
            template = words.STATUS_BROKEN
        self._status(template.format(errors=counted.errors(len(self.problems)), path=self.catalog_path))

    def _banners(self, problems: tuple[Problem, ...]) -> None:
        """Every screen over the tabs (a hälsocentral, a dialog) shows the first error too."""
        for screen in self.screen_stack:
            for banner in screen.query(ErrorBanner):
                banner.show_problems(problems)

    def _show_model(self, model: data.Model) -> None:
        self.query_one(HomePane).show_model(model)
        for pane in self.query(LazyPane):
            pane.show_model(model)
        for screen in self.screen_stack:
            if isinstance(screen, UnitScreen):
                screen.show_model(model)

    def _status(self, text: str) -> None:
        self.query_one("#status-bar", Static).update(text)

    # Navigation.

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (action in MAIN_ONLY and isinstance(self.screen, ModalScreen))

    def _back_to_main(self) -> None:
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def action_tab(self, tab: str) -> None:
        self._back_to_main()
        self.query_one(TabbedContent).active = tab
        self._focus_tab(tab)

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        active = event.pane.id
        for pane in self.query(LazyPane):
            if pane.parent is event.pane:
                pane.activate()
            else:
                pane.deactivate()
        if active is not None:
            self._focus_tab(active)

    def _focus_tab(self, tab: str) -> None:
        if tab in TAB_FOCUS:
            self.query_one(f"#{tab} {TAB_FOCUS[tab]}").focus()

    def open_unit(self, unit_id: str, highlight: Highlight | None = None) -> None:
        """Show one hälsocentral (from a table, the timeline, a warning or the palette)."""
        if self.model is None or self.model.unit(unit_id) is None:
            return
        screen = UnitScreen(unit_id, self.model, highlight)
        if isinstance(self.screen, UnitScreen):
            self.switch_screen(screen)
        elif isinstance(self.screen, ChangesScreen):
            self.push_screen(screen)  # escape goes back to the list of changes
        else:
            self._back_to_main()
            self.push_screen(screen)

    def open_service(self, service_id: str) -> None:
        """Show one e-tjänst in the Services tab."""
        if self.model is None:
            return
        self.action_tab("services")
        self.query_one(ServicesPane).show_service(service_id)

    @on(OpenUnit)
    def _open_unit(self, message: OpenUnit) -> None:
        self.open_unit(message.unit_id, message.highlight)

    @on(RecordStep)
    def _record_step(self, message: RecordStep) -> None:
        self.record_step(message.unit_id, message.service_id, message.action)

    def record_step(self, unit_id: str, service_id: str, action: str) -> None:
        """Mark a step done through `mvgplan record`'s core, after showing the change."""
        model = self.model
        if model is None:
            return
        if self.problems:
            self.notify(_("Fix the catalogue's errors first: a change is checked against the whole catalogue."))
            return
        title = _("{action} {service} at {unit}").format(
            action=words.ACTIONS.get(action, action),
            service=model.service_name(service_id),
            unit=model.unit_name(unit_id),
        )

        def done(written: bool | None) -> None:
            if written:
                self.notify(_("Recorded: {what}. Reloading the catalogue.").format(what=title))
                self.action_reload()

        self.push_screen(
            RecordScreen(model.catalog, RecordRequest(unit_id, service_id, action, title), self.today), done
        )

    @on(OpenService)
    def _open_service(self, message: OpenService) -> None:
        if message.in_plan:
            self.action_tab("plan")
            self.query_one(PlanPane).show_service(message.service_id)
        else:
            self.open_service(message.service_id)

    def action_help(self) -> None:
        self.push_screen(HelpScreen())

    def action_what_if(self) -> None:
        if self.model is None:
            return

        def done(result: WhatIfComputed | None) -> None:
            if result is not None:
                self.what_if_result = result
                self.query_one(HomePane).show_what_if(result.plan, result.changes)
                self.query_one(PlanPane).set_what_if(result.plan)
                if result.show_changes:
                    self.action_what_if_changes()

        self.push_screen(WhatIfScreen(self.model, self.what_if_result), done)

    def action_what_if_changes(self) -> None:
        """`d`: what the last what-if changed, step by step, per hälsocentral."""
        if self.model is None or self.what_if_result is None:
            self.notify(_("Run a what-if first (w)."))
            return
        self._back_to_main()
        self.push_screen(ChangesScreen(self.model, self.what_if_result.plan, self.what_if_result.changes))

    async def action_quit(self) -> None:
        self.exit()


def run(catalog_path: str, as_of: date | None, today: date) -> None:
    """Start the explorer in the terminal (the `mvgplan explore` command)."""
    ExploreApp(catalog_path, as_of=as_of, today=today, tune=True).run()
