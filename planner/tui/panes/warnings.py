"""The warnings tab: every plan warning and unschedulable item, most serious first.

Enter opens the hälsocentral; the highlighted row's whole message shows below the table.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from planner.tui import figures, words
from planner.tui.data import Model
from planner.tui.messages import OpenUnit
from planner.tui.panes.base import LazyPane
from planner.tui.widgets.rowtable import Cell, Column, LazyRows, RowTable

SEVERITY_STYLE = {"error": "bold red", figures.UNSCHEDULABLE: "bold magenta", "warning": "yellow"}
COLUMNS = tuple(
    Column(key, label, width, flex=key == "message")
    for key, label, width in zip(figures.WARNING_SORTS, words.WARNING_COLUMNS, (13, 22, 30, 22, 30), strict=True)
)


def _cells(row: figures.WarningRow) -> tuple[Cell, ...]:
    severity = Text(row.severity, style=SEVERITY_STYLE.get(row.severity, ""))
    return (severity, row.code, row.unit_name, row.service, row.message)


class WarningsPane(LazyPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort(False)", words.KEY_SORT),
        Binding("S", "sort(True)", words.KEY_REVERSE, key_display="S"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sort = "severity"
        self._reverse = False
        self._shown: list[figures.WarningRow] = []

    def compose(self) -> ComposeResult:
        yield RowTable(COLUMNS, id="warnings-table")
        yield Static(id="warning-detail")

    def on_mount(self) -> None:
        self.query_one(RowTable).set_sort(self._sort, self._reverse)

    def draw(self, model: Model) -> None:
        self._fill(keep_position=True)

    def _fill(self, *, keep_position: bool = False) -> None:
        model = self.model
        table = self.query_one(RowTable)
        if model is None or model.plan is None:
            pending = model is None or model.plan_state == "pending"
            table.empty = words.PENDING if pending else words.UNAVAILABLE_PLAN
            self._shown = []
            table.set_rows([])
            table.border_title = ""
            return
        rows = figures.warning_rows(model)  # sorted by severity, counted once per model
        if (self._sort, self._reverse) != ("severity", False):
            rows = figures.sort_warnings(rows, self._sort, self._reverse)
        self._shown = rows
        table.empty = words.NO_WARNINGS
        position = table.cursor if keep_position else 0
        lazy = LazyRows([str(i) for i in range(len(rows))], lambda i: _cells(rows[i]))
        table.set_rows(lazy, keep=str(min(position, max(len(rows) - 1, 0))))
        table.set_sort(self._sort, self._reverse)
        table.border_title = words.WARNINGS_TITLE.format(
            warnings=len(model.plan.warnings), blocked=len(model.plan.unschedulable)
        )

    @on(RowTable.RowHighlighted, "#warnings-table")
    def _highlighted(self, event: RowTable.RowHighlighted) -> None:
        detail = self.query_one("#warning-detail", Static)
        if not 0 <= event.index < len(self._shown):
            detail.update("")
            return
        row = self._shown[event.index]
        text = Text(f"{row.unit_name} ({row.unit}) · {row.service} · {row.code}\n", style="bold")
        text.append(row.message)
        detail.update(text)

    @on(RowTable.RowSelected, "#warnings-table")
    def _chosen(self, event: RowTable.RowSelected) -> None:
        if 0 <= event.index < len(self._shown):
            self.post_message(OpenUnit(self._shown[event.index].unit))

    @on(RowTable.HeaderClicked, "#warnings-table")
    def _header(self, event: RowTable.HeaderClicked) -> None:
        self._reverse = not self._reverse if event.column == self._sort else False
        self._sort = event.column
        self._fill()

    def action_sort(self, reverse: bool) -> None:
        if reverse:
            self._reverse = not self._reverse
        else:
            sorts = figures.WARNING_SORTS
            self._sort = sorts[(sorts.index(self._sort) + 1) % len(sorts)]
            self._reverse = False
        self._fill()

    def focus_table(self) -> None:
        self.query_one(RowTable).focus()
