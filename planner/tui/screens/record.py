"""Mark a step done from the explorer: the same core as `mvgplan record`, with a confirmation.

The dialog asks for the date (the explorer's today by default), computes the change with
`planner.catalog.edit.record` in a worker (it validates the whole catalogue with the edited
file) and shows it as a unified diff, with any warning; only "Write" changes the unit file,
atomically, and the explorer then reloads like after any edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static
from textual.worker import get_current_worker

from planner.catalog.edit import RecordResult, record
from planner.catalog.loader import Catalog
from planner.i18n import _
from planner.tui.screens.whatif import parse_day
from planner.tui.widgets.footer import KeysFooter
from planner.tui.widgets.problems import ErrorBanner


@dataclass(frozen=True)
class RecordRequest:
    unit: str
    service: str
    action: str
    """`enable`, `redirect` or `retire` (as `mvgplan record`)."""
    title: str
    """`enable Förnya recept at Alfta Din hälsocentral`, for the dialog's title."""


def diff_text(diff: str) -> Text:
    """A unified diff with + lines green and - lines red."""
    text = Text()
    for line in diff.splitlines():
        if line.startswith(("+++", "---")):
            style = "bold"
        elif line.startswith("+"):
            style = "green"
        elif line.startswith("-"):
            style = "red"
        elif line.startswith("@@"):
            style = "cyan"
        else:
            style = ""
        text.append(line + "\n", style=style)
    text.rstrip()
    return text


class RecordScreen(ModalScreen[bool]):
    """Returns True when the unit file was written."""

    DEFAULT_CSS = """
    RecordScreen { align: center middle; }
    #record-box {
        width: 100%;
        max-width: 96;
        height: auto;
        max-height: 90%;
        border: thick $accent;
        background: $surface;
        padding: 0 1;
    }
    #record-box .field { height: auto; }
    #record-box Label { width: 24; padding: 0 0; }
    #record-box Input { width: 16; }
    #record-diff { height: auto; margin: 1 0 0 0; }
    #record-buttons { height: auto; margin-top: 1; }
    #record-buttons Button { margin-right: 2; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(False)", _("Cancel")),
        Binding("ctrl+s", "write", _("Write the change"), priority=True),
    ]

    def __init__(self, catalog: Catalog, request: RecordRequest, today: date) -> None:
        super().__init__()
        self.catalog = catalog
        self.request = request
        self.today = today
        self.result: RecordResult | None = None

    def compose(self) -> ComposeResult:
        yield ErrorBanner()
        with VerticalScroll(id="record-box") as box:
            box.border_title = _("Mark as done: {what}").format(what=self.request.title)
            with Horizontal(classes="field"):
                yield Label(_("Done on (YYYY-MM-DD)"))
                yield Input(self.today.isoformat(), id="record-date", compact=True)
            yield Static(id="record-diff")
            with Horizontal(id="record-buttons"):
                yield Button(_("Write the change"), id="record-write", variant="primary", disabled=True)
                yield Button(_("Cancel"), id="record-cancel")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.query_one("#record-date", Input).focus()
        self._prepare()

    @on(Input.Submitted, "#record-date")
    def _date_entered(self) -> None:
        self._prepare()

    def _prepare(self) -> None:
        out = self.query_one("#record-diff", Static)
        self.query_one("#record-write", Button).disabled = True
        self.result = None
        try:
            day = parse_day(self.query_one("#record-date", Input).value, _("Done on"))
        except ValueError as error:
            out.update(Text(str(error), style="bold red"))
            return
        out.update(Text(_("Checking the change against the whole catalogue …"), style="italic"))
        self._compute(day or self.today)

    @work(thread=True, exclusive=True, group="record", exit_on_error=False)
    def _compute(self, day: date) -> None:
        r = self.request
        result = record(self.catalog, r.unit, r.service, r.action, day)  # type: ignore[arg-type]
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, result)

    def _show(self, result: RecordResult) -> None:
        self.result = result
        out = self.query_one("#record-diff", Static)
        if result.refusal is not None:
            out.update(Text(result.refusal, style="bold red"))
            return
        recorded = result.recorded
        if recorded is None:
            text = Text(
                _("The change would leave the catalogue invalid; nothing was changed.") + "\n", style="bold red"
            )
            for p in result.problems:
                text.append(f"{p.file}:{p.line}:{p.column}: error[{p.code}]: {p.message}\n")
            out.update(text)
            return
        if not recorded.changed:
            out.update(Text(_("{file} already says so; nothing to change.").format(file=recorded.shown)))
            return
        text = diff_text(recorded.diff())
        for warning in recorded.warnings:
            text.append("\n")
            text.append(_("warning: {message}").format(message=warning), style="bold yellow")
        text.append("\n\n")
        text.append(_("ctrl+s writes this change to the unit file; escape leaves it as it is."), style="dim")
        out.update(text)
        self.query_one("#record-write", Button).disabled = False

    @on(Button.Pressed, "#record-write")
    def action_write(self) -> None:
        result = self.result
        if result is None or result.recorded is None or not result.recorded.changed:
            return
        try:
            result.recorded.write()
        except OSError as exc:
            self.query_one("#record-diff", Static).update(
                Text(
                    _("cannot write {file}: {why}").format(file=result.recorded.shown, why=exc.strerror or exc),
                    style="bold red",
                )
            )
            return
        self.dismiss(True)

    @on(Button.Pressed, "#record-cancel")
    def _cancel(self) -> None:
        self.dismiss(False)
