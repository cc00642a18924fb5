"""`--format text`: the report for a person at a terminal, one small table per hälsocentral.

Order: a heading (region, as of, basutbud), then every unit with its regi and area and its
deviations and exemptions, then the uniformity gaps when asked for, then one summary line a
manager can read. Every `file:line` is one token, so terminals and editors make it a link.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from planner import counted
from planner.conformance import words
from planner.conformance.model import ConformanceReport, UnitResult
from planner.conformance.render import Context
from planner.i18n import _

_RED, _YELLOW, _GREEN, _BOLD, _RESET = "\033[31m", "\033[33m", "\033[32m", "\033[1m", "\033[0m"
_MAX_LISTED = 10
"""Units named per uniformity gap; the rest are counted (the json lists them all)."""

Cell = tuple[str, str]
"""A cell's text and its ANSI style ("" for none): padding counts the text only."""


Paint = Callable[[str, str], str]


def _ansi(text: str, style: str) -> str:
    return f"{style}{text}{_RESET}" if style and text else text


def _plain(text: str, style: str) -> str:
    return text


def render(report: ConformanceReport, ctx: Context) -> str:
    paint: Paint = _ansi if ctx.color else _plain
    lines = _heading(report, ctx)
    per_unit = [_rows(unit, report) for unit in report.units]
    # One set of column widths for the whole report, so the tables line up unit after unit.
    widths = _widths([row for rows in per_unit for row in rows])
    for unit, rows in zip(report.units, per_unit, strict=True):
        lines += ["", _unit_heading(unit, paint), *(_line(row, widths, paint) for row in rows)]
    if ctx.uniformity is not None:
        lines += ["", *_uniformity(ctx, paint)]
    lines += ["", _summary(report, paint)]
    return "\n".join(lines) + "\n"


def _heading(report: ConformanceReport, ctx: Context) -> list[str]:
    return [
        _("{title}: {region}, as of {as_of}; catalogue {catalog}").format(
            title=_(words.TITLE), region=ctx.region, as_of=report.as_of.isoformat(), catalog=ctx.catalog
        ),
        words.basutbud_line(ctx.basutbud_source, ctx.requirements, report.effective, report.in_force),
    ]


def _unit_heading(unit: UnitResult, paint: Paint) -> str:
    where = ", ".join(filter(None, [words.regi(unit.regi), unit.area]))
    counts = [counted.deviations(len(unit.deviations))] if unit.deviations else []
    if unit.exempt:
        counts.append(counted.exemptions(len(unit.exempt)))
    verdict = ", ".join(counts) if counts else _(words.CONFORMANT_UNIT)
    style = _RED if unit.deviations else _GREEN
    return f"{paint(unit.unit, _BOLD)}  {unit.name} ({where}): {paint(verdict, style)}"


def _rows(unit: UnitResult, report: ConformanceReport) -> list[list[Cell]]:
    rows: list[list[Cell]] = [
        [("✗", _RED), (d.kind, _RED), (d.service, ""), (d.channel, ""), (f"{d.file}:{d.line}", ""), (d.message, "")]
        for d in unit.deviations
    ]
    for e in unit.exempt:
        note = words.exempt_text(e.until, report.as_of, e.expires_soon, e.reason, e.decision)
        mark = ("!", _YELLOW + _BOLD) if e.expires_soon else ("–", _YELLOW)
        rows.append(
            [mark, (_("exempt"), _YELLOW), (e.service, ""), (e.channel, ""), (f"{e.file}:{e.line}", ""), (note, "")]
        )
    for u in unit.unused_exemptions:
        rows.append(
            [
                ("·", ""),
                (_("unused"), ""),
                (u.service, ""),
                (u.channel, ""),
                (f"{u.file}:{u.line}", ""),
                (u.message, ""),
            ]
        )
    return rows


def _widths(rows: Sequence[Sequence[Cell]]) -> list[int]:
    return [max(len(row[i][0]) for row in rows) for i in range(len(rows[0]) - 1)] if rows else []


def _line(row: Sequence[Cell], widths: Sequence[int], paint: Paint, indent: str = "  ", gap: str = "  ") -> str:
    """Left-aligned cells, the last one unpadded, so lines carry no trailing blanks."""
    cells = [
        paint(text, style) + " " * (width - len(text)) for (text, style), width in zip(row[:-1], widths, strict=True)
    ]
    return (indent + gap.join([*cells, paint(*row[-1])])).rstrip()


def _uniformity(ctx: Context, paint: Paint) -> list[str]:
    assert ctx.uniformity is not None
    u = ctx.uniformity
    lines = [
        paint(_(words.UNIFORMITY_TITLE), _BOLD),
        words.uniformity_heading(f"{ctx.channel(u.channel)} ({u.channel})", len(u.gaps), u.units),
    ]
    rows: list[list[Cell]] = []
    for gap in u.gaps:
        shown = list(gap.not_offered_by[:_MAX_LISTED])
        rest = len(gap.not_offered_by) - len(shown)
        missing = ", ".join(shown)
        if rest:
            missing = _("{units} and {n} more").format(units=missing, n=rest)
        rows.append(
            [
                (gap.service, ""),
                (ctx.service(gap.service), ""),
                (words.uniformity_row(len(gap.offered_by), u.units), ""),
                (_("not at: {units}").format(units=missing), ""),
            ]
        )
    widths = _widths(rows)
    return lines + [_line(row, widths, paint) for row in rows]


def _summary(report: ConformanceReport, paint: Paint) -> str:
    sentence = words.summary_sentence(report.summary)
    return _("Summary: {sentence}").format(sentence=paint(sentence, _GREEN if report.conformant else _RED))
