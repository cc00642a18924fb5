"""The progress tab: the approved baseline against the catalogue as of as_of (SPEC §7).

Overdue steps first, then due, upcoming, done and dropped; the summary above says how far
the plan has come and where its end is forecast. Enter on a step that is not done marks it
done (the same code as `mvgplan record`, with the change shown first); on a done one it opens
the hälsocentral. The comparison is computed when the tab is first shown, in a worker, with
the plan the explorer already has (no second scheduling).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import Static
from textual.worker import get_current_worker

from planner.i18n import N_, _
from planner.problems import Problem
from planner.progress.model import Progress, TrackedStep
from planner.progress.render.view import counts_line, end_line
from planner.tui import words
from planner.tui.columns import columns
from planner.tui.data import Model
from planner.tui.messages import OpenUnit, RecordStep
from planner.tui.panes.base import LazyPane
from planner.tui.widgets.rowtable import Cell, LazyRows, RowTable

BASELINE = "plans/baseline.yaml"
"""Where `mvgplan progress` looks by default, relative to the current directory (SPEC §7)."""
STATUS_RANK = {"overdue": 0, "due": 1, "upcoming": 2, "done": 3, "dropped": 4}
STATUS_STYLE = {"overdue": "bold red", "due": "bold yellow", "upcoming": "", "done": "green", "dropped": "dim"}
STATUS_WORDS = {
    "overdue": N_("overdue"),
    "due": N_("due"),
    "upcoming": N_("upcoming"),
    "done": N_("done"),
    "dropped": N_("dropped"),
}


@dataclass(frozen=True)
class ProgressView:
    progress: Progress | None
    problems: tuple[Problem, ...]
    rows: tuple[TrackedStep, ...]


def progress_view(model: Model, baseline: str) -> ProgressView:
    """The baseline file against the model's catalogue and plan, overdue first (no Textual)."""
    from planner.plan.read import read_plan_file
    from planner.progress.compute import progress

    if model.plan is None:
        return ProgressView(None, (), ())
    if not Path(baseline).exists():
        hint = _("no such file; approve a plan and write it with: mvgplan plan --format yaml --out {path}")
        return ProgressView(None, (Problem(baseline, 1, 1, "invalid_value", hint.format(path=baseline)),), ())
    read = read_plan_file(baseline)
    if read.plan is None:
        return ProgressView(None, tuple(read.problems), ())
    result = progress(read.plan, baseline, model.catalog, model.plan, model.as_of)
    far = len(model.unit_order)
    rows = sorted(
        result.steps,
        key=lambda s: (
            STATUS_RANK.get(s.status, 9),
            s.planned_week,
            model.unit_order.get(s.unit, far),
            model.service_order.get(s.service, far),
            s.action,
        ),
    )
    return ProgressView(result, (), tuple(rows))


class ProgressPane(LazyPane):
    DEFAULT_CSS = """
    #progress-summary { height: auto; max-height: 4; padding: 0 1; }
    #progress-table { height: 1fr; min-height: 6; }
    #progress-detail { height: auto; max-height: 3; padding: 0 1; border-top: solid $panel-lighten-2; }
    Screen.-short #progress-summary { max-height: 3; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.baseline = BASELINE
        self._view: ProgressView | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="progress-summary")
        yield RowTable(columns("progress"), id="progress-table")
        yield Static(id="progress-detail")

    def draw(self, model: Model) -> None:
        table = self.query_one("#progress-table", RowTable)
        summary = self.query_one("#progress-summary", Static)
        if model.plan is None:
            summary.update(Text(words.PENDING, style="dim"))
            table.set_rows([])
            return
        summary.update(
            Text(_("Comparing {baseline} with the catalogue …").format(baseline=self.baseline), style="italic")
        )
        self._compute(model)

    @work(thread=True, exclusive=True, group="progress", exit_on_error=False)
    def _compute(self, model: Model) -> None:
        view = progress_view(model, self.baseline)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, model, view)

    def _show(self, model: Model, view: ProgressView) -> None:
        if model is not self.model:
            return  # a newer model is being compared
        self._view = view
        table = self.query_one("#progress-table", RowTable)
        summary = self.query_one("#progress-summary", Static)
        if view.progress is None:
            text = Text(_("No progress to show: the baseline cannot be read.") + "\n", style="bold")
            for p in view.problems:
                text.append(f"{p.file}:{p.line}:{p.column}: error[{p.code}]: {p.message}\n")
            summary.update(text)
            table.set_rows([])
            return
        # The same sentences as `mvgplan progress` (its text output's heading, counts and end).
        progress = view.progress
        text = Text()
        heading = _("Progress as of {as_of} against the baseline {baseline}")
        text.append(heading.format(as_of=progress.as_of.isoformat(), baseline=progress.baseline) + "\n", style="bold")
        text.append(f"{counts_line(progress)} {end_line(progress)}")
        summary.update(text)
        rows = view.rows

        def cells(i: int) -> tuple[Cell, ...]:
            step = rows[i]
            slip_text = "" if step.slip_weeks is None else f"{step.slip_weeks:+d}"
            return (
                Text(_(STATUS_WORDS.get(step.status, step.status)), style=STATUS_STYLE.get(step.status, "")),
                words.week(step.planned_week),
                model.unit_name(step.unit),
                model.service_name(step.service),
                words.ACTIONS.get(step.action, step.action),
                step.actual_date.isoformat() if step.actual_date else "",
                slip_text,
            )

        table.empty = _("The baseline tracks no step.")
        table.set_rows(LazyRows(len(rows), cells))
        table.border_title = _("Baseline steps, overdue first (enter marks one done)")

    @on(RowTable.RowHighlighted, "#progress-table")
    def _highlighted(self, event: RowTable.RowHighlighted) -> None:
        detail = self.query_one("#progress-detail", Static)
        view, model = self._view, self.model
        if view is None or model is None or not 0 <= event.index < len(view.rows):
            detail.update("")
            return
        step = view.rows[event.index]
        detail.update(
            _("{action} {service} at {unit}, planned {week}: {status}.").format(
                action=words.ACTIONS.get(step.action, step.action),
                service=model.service_name(step.service),
                unit=model.unit_name(step.unit),
                week=words.week(step.planned_week),
                status=_(STATUS_WORDS.get(step.status, step.status)),
            )
        )

    @on(RowTable.RowSelected, "#progress-table")
    def _chosen(self, event: RowTable.RowSelected) -> None:
        view = self._view
        if view is None or not 0 <= event.index < len(view.rows):
            return
        step = view.rows[event.index]
        if step.status in ("done", "dropped"):
            self.post_message(OpenUnit(step.unit, highlight=("step", step.service, step.action)))
        else:
            self.post_message(RecordStep(step.unit, step.service, step.action))
