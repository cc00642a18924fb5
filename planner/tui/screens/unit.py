"""One hälsocentral: its e-tjänster per channel, its deviations and exemptions, its warnings and
planned steps.

The line at the bottom shows the whole text of the highlighted row of whichever table has
the focus (tables cut at the right edge); Enter on a step, a warning or a deviation opens it
in a dialog, with the step's explanation. Where a planned offering's `from:` and the plan's
week differ, the offering says so and the line below says which one holds and why.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from planner.i18n import _
from planner.plan.model import Step
from planner.tui import words
from planner.tui.cells import action, offering, step_why
from planner.tui.data import Model
from planner.tui.dates import DateNote, date_notes
from planner.tui.messages import Highlight, RecordStep
from planner.tui.screens.detail import DetailScreen
from planner.tui.widgets.footer import KeysFooter
from planner.tui.widgets.problems import ErrorBanner
from planner.tui.widgets.rowtable import Column, Row, RowTable

STEP_COLUMNS = tuple(
    Column(label.casefold(), label, width, flex=label == words.STEP_COLUMNS[-1])
    for label, width in zip(words.STEP_COLUMNS, (13, 10, 13, 24, 7, 40), strict=True)
)
SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "unschedulable": "bold magenta", "info": "magenta"}


@dataclass(frozen=True)
class Entry:
    """One row of the steps table: what Enter explains and the line below shows."""

    title: str
    summary: Text
    step: Step | None = None


def date_note_text(model: Model, note: DateNote) -> Text:
    """Which of the two dates the plan uses, and why (SPEC §4: `from:` is information)."""
    service = model.service_name(note.service)
    text = Text()
    if note.step is not None:
        text.append(
            _("{service} ({channel}): the catalogue says from {from_}; the plan enables it in {week} ({date}).").format(
                service=service,
                channel=note.channel,
                from_=note.from_.isoformat(),
                week=words.week(note.step.week),
                date=note.step.date.isoformat(),
            ),
            style="bold",
        )
        text.append(" ")
        text.append(_("The plan's week holds: a from: date is information and does not constrain the plan."))
        text.append(" ")
        text.append(_("The plan chose its week because: {reason}.").format(reason=note.step.reason))
    else:
        text.append(
            _("{service} ({channel}): the catalogue says from {from_}, but the plan has no enable for it.").format(
                service=service, channel=note.channel, from_=note.from_.isoformat()
            ),
            style="bold",
        )
        if note.unschedulable is not None:
            text.append(" " + note.unschedulable.message)
    return text


def step_explanation(model: Model, unit_id: str, step: Step) -> Text:
    """A step's whole story: when, what pushed it there and why, and its e-tjänst's other steps."""
    service = model.service_name(step.service)
    text = Text()
    text.append(
        _("{action} {service} at {unit} in {week} ({date}), channel {channel}.").format(
            action=words.ACTIONS.get(step.action, step.action),
            service=service,
            unit=model.unit_name(unit_id),
            week=words.week(step.week),
            date=step.date.isoformat(),
            channel=step.channel,
        ),
        style="bold",
    )
    text.append("\n\n")
    text.append(_("Why this week: {reason}.").format(reason=step.reason))
    meaning = words.BINDING_MEANINGS.get(step.binding)
    if meaning:
        text.append("\n")
        text.append(_("What held it back ({binding}): {meaning}.").format(binding=step.binding, meaning=_(meaning)))
    siblings = [s for s in model.steps_by_unit.get(unit_id, ()) if s.service == step.service]
    if len(siblings) > 1:
        text.append("\n\n")
        text.append(_("Every step of this e-tjänst here:"), style="bold")
        for s in siblings:
            marker = "▶ " if s == step else "  "
            text.append(f"\n{marker}{words.week(s.week)}  {words.ACTIONS.get(s.action, s.action)}  [{s.binding}]")
    note = date_notes(model, unit_id).get((step.service, step.channel))
    if note is not None and step.action == "enable":
        text.append("\n\n")
        text.append_text(date_note_text(model, note))
    return text


class StepsTable(RowTable):
    """The unit's warnings and steps: Enter explains the row (it is this unit already)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "select", _(words.KEY_EXPLAIN))]


