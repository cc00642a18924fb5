"""The first tab: the overview figures, a summary per area and the table of every hälsocentral.

The table is rebuilt only when what it shows changes (a filter, a sort, a new model), from
rows counted once per model (`figures.unit_rows`); a key press in the filter walks that list
of ready-made rows, it never asks the catalogue again.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Select, Static

from planner import counted
from planner.plan.model import Plan
from planner.tui import figures, words
from planner.tui.data import Model
from planner.tui.messages import OpenUnit
from planner.tui.widgets.rowtable import Column, Row, RowTable, SortsByHeader

SHORT = 36
"""Rows below which the terminal counts as short (as `ExploreApp.VERTICAL_BREAKPOINTS`)."""

UNIT_COLUMNS = tuple(
    Column(key, label, width, flex=key == "next")
    for key, label, width in zip(figures.UNIT_SORTS, words.UNIT_COLUMNS, (30, 6, 25, 17, 8, 30), strict=True)
)


def _basutbud_cell(row: figures.UnitRow, model: Model) -> Text:
    if row.deviations is None:
        return Text(words.PENDING if model.report_state == "pending" else words.NONE, style="dim")
    if row.deviations == 0:
        return Text(words.CONFORMS, style="green")
    return Text(words.DEVIATIONS.format(deviations=counted.deviations(row.deviations)), style="bold red")


def _warnings_cell(row: figures.UnitRow, model: Model) -> Text:
    if row.warnings is None:
        return Text(words.PENDING if model.plan_state == "pending" else words.NONE, style="dim")
    return Text(str(row.warnings), style="yellow" if row.warnings else "dim")


def next_step_text(model: Model, row: figures.UnitRow) -> Text:
    step = row.next_step
    if step is None:
        return Text(words.PENDING if model.plan_state == "pending" else words.NONE, style="dim")
    service = model.catalog.service_by_id.get(step.service)
    what = words.ACTIONS.get(step.action, step.action)
    return Text(f"{words.week(step.week)} {what} {service.name if service else step.service}")


def table_rows(model: Model) -> dict[str, Row]:
    """The units table's rows of one model, by unit id: built once, then only filtered."""
    return {
        r.id: Row(
            r.id,
            (r.name, r.regi, r.area, _basutbud_cell(r, model), _warnings_cell(r, model), next_step_text(model, r)),
        )
        for r in figures.unit_rows(model)
    }


def _counted(noun: Callable[[int], str], value: int | None) -> str:
    """`noun(value)`, or the pending mark while the figure is not known yet."""
    return words.count(None) if value is None else noun(value)


