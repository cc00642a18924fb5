"""The panel that shows a broken catalogue's errors, file:line:column first, like the CLI."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from planner import counted
from planner.i18n import _, ngettext
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
            text.append(_("… {n} more").format(n=len(problems) - SHOWN) + "\n", style="italic")
        text.rstrip()
        self.query_one("#problems-text", Static).update(text)
        title = words.ERRORS_TITLE if have_good_state else words.ERRORS_TITLE_NONE
        self.border_title = title.format(errors=counted.errors(len(problems)))
        self.set_class(True, "-shown")
        self.set_class(not have_good_state, "-alone")

    def hide(self) -> None:
        self.set_class(False, "-shown")
        self.set_class(False, "-alone")


class ErrorBanner(Static):
    """The first input error of the last load, file:line first, on a screen pushed over the tabs
    (a hälsocentral, a dialog): an edit that breaks the catalogue shows wherever one looks.

    The app tells every banner on the screen stack (`ExploreApp._show_problems`); a banner on a
    screen opened while the catalogue is broken reads the app's problems when it mounts.
    """

    DEFAULT_CSS = """
    ErrorBanner {
        display: none;
        dock: top;
        height: auto;
        max-height: 4;
        background: $error 30%;
        color: $text;
        padding: 0 1;
    }
    ErrorBanner.-shown { display: block; }
    """

    def __init__(self, *, last_good_state: bool = False, id: str | None = None) -> None:
        super().__init__(id=id)
        self.last_good_state = last_good_state
        """Say that what this screen shows is the last good state (the unit screen)."""

    def on_mount(self) -> None:
        problems: Sequence[Problem] = getattr(self.app, "problems", ())
        self.show_problems(problems)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        if not problems:
            self.set_class(False, "-shown")
            self.update("")
            return
        first = problems[0]
        text = Text()
        text.append(f"{first.file}:{first.line}:{first.column}", style="bold")
        text.append(f": error[{first.code}]: ", style="bold")
        text.append(first.message)
        more = len(problems) - 1
        if more:
            text.append("\n")
            text.append(
                ngettext(
                    "… and {n} more error; the overview lists them all.",
                    "… and {n} more errors; the overview lists them all.",
                    more,
                ).format(n=more),
                style="italic",
            )
        if self.last_good_state:
            text.append("\n")
            text.append(_("This screen shows the last good state of the catalogue."), style="bold")
        self.update(text)
        self.set_class(True, "-shown")
