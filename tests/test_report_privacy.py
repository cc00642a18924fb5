"""Nothing shown beside a small count gives it back (the team's strict reading of SPEC §9):
a share beside a count shown as `<5` is not shown, and neither is a window sum one of whose
months is small, nor a unit's take-up over the window when one of its sums is hidden.

The counts are distinctive, so a leak is found by a plain search: in 2026-08 the unit had
3 errands in 1177 beside 17 in MVG (85 % would give the 3 back); over the window
(2026-08 – 2026-10) 1177 had 3 + 797 + 4 = 804 errands (804 less the shown 797 gives 7).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from report_support import without_charts, write_catalogue

from planner.catalog.loader import load_catalog
from planner.report import charts, pages, privacy
from planner.report.build import build

UNIT = "qx-norrvik-7311"  # Norrviks vårdcentral Qx, run by Region Testborg
PAGE = "providers/region-testborg.html"
MONTHS = ("2026-07", "2026-08", "2026-09", "2026-10")
COUNTS = {
    ("mina-vardkontakter", "1177"): (811, 3, 797, 4),
    ("mina-vardkontakter", "mvg"): (9, 17, 23, 31),
    ("receptfornyelse", "1177"): (601, 602, 603, 604),
    ("receptfornyelse", "mvg"): (1201, 1202, 1203, 1204),
}


@pytest.mark.parametrize(("part", "rest", "shown"), [(17, 3, None), (3, 17, None), (17, 0, 1.0), (23, 797, 23 / 820)])
def test_a_share_beside_a_small_count_is_not_shown(part: int, rest: int, shown: float | None) -> None:
    assert privacy.share_beside_counts(part, rest, 5) == shown


@pytest.mark.parametrize(
    ("months", "shown"), [((3, 797, 4), "–"), ((0, 797, 0), "797"), ((1, 2), "<5"), ((0, 0), "0"), ((600, 5), "605")]
)
def test_a_sum_of_months_one_of_which_is_small_is_hidden(months: tuple[int, ...], shown: str) -> None:
    assert privacy.shown_sum(months, 5) == shown


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Any:
    root = write_catalogue(tmp_path_factory.mktemp("privacy"))
    lines = ["month;unit;service;channel;count"]
    for (service, channel), counts in COUNTS.items():
        lines += [f"{m};{UNIT};{service};{channel};{n}" for m, n in zip(MONTHS, counts, strict=True)]
    (root / "usage").mkdir()
    (root / "usage" / "2026.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    catalog = load_catalog(root).catalog
    assert catalog is not None
    return catalog


def _rows(html: str, service: str) -> dict[str, list[str]]:
    """The unit's monthly table rows of `service`: figure → cells."""
    found = {}
    for figure, cells in re.findall(rf'<tr><th scope="row">{service}</th><td>([^<]*)</td>(.*?)</tr>', html):
        found[figure] = re.findall(r'<td class="num">([^<]*)</td>', cells)
    return found


def test_the_take_up_of_a_month_with_a_small_count_is_not_shown(report: Any) -> None:
    html = without_charts(build(report, date(2026, 11, 23)).pages[PAGE])
    rows = _rows(html, "Mina vårdkontakter")
    assert rows["1177"] == ["811", "&lt;5", "797", "&lt;5"]
    assert rows["MVG"] == ["9", "17", "23", "31"]
    assert rows["Take-up"] == ["1%", "–", "3%", "–"]  # never 85 % (nor 89 %) beside a <5
    assert ">85%<" not in html and ">89%<" not in html


def test_a_window_sum_with_a_small_month_is_hidden_and_so_is_its_share(report: Any) -> None:
    html = without_charts(build(report, date(2026, 11, 23)).pages[PAGE])
    window = re.findall(r'<tr><th scope="row">([^<]*)</th>((?:<td class="num">[^<]*</td>){3})</tr>', html)
    cells = {name: re.findall(r">([^<]*)<", row)[::2] for name, row in window}
    assert cells["Mina vårdkontakter"] == ["–", "71", "–"]
    assert ">804<" not in html and ">8%<" not in html
    assert cells["Förnya recept"] == ["1809", "3609", "67%"]  # nothing small: shown as ever


def test_the_units_take_up_over_the_window_is_hidden_when_one_of_its_sums_is(report: Any) -> None:
    found = build(report, date(2026, 11, 23))
    assert "of the errands were started in" not in found.pages[PAGE]
    overview = without_charts(found.pages["index.html"])
    row = re.search(r'<tr><th scope="row">Norrviks vårdcentral Qx</th>(.*?)</tr>', overview)
    assert row is not None
    assert re.findall(r"<td[^>]*>([^<]*)</td>", row.group(1))[-2] == "–"  # the take-up column


def test_a_chart_draws_no_take_up_the_table_does_not_show(report: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[Any] = []
    real_svg = charts.svg

    def spy(chart: Any, chart_id: str, title: str) -> str:
        drawn.append((chart_id, chart))
        return real_svg(chart, chart_id, title)

    monkeypatch.setattr(pages, "svg", spy)
    build(report, date(2026, 11, 23), only="Region Testborg")
    (chart,) = [c for chart_id, c in drawn if chart_id == f"take-up-{UNIT}"]
    line = next(values for label, values, _colour, _style in chart.series if "Mina vårdkontakter" in label)
    assert line[1] is None and line[3] is None
    assert line[0] == pytest.approx(9 / 820) and line[2] == pytest.approx(23 / 820)
