"""`?`: every key of the explorer, grouped by screen."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from planner.tui import words
from planner.tui.widgets.footer import KeysFooter


def help_table() -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    for i, (group, keys) in enumerate(words.KEY_HELP):
        if i:
            table.add_row("", "")
        table.add_row(Text(group, style="bold underline"), "")
        for key, description in keys:
            table.add_row(key, description)
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", words.KEY_BACK),
        Binding("question_mark", "dismiss", words.KEY_BACK, show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box") as box:
            box.border_title = words.HELP_TITLE
            box.border_subtitle = words.HELP_CLOSE
            yield Static(help_table())
        yield KeysFooter()  # the keys of this dialog, over the footer of the screen below
