"""A gantt-like timeline: one row per hälsocentral or e-tjänst, one column per week.

Built on the Line API (`ScrollView.render_line`): only the lines on screen are drawn, and a
row's symbols are computed the first time it shows, so 1,200 units × 300 weeks cost nothing
until scrolled to. The label column stays put while the weeks scroll sideways.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from planner.tui import words
from planner.tui.weeks import SYM_BRIEF, SYM_EMPTY, SYM_INFORM, SYM_PARALLEL, SYM_REDIRECT
from planner.tui.widgets.cursor import CursorView

HEADER_LINES = 2
LABEL_WIDTH = 32
"""The label column in a wide terminal; a narrow one gives the weeks two thirds of the room."""
MIN_LABEL_WIDTH = 14
BLACKOUT_SYMBOL = "░"


class Timeline(CursorView):
    """Rows × weeks of symbols (see `planner.tui.weeks.unit_cells`); the cursor row opens on Enter."""

    HEADER_LINES = HEADER_LINES
    SIDEWAYS = 4  # weeks
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--header",
        "timeline--label",
        "timeline--cursor",
        "timeline--enable",
        "timeline--redirect",
        "timeline--parallel",
        "timeline--brief",
        "timeline--inform",
        "timeline--empty",
        "timeline--blackout",
    }

    DEFAULT_CSS = """
    Timeline { background: $surface; }
    Timeline > .timeline--header { color: $text-muted; text-style: bold; }
    Timeline > .timeline--label { color: $text; }
    Timeline > .timeline--cursor { background: $accent 40%; text-style: bold; }
    Timeline:focus > .timeline--cursor { background: $accent; color: $text; }
    Timeline > .timeline--enable { color: $success; text-style: bold; }
    Timeline > .timeline--redirect { color: $warning; text-style: bold; }
    Timeline > .timeline--parallel { color: $primary; }
    Timeline > .timeline--brief { color: $secondary; }
    Timeline > .timeline--inform { color: $warning; }
    Timeline > .timeline--empty { color: $text-disabled; }
    Timeline > .timeline--blackout { background: $error 25%; }
    """

    class Selected(Message):
        """Enter (or a second click) on a row."""

        def __init__(self, timeline: Timeline, key: str) -> None:
            super().__init__()
            self.timeline = timeline
            self.key = key

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._keys: list[str] = []
        self._labels: list[str] = []
        self._weeks: list[date] = []
        self._cells: Callable[[str], str] = lambda key: ""
        self._own_blackouts: Callable[[str], frozenset[int]] = lambda key: frozenset()
        self._blackouts: frozenset[int] = frozenset()
        self._row_cache: dict[str, str] = {}
        self._header: tuple[str, str] = ("", "")

    def set_rows(
        self,
        rows: Sequence[tuple[str, str]],
        weeks: list[date],
        cells: Callable[[str], str],
        *,
        blackouts: frozenset[int] = frozenset(),
        own_blackouts: Callable[[str], frozenset[int]] | None = None,
        title: str = "",
    ) -> None:
        """Show `rows` ((key, label) pairs) over `weeks`; `cells(key)` gives one symbol a week."""
        current = self._keys[self.cursor] if self._keys and 0 <= self.cursor < len(self._keys) else None
        self._keys = [k for k, _ in rows]
        self._labels = [label for _, label in rows]
        self._weeks = weeks
        self._cells = cells
        self._blackouts = blackouts
        self._own_blackouts = own_blackouts or (lambda key: frozenset())
        self._row_cache.clear()
        self.border_title = title
        self._header = self._make_header(weeks)
        self.virtual_size = Size(self._label_width() + len(weeks), len(rows) + HEADER_LINES)
        self.cursor = self._keys.index(current) if current in self._keys else 0
        self.refresh()

    def _label_width(self) -> int:
        width = self.scrollable_content_region.width
        return LABEL_WIDTH if not width else max(MIN_LABEL_WIDTH, min(LABEL_WIDTH, width // 3))

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self._label_width() + len(self._weeks), len(self._keys) + HEADER_LINES)
        self.refresh()

    @property
    def current_key(self) -> str | None:
        return self._keys[self.cursor] if 0 <= self.cursor < len(self._keys) else None

    def move_to(self, key: str) -> None:
        if key in self._keys:
            self.cursor = self._keys.index(key)

    @staticmethod
    def _make_header(weeks: list[date]) -> tuple[str, str]:
        """Year labels where an ISO year begins, week numbers every fourth week, never touching."""
        years = [" "] * len(weeks)
        numbers = [" "] * len(weeks)

        def place(line: list[str], at: int, label: str) -> None:
            span = range(max(at - 1, 0), at + len(label))
            if at + len(label) <= len(line) and all(line[i] == " " for i in span):
                line[at : at + len(label)] = label

        for i, monday in enumerate(weeks):
            iso = monday.isocalendar()
            if i == 0 or iso.week == 1:
                place(years, i, str(iso.year))
            if iso.week % 4 == 1 or i == 0:
                place(numbers, i, str(iso.week))
        return "".join(years), "".join(numbers)

    # Drawing.

    def _row_symbols(self, key: str) -> str:
        symbols = self._row_cache.get(key)
        if symbols is None:
            symbols = self._cells(key)
            self._row_cache[key] = symbols
        return symbols

    def _symbol_style(self, symbol: str) -> Style:
        if symbol == SYM_EMPTY:
            name = "timeline--empty"
        elif symbol == SYM_REDIRECT:
            name = "timeline--redirect"
        elif symbol == SYM_PARALLEL:
            name = "timeline--parallel"
        elif symbol == SYM_BRIEF:
            name = "timeline--brief"
        elif symbol == SYM_INFORM:
            name = "timeline--inform"
        else:  # E, or a count of enables
            name = "timeline--enable"
        return self.get_component_rich_style(name)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        base = self.rich_style
        label_width = self._label_width()
        visible = max(width - label_width, 0)
        first = int(scroll_x)
        blackout = self.get_component_rich_style("timeline--blackout", partial=True)
        if y < HEADER_LINES:
            style = self.get_component_rich_style("timeline--header")
            label = f" {words.TIMELINE_YEAR if y == 0 else words.TIMELINE_WEEK}"
            text = self._header[y][first : first + visible]
            segments = [Segment(label[: label_width - 1].ljust(label_width), style)]
            segments += self._runs(text, first, lambda _: style, self._blackouts, blackout)
            return Strip(segments).adjust_cell_length(width, base)
        row = int(scroll_y) + y - HEADER_LINES
        if row >= len(self._keys):
            return Strip.blank(width, base)
        key = self._keys[row]
        label_style = self.get_component_rich_style("timeline--cursor" if row == self.cursor else "timeline--label")
        label = f" {self._labels[row]}"[: label_width - 1].ljust(label_width)
        symbols = self._row_symbols(key)[first : first + visible]
        shaded = self._blackouts | self._own_blackouts(key)
        segments = [Segment(label, label_style)]
        segments += self._runs(symbols, first, self._symbol_style, shaded, blackout)
        return Strip(segments).adjust_cell_length(width, base)

    @staticmethod
    def _runs(
        text: str, first: int, style_of: Callable[[str], Style], shaded: frozenset[int], blackout: Style
    ) -> list[Segment]:
        """Segments of equal style; empty blackout weeks show the blackout symbol."""
        segments: list[Segment] = []
        run, run_style = "", None
        for offset, symbol in enumerate(text):
            in_blackout = (first + offset) in shaded
            if in_blackout and symbol in (SYM_EMPTY, " "):
                symbol = BLACKOUT_SYMBOL if symbol == SYM_EMPTY else symbol
            style = style_of(SYM_EMPTY if symbol == BLACKOUT_SYMBOL else symbol)
            if in_blackout:
                style = style + blackout
            if style != run_style and run:
                segments.append(Segment(run, run_style))
                run = ""
            run += symbol
            run_style = style
        if run:
            segments.append(Segment(run, run_style))
        return segments

    # Moving.

    def cursor_rows(self) -> int:
        return len(self._keys)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        if self._keys:
            self.scroll_to_cursor()

    def action_select(self) -> None:
        if (key := self.current_key) is not None:
            self.post_message(self.Selected(self, key))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # the click relative to the rows, not the border
        if offset is None or offset.y < HEADER_LINES:
            return
        row = int(self.scroll_y) + offset.y - HEADER_LINES
        if not 0 <= row < len(self._keys):
            return
        if row == self.cursor and event.chain >= 2:
            self.action_select()
        self.cursor = row
