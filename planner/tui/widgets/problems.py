"""The panel that shows a broken catalogue's errors, file:line:column first, like the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from planner.problems import Problem
from planner.tui import words

SHOWN = 200  # a thousand errors help nobody more than the first two hundred


class ProblemsPanel(VerticalScroll, can_focus=True):
    """Every input error of the last load; hidden while the catalogue is valid."""

    DEFAULT_CSS = """
    ProblemsPanel {
        display: none;
        height: auto;
        max-height: 12;
        border: heavy $error;
        border-title-color: $error;
        border-title-style: bold;
        padding: 0 1;
    }
    ProblemsPanel.-shown { display: block; }
    ProblemsPanel.-alone { max-height: 1fr; height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="problems-text")

    def show(self, problems: Sequence[Problem], *, have_good_state: bool) -> None:
        text = Text()
        for problem in list(problems)[:SHOWN]:
            text.append(f"{problem.file}:{problem.line}:{problem.column}", style="bold")
            text.append(f": error[{problem.code}]: ", style="red")
            text.append(problem.message + "\n")
        if len(problems) > SHOWN:
            text.append(f"… {len(problems) - SHOWN} more\n", style="italic")
        text.rstrip()
        self.query_one("#problems-text", Static).update(text)
        title = words.ERRORS_TITLE if have_good_state else words.ERRORS_TITLE_NONE
        self.border_title = title.format(count=len(problems))
        self.set_class(True, "-shown")
        self.set_class(not have_good_state, "-alone")

    def hide(self) -> None:
        self.set_class(False, "-shown")
        self.set_class(False, "-alone")
