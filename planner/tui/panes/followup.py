"""The follow-up tab: did patients move? Take-up per e-tjänst or per hälsocentral, and the flags.

Above, take-up of the target channel over the window per e-tjänst, with a sparkline of every
month in the data (`u` switches to one row per hälsocentral); Enter on an e-tjänst shows its
months as bars, on a hälsocentral opens it. Below, the flags, warnings first; Enter opens the
hälsocentral. The same figures as `mvgplan follow-up`.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from planner import counted
from planner.followup.model import FollowUp, ServiceFollowUp, UnitFollowUp
from planner.i18n import _
from planner.tui import followups, words
from planner.tui.columns import columns
from planner.tui.data import Model
from planner.tui.messages import OpenUnit
from planner.tui.panes.base import LazyPane, show_row
from planner.tui.screens.detail import DetailScreen
from planner.tui.widgets.rowtable import Cell, LazyRows, RowTable

FLAG_STYLE = {"warning": "yellow", "info": "magenta"}
BAR_WIDTH = 30


def _share(value: float | None, target: float) -> Text:
    style = "dim" if value is None else ("green" if value >= target else "yellow")
    return Text(followups.share(value), style=style)


def service_chart(service: ServiceFollowUp, follow_up: FollowUp) -> Text:
    """An e-tjänst's months as bars: the filled part is the target channel's share."""
    text = Text(
        _("{service}: take-up of {target} month by month (the target is {goal}).").format(
            service=service.name, target=follow_up.target_channel, goal=followups.share(follow_up.take_up_target)
        ),
        style="bold",
    )
    for month in service.monthly:
        text.append(f"\n{month.month}  ")
        style = "green" if month.take_up is not None and month.take_up >= follow_up.take_up_target else "yellow"
        text.append(followups.bar(month.take_up, BAR_WIDTH), style=style)
        text.append(
            "  "
            + _("{share} ({legacy} {legacy_channel}, {target} {target_channel})").format(
                share=followups.share(month.take_up),
                legacy=month.legacy,
                legacy_channel=follow_up.legacy_channel,
                target=month.target,
                target_channel=follow_up.target_channel,
            )
        )
    return text


class FollowUpPane(LazyPane):
    DEFAULT_CSS = """
    #followup-summary { height: auto; max-height: 3; padding: 0 1; }
    Screen.-short #followup-summary { max-height: 2; }
    #followup-table { height: 1fr; min-height: 6; }
    #followup-flags { height: 1fr; min-height: 6; }
    #followup-detail { height: auto; max-height: 4; padding: 0 1; border-top: solid $panel-lighten-2; }
    Screen.-short #followup-detail { max-height: 3; }
    Screen.-short #followup-table, Screen.-short #followup-flags { min-height: 7; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("u", "per_unit", _(words.KEY_FOLLOW_UP_GROUP))]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.per_unit = False
        self._services: list[ServiceFollowUp] = []
        self._units: list[UnitFollowUp] = []
        self._flags: list[followups.FlagRow] = []

    def compose(self) -> ComposeResult:
        yield Static(id="followup-summary")
        yield RowTable(columns("follow_up_services"), id="followup-table")
        yield RowTable(columns("follow_up_flags"), id="followup-flags")
        yield Static(id="followup-detail")

    def draw(self, model: Model) -> None:
        top = self.query_one("#followup-table", RowTable)
        flags_table = self.query_one("#followup-flags", RowTable)
        summary = self.query_one("#followup-summary", Static)
        follow_up = model.follow_up
        if follow_up is None:
            pending = model.follow_up_state == "pending"
            summary.update(
                Text(
                    words.PENDING
                    if pending
                    else _(
                        "No usage data: put the monthly exports (month, unit, service, channel, count) "
                        "in the catalogue's usage/ folder as .csv or .xlsx (docs/follow-up.md)."
                    ),
                    style="dim",
                )
            )
            self._services, self._units, self._flags = [], [], []
            top.set_rows([])
            flags_table.set_rows([])
            return
        summary.update(
            _(
                "Report month {month} · window {first}–{last} · take-up {share} (target {goal}) · "
                "{rows} rows · {units} hälsocentraler with data"
            ).format(
                month=follow_up.month,
                first=follow_up.window[0],
                last=follow_up.window[1],
                share=followups.share(follow_up.total.take_up),
                goal=followups.share(follow_up.take_up_target),
                rows=follow_up.rows,
                units=follow_up.units_with_data,
            )
        )
        self._services = followups.services(model, follow_up)
        self._units = followups.units(model, follow_up)
        self._flags = followups.flags(model, follow_up)
        self._draw_top(follow_up)
        rows = self._flags

        def flag_cells(i: int) -> tuple[Cell, ...]:
            row = rows[i]
            flag = row.flag
            service = row.service_name + (f" · {flag.channel}" if flag.channel else "")
            return (
                Text(flag.code, style=FLAG_STYLE.get(flag.severity, "")),
                row.unit_name,
                service,
                flag.message,
            )

        flags_table.empty = _("No flags.")
        flags_table.set_rows(LazyRows(len(rows), flag_cells))
        flags_table.border_title = _("{flags}, {warnings} · enter opens the hälsocentral").format(
            flags=counted.flags(len(rows)), warnings=counted.warnings(follow_up.warnings)
        )

    def _draw_top(self, follow_up: FollowUp) -> None:
        top = self.query_one("#followup-table", RowTable)
        goal = follow_up.take_up_target
        if self.per_unit:
            units = self._units
            top.set_columns(columns("follow_up_units"))
            top.set_rows(
                LazyRows(
                    [u.unit for u in units],
                    lambda i: (
                        units[i].name,
                        units[i].provider,
                        _share(units[i].take_up, goal),
                        units[i].legacy,
                        units[i].target,
                    ),
                )
            )
            top.border_title = _("Take-up per hälsocentral, {first}–{last} (u: per e-tjänst)").format(
                first=follow_up.window[0], last=follow_up.window[1]
            )
            return
        services = self._services
        top.set_columns(columns("follow_up_services"))
        top.set_rows(
            LazyRows(
                [s.service for s in services],
                lambda i: (
                    services[i].name,
                    _share(services[i].take_up, goal),
                    services[i].legacy,
                    services[i].target,
                    services[i].units_parallel,
                    Text(followups.sparkline(services[i].monthly), style="cyan"),
                ),
            )
        )
        top.border_title = _(
            "Take-up per e-tjänst, {first}–{last}; months {start}–{end} (enter: bars · u: per hälsocentral)"
        ).format(
            first=follow_up.window[0],
            last=follow_up.window[1],
            start=follow_up.months[0] if follow_up.months else "",
            end=follow_up.months[-1] if follow_up.months else "",
        )

    def action_per_unit(self) -> None:
        self.per_unit = not self.per_unit
        if self.model is not None and self.model.follow_up is not None:
            self._draw_top(self.model.follow_up)

    @on(RowTable.RowHighlighted, "#followup-flags")
    def _flag_highlighted(self, event: RowTable.RowHighlighted) -> None:
        show_row(self.query_one("#followup-detail", Static), self._flags, event.index, _describe_flag)

    @on(RowTable.RowSelected, "#followup-flags")
    def _flag_chosen(self, event: RowTable.RowSelected) -> None:
        if 0 <= event.index < len(self._flags):
            self.post_message(OpenUnit(self._flags[event.index].flag.unit))

    @on(RowTable.RowSelected, "#followup-table")
    def _top_chosen(self, event: RowTable.RowSelected) -> None:
        model = self.model
        if model is None or model.follow_up is None:
            return
        if self.per_unit:
            if 0 <= event.index < len(self._units):
                self.post_message(OpenUnit(self._units[event.index].unit))
        elif 0 <= event.index < len(self._services):
            service = self._services[event.index]
            self.app.push_screen(DetailScreen(service.name, service_chart(service, model.follow_up)))


def _describe_flag(row: followups.FlagRow) -> Text:
    severity = _(words.SEVERITIES.get(row.flag.severity, row.flag.severity))
    text = Text(f"{row.flag.file}:{row.flag.line} · {row.unit_name} · {row.flag.code} ({severity})\n", style="bold")
    text.append(row.flag.message)
    return text
