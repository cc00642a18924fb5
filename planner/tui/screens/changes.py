"""`d` after a what-if: what it changed, read off the same plan diff as `mvgplan diff`.

The summary above the table: the end week and the weeks spent in parallel, current → what-if.
The table: every step that moved (from → to week), appeared or vanished, by hälsocentral.
Enter opens the hälsocentral.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Header, Static

from planner import counted
from planner.i18n import _, ngettext
from planner.plan.model import Plan
from planner.tui import words
from planner.tui.changes import ChangeRow, what_if_changes
from planner.tui.columns import columns
from planner.tui.data import Model
from planner.tui.messages import OpenUnit
from planner.tui.widgets.footer import KeysFooter
from planner.tui.widgets.problems import ErrorBanner
from planner.tui.widgets.rowtable import Cell, LazyRows, RowTable

CHANGE_STYLE = {"moved": "yellow", "appeared": "green", "vanished": "red"}


def _shift(row: ChangeRow) -> Text:
    change = row.change
    if change.change == "appeared":
        return Text(_("new step"), style="green")
    if change.change == "vanished":
        return Text(_("no longer planned"), style="red")
    weeks = change.shift_weeks or 0
    if weeks > 0:
        label = ngettext("{n} week later", "{n} weeks later", weeks).format(n=weeks)
    else:
        label = ngettext("{n} week earlier", "{n} weeks earlier", -weeks).format(n=-weeks)
    return Text(label, style="yellow" if weeks > 0 else "cyan")


def _cells(row: ChangeRow) -> tuple[Cell, ...]:
    change = row.change
    return (
        row.unit_name,
        row.service_name,
        Text(words.ACTIONS.get(change.action, change.action), style=CHANGE_STYLE.get(change.change, "")),
        words.week(change.old.week) if change.old else words.NONE,
        words.week(change.new.week) if change.new else words.NONE,
        _shift(row),
    )


class ChangesScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", words.KEY_BACK)]

    def __init__(self, model: Model, plan: Plan, overrides: tuple[str, ...]) -> None:
        super().__init__()
        self.model = model
        self.plan = plan
        self.overrides = overrides
        self.changes = what_if_changes(model, plan)

    def compose(self) -> ComposeResult:
        yield Header()
        yield ErrorBanner()
        yield Static(id="changes-summary")
        table = RowTable(
            columns("changes"), empty=_("No step moves: the what-if gives the same plan."), id="changes-table"
        )
        yield table
        yield KeysFooter()

    def on_mount(self) -> None:
        c = self.changes
        summary = Text(_("What-if: {changes}").format(changes=", ".join(self.overrides)), style="bold")
        summary.append("\n")
        summary.append(
            _("Plan ends: {old} → {new} · weeks in parallel: {old_parallel} → {new_parallel}").format(
                old=words.week(c.old_end),
                new=words.week(c.new_end),
                old_parallel=c.old_parallel_weeks,
                new_parallel=c.new_parallel_weeks,
            )
        )
        summary.append("\n")
        summary.append(
            ngettext(
                "{changed} step changes at {units}, {unchanged} stay · "
                "warnings and unschedulable items: {appeared} new, {vanished} gone",
                "{changed} steps change at {units}, {unchanged} stay · "
                "warnings and unschedulable items: {appeared} new, {vanished} gone",
                len(c.rows),
            ).format(
                changed=len(c.rows),
                units=counted.units(c.units),
                unchanged=c.unchanged,
                appeared=c.items_appeared,
                vanished=c.items_vanished,
            ),
            style="dim",
        )
        self.query_one("#changes-summary", Static).update(summary)
        rows = c.rows
        table = self.query_one("#changes-table", RowTable)
        table.border_title = _("What changed, per hälsocentral (enter opens it)")
        table.set_rows(LazyRows(len(rows), lambda i: _cells(rows[i])))
        table.focus()

    @on(RowTable.RowSelected, "#changes-table")
    def _chosen(self, event: RowTable.RowSelected) -> None:
        rows = self.changes.rows
        if 0 <= event.index < len(rows):
            self.post_message(OpenUnit(rows[event.index].unit))
