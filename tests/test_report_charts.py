"""The report's charts: a line chart drawn on a prepared frame is byte for byte the chart
drawn on a new figure of its own, whatever was drawn before it; ids are unique per chart;
the legend is text beside a drawn sample of each line."""

from __future__ import annotations

import re

import pytest
from report_support import structure_errors

from planner.report.charts import OKABE_ITO, Bars, Lines, drawn_fresh, legend, svg

MONTHS = tuple(f"2026-{m:02d}" for m in range(1, 13))


def _take_up(solid: int, dashed: bool, gaps: bool) -> Lines:
    series: list[tuple[str, list[float | None], str, str]] = []
    for i in range(solid):
        values: list[float | None] = [min(1.0, 0.05 * (k + i)) for k in range(len(MONTHS))]
        if gaps:
            values[i % len(MONTHS)] = None
            values[-1] = None
        series.append((f"service {i}", values, OKABE_ITO[i], "-"))
        if dashed:
            series.append((f"service {i}", [0.5 + 0.01 * i] * len(MONTHS), OKABE_ITO[i], "--"))
    return Lines(MONTHS, series, y_max=1.0, percent=True, dashed_label="region median")


CHARTS = {
    "one line": _take_up(1, dashed=False, gaps=False),
    "four lines with medians and gaps": _take_up(4, dashed=True, gaps=True),
    "a line with no value at all": Lines(MONTHS, [("x", [None] * 12, OKABE_ITO[0], "-")], y_max=1.0, percent=True),
    "at 0 and 100 %": Lines(MONTHS, [("x", [0.0, 1.0] * 6, OKABE_ITO[2], "-")], y_max=1.0, percent=True),
    "three months": Lines(MONTHS[:3], [("x", [0.5, None, 0.75], OKABE_ITO[0], "-")], y_max=1.0, percent=True),
    "one month": Lines(MONTHS[:1], [("x", [0.5], OKABE_ITO[0], "-")], y_max=1.0, percent=True),
    "counts, not shares": Lines(MONTHS[:4], [("x", [1.0, 5.0, 9.0, 20.0], OKABE_ITO[1], "-")], y_max=40.0),
}


@pytest.mark.parametrize("name", list(CHARTS))
def test_a_line_chart_on_a_prepared_frame_is_byte_identical_to_one_drawn_on_a_new_figure(name: str) -> None:
    chart = CHARTS[name]
    assert svg(chart, "c-1", "title") == drawn_fresh(chart, "c-1", "title")


def test_a_chart_on_a_prepared_frame_does_not_depend_on_the_charts_drawn_before_it() -> None:
    first = svg(CHARTS["one line"], "a", "t")
    for other in CHARTS.values():
        svg(other, "b", "t")
    again = svg(CHARTS["one line"], "a", "t")
    assert first == again == drawn_fresh(CHARTS["one line"], "a", "t")


def test_a_line_chart_whose_scale_comes_from_its_data_is_drawn_on_a_new_figure() -> None:
    chart = Lines(MONTHS[:3], [("planned", [1.0, 4.0, 9.0], OKABE_ITO[0], "-")])
    assert svg(chart, "p", "t") == drawn_fresh(chart, "p", "t")
    assert 'aria-label="t"' in svg(chart, "p", "t")


def test_every_id_of_a_chart_and_its_legend_starts_with_the_charts_id_and_is_defined_once() -> None:
    chart = CHARTS["four lines with medians and gaps"]
    parts = [svg(chart, "take-up-x", "t"), *(e.sample for e in legend(chart, "take-up-x"))]
    ids = [i for part in parts for i in re.findall(r' id="([^"]+)"', part)]
    assert ids and all(i.startswith("take-up-x-") for i in ids)
    assert len(ids) == len(set(ids))
    references = {r for part in parts for r in re.findall(r'(?:href="#|url\(#)([^")]+)', part)}
    assert references and references <= set(ids)


def test_two_charts_on_one_page_share_no_id() -> None:
    chart = CHARTS["four lines with medians and gaps"]

    def ids(chart_id: str) -> set[str]:
        parts = [svg(chart, chart_id, "t"), *(e.sample for e in legend(chart, chart_id))]
        return {i for part in parts for i in re.findall(r' id="([^"]+)"', part)}

    one, two = ids("take-up-a"), ids("take-up-b")
    assert one and not one & two
    bars = Bars(["a", "b"], [("x", [1, 2], OKABE_ITO[0])])
    assert not set(re.findall(r' id="([^"]+)"', svg(bars, "stages", "t"))) & one


def test_the_legend_names_each_solid_line_and_the_dashed_lines_once() -> None:
    entries = legend(CHARTS["four lines with medians and gaps"], "c")
    assert [e.label for e in entries] == ["service 0", "service 1", "service 2", "service 3", "region median"]
    assert all(e.sample.startswith("<svg") and 'aria-hidden="true"' in e.sample for e in entries)
    assert all(structure_errors("<!DOCTYPE html>" + e.sample) == [] for e in entries)
    assert legend(CHARTS["one line"], "c")[-1].label == "service 0"  # no dashed line, no dashed entry


def test_each_lines_sample_shows_its_colour_and_the_solid_ones_their_marker() -> None:
    entries = legend(CHARTS["four lines with medians and gaps"], "c")
    for entry, colour in zip(entries[:-1], OKABE_ITO, strict=False):
        assert colour.lower() in entry.sample.lower()
        assert "<use " in entry.sample  # the marker
    assert "stroke-dasharray" in entries[-1].sample


def test_drawing_a_chart_leaves_matplotlibs_settings_as_they_were() -> None:
    import matplotlib

    before = dict(matplotlib.rcParams)
    svg(CHARTS["one line"], "a", "t")
    drawn_fresh(CHARTS["one line"], "a", "t")
    legend(CHARTS["four lines with medians and gaps"], "a")
    assert dict(matplotlib.rcParams) == before
