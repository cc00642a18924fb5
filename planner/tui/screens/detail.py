"""A dialog with the whole of one text: a step's explanation, a warning, a deviation.

Tables cut long texts at the right edge; Enter on a row opens this, wrapped to the terminal.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from planner.i18n import _
from planner.tui import words
from planner.tui.widgets.footer import KeysFooter
from planner.tui.widgets.problems import ErrorBanner


class DetailScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", _(words.KEY_BACK)),
        Binding("enter", "dismiss", _(words.KEY_BACK), show=False),
    ]

    def __init__(self, title: str, body: Text) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        yield ErrorBanner()
        with VerticalScroll(id="detail-box") as box:
            box.border_title = self.title_text
            box.border_subtitle = _("escape closes")
            yield Static(self.body, id="detail-text")
        yield KeysFooter()
