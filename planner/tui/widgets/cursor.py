"""What the explorer's line-drawn lists share: a row cursor that keys move and the view follows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.reactive import reactive
from textual.scroll_view import ScrollView

from planner.tui import words


class CursorView(ScrollView, can_focus=True):
    """Rows under `HEADER_LINES` fixed lines, with a row cursor: arrows, page keys, home/end,
    left/right to scroll sideways, Enter to select. A subclass says how many rows there are
    (`cursor_rows`) and what selecting does (`action_select`)."""

    HEADER_LINES: ClassVar[int] = 1
    SIDEWAYS: ClassVar[int] = 8
    """Columns that left and right scroll by."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", show=False),
        Binding("down", "cursor(1)", show=False),
        Binding("pageup", "page(-1)", show=False),
        Binding("pagedown", "page(1)", show=False),
        Binding("home", "cursor_to(0)", show=False),
        Binding("end", "cursor_to(-1)", show=False),
        Binding("left", "sideways(-1)", show=False),
        Binding("right", "sideways(1)", show=False),
        Binding("enter", "select", words.KEY_OPEN),
    ]

    cursor: reactive[int] = reactive(0, always_update=False)

    def cursor_rows(self) -> int:
        raise NotImplementedError

    def validate_cursor(self, value: int) -> int:
        rows = self.cursor_rows()
        return max(0, min(value, rows - 1)) if rows else 0

    def _body_height(self) -> int:
        return max(self.scrollable_content_region.height - self.HEADER_LINES, 1)

    def scroll_to_cursor(self) -> None:
        """Scroll just enough that the cursor's row is on screen."""
        top = int(self.scroll_y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False)
        elif self.cursor >= top + self._body_height():
            self.scroll_to(y=self.cursor - self._body_height() + 1, animate=False)

    def action_cursor(self, delta: int) -> None:
        self.cursor += delta

    def action_page(self, direction: int) -> None:
        self.cursor += direction * self._body_height()

    def action_cursor_to(self, index: int) -> None:
        self.cursor = index if index >= 0 else self.cursor_rows() - 1

    def action_sideways(self, direction: int) -> None:
        self.scroll_to(x=self.scroll_x + direction * self.SIDEWAYS, animate=False)

    def action_select(self) -> None:
        raise NotImplementedError
