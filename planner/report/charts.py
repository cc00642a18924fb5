"""Charts as inline SVG, drawn by matplotlib's SVG backend.

Deterministic by construction: every id is renamed to the chart's id and a number in order
of appearance (so two charts on one page never share one, whatever matplotlib's hashes
are), the metadata block (with its date and
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
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
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
_RC: Any = {
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
    "svg.hashsalt": "mvgplan",  # ids are renamed per chart afterwards (`_rename_ids`)
}
SVG_DPI = 72
"""matplotlib draws SVG at 72 dots per inch (one per point) whatever the figure's dpi."""
MAX_FRAMES = 16
"""Prepared line-chart frames kept (one per x labels and y scale; a report needs two)."""
SAMPLE_WIDTH, SAMPLE_HEIGHT = 0.4, 0.14
"""Inches of a legend's line sample."""
DASHED_SAMPLE = "#555555"
_PROLOGUE = re.compile(r"\A.*?(?=<svg\b)", re.DOTALL)
_METADATA = re.compile(r"\s*<metadata>.*?</metadata>", re.DOTALL)
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')
_GROUP_ID = re.compile(r'<g id="[^"]*"')
_GEOMETRY = re.compile(r'( (?:d|x|y|x1|x2|y1|y2|transform|points)=")([^"]*)"')
_DECIMALS = re.compile(r"(\d+\.\d)\d+")
_INDENT = re.compile(r"\n +")
_ID_OR_REFERENCE = re.compile(r'( id="|href="#|url\(#)([^"()]+)([")])')
"""matplotlib names groups `figure_1`, `axes_1`, … in every chart; nothing refers to them, and
two charts on one page must not share an id."""


@dataclass(frozen=True)
class LegendEntry:
    label: str
    sample: str
    """An `<svg>` of the line as drawn (colour, style, marker), hidden from screen readers."""


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
    """The chart as an `<svg>` element, byte-identical for the same arguments.

    A line chart with a fixed y scale (`y_max`) is drawn on a prepared frame: the axes,
    ticks and grid of every chart with the same x labels and scale are drawn once by
    matplotlib and kept; only the chart's lines are drawn for it, by the same Line2D
    artists on the same axes, into the frame's place for them. The bytes are those of
    `drawn_fresh` (tests/test_report_charts.py proves it): at a chart per unit, this is what
    keeps a national report within twice `plan` + `follow-up`.
    """
    if isinstance(chart, Lines) and chart.y_max is not None:
        return _labelled(_on_frame(chart, chart_id), title)
    return drawn_fresh(chart, chart_id, title)


def drawn_fresh(chart: Bars | Lines, chart_id: str, title: str) -> str:
    """The chart drawn on a new matplotlib figure of its own, start to end."""
    with _style():
        if isinstance(chart, Bars):
            fig = _new_figure(chart_height(chart))
            _draw_bars(fig, chart)
        else:
            fig, ax = _lines_frame(tuple(chart.x), chart.y_max, chart.percent, _y_top(chart))
            for line in _line_artists(chart):
                ax.add_line(line)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return _finish(buffer.getvalue(), chart_id, title)


def chart_height(chart: Bars) -> float:
    return 0.9 + 0.28 * max(len(chart.categories), 1)


def legend(chart: Lines, chart_id: str) -> tuple[LegendEntry, ...]:
    """The line chart's legend, for the page to show as text beside a drawn sample of
    each line: a solid line per series (its marker too), one dashed entry for all dashed
    lines (`dashed_label`). Text on the page wraps and reads aloud; it costs no layout."""
    entries: list[LegendEntry] = []
    solid = 0
    for label, _values, colour, style in chart.series:
        if style == "-":
            sample = _sample(colour, "-", MARKERS[solid % len(MARKERS)])
            entries.append(LegendEntry(label, _rename_ids(sample, f"{chart_id}-k{len(entries)}-")))
            solid += 1
    if chart.dashed_label and solid < len(chart.series):
        sample = _sample(DASHED_SAMPLE, "--", "")
        entries.append(LegendEntry(chart.dashed_label, _rename_ids(sample, f"{chart_id}-k{len(entries)}-")))
    return tuple(entries)


# -- drawing -------------------------------------------------------------------------------


def _new_figure(height: float) -> Any:
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.figure import Figure

    fig = Figure(figsize=(WIDTH, height), dpi=SVG_DPI)
    FigureCanvasSVG(fig)
    return fig


def _y_top(chart: Lines) -> float:
    if chart.y_max is not None:
        return chart.y_max
    values = [v for _label, vs, _colour, _style in chart.series for v in vs if v is not None]
    return max(values, default=0.0) or 1.0


