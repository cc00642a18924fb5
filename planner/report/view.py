"""A page as the templates see it: headings, sentences, tables and charts, all text already
decided (translated, suppressed, formatted). The templates only lay it out and escape it."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str | None = None
    numeric: frozenset[int] = frozenset()
    """Columns (0-based) that hold figures: right-aligned."""
    nowrap: frozenset[int] = frozenset()
    """Columns (0-based) kept on one line (weeks, dates)."""


@dataclass(frozen=True)
class Chart:
    caption: str
    svg: str
    """An `<svg>` element from `charts.svg` (already escaped by matplotlib's writer)."""
    table: Table
    """The same figures as a table: the chart's text alternative."""


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
