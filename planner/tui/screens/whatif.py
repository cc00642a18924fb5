"""`w`: change capacity, minimum parallel weeks or the start date and see the plan's new end.

The plan is recomputed in a thread worker, so the window keeps answering keys while the
scheduler runs; the result shows the new end week beside the current one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, LoadingIndicator, Static
from textual.worker import Worker, WorkerState, get_current_worker

from planner.i18n import _
from planner.limits import MAX_PARALLEL_MIN_WEEKS, parse_whole_number
from planner.plan.model import Plan, PlanOptions
from planner.tui import data, words
from planner.tui.widgets.footer import KeysFooter
from planner.tui.widgets.problems import ErrorBanner


@dataclass(frozen=True)
class WhatIfComputed:
    """What the worker hands back: the options it planned with and the plan (None: no planner)."""

    options: PlanOptions
    plan: Plan
    changes: tuple[str, ...]
    """`capacity 6 → 10` …, from the plan's own overrides."""
    show_changes: bool = False
    """The dialog was closed with "what changed": the app opens that view next."""


def parse_number(text: str, field: str, least: int, most: int | None = None) -> int:
    try:  # the command line's rules: digits 0-9, at most 18 of them, within the catalogue's cap
        return parse_whole_number(text.strip(), least, most)
    except ValueError as exc:
        raise ValueError(f"{words.WHAT_IF_BAD_NUMBER.format(field=field, least=least)} ({exc})") from None


def parse_day(text: str, field: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        if len(text) != 10:
            raise ValueError
        return date.fromisoformat(text)
    except ValueError:
        raise ValueError(words.WHAT_IF_BAD_DATE.format(field=field)) from None


class WhatIfScreen(ModalScreen[WhatIfComputed | None]):
    """A small form; Recompute (or enter) plans in a worker; escape closes and keeps the result."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", words.WHAT_IF_CLOSE),
        Binding("ctrl+d", "changes", _(words.KEY_CHANGES), priority=True),
    ]

    def __init__(self, model: data.Model, previous: WhatIfComputed | None = None) -> None:
        super().__init__()
        self.model = model
        self.result: WhatIfComputed | None = previous

    def compose(self) -> ComposeResult:
        policy = self.model.catalog.region.policy
        start = self.model.catalog.region.plan.start
        if self.result is not None:
            options = self.result.options
            capacity = options.enables_per_week or policy.capacity.enables_per_week
            minimum = policy.parallel_weeks.min if options.parallel_min is None else options.parallel_min
            start = options.start or start
        else:
            capacity, minimum = policy.capacity.enables_per_week, policy.parallel_weeks.min
        yield ErrorBanner()
        with Vertical(id="what-if-box") as box:
            box.border_title = words.WHAT_IF_TITLE
            with Horizontal(classes="field"):
                yield Label(words.WHAT_IF_CAPACITY)
                yield Input(str(capacity), id="capacity", type="integer")
            with Horizontal(classes="field"):
                yield Label(words.WHAT_IF_MIN)
                yield Input(str(minimum), id="minimum", type="integer")
            with Horizontal(classes="field"):
                yield Label(words.WHAT_IF_START)
                yield Input(start.isoformat() if start else "", id="start", placeholder=self._default_start())
            with Horizontal(id="what-if-buttons"):
                yield Button(words.WHAT_IF_RUN, id="run", variant="primary")
                yield Button(_("What changed"), id="changes")
                yield Button(words.WHAT_IF_CLOSE, id="close")
            yield LoadingIndicator(id="what-if-busy")
            yield Static(id="what-if-result")
        yield KeysFooter()  # the keys of this dialog, over the footer of the screen below

    def _default_start(self) -> str:
        plan = self.model.plan
        return plan.start_week.isoformat() if plan else "YYYY-MM-DD"

    def on_resize(self) -> None:
        short = self.app.size.height < 36  # as ExploreApp.VERTICAL_BREAKPOINTS
        for field in self.query(Input):
            field.compact = short

    def on_mount(self) -> None:
        self.on_resize()
        self.query_one("#what-if-busy").display = False
        self.query_one("#capacity", Input).focus()
        if self.result is not None:
            self._show(self.result)

    def _options(self) -> PlanOptions:
        capacity = parse_number(self.query_one("#capacity", Input).value, words.WHAT_IF_CAPACITY, 1)
        minimum = parse_number(self.query_one("#minimum", Input).value, words.WHAT_IF_MIN, 0, MAX_PARALLEL_MIN_WEEKS)
        start = parse_day(self.query_one("#start", Input).value, words.WHAT_IF_START)
        if start == self.model.catalog.region.plan.start:
            start = None
        return data.what_if(self.model, start=start, enables_per_week=capacity, parallel_min=minimum)

    @on(Button.Pressed, "#run")
    @on(Input.Submitted)
    def action_run(self) -> None:
        try:
            options = self._options()
        except ValueError as error:
            self.query_one("#what-if-result", Static).update(Text(str(error), style="bold red"))
            return
        self.query_one("#what-if-busy").display = True
        self.query_one("#what-if-result", Static).update(Text(words.WHAT_IF_BUSY, style="italic"))
        self._compute(options)

    @work(thread=True, exclusive=True, group="what-if", exit_on_error=False)
    def _compute(self, options: PlanOptions) -> None:
        plan = data.run_what_if(self.model, options)
        if not get_current_worker().is_cancelled:
            # What changed is the planner's word (Plan.overrides), as `mvgplan plan` prints it.
            changes = words.overrides(plan.overrides)
            self.app.call_from_thread(self._done, WhatIfComputed(options, plan, changes))

    def _done(self, result: WhatIfComputed) -> None:
        self.result = result
        self.query_one("#what-if-busy").display = False
        self._show(result)

    def _show(self, result: WhatIfComputed) -> None:
        out = self.query_one("#what-if-result", Static)
        old = self.model.plan.end_week if self.model.plan else None
        text = Text(", ".join(result.changes) + "\n", style="dim")
        text.append(
            words.WHAT_IF_RESULT.format(
                old=words.week(old),
                new=words.week(result.plan.end_week),
                bound=words.week(result.plan.lower_bound_week),
            ),
            style="bold",
        )
        text.append(
            "\n" + words.WHAT_IF_STEPS.format(steps=len(result.plan.steps), blocked=len(result.plan.unschedulable))
        )
        text.append("\n")
        text.append(
            _("What changed (ctrl+d) lists every step that moves; the Plan tab shows either plan (v)."), style="dim"
        )
        out.update(text)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "what-if" and event.state == WorkerState.ERROR:
            self.query_one("#what-if-busy").display = False
            error = words.NOTIFY_FAILED.format(what=words.WHAT_IF_TITLE, error=event.worker.error)
            self.query_one("#what-if-result", Static).update(Text(error, style="bold red"))

    @on(Button.Pressed, "#close")
    def action_close(self) -> None:
        self.dismiss(self.result)

    @on(Button.Pressed, "#changes")
    def action_changes(self) -> None:
        if self.result is None:
            self.query_one("#what-if-result", Static).update(
                Text(_("Recompute first: there is no what-if to compare yet."), style="bold")
            )
            return
        self.dismiss(replace(self.result, show_changes=True))
