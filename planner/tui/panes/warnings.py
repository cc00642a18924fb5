"""The warnings tab: every plan warning and unschedulable item, in the order of action.

Errors and warnings first, then what cannot be scheduled, then the information nobody at a
hälsocentral can act on (MVG lacks the e-tjänst), one row per e-tjänst that Enter opens and
closes. Enter on any other row opens the hälsocentral with that warning highlighted; the
highlighted row's whole message shows below the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from planner import counted
from planner.i18n import _
from planner.tui import figures, words
from planner.tui.data import Model
from planner.tui.messages import OpenUnit
from planner.tui.panes.base import LazyPane, show_row
from planner.tui.widgets.rowtable import Cell, Column, LazyRows, RowTable, SortsByHeader

SEVERITY_STYLE = {
    "error": "bold red",
    "warning": "yellow",
    figures.UNSCHEDULABLE: "bold magenta",
    figures.INFO: "magenta",
}
COLUMNS = tuple(
    Column(key, label, width, flex=key == "message")
    for key, label, width in zip(figures.WARNING_SORTS, words.WARNING_COLUMNS, (13, 20, 26, 22, 30), strict=True)
)


def _cells(row: figures.WarningRow, *, member: bool = False, expanded: bool = False) -> tuple[Cell, ...]:
    label = _(words.SEVERITIES.get(row.severity, row.severity))
    if row.is_group:
        label = ("▾ " if expanded else "▸ ") + label
    elif member:
        label = "  · " + label
    severity = Text(label, style=SEVERITY_STYLE.get(row.severity, ""))
    return (severity, row.code, row.unit_name, row.service_name, row.message)


class WarningsPane(SortsByHeader, LazyPane):
    SORTS = figures.WARNING_SORTS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sort(False)", words.KEY_SORT),
        Binding("S", "sort(True)", words.KEY_REVERSE, key_display="S"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._sort = "severity"
        self._reverse = False
        self._rows: list[figures.WarningRow] = []
        """The top-level rows in the current order (groups closed); the model's list, not a copy."""
        self._shown: Sequence[figures.WarningRow] = []
        """What the table lists: `_rows`, with the members of each opened group after it."""
        self._expanded: set[tuple[str, str]] = set()
        """Opened groups, by (code, service)."""

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
            table.empty = words.PENDING
            self._rows, self._shown = [], []
            table.set_rows([])
            table.border_title = ""
            return
        # In the order of action, or sorted by a column: each order sorted once per model.
        self._rows = figures.sorted_warnings(model, self._sort, self._reverse)
        self._layout(keep_position=keep_position)
        table.set_sort(self._sort, self._reverse)
        counts = figures.warning_counts(model)
        table.border_title = _("{warnings} · {blocked} unschedulable · MVG lacks {groups} (enter opens)").format(
            warnings=counted.warnings(len(model.plan.warnings)),
            blocked=counts.unschedulable,
            groups=counted.e_services(counts.groups),
        )

    def _layout(self, *, keep_position: bool = True) -> None:
        table = self.query_one(RowTable)
        rows, expanded = self._rows, self._expanded
        shown: Sequence[figures.WarningRow] = rows  # nothing opened: the rows as they are
        members: set[int] = set()  # the places in `shown` of the members of opened groups
        if expanded:
            opened: list[figures.WarningRow] = []
            for row in rows:
                opened.append(row)
                if row.is_group and (row.code, row.service) in expanded:
                    members.update(range(len(opened), len(opened) + len(row.members)))
                    opened.extend(row.members)
            shown = opened
        self._shown = shown
        table.empty = words.NO_WARNINGS
        position = table.cursor if keep_position else 0

        def cells(i: int) -> tuple[Cell, ...]:
            row = shown[i]
            is_open = row.is_group and (row.code, row.service) in expanded
            return _cells(row, member=i in members, expanded=is_open)

        lazy = LazyRows(len(shown), cells)
        table.set_rows(lazy, keep=str(min(position, max(len(shown) - 1, 0))))

    @on(RowTable.RowHighlighted, "#warnings-table")
    def _highlighted(self, event: RowTable.RowHighlighted) -> None:
        show_row(self.query_one("#warning-detail", Static), self._shown, event.index, _describe)

    @on(RowTable.RowSelected, "#warnings-table")
    def _chosen(self, event: RowTable.RowSelected) -> None:
        if not 0 <= event.index < len(self._shown):
            return
        row = self._shown[event.index]
        if row.is_group:
            key = (row.code, row.service)
            self._expanded.symmetric_difference_update({key})
            self._layout()
            return
        kind = "warning" if row.severity in ("error", "warning") else "unschedulable"
        self.post_message(OpenUnit(row.unit, highlight=(kind, row.service, row.code)))

    def _resort(self) -> None:
        self._fill()


def _describe(row: figures.WarningRow) -> Text:
    if row.is_group:
        text = Text(f"{row.service_name} ({row.service}) · {row.code} · {row.unit_name}\n", style="bold")
    else:
        text = Text(f"{row.unit_name} ({row.unit}) · {row.service_name} · {row.code}\n", style="bold")
    text.append(row.message)
    return text
