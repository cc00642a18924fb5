"""The plan tab: a timeline per hälsocentral or per e-tjänst, and the plan week by week.

The highlighted week's steps show beside the weeks, each with the constraint that put it
there and why; the highlighted step's whole reason shows below them.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from planner.i18n import _
from planner.plan.model import Plan, Step
from planner.tui import weeks, words
from planner.tui.cells import action, step_why
from planner.tui.data import Model
from planner.tui.messages import OpenService, OpenUnit
from planner.tui.panes.base import LazyPane
from planner.tui.widgets.rowtable import Cell, Column, LazyRows, Row, RowTable
from planner.tui.widgets.timeline import Timeline

WEEK_COLUMNS = tuple(
    Column(label.casefold(), label, width, flex=i == 4)
    for i, (label, width) in enumerate(zip(words.WEEK_COLUMNS, (12, 5, 6, 8, 10), strict=True))
)
STEP_COLUMNS = tuple(
    Column(label.casefold(), label, width, flex=i == 3)
    for i, (label, width) in enumerate(zip(words.WEEK_STEP_COLUMNS, (11, 22, 18, 20), strict=True))
)


class PlanPane(LazyPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "group", words.KEY_GROUP),
        Binding("v", "variant", _(words.KEY_PLAN_VARIANT)),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.group = "unit"
        self.show_what_if = False
        """Show the last what-if's plan instead of the current one (`v`)."""
        self._what_if: Plan | None = None
        self._what_if_model: Model | None = None
        self._weeks: list[date] = []
        self._week_steps: list[Step] = []

    def set_what_if(self, plan: Plan | None) -> None:
        """The last what-if's plan (None: none, or the catalogue changed since)."""
        self._what_if, self._what_if_model = plan, None
        if plan is None:
            self.show_what_if = False
        self._drawn = None
        if self.active:
            self.draw_if_needed()

    def shown_model(self) -> Model | None:
        """The model the pane draws: the catalogue's, with the what-if's plan when `v` chose it."""
        model = self.model
        if model is None or not self.show_what_if or self._what_if is None:
            return model
        if self._what_if_model is None or self._what_if_model.catalog is not model.catalog:
            self._what_if_model = model.with_plan(self._what_if)
        return self._what_if_model

    def draw_if_needed(self) -> None:
        shown = self.shown_model()
        if shown is not None and shown is not self._drawn:
            self._drawn = shown
            self.draw(shown)

    def action_variant(self) -> None:
        if self._what_if is None:
            self.app.notify(_("No what-if yet: press w to make one."))
            return
        self.show_what_if = not self.show_what_if
        self.draw_if_needed()

    def compose(self) -> ComposeResult:
        yield Static(id="legend")
        yield Timeline(id="timeline")
        with Horizontal(id="plan-bottom"):
            table = RowTable(WEEK_COLUMNS, id="weeks")
            table.border_title = words.WEEKS_TITLE
            yield table
            with Vertical(id="week-side"):
                yield RowTable(STEP_COLUMNS, empty=words.NO_STEPS_IN_WEEK, id="week-steps")
                yield Static(id="step-detail")

    def draw(self, model: Model) -> None:
        legend = self.query_one("#legend", Static)
        timeline = self.query_one("#timeline", Timeline)
        weeks_table = self.query_one("#weeks", RowTable)
        if model.plan is None:
            legend.update(Text(words.PLAN_UNAVAILABLE.format(why=words.PENDING), style="bold"))
            timeline.set_rows([], [], lambda key: "")
            self._weeks = []
            weeks_table.set_rows([])
            self.query_one("#week-steps", RowTable).set_rows([])
            return
        self._weeks = weeks.plan_weeks(model)
        self._draw_timeline(model)
        weeks_table.set_rows(
            [
                Row(
                    row.week.isoformat(),
                    (
                        words.week(row.week),
                        row.briefings or "",
                        row.enables or "",
                        row.redirects or "",
                        Text(row.blackout or "", style="red"),
                    ),
                )
                for row in weeks.week_rows(model)
            ]
        )

    def _draw_timeline(self, model: Model) -> None:
        timeline = self.query_one("#timeline", Timeline)
        legend = self.query_one("#legend", Static)
        mondays = self._weeks
        blackouts = weeks.region_blackout_weeks(model, mondays)
        period = {
            "start": words.week(mondays[0]) if mondays else "",
            "end": words.week(mondays[-1]) if mondays else "",
        }
        if self.show_what_if and self._what_if is not None:
            which = _("What-if plan (v shows the current one)")
        elif self._what_if is not None:
            which = _("Current plan (v shows the what-if)")
        else:
            which = ""
        if which:
            period["end"] = f"{period['end']} · {which}"
        by_unit = self.group == "unit"
        legend.update(Text(words.LEGEND if by_unit else words.LEGEND_SERVICE, style="dim"))
        if by_unit:
            rows = [(u.id, u.name) for u in model.units_by_name]
        else:
            rows = [(s.id, s.name) for s in model.services_by_name]
        cells = weeks.unit_cells if by_unit else weeks.service_cells
        timeline.set_rows(
            rows,
            mondays,
            lambda key: cells(model, key, mondays),
            blackouts=blackouts,
            # A hälsocentral's own blackouts show on its row; an e-tjänst has none.
            own_blackouts=(lambda key: weeks.unit_blackout_weeks(model, key, mondays)) if by_unit else None,
            title=words.TIMELINE_TITLE.format(group=words.GROUP_UNIT if by_unit else words.GROUP_SERVICE, **period),
        )

    def _show_week(self, model: Model, index: int) -> None:
        steps_table = self.query_one("#week-steps", RowTable)
        if not 0 <= index < len(self._weeks):
            steps_table.border_title = ""
            self._week_steps = []
            steps_table.set_rows([])
            return
        monday = self._weeks[index]
        steps_table.border_title = words.WEEK_STEPS_TITLE.format(week=words.week(monday), iso=words.iso_week(monday))
        self._week_steps = list(model.steps_by_week.get(monday, ()))
        units, services = model.catalog.unit_by_id, model.catalog.service_by_id
        steps = self._week_steps

        def cells(i: int) -> tuple[Cell, ...]:
            step = steps[i]
            unit, service = units.get(step.unit), services.get(step.service)
            return (
                action(step),
                unit.name if unit else step.unit,
                service.name if service else step.service,
                step_why(step),
            )

        # Lazily: the first week of a national plan redirects thousands of running parallels.
        steps_table.set_rows(LazyRows(len(steps), cells), keep="0")

    @on(RowTable.RowHighlighted, "#weeks")
    def _week_highlighted(self, event: RowTable.RowHighlighted) -> None:
        shown = self.shown_model()
        if shown is not None:
            self._show_week(shown, event.index)

    @on(RowTable.RowHighlighted, "#week-steps")
    def _step_highlighted(self, event: RowTable.RowHighlighted) -> None:
        detail = self.query_one("#step-detail", Static)
        if 0 <= event.index < len(self._week_steps):
            step = self._week_steps[event.index]
            text = Text(f"{step.unit} · {step.service} · {step.channel} · ", style="bold")
            text.append_text(step_why(step))
            detail.update(text)
        else:
            detail.update("")

    @on(RowTable.RowSelected, "#week-steps")
    def _step_selected(self, event: RowTable.RowSelected) -> None:
        if 0 <= event.index < len(self._week_steps):
            step = self._week_steps[event.index]
            self.post_message(OpenUnit(step.unit, highlight=("step", step.service, step.action)))

    @on(Timeline.Selected)
    def _row_selected(self, event: Timeline.Selected) -> None:
        self.post_message(OpenUnit(event.key) if self.group == "unit" else OpenService(event.key))

    def action_group(self) -> None:
        self.group = "service" if self.group == "unit" else "unit"
        shown = self.shown_model()
        if shown is not None and shown.plan is not None:
            self._draw_timeline(shown)

    def show_service(self, service_id: str) -> None:
        """The timeline per e-tjänst, with the cursor on `service_id`."""
        self.draw_if_needed()
        if self.group != "service":
            self.action_group()
        self.focus_timeline(service_id)

    def focus_timeline(self, key: str | None = None) -> None:
        timeline = self.query_one("#timeline", Timeline)
        if key is not None:
            timeline.move_to(key)
        timeline.focus()
