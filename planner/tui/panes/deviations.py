"""The deviations tab: every basutbud deviation of every hälsocentral, with its whole reason.

The table cuts long reasons at the right edge; the highlighted row's reason shows in full
below it, wrapped, with the file and line to change. Enter opens the hälsocentral with that
deviation highlighted.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import Static

from planner import counted
from planner.i18n import _
from planner.tui import figures, words
from planner.tui.columns import columns
from planner.tui.data import Model
from planner.tui.messages import OpenUnit
from planner.tui.panes.base import LazyPane, show_row
from planner.tui.widgets.rowtable import Cell, LazyRows, RowTable


def _cells(row: figures.DeviationRow) -> tuple[Cell, ...]:
    return (row.unit_name, row.service_name, row.channel, Text(row.kind, style="bold red"), row.message)


class DeviationsPane(LazyPane):
    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rows: list[figures.DeviationRow] = []

    def compose(self) -> ComposeResult:
        yield RowTable(columns("deviations"), id="deviations-table")
        yield Static(id="deviation-detail")

    def draw(self, model: Model) -> None:
        table = self.query_one("#deviations-table", RowTable)
        if model.report is None:
            table.empty = words.PENDING
            self._rows = []
            table.set_rows([])
            table.border_title = ""
            return
        rows = figures.deviation_rows(model)
        self._rows = rows
        table.empty = _("No deviations: every hälsocentral meets the basutbud.")
        table.set_rows(LazyRows(len(rows), lambda i: _cells(rows[i])))
        units = len({r.unit for r in rows})
        table.border_title = _("{deviations} at {units} · enter opens one").format(
            deviations=counted.deviations(len(rows)), units=counted.units(units)
        )

    @on(RowTable.RowHighlighted, "#deviations-table")
    def _highlighted(self, event: RowTable.RowHighlighted) -> None:
        show_row(self.query_one("#deviation-detail", Static), self._rows, event.index, _describe)

    @on(RowTable.RowSelected, "#deviations-table")
    def _chosen(self, event: RowTable.RowSelected) -> None:
        if 0 <= event.index < len(self._rows):
            row = self._rows[event.index]
            self.post_message(OpenUnit(row.unit, highlight=("deviation", row.service, row.channel)))


def _describe(row: figures.DeviationRow) -> Text:
    text = Text(f"{row.file}:{row.line}", style="bold")
    text.append(f" · {row.unit_name} · {row.service_name} · {row.channel} · {row.kind}\n", style="bold")
    text.append(row.message)
    return text
