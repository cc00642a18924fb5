"""A read-only table that draws only the rows on screen, for lists of any length.

Textual's DataTable measures every cell of every row it is given, which costs about half a
second per 1,200 rows: too slow to refilter a national units table on each key press, and
far too slow for 35,000 warnings. This table takes ready-made rows, keeps fixed column widths
(the last column may take what is left), and renders a line only when it is shown, so
replacing its rows costs no more than handing over a list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import ClassVar, overload

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.message import Message
from textual.strip import Strip

from planner.tui.widgets.cursor import CursorView

Cell = Text | str | int


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: int
    """Cells are cut (with …) or padded to this many characters."""
    flex: bool = False
    """Take the width left over on screen (at least `width`); for the last column."""


@dataclass(frozen=True)
class Row:
    key: str
    cells: tuple[Cell, ...]


class LazyRows(Sequence[Row]):
    """Rows made when first shown: 35,000 warnings cost nothing until scrolled to.

    `keys` is each row's key, or a count: rows known by their place, keyed "0", "1", "2", …,
    made when asked, so handing a table 35,000 rows makes neither 35,000 keys nor a
    dictionary of them."""

    def __init__(self, keys: Sequence[str] | int, make: Callable[[int], tuple[Cell, ...]]) -> None:
        self._keys = keys
        self._count = keys if isinstance(keys, int) else len(keys)
        self._make = make
        self._made: dict[int, Row] = {}

    def __len__(self) -> int:
        return self._count

    def key(self, index: int) -> str:
        return str(index) if isinstance(self._keys, int) else self._keys[index]

    def finder(self) -> Callable[[str], int | None]:
        """The place of a key, None when no row has it."""
        if isinstance(self._keys, int):
            return self._place
        return {key: i for i, key in enumerate(self._keys)}.get

    def _place(self, key: str) -> int | None:
        if not (key.isascii() and key.isdigit()) or (key != "0" and key.startswith("0")):
            return None
        index = int(key)
        return index if index < self._count else None

    @overload
    def __getitem__(self, index: int) -> Row: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Row]: ...
    def __getitem__(self, index: int | slice) -> Row | Sequence[Row]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        row = self._made.get(index)
        if row is None:
            row = Row(self.key(index), self._make(index))
            self._made[index] = row
        return row


def _nowhere(key: str) -> int | None:
    return None


PADDING = 1  # one blank each side of a cell


class RowTable(CursorView):
    """Rows under a header; a row cursor; Enter or a second click selects; a header click sorts."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header",
        "row-table--cursor",
        "row-table--odd",
        "row-table--even",
        "row-table--empty",
    }

    DEFAULT_CSS = """
    RowTable { background: $surface; height: 1fr; }
    RowTable > .row-table--header { color: $text; background: $panel; text-style: bold; }
    RowTable > .row-table--cursor { background: $block-cursor-blurred-background; }
    RowTable:focus > .row-table--cursor {
        background: $block-cursor-background;
        color: $block-cursor-foreground;
        text-style: bold;
    }
    RowTable > .row-table--odd { background: $surface-lighten-1 30%; }
    RowTable > .row-table--even { }
    RowTable > .row-table--empty { color: $text-muted; text-style: italic; }
    """

    class _TableMessage(Message):
        """A message about this table: `@on(..., "#id")` matches it by its control."""

        def __init__(self, table: RowTable) -> None:
            super().__init__()
            self.table = table

        @property
        def control(self) -> RowTable:
            return self.table

    class RowHighlighted(_TableMessage):
        def __init__(self, table: RowTable, key: str | None, index: int) -> None:
            super().__init__(table)
            self.key = key
            self.index = index

    class RowSelected(_TableMessage):
        def __init__(self, table: RowTable, key: str, index: int) -> None:
            super().__init__(table)
            self.key = key
            self.index = index

    class HeaderClicked(_TableMessage):
        def __init__(self, table: RowTable, column: str) -> None:
            super().__init__(table)
            self.column = column

    def __init__(
        self,
        columns: Sequence[Column] = (),
        *,
        empty: str = "",
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._columns: tuple[Column, ...] = tuple(columns)
        self._rows: Sequence[Row] = ()
        self._find: Callable[[str], int | None] = _nowhere
        """The place of a row by its key (None when no row has it)."""
        self._lines: dict[tuple[int, bool, int], Strip] = {}
        self._sort: tuple[str, bool] | None = None
        self.empty = empty
        """Shown (dimmed) when there are no rows."""

    # Content.

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def rows(self) -> Sequence[Row]:
        return self._rows

    @property
    def current_key(self) -> str | None:
        return self._key(self.cursor) if 0 <= self.cursor < len(self._rows) else None

    def _key(self, index: int) -> str:
        rows = self._rows
        return rows.key(index) if isinstance(rows, LazyRows) else rows[index].key

    def set_columns(self, columns: Sequence[Column]) -> None:
        self._columns = tuple(columns)
        self._changed()

    def set_sort(self, column: str | None, reverse: bool = False) -> None:
        """Mark the header of the column the rows are sorted by (the caller sorts)."""
        self._sort = None if column is None else (column, reverse)
        self._changed()

    def set_rows(self, rows: Sequence[Row], *, keep: str | None = None) -> None:
        """Show `rows`; the cursor stays on the row with key `keep` (default: the current one)."""
        keep = keep if keep is not None else self.current_key
        self._rows = rows
        self._find = rows.finder() if isinstance(rows, LazyRows) else {row.key: i for i, row in enumerate(rows)}.get
        found = self._find(keep) if keep is not None else None
        index = 0 if found is None else found
        self._changed()
        if index != self.cursor:
            self.cursor = index
        else:
            self.post_message(self.RowHighlighted(self, self.current_key, self.cursor))

    def move_to(self, key: str) -> None:
        index = self._find(key)
        if index is not None:
            self.cursor = index

    def _changed(self) -> None:
        self._lines.clear()
        self.virtual_size = Size(self._total_width(self.scrollable_content_region.width), len(self._rows) + 1)
        self.refresh()

    def _widths(self, available: int) -> list[int]:
        widths = [c.width for c in self._columns]
        fixed = sum(widths) + 2 * PADDING * len(widths)
        for i, column in enumerate(self._columns):
            if column.flex:
                widths[i] = max(column.width, widths[i] + available - fixed)
        return widths

    def _total_width(self, available: int) -> int:
        return sum(self._widths(available)) + 2 * PADDING * len(self._columns)

    def on_resize(self, event: events.Resize) -> None:
        self._changed()

    def on_focus(self) -> None:
        self._lines.clear()

    def on_blur(self) -> None:
        self._lines.clear()

    # Drawing.

    def _cells_line(self, cells: Sequence[Cell], widths: list[int], style: Style) -> list[Segment]:
        console = self.app.console
        segments: list[Segment] = []
        pad = Segment(" " * PADDING, style)
        for cell, width in zip(cells, widths, strict=False):
            text = cell.copy() if isinstance(cell, Text) else Text(str(cell))
            text.no_wrap = True
            text.truncate(width, overflow="ellipsis", pad=True)
            segments.append(pad)
            segments.extend(Segment.apply_style(text.render(console, end=""), style))
            segments.append(pad)
        return segments

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.scrollable_content_region.width
        widths = self._widths(width)
        total = sum(widths) + 2 * PADDING * len(widths)
        if y == 0:
            style = self.get_component_rich_style("row-table--header")
            labels = []
            for column in self._columns:
                mark = ""
                if self._sort is not None and self._sort[0] == column.key:
                    mark = " ▼" if self._sort[1] else " ▲"
                labels.append(Text(column.label + mark))
            strip = Strip(self._cells_line(labels, widths, style), total)
            return strip.crop(scroll_x, scroll_x + width).adjust_cell_length(width, style)
        index = int(scroll_y) + y - 1
        base = self.rich_style
        if not self._rows and y == 1 and self.empty:
            style = self.get_component_rich_style("row-table--empty")
            return Strip([Segment(f" {self.empty}", style)]).adjust_cell_length(width, base)
        if not 0 <= index < len(self._rows):
            return Strip.blank(width, base)
        is_cursor = index == self.cursor
        cache_key = (index, is_cursor, width)
        cached = self._lines.get(cache_key)
        if cached is not None:
            return cached.crop(scroll_x, scroll_x + width)
        name = "row-table--cursor" if is_cursor else ("row-table--odd" if index % 2 else "row-table--even")
        style = base + self.get_component_rich_style(name, partial=True)
        strip = Strip(self._cells_line(self._rows[index].cells, widths, style), total)
        strip = strip.adjust_cell_length(max(total, width), style)
        self._lines[cache_key] = strip
        return strip.crop(scroll_x, scroll_x + width)

    # Moving.

    def cursor_rows(self) -> int:
        return len(self._rows)

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh()
        self.scroll_to_cursor()
        self.post_message(self.RowHighlighted(self, self.current_key, new))

    def action_select(self) -> None:
        key = self.current_key
        if key is not None:
            self.post_message(self.RowSelected(self, key, self.cursor))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)  # the click relative to the rows, not the border
        if offset is None:
            return
        if offset.y == 0:
            x = offset.x + int(self.scroll_x)
            for column, width in zip(self._columns, self._widths(self.scrollable_content_region.width), strict=True):
                x -= width + 2 * PADDING
                if x < 0:
                    self.post_message(self.HeaderClicked(self, column.key))
                    return
            return
        index = int(self.scroll_y) + offset.y - 1
        if not 0 <= index < len(self._rows):
            return
        if index == self.cursor and event.chain >= 2:
            self.action_select()
        self.cursor = index


class SortsByHeader:
    """For a pane with one sortable RowTable: a click on a header sorts by that column (or
    reverses the order when it already sorts by it); `s` steps to the next of SORTS, `S`
    reverses. The pane keeps `_sort` and `_reverse` and redraws in `_resort`."""

    SORTS: ClassVar[tuple[str, ...]]
    _sort: str
    _reverse: bool

    def _resort(self) -> None:
        raise NotImplementedError

    def on_row_table_header_clicked(self, event: RowTable.HeaderClicked) -> None:
        self._reverse = not self._reverse if event.column == self._sort else False
        self._sort = event.column
        self._resort()

    def action_sort(self, reverse: bool) -> None:
        if reverse:
            self._reverse = not self._reverse
        else:
            self._sort = self.SORTS[(self.SORTS.index(self._sort) + 1) % len(self.SORTS)]
            self._reverse = False
        self._resort()