def _lines_frame(x: tuple[str, ...], y_max: float | None, percent: bool, y_top: float) -> tuple[Any, Any]:
    """A line chart's figure and axes without lines: the same for every chart with the same
    x labels and y scale. The x and y limits are set, never taken from the data."""
    fig = _new_figure(LINES_HEIGHT)
    fig.subplots_adjust(left=0.08, right=0.98, bottom=0.14, top=0.95)
    ax = fig.add_subplot()
    ax.set_autoscale_on(False)
    positions = list(range(len(x)))
    # Few ticks: each is several matplotlib objects to lay out.
    step = max(1, -(-len(x) // 6))
    ax.set_xticks(positions[::step], labels=list(x[::step]), rotation=0)
    margin = 0.05 * (len(x) - 1) if len(x) > 1 else 0.5
    ax.set_xlim(-margin, len(x) - 1 + margin)
    # A little room, so a line at 0 % or 100 % is not hidden by the frame.
    ax.set_ylim(bottom=-0.03 * y_top if y_max is not None else 0, top=1.04 * y_top)
    if percent:
        from matplotlib.ticker import PercentFormatter

        ax.set_yticks([0, 0.5, 1])
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1, decimals=0))
    ax.grid(axis="y", color="#DDDDDD", linewidth=0.6)
    return fig, ax


def _line_artists(chart: Lines) -> list[Any]:
    from matplotlib.lines import Line2D

    x = list(range(len(chart.x)))
    lines = []
    solid = 0
    style: Any  # matplotlib's stubs want a literal
    for _label, values, colour, style in chart.series:
        ys = [float("nan") if v is None else v for v in values]
        if style == "-":
            marker = MARKERS[solid % len(MARKERS)]
            solid += 1
            lines.append(Line2D(x, ys, color=colour, linestyle=style, marker=marker, markersize=3))
        else:
            lines.append(Line2D(x, ys, color=colour, linestyle=style, linewidth=1.0))
    return lines


@dataclass
class _Frame:
    figure: Any
    axes: Any
    head: str
    """The frame's SVG before the place of the lines, cleaned (`_clean`), its ids renamed
    with `_PLACEHOLDER` for the chart's prefix."""
    names: dict[str, str]
    """matplotlib's ids in `head` → their numbers, in order of appearance."""
    tail: str
    """The frame's SVG after the place of the lines, cleaned, ids as matplotlib wrote them."""


_SLOT = "mvgplan-lines"
_SLOT_GROUP = re.compile(r'^ *<g id="' + _SLOT + r'">\n.*?^ *</g>\n', re.DOTALL | re.MULTILINE)
_PLACEHOLDER = "\x00"
"""Stands for a chart's id prefix in a frame's cached SVG (a control character, which no
text of a catalogue holds)."""
_frames: dict[tuple[tuple[str, ...], float, bool], _Frame] = {}


def _frame(chart: Lines) -> _Frame:
    """The prepared frame for `chart`'s x labels and y scale, drawn once per process.

    Its SVG is drawn with one line that has no points where the chart's lines go: the
    same artist type in the same place in the drawing order, clipped the same way, so
    the frame's SVG around it (and its clip-path definitions) is what a full drawing
    writes around the lines."""
    assert chart.y_max is not None
    key = (tuple(chart.x), chart.y_max, chart.percent)
    found = _frames.get(key)
    if found is None:
        from matplotlib.lines import Line2D

        fig, ax = _lines_frame(key[0], chart.y_max, chart.percent, chart.y_max)
        slot = Line2D(range(len(key[0])), [float("nan")] * len(key[0]), gid=_SLOT)
        ax.add_line(slot)
        buffer = io.StringIO()
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
        slot.remove()
        text = buffer.getvalue()
        match = _SLOT_GROUP.search(text)
        assert match is not None, "matplotlib did not draw the frame's slot for the lines"
        names: dict[str, str] = {}
        head = _rename_ids(_clean_head(text[: match.start()]), _PLACEHOLDER, names)
        found = _Frame(fig, ax, head, names, _clean_body(text[match.end() :]))
        if len(_frames) >= MAX_FRAMES:
            _frames.clear()
        _frames[key] = found
    return found


def _on_frame(chart: Lines, chart_id: str) -> str:
    """The chart's SVG as `_finish` would make it of a fresh drawing (`drawn_fresh`)."""
    from matplotlib.backends import backend_svg

    renderer_svg: Any = backend_svg.RendererSVG  # untyped in matplotlib's stubs
    with _style():
        frame = _frame(chart)
        width, height = frame.figure.get_size_inches() * SVG_DPI
        buffer = io.StringIO()
        renderer = renderer_svg(width, height, buffer)
        start = len(buffer.getvalue())
        axes = frame.axes
        for line in _line_artists(chart):
            # What `axes.add_line` sets for drawing, without adding the line to the axes
            # (nor updating their data limits: the frame's limits are fixed).
            line.set_figure(frame.figure)
            line.set_transform(axes.transData)
            line.axes = axes
            line.set_clip_path(axes.patch)
            line.draw(renderer)
        drawn = buffer.getvalue()[start:]
    prefix = f"{chart_id}-"
    names = dict(frame.names)
    head = frame.head.replace(_PLACEHOLDER, prefix)
    body = _rename_ids(_clean_body(drawn) + frame.tail, prefix, names)
    return head + body