class HomePane(SortsByHeader, Vertical):
    """Overview figures, per-area summary, filters and the units table."""

    SORTS = figures.UNIT_SORTS

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", words.KEY_FILTER),
        Binding("s", "sort(False)", words.KEY_SORT),
        Binding("S", "sort(True)", words.KEY_REVERSE, key_display="S"),
        Binding("x", "clear_filters", words.KEY_CLEAR),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.model: Model | None = None
        self.what_if: tuple[Plan | None, tuple[str, ...]] | None = None
        self._rows: dict[str, Row] = {}
        self._sort = "name"
        self._reverse = False
        self._order: list[figures.UnitRow] = []
        """Every unit in the current sort order; a filter only drops rows from it."""
        self._area_options: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="overview"):
            yield Static(id="figures")
            areas: DataTable[object] = DataTable(id="areas", cursor_type="row", zebra_stripes=True)
            areas.border_title = words.AREAS_TITLE
            yield areas
        with Horizontal(id="filters"):
            yield Input(placeholder=words.FILTER_PLACEHOLDER, id="filter")
            yield Select(
                [(label, value) for value, label in words.REGI_CHOICES], prompt=words.REGI_PROMPT, id="filter-regi"
            )
            yield Select([], prompt=words.AREA_PROMPT, id="filter-area")
            yield Select(
                [(label, value) for value, label in words.STATUS_CHOICES],
                prompt=words.STATUS_PROMPT,
                id="filter-status",
            )
        yield RowTable(UNIT_COLUMNS, empty=words.NO_MATCH, id="units")

    def on_mount(self) -> None:
        self.query_one("#figures", Static).border_title = words.OVERVIEW_TITLE
        areas = self.query_one("#areas", DataTable)
        for label in words.AREA_COLUMNS:
            areas.add_column(label, key=label)
        self.query_one("#units", RowTable).set_sort(self._sort, self._reverse)

    # Model in.

    def show_model(self, model: Model) -> None:
        self.model = model
        self._rows = table_rows(model)
        self._order = figures.sort_units(figures.unit_rows(model), self._sort, self._reverse)
        self._show_overview()
        self._refresh_units()

    def show_what_if(self, plan: Plan | None, changes: tuple[str, ...]) -> None:
        self.what_if = (plan, changes)
        self._show_overview()

    def _show_overview(self) -> None:
        model = self.model
        if model is None:
            return
        o = figures.overview(model)
        c = words.count
        report_state, plan_state = model.report_state, model.plan_state
        basutbud = words.FIG_BASUTBUD_VALUE.format(
            conformant=c(o.conformant), units=o.units, deviations=_counted(counted.deviations, o.deviations)
        )
        if model.report is not None and not model.report.in_force:
            basutbud = words.FIG_NOT_IN_FORCE.format(effective=model.report.effective)
        lines = [
            (words.FIG_UNITS, words.FIG_UNITS_VALUE.format(units=o.units, egen=o.egen, privat=o.privat)),
            (words.FIG_BASUTBUD, _state(report_state, basutbud)),
            (
                words.FIG_EXEMPT,
                _state(
                    report_state,
                    words.FIG_EXEMPT_VALUE.format(exempt=c(o.exempt), soon=c(o.expiring_soon)),
                ),
            ),
            (
                words.FIG_PARALLEL,
                words.FIG_PARALLEL_VALUE.format(running=o.parallel, overdue=c(o.overdue), undated=c(o.undated)),
            ),
            (
                words.FIG_PLAN,
                _state(
                    plan_state,
                    words.FIG_PLAN_VALUE.format(end=words.week(o.end_week), bound=words.week(o.lower_bound_week)),
                ),
            ),
            (
                words.FIG_WARNINGS,
                _state(
                    plan_state,
                    words.FIG_WARNINGS_VALUE.format(
                        warnings=_counted(counted.warnings, o.warnings),
                        errors=_counted(counted.errors, o.errors),
                        blocked=c(o.unschedulable),
                    ),
                ),
            ),
        ]
        if self.what_if is not None:
            plan, changes = self.what_if
            end = words.week(plan.end_week) if plan else words.NONE
            lines.append((words.FIG_WHAT_IF, words.FIG_WHAT_IF_VALUE.format(end=end, changes=", ".join(changes))))
        text = Text()
        for i, (label, value) in enumerate(lines):
            text.append(f"{label:<17}", style="bold")
            text.append(value + ("\n" if i < len(lines) - 1 else ""))
        self.query_one("#figures", Static).update(text)

        areas = self.query_one("#areas", DataTable)
        current = areas.cursor_row
        areas.clear()
        for row in o.areas:
            areas.add_row(
                Text(row.area or words.NO_AREA),
                row.units,
                c(row.conformant),
                c(row.deviations),
                row.parallel,
                c(row.overdue),
                key=row.area,
            )
        if 0 <= current < areas.row_count:
            areas.move_cursor(row=current, animate=False)
        self._update_area_choices([a.area for a in o.areas])

    def _update_area_choices(self, areas: list[str]) -> None:
        if areas == self._area_options:
            return
        self._area_options = areas
        select: Select[str] = self.query_one("#filter-area", Select)
        current = select.value
        with select.prevent(Select.Changed):
            select.set_options([(a or words.NO_AREA, a) for a in areas])
            if isinstance(current, str) and current in areas:
                select.value = current

    # The units table.

    def current_filter(self) -> figures.UnitFilter:
        def value(widget_id: str) -> str | None:
            v = self.query_one(widget_id, Select).value
            return v if isinstance(v, str) else None

        return figures.UnitFilter(
            text=self.query_one("#filter", Input).value,
            regi=value("#filter-regi"),
            area=value("#filter-area"),
            status=value("#filter-status"),
        )

    def _refresh_units(self) -> None:
        """Show the units that pass the filters, in the sort order: a walk over ready rows."""
        if self.model is None:
            return
        table = self.query_one("#units", RowTable)
        chosen = self.current_filter()
        rows = [self._rows[r.id] for r in self._order if chosen.matches(r)]
        table.set_rows(rows)
        table.border_title = words.SHOWN.format(shown=len(rows), total=len(self._rows))

    def _resort(self) -> None:
        if self.model is not None:
            self._order = figures.sort_units(figures.unit_rows(self.model), self._sort, self._reverse)
        self.query_one("#units", RowTable).set_sort(self._sort, self._reverse)
        self._refresh_units()

    @on(Input.Changed, "#filter")
    def _filter_typed(self) -> None:
        self._refresh_units()

    @on(Input.Submitted, "#filter")
    def _filter_done(self) -> None:
        self.focus_units()

    @on(Select.Changed)
    def _select_changed(self) -> None:
        self._refresh_units()

    @on(RowTable.RowSelected, "#units")
    def _unit_chosen(self, event: RowTable.RowSelected) -> None:
        self.post_message(OpenUnit(event.key))

    @on(DataTable.RowSelected, "#areas")
    def _area_chosen(self, event: DataTable.RowSelected) -> None:
        area = event.row_key.value
        if area is not None:
            self.query_one("#filter-area", Select).value = area
            self.focus_units()

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_clear_filters(self) -> None:
        with self.prevent(Input.Changed, Select.Changed):
            self.query_one("#filter", Input).value = ""
            for widget_id in ("#filter-regi", "#filter-area", "#filter-status"):
                self.query_one(widget_id, Select).clear()
        self._refresh_units()

    def on_resize(self) -> None:
        # In a short terminal the filters take one line (no borders), so the table has room.
        short = self.app.size.height < SHORT
        for widget in self.query(Input):
            widget.compact = short
        for select in self.query(Select):
            select.compact = short

    def focus_units(self) -> None:
        self.query_one("#units", RowTable).focus()

    def key_escape(self) -> None:
        if isinstance(self.screen.focused, Input):
            self.focus_units()


def _state(state: str, value: str) -> str:
    return words.PENDING if state == "pending" else value
