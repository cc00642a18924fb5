"""A page as the templates see it: headings, sentences, tables and charts, all text already
decided (translated, suppressed, formatted). The templates only lay it out and escape it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from markupsafe import Markup, escape

from planner.report.charts import LegendEntry


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    numeric: frozenset[int] = frozenset()
    """Columns (0-based) that hold figures: right-aligned."""
    nowrap: frozenset[int] = frozenset()
    """Columns (0-based) kept on one line (weeks, dates)."""

    def html_rows(self) -> Iterator[Markup]:
        """Each row as HTML, every cell escaped by markupsafe (the escaping Jinja2's
        autoescape does): the first cell a row header, figures right-aligned, weeks and dates
        unbroken. The one place the pages join HTML outside the template: a national report
        has millions of cells, and the template's per-cell work took most of its time."""
        tags = [_tags(i, self.numeric, self.nowrap) for i in range(len(self.header))]
        for row in self.rows:
            cells = "".join([f"{tags[i][0]}{_escaped(cell)}{tags[i][1]}" for i, cell in enumerate(row)])
            yield Markup(f"<tr>{cells}</tr>")


@dataclass(frozen=True)
class Chart:
    caption: str
    svg: str
    """An `<svg>` element from `charts.svg` (already escaped by matplotlib's writer)."""
    table: Table
    """The same figures as a table: the chart's text alternative."""
    legend: tuple[LegendEntry, ...] = ()
    """A line chart's legend, shown as text under it (a bar chart draws its own)."""


@dataclass(frozen=True)
class Paragraphs:
    lines: tuple[str, ...]
    css: str = ""


@dataclass(frozen=True)
class Items:
    """A bulleted list (the "what to do" list)."""

    items: tuple[str, ...]


Block = Table | Chart | Paragraphs | Items


@dataclass(frozen=True)
class Section:
    heading: str
    anchor: str
    blocks: tuple[Block, ...] = ()
    subsections: tuple[Section, ...] = ()
    css: str = ""


@dataclass(frozen=True)
class Page:
    lang: str
    title: str
    heading: str
    subtitle: tuple[str, ...]
    sections: tuple[Section, ...]
    contents: tuple[tuple[str, str], ...] = field(default=())
    """(anchor, heading) of the sections a reader jumps to."""


@lru_cache(maxsize=65536)
def _escaped(cell: str) -> str:
    """A cell's text, escaped; most cells are figures that repeat ("<5", "12%")."""
    return str(escape(cell))


def _tags(column: int, numeric: frozenset[int], nowrap: frozenset[int]) -> tuple[str, str]:
    if column == 0:
        return ('<th scope="row" class="nowrap">' if 0 in nowrap else '<th scope="row">'), "</th>"
    if column in numeric:
        return '<td class="num">', "</td>"
    if column in nowrap:
        return '<td class="nowrap">', "</td>"
    return "<td>", "</td>"