@contextmanager
def _style() -> Iterator[None]:
    """matplotlib's settings of `_RC` while drawing, as `matplotlib.rc_context` would set
    them, but only those: rc_context copies and re-validates every setting, which cost a
    millisecond a chart."""
    import matplotlib

    settings = matplotlib.rcParams
    saved = {key: settings[key] for key in _RC}
    settings.update(_RC)
    try:
        yield
    finally:
        settings.update(saved)


def _sample(colour: str, style: Any, marker: str) -> str:
    """A short line as a legend shows it (with its marker), drawn by matplotlib once, on
    one small figure without axes kept for every sample (a new figure each took longer
    than the drawing)."""
    key = (colour, style, marker)
    found = _samples.get(key)
    if found is None:
        from matplotlib.lines import Line2D

        with _style():
            if not _sample_axes:
                fig = _new_figure(SAMPLE_HEIGHT)
                fig.set_size_inches(SAMPLE_WIDTH, SAMPLE_HEIGHT)
                fig.patch.set_visible(False)
                ax = fig.add_axes((0, 0, 1, 1))
                ax.set_axis_off()
                ax.set_xlim(0, 1)
                ax.set_ylim(0, 1)
                _sample_axes.append(ax)
            ax = _sample_axes[0]
            width = 1.0 if style == "--" else 1.5
            lines = [Line2D([0.08, 0.92], [0.5, 0.5], color=colour, linestyle=style, linewidth=width, clip_on=False)]
            if marker:
                lines.append(Line2D([0.5], [0.5], color=colour, marker=marker, markersize=4, clip_on=False))
            for line in lines:
                ax.add_line(line)
            buffer = io.StringIO()
            try:
                ax.figure.savefig(
                    buffer, format="svg", metadata={"Date": None, "Creator": None, "Format": None, "Type": None}
                )
            finally:
                for line in lines:
                    line.remove()
        found = _clean(buffer.getvalue()).strip().replace("<svg ", '<svg class="sample" aria-hidden="true" ', 1)
        _samples[key] = found
    return found


_sample_axes: list[Any] = []
_samples: dict[tuple[str, str, str], str] = {}


def _clean(text: str) -> str:
    return _clean_head(text).strip() + "\n"


def _clean_head(text: str) -> str:
    """Without the XML prologue and the metadata, the size left to the page, and `_clean_body`."""
    text = _METADATA.sub("", _PROLOGUE.sub("", text, count=1), count=1)
    return _SIZE.sub(r"<svg\1", _clean_body(text), count=1)


def _clean_body(text: str) -> str:
    """Without matplotlib's group ids and indentation, coordinates to a tenth of a point.
    Each rule is within a line, so a text cut at line ends is cleaned piece by piece."""
    text = _GROUP_ID.sub("<g", text)
    # A tenth of a point is finer than any screen or printer shows; matplotlib writes six
    # decimals. Only coordinates are rounded, never text.
    text = _GEOMETRY.sub(lambda m: m.group(1) + _DECIMALS.sub(r"\1", m.group(2)) + '"', text)
    return _INDENT.sub("\n", "\n" + text)[1:]


def _rename_ids(text: str, prefix: str, names: dict[str, str] | None = None) -> str:
    """Every id in `text` as `prefix` + its number in order of first appearance, and every
    reference to it: unique on a page whose charts have distinct prefixes, and independent
    of matplotlib's hashes. `names` (matplotlib's id → number) continues a numbering."""
    found: dict[str, str] = {} if names is None else names

    def rename(match: re.Match[str]) -> str:
        number = found.setdefault(match.group(2), str(len(found) + 1))
        return f"{match.group(1)}{prefix}{number}{match.group(3)}"

    return _ID_OR_REFERENCE.sub(rename, text)


def _finish(text: str, chart_id: str, title: str) -> str:
    return _labelled(_rename_ids(_clean(text), f"{chart_id}-"), title)


def _labelled(text: str, title: str) -> str:
    from markupsafe import escape

    # Scales with the page (CSS gives the width); the title names it for a screen reader.
    return text.replace("<svg ", f'<svg role="img" aria-label="{escape(title)}" ', 1)


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
