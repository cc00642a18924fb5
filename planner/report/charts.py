"""Charts as inline SVG, drawn by matplotlib's SVG backend.

Deterministic by construction: the SVG backend's ids come from `svg.hashsalt` (set per
chart, so two charts on one page never share an id), the metadata block (with its date and
its links to purl.org and creativecommons.org) is left out, text stays text (`svg.fonttype:
none`: small, selectable, and drawn in the page's own font), and the XML declaration and
DOCTYPE (which names a w3.org DTD by URL) are cut, so the SVG can sit inside the HTML.

Colours are the Okabe–Ito palette, told apart by people with any common colour vision
deficiency; lines also differ in marker and style, so nothing depends on colour alone.
Every chart has a table beside it on the page (`pages`), which is its text alternative.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

WIDTH, LINES_HEIGHT = 7.0, 2.6
"""Inches (matplotlib's unit); the page scales the SVG to its column."""
CHAR_INCHES = 0.075
"""Roughly one character of a 9-point label, for margins: fixed margins draw a chart in a
third of the time matplotlib's constrained layout takes, which matters at a chart per unit."""
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000")
GREY = "#BBBBBB"
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
_RC: dict[str, Any] = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.sans-serif": ["DejaVu Sans"],
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 10,
    "axes.titlelocation": "left",
    "legend.frameon": False,
    "path.simplify": False,
    "text.parse_math": False,  # catalogue text is drawn as written: `$5` is not mathtext
}
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')
_GROUP_ID = re.compile(r'<g id="[^"]*"')
_GEOMETRY = re.compile(r'( (?:d|x|y|x1|x2|y1|y2|transform|points)=")([^"]*)"')
_DECIMALS = re.compile(r"(\d+\.\d)\d+")
_INDENT = re.compile(r"\n +")
"""matplotlib names groups `figure_1`, `axes_1`, … in every chart; nothing refers to them, and
two charts on one page must not share an id."""


@dataclass(frozen=True)
class Bars:
    """Horizontal stacked bars: one bar per category, one segment per series."""

    categories: Sequence[str]
    series: Sequence[tuple[str, Sequence[int], str]]
    """(label, one value per category, colour)."""


@dataclass(frozen=True)
class Lines:
    """Lines over an x axis of labels (months, weeks); None is a gap in a line."""

    x: Sequence[str]
    series: Sequence[tuple[str, Sequence[float | None], str, str]]
    """(label, one value per x, colour, line style `-` or `--`). A dashed line has no marker
    and no legend entry of its own: `dashed_label` names them all once."""
    dashed_label: str | None = None
    y_max: float | None = None
    percent: bool = False
    """Values are shares 0–1, shown as per cent."""


def svg(chart: Bars | Lines, chart_id: str, title: str) -> str:
    """The chart as an `<svg>` element, byte-identical for the same arguments."""
    import matplotlib
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    rc: Any = {**_RC, "svg.hashsalt": chart_id}
    with matplotlib.rc_context(rc):
        if isinstance(chart, Bars):
            fig = Figure(figsize=(WIDTH, 0.9 + 0.28 * max(len(chart.categories), 1)))
            _draw_bars(fig, chart)
        else:
            fig = Figure(figsize=(WIDTH, LINES_HEIGHT))
            _draw_lines(fig, chart)
        FigureCanvasSVG(fig)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    text = _METADATA.sub("", _PROLOGUE.sub("", buffer.getvalue(), count=1), count=1)
    text = _GROUP_ID.sub("<g", text)
    # A tenth of a point is finer than any screen or printer shows; matplotlib writes six
    # decimals. Only coordinates are rounded, never text.
    text = _GEOMETRY.sub(lambda m: m.group(1) + _DECIMALS.sub(r"\1", m.group(2)) + '"', text)
    text = _INDENT.sub("\n", text)
    # Scales with the page (CSS gives the width); the title names it for a screen reader.
    text = _SIZE.sub(r'<svg\1 role="img" aria-label="__TITLE__"', text, count=1)
    from markupsafe import escape

    return text.replace("__TITLE__", str(escape(title)), 1).strip() + "\n"


def _draw_bars(fig: Any, chart: Bars) -> None:
    width, height = fig.get_size_inches()
    label_inches = CHAR_INCHES * max((len(c) for c in chart.categories), default=1) + 0.2
    left = min(label_inches / width, 0.5)
    fig.subplots_adjust(left=left, right=0.97, bottom=0.45 / height, top=1 - 0.5 / height)
    ax = fig.add_subplot()
    positions = list(range(len(chart.categories)))
    left = [0] * len(positions)
    for label, values, colour in chart.series:
        ax.barh(positions, values, left=left, color=colour, label=label, height=0.7, edgecolor="white")
        left = [a + b for a, b in zip(left, values, strict=True)]
    ax.set_yticks(positions, labels=[c for c in chart.categories])
    ax.invert_yaxis()
    ax.xaxis.get_major_locator().set_params(integer=True)
    fig.legend(loc="upper center", bbox_to_anchor=(0.5, 1.0), ncols=min(max(len(chart.series), 1), 4), fontsize=8)


def _draw_lines(fig: Any, chart: Lines) -> None:
    width, _height = fig.get_size_inches()
    labels = [s[0] for s in chart.series if s[3] == "-"] + [chart.dashed_label or ""]
    legend_inches = CHAR_INCHES * max((len(label) for label in labels), default=1) + 0.5
    right = max(1 - legend_inches / width, 0.55)
    fig.subplots_adjust(left=0.08, right=right, bottom=0.14, top=0.95)
    ax = fig.add_subplot()
    x = list(range(len(chart.x)))
    solid = 0
    for label, values, colour, style in chart.series:
        ys = [float("nan") if v is None else v for v in values]
        if style == "-":
            marker = MARKERS[solid % len(MARKERS)]
            solid += 1
            ax.plot(x, ys, color=colour, linestyle=style, marker=marker, markersize=3, label=label)
        else:
            ax.plot(x, ys, color=colour, linestyle=style, linewidth=1.0)
    if chart.dashed_label and solid < len(chart.series):
        ax.plot([], [], color="#555555", linestyle="--", linewidth=1.0, label=chart.dashed_label)
    # Few ticks: each is several matplotlib objects to lay out, at one chart per unit.
    step = max(1, -(-len(x) // 6))
    ax.set_xticks(x[::step], labels=[v for v in chart.x[::step]], rotation=0)
    if chart.y_max is not None:  # a little room, so a line at 0 % or 100 % is not hidden by the frame
        ax.set_ylim(bottom=-0.03 * chart.y_max, top=1.04 * chart.y_max)
    else:
        ax.set_ylim(bottom=0)
    if chart.percent:
        from matplotlib.ticker import PercentFormatter

        ax.set_yticks([0, 0.5, 1])

        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    fig.legend(loc="upper left", bbox_to_anchor=(right + 0.01, 0.95), fontsize=8)
