"""One hälsocentral: its e-tjänster per channel, its deviations and exemptions, its planned steps."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static

from planner.tui import words
from planner.tui.cells import action, offering, step_why
from planner.tui.data import Model
from planner.tui.widgets.rowtable import Column, Row, RowTable

STEP_COLUMNS = tuple(
    Column(label.casefold(), label, width, flex=label == words.STEP_COLUMNS[-1])
    for label, width in zip(words.STEP_COLUMNS, (13, 10, 13, 24, 7, 40), strict=True)
)


class UnitScreen(Screen[None]):
    """Enter on a unit anywhere opens this; escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", words.KEY_BACK)]

    def __init__(self, unit_id: str, model: Model) -> None:
        super().__init__(name=f"unit-{unit_id}")
        self.unit_id = unit_id
        self.model = model
        self._steps: list[Text] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="unit-body"):
            yield Static(id="unit-title")
            offerings: DataTable[object] = DataTable(id="offerings", cursor_type="row", zebra_stripes=True)
            offerings.border_title = words.OFFERINGS_TITLE
            yield offerings
            deviations: DataTable[object] = DataTable(id="deviations", cursor_type="row")
            deviations.border_title = words.DEVIATIONS_TITLE
            yield deviations
            steps = RowTable(STEP_COLUMNS, id="steps")
            steps.border_title = words.STEPS_TITLE
            yield steps
            yield Static(id="step-why")
        yield Footer()

    def on_mount(self) -> None:
        self.show_model(self.model)
        self.query_one("#offerings", DataTable).focus()

    def show_model(self, model: Model) -> None:
        self.model = model
        unit = model.unit(self.unit_id)
        title = self.query_one("#unit-title", Static)
        offerings = self.query_one("#offerings", DataTable)
        deviations = self.query_one("#deviations", DataTable)
        steps = self.query_one("#steps", RowTable)
        for table in (offerings, deviations):
            table.clear(columns=True)
        if unit is None:
            title.update(Text(words.UNIT_GONE.format(id=self.unit_id), style="bold red"))
            steps.set_rows([])
            return
        heading = Text(
            words.UNIT_TITLE.format(name=unit.name, id=unit.id, regi=unit.regi, area=unit.area or words.NO_AREA),
            style="bold",
        )
        heading.append("\n" + words.UNIT_FILE.format(path=model.catalog.unit_source(unit.id).path), style="dim")
        title.update(heading)

        # Services × channels: every service the unit lists or the basutbud requires.
        required = {(r.service, r.channel) for r in model.catalog.basutbud.required}
        required_services = {s for s, _ in required}
        channels = model.catalog.region.channels
        offerings.add_column(words.OFFERING_SERVICE, key="service")
        for channel in channels:
            offerings.add_column(channel.id, key=channel.id, width=26)
        for service in model.catalog.services:
            listed = unit.offerings.get(service.id)
            if listed is None and service.id not in required_services:
                continue
            label = Text(service.name)
            if service.id in required_services:
                label.append(words.BASUTBUD_MARK, style="dim")
            offerings.add_row(label, *(offering((listed or {}).get(c.id)) for c in channels), key=service.id)

        for label in words.DEVIATION_COLUMNS:
            deviations.add_column(label, key=label)
        result = model.results_by_unit.get(unit.id)
        if model.report is None:
            why = words.PENDING if model.report_state == "pending" else words.UNAVAILABLE_REPORT
            deviations.add_row(Text(why, style="dim"), "", "", "", "")
        elif result is not None:
            for d in result.deviations:
                deviations.add_row(Text(d.kind, style="bold red"), d.service, d.channel, str(d.line), Text(d.message))
            for e in result.exempt:
                detail = words.EXEMPT_DETAIL.format(until=e.until.isoformat(), reason=e.reason)
                if e.decision:
                    detail += f" ({e.decision})"
                if e.expires_soon:
                    detail += words.EXEMPT_SOON
                deviations.add_row(
                    Text(words.EXEMPT_KIND, style="yellow"), e.service, e.channel, str(e.line), Text(detail)
                )
            for u in result.unused_exemptions:
                deviations.add_row(
                    Text(words.UNUSED_KIND, style="dim"), u.service, u.channel, str(u.line), Text(u.message)
                )
            if not result.deviations and not result.exempt:
                deviations.add_row(Text(words.NO_DEVIATIONS, style="green"), "", "", "", "")

        self._steps = []
        if model.plan is None:
            steps.empty = words.PENDING if model.plan_state == "pending" else words.UNAVAILABLE_PLAN
            steps.set_rows([])
            return
        rows: list[Row] = []
        for item in model.unschedulable_by_unit.get(unit.id, ()):
            service = model.catalog.service_by_id.get(item.service)
            why = Text(f"[{item.reason}] ", style="dim")
            why.append(item.message)
            rows.append(
                Row(
                    f"u{len(rows)}",
                    (
                        Text(words.UNSCHEDULABLE, style="bold red"),
                        "",
                        "",
                        service.name if service else item.service,
                        "",
                        why,
                    ),
                )
            )
            self._steps.append(why)
        for step in model.steps_by_unit.get(unit.id, ()):
            service = model.catalog.service_by_id.get(step.service)
            why = step_why(step)
            rows.append(
                Row(
                    f"s{len(rows)}",
                    (
                        words.week(step.week),
                        step.date.isoformat(),
                        action(step),
                        service.name if service else step.service,
                        step.channel,
                        why,
                    ),
                )
            )
            self._steps.append(why)
        steps.empty = words.NO_STEPS
        steps.set_rows(rows)

    @on(RowTable.RowHighlighted, "#steps")
    def _step_highlighted(self, event: RowTable.RowHighlighted) -> None:
        detail = self.query_one("#step-why", Static)
        detail.update(self._steps[event.index] if 0 <= event.index < len(self._steps) else "")