class UnitScreen(Screen[None]):
    """Enter on a unit anywhere opens this; escape goes back."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", words.KEY_BACK),
        Binding("e", "explain", _(words.KEY_EXPLAIN), show=False),
        Binding("m", "mark_done", _(words.KEY_MARK_DONE)),
    ]

    def __init__(self, unit_id: str, model: Model, highlight: Highlight | None = None) -> None:
        super().__init__(name=f"unit-{unit_id}")
        self.unit_id = unit_id
        self.model = model
        self.highlight = highlight
        self._entries: list[Entry] = []
        self._deviation_keys: list[tuple[str, str, str]] = []
        self._deviation_texts: list[Text] = []
        self._offering_texts: dict[str, Text] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield ErrorBanner(last_good_state=True, id="unit-banner")
        with Vertical(id="unit-body"):
            yield Static(id="unit-title")
            offerings: DataTable[object] = DataTable(id="offerings", cursor_type="row", zebra_stripes=True)
            offerings.border_title = words.OFFERINGS_TITLE
            yield offerings
            deviations: DataTable[object] = DataTable(id="deviations", cursor_type="row")
            deviations.border_title = words.DEVIATIONS_TITLE
            yield deviations
            steps = StepsTable(STEP_COLUMNS, id="steps")
            steps.border_title = _("Warnings and planned steps (enter explains)")
            yield steps
            yield Static(id="unit-detail")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.show_model(self.model)
        if self.highlight is not None and self._point_at(self.highlight):
            return
        self.query_one("#offerings", DataTable).focus()

    def _point_at(self, highlight: Highlight) -> bool:
        kind, service, detail = highlight
        if kind == "deviation":
            for i, (listed, channel, _kind) in enumerate(self._deviation_keys):
                if listed == service and channel == detail:
                    table = self.query_one("#deviations", DataTable)
                    table.focus()
                    table.move_cursor(row=i, animate=False)
                    return True
            return False
        steps = self.query_one("#steps", RowTable)
        key = f"{kind}:{detail}:{service}"
        if key in {row.key for row in steps.rows}:
            steps.focus()
            steps.move_to(key)
            self._show_entry(steps.cursor)
            return True
        return False

    def show_model(self, model: Model) -> None:
        self.model = model
        unit = model.unit(self.unit_id)
        title = self.query_one("#unit-title", Static)
        offerings = self.query_one("#offerings", DataTable)
        deviations = self.query_one("#deviations", DataTable)
        steps = self.query_one("#steps", RowTable)
        for table in (offerings, deviations):
            table.clear(columns=True)
        self._entries, self._deviation_keys, self._deviation_texts = [], [], []
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

        # Services × channels: every service the unit lists or the basutbud requires, by name.
        required = {(r.service, r.channel) for r in model.catalog.basutbud.required}
        required_services = {service for service, _channel in required}
        channels = model.catalog.region.channels
        notes = date_notes(model, unit.id)
        offerings.add_column(words.OFFERING_SERVICE, key="service")
        for channel in channels:
            offerings.add_column(channel.id, key=channel.id, width=26)
        self._offering_texts = {}
        for service in model.services_by_name:
            listed = unit.offerings.get(service.id)
            if listed is None and service.id not in required_services:
                continue
            label = Text(service.name)
            if service.id in required_services:
                label.append(words.BASUTBUD_MARK, style="dim")
            cells = []
            whole = Text(f"{service.name} ({service.id})", style="bold")
            # A date the plan does not keep comes first: in a short terminal the line below
            # the tables shows only the start of this text.
            for c in channels:
                note = notes.get((service.id, c.id))
                if note is not None:
                    whole.append("\n")
                    whole.append_text(date_note_text(model, note))
            for c in channels:
                cell = offering((listed or {}).get(c.id))
                note = notes.get((service.id, c.id))
                if note is not None:
                    planned = words.week(note.step.week) if note.step else words.NONE
                    cell.append(" ≠ " + _("plan {week}").format(week=planned), style="bold yellow")
                cells.append(cell)
                whole.append(f"\n{c.id}: ")
                whole.append_text(cell if cell.plain else Text(_("not offered"), style="dim"))
            self._offering_texts[service.id] = whole
            offerings.add_row(label, *cells, key=service.id)

        for column in words.DEVIATION_COLUMNS:
            deviations.add_column(column, key=column)
        result = model.results_by_unit.get(unit.id)
        if model.report is None:
            deviations.add_row(Text(words.PENDING, style="dim"), "", "", "", "")
            self._deviation_keys.append(("", "", ""))
            self._deviation_texts.append(Text(words.PENDING))
        elif result is not None:
            # (kind key, kind as shown, service, channel, line, message): deviations, then
            # exemptions in force, then exemptions nothing needs.
            rows: list[tuple[str, Text, str, str, int, Text]] = [
                (d.kind, Text(d.kind, style="bold red"), d.service, d.channel, d.line, Text(d.message))
                for d in result.deviations
            ]
            for e in result.exempt:
                detail = words.EXEMPT_DETAIL.format(until=e.until.isoformat(), reason=e.reason)
                if e.decision:
                    detail += f" ({e.decision})"
                if e.expires_soon:
                    detail += words.EXEMPT_SOON
                rows.append(
                    ("exempt", Text(words.EXEMPT_KIND, style="yellow"), e.service, e.channel, e.line, Text(detail))
                )
            rows += [
                ("unused", Text(words.UNUSED_KIND, style="dim"), u.service, u.channel, u.line, Text(u.message))
                for u in result.unused_exemptions
            ]
            for kind_key, kind, service_id, channel_id, line, message in rows:
                deviations.add_row(kind, service_id, channel_id, str(line), message)
                self._deviation_keys.append((service_id, channel_id, kind_key))
                whole = Text(f"{model.catalog.unit_source(unit.id).path}:{line} · ", style="bold")
                whole.append_text(kind)
                whole.append(f" · {model.service_name(service_id)} · {channel_id}\n", style="bold")
                whole.append_text(message)
                self._deviation_texts.append(whole)
            if not result.deviations and not result.exempt:
                deviations.add_row(Text(words.NO_DEVIATIONS, style="green"), "", "", "", "")
                self._deviation_keys.append(("", "", ""))
                self._deviation_texts.append(Text(words.NO_DEVIATIONS))

        if model.plan is None:
            steps.empty = words.PENDING
            steps.set_rows([])
            return
        step_rows: list[Row] = []
        for warning in sorted(
            model.warnings_by_unit.get(unit.id, ()),
            key=lambda w: (w.severity != "error", model.service_order.get(w.service, 0), w.code),
        ):
            why = Text(f"[{warning.code}] ", style="dim")
            why.append(warning.message)
            severity = Text(
                _(words.SEVERITIES.get(warning.severity, warning.severity)),
                style=SEVERITY_STYLE.get(warning.severity, ""),
            )
            step_rows.append(
                Row(
                    f"warning:{warning.code}:{warning.service}",
                    ("", "", severity, model.service_name(warning.service), "", why),
                )
            )
            self._entries.append(Entry(f"{warning.code} · {model.service_name(warning.service)}", why))
        for item in model.unschedulable_by_unit.get(unit.id, ()):
            why = Text(f"[{item.reason}] ", style="dim")
            why.append(item.message)
            step_rows.append(
                Row(
                    f"unschedulable:{item.reason}:{item.service}",
                    (Text(words.UNSCHEDULABLE, style="bold red"), "", "", model.service_name(item.service), "", why),
                )
            )
            self._entries.append(Entry(f"{item.reason} · {model.service_name(item.service)}", why))
        for step in model.steps_by_unit.get(unit.id, ()):
            why = step_why(step)
            step_rows.append(
                Row(
                    f"step:{step.action}:{step.service}",
                    (
                        words.week(step.week),
                        step.date.isoformat(),
                        action(step),
                        model.service_name(step.service),
                        step.channel,
                        why,
                    ),
                )
            )
            self._entries.append(
                Entry(f"{words.ACTIONS.get(step.action, step.action)} · {model.service_name(step.service)}", why, step)
            )
        steps.empty = words.NO_STEPS
        steps.set_rows(step_rows)

    # The line below: the whole text of the highlighted row of the focused table.

    def _detail(self, text: Text | str) -> None:
        self.query_one("#unit-detail", Static).update(text)

    def _show_entry(self, index: int) -> None:
        self._detail(self._entries[index].summary if 0 <= index < len(self._entries) else "")

    @on(RowTable.RowHighlighted, "#steps")
    def _step_highlighted(self, event: RowTable.RowHighlighted) -> None:
        if event.table.has_focus:
            self._show_entry(event.index)

    @on(DataTable.RowHighlighted, "#offerings")
    def _offering_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not event.data_table.has_focus:
            return
        key = event.row_key.value
        self._detail(self._offering_texts.get(key, "") if isinstance(key, str) else "")

    @on(DataTable.RowHighlighted, "#deviations")
    def _deviation_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if not event.data_table.has_focus:
            return
        index = event.cursor_row
        self._detail(self._deviation_texts[index] if 0 <= index < len(self._deviation_texts) else "")

    def on_descendant_focus(self) -> None:
        focused = self.focused
        if isinstance(focused, RowTable) and focused.id == "steps":
            self._show_entry(focused.cursor)
        elif isinstance(focused, DataTable) and focused.id == "offerings" and focused.row_count:
            key = focused.coordinate_to_cell_key(focused.cursor_coordinate).row_key.value
            self._detail(self._offering_texts.get(key, "") if isinstance(key, str) else "")
        elif isinstance(focused, DataTable) and focused.id == "deviations":
            index = focused.cursor_row
            self._detail(self._deviation_texts[index] if 0 <= index < len(self._deviation_texts) else "")

    # Enter: the whole text in a dialog.

    @on(RowTable.RowSelected, "#steps")
    def _step_selected(self, event: RowTable.RowSelected) -> None:
        self._explain_entry(event.index)

    @on(DataTable.RowSelected, "#deviations")
    def _deviation_selected(self, event: DataTable.RowSelected) -> None:
        index = event.cursor_row
        if 0 <= index < len(self._deviation_texts):
            self.app.push_screen(DetailScreen(_("Deviation"), self._deviation_texts[index]))

    @on(DataTable.RowSelected, "#offerings")
    def _offering_selected(self, event: DataTable.RowSelected) -> None:
        key = event.row_key.value
        if isinstance(key, str) and key in self._offering_texts:
            self.app.push_screen(DetailScreen(self.model.service_name(key), self._offering_texts[key]))

    def _explain_entry(self, index: int) -> None:
        if not 0 <= index < len(self._entries):
            return
        entry = self._entries[index]
        body = step_explanation(self.model, self.unit_id, entry.step) if entry.step else entry.summary
        self.app.push_screen(DetailScreen(entry.title, body))

    def action_mark_done(self) -> None:
        """`m` on an enable or redirect: record it done (the dialog shows the change first)."""
        steps = self.query_one("#steps", RowTable)
        index = steps.cursor
        entry = self._entries[index] if 0 <= index < len(self._entries) else None
        if entry is None or entry.step is None or entry.step.action not in ("enable", "redirect"):
            self.notify(_("Highlight an enable or a redirect in the planned steps to mark it done."))
            return
        self.post_message(RecordStep(self.unit_id, entry.step.service, entry.step.action))

    def action_explain(self) -> None:
        focused = self.focused
        if isinstance(focused, RowTable):
            self._explain_entry(focused.cursor)
        elif isinstance(focused, DataTable):
            focused.action_select_cursor()
