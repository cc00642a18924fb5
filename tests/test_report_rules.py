"""The rules of the reports (SPEC §9), one test each: slugs, small counts, shares, region
aggregates, escaping, and that a provider's page is built from its own units only."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from report_support import structure_errors, urls_outside_namespaces, write_catalogue

from planner.catalog.loader import load_catalog
from planner.cli.main import main
from planner.report import privacy
from planner.report.build import build
from planner.report.charts import Bars, Lines, svg
from planner.report.html import _defuse_schemes
from planner.report.providers import slug, slugs


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Praktikertjänst AB", "praktikertjanst-ab"),
        ("Region Gävleborg", "region-gavleborg"),
        ("Capio Närsjukvård  &  Co.", "capio-narsjukvard-co"),
        ("Åre Östra Hälsocentral", "are-ostra-halsocentral"),
        ("Straße Ærø", "strasse-aero"),
        ('<script>alert(1)</script> & "quotes"', "script-alert-1-script-quotes"),
        ("漢字", "provider"),
    ],
)
def test_a_providers_slug_is_its_name_folded_to_ascii_lower_case_with_runs_of_other_characters_as_dashes(
    name: str, expected: str
) -> None:
    assert slug(name) == expected


def test_two_providers_whose_names_fold_alike_get_distinct_pages() -> None:
    assert slugs(["Region Gävleborg", "Region Gavleborg"]) == {
        "Region Gavleborg": "region-gavleborg",
        "Region Gävleborg": "region-gavleborg-2",
    }


@pytest.mark.parametrize(("count", "shown"), [(0, "0"), (1, "<5"), (4, "<5"), (5, "5"), (1234, "1234")])
def test_a_count_between_1_and_min_count_minus_1_is_shown_as_less_than_min_count(count: int, shown: str) -> None:
    assert privacy.shown_count(count, 5) == shown


def test_a_small_count_is_a_gap_in_chart_data() -> None:
    assert [privacy.chart_value(n, 5) for n in (0, 3, 5)] == [0, None, 5]


def test_no_share_is_shown_whose_denominator_is_below_min_count() -> None:
    assert privacy.share(3, 4, 5) is None
    assert privacy.share(0, 0, 0) is None
    assert privacy.share(4, 5, 5) == pytest.approx(0.8)


def test_region_aggregates_need_at_least_five_units() -> None:
    assert privacy.spread([0.1, 0.2, 0.3, 0.4]) is None
    found = privacy.spread([0.5, 0.1, 0.9, 0.3, 0.7])
    assert found is not None
    assert (found.units, found.median, found.lower_quartile, found.upper_quartile) == (5, 0.5, 0.2, 0.8)
    assert privacy.region_total(40, 4) is None and privacy.region_total(40, 5) == 40


def test_a_url_in_catalogue_text_keeps_no_scheme_but_a_namespace_declaration_stays() -> None:
    html = '<svg xmlns="http://www.w3.org/2000/svg"><text>see https://evil.example and HTTP://x</text></svg>'
    defused = _defuse_schemes(html)
    assert urls_outside_namespaces(defused) == []
    assert 'xmlns="http://www.w3.org/2000/svg"' in defused
    assert "https&#58;//evil.example" in defused


def test_a_url_in_an_exemption_reason_is_shown_without_a_link(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    unit = catalogue / "units" / "zy-privat-8820.yaml"
    unit.write_text(
        unit.read_text(encoding="utf-8")
        + "exemptions:\n  - {service: digitala-vardmoten, channel: mvg, until: 2027-06-30,\n"
        + '     reason: "See https://intranet.example/beslut", decision: "http://x.example"}\n',
        encoding="utf-8",
    )
    assert main(["report", "-c", str(catalogue), "--out", str(tmp_path / "out")]) == 0
    for page in (tmp_path / "out").rglob("*.html"):
        assert urls_outside_namespaces(page.read_text(encoding="utf-8")) == [], page.name
    html = (tmp_path / "out" / "providers" / "zyxelgardens-lakarhus.html").read_text(encoding="utf-8")
    assert "See https&#58;//intranet.example/beslut" in html


def test_a_chart_label_with_dollars_and_markup_is_drawn_as_text() -> None:
    drawn = svg(Bars(["Pay $5 and $6", "<b>bold</b> & co"], [("a & b", [1, 2], "#000000")]), "t", 'Title "x" <y>')
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; co" in drawn and "<b>" not in drawn
    assert "Pay $5 and $6" in drawn
    assert 'aria-label="Title &#34;x&#34; &lt;y&gt;"' in drawn
    assert structure_errors("<!DOCTYPE html>" + drawn) == []


def test_a_chart_is_the_same_svg_every_time_and_carries_no_date_or_url() -> None:
    chart = Lines(["2026-01", "2026-02", "2026-03"], [("x", [0.5, None, 0.75], "#0072B2", "-")], y_max=1, percent=True)
    first, second = svg(chart, "c1", "t"), svg(chart, "c1", "t")
    assert first == second
    assert first.startswith("<svg") and "<metadata" not in first and "<!DOCTYPE" not in first
    assert urls_outside_namespaces(first) == []
    assert 'id="figure_1"' not in first


def test_a_provider_page_is_built_from_that_providers_units_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.report import build as build_module

    seen: dict[str, list[str]] = {}
    real = build_module.provider_page  # type: ignore[attr-defined]  # the name build calls, spied on there

    def spy(provider, units, region, settings, medians=None, progress=None):  # type: ignore[no-untyped-def]
        seen[provider] = [u.id for u in units]
        return real(provider, units, region, settings, medians, progress)

    monkeypatch.setattr(build_module, "provider_page", spy)
    catalog = load_catalog(write_catalogue(tmp_path / "catalog")).catalog
    assert catalog is not None
    build(catalog, date(2026, 11, 23))
    assert seen == {
        "Region Testborg": ["qx-norrvik-7311", "qx-sodervik-7312"],
        "Zyxelgårdens läkarhus": ["zy-privat-8820"],
        '<script>alert(1)</script> & "quotes"': ["wv-hostile-9931"],
    }


def test_a_provider_sees_the_regions_share_of_conforming_units_when_there_are_five_or_more(tmp_path: Path) -> None:
    units = {f"unit-{i}": (f"Enhet {i}", "privat", "Mitt") for i in range(6)}
    catalog = load_catalog(write_catalogue(tmp_path / "catalog", units)).catalog
    assert catalog is not None
    report = build(catalog, date(2026, 11, 23))
    html = report.pages["providers/enhet-0.html"]
    assert "In the region, 0% of the 6 hälsocentraler meet the basutbud." in html
    assert "unit-1" not in html and "Enhet 1" not in html


def test_the_overview_lists_every_unit(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalogue(tmp_path / "catalog")).catalog
    assert catalog is not None
    html = build(catalog, date(2026, 11, 23)).pages["index.html"]
    for name in ("Norrviks vårdcentral Qx", "Södervik hälsocentral Qx", "Zyxelgårdens läkarhus"):
        assert name in html


def test_units_that_name_the_same_provider_share_its_page(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    for unit_id in ("zy-privat-8820", "qx-norrvik-7311"):
        unit = catalogue / "units" / f"{unit_id}.yaml"
        unit.write_text(unit.read_text(encoding="utf-8") + "provider: Praktikertjänst AB\n", encoding="utf-8")
    catalog = load_catalog(catalogue).catalog
    assert catalog is not None
    pages = build(catalog, date(2026, 11, 23)).pages
    assert sorted(pages) == [
        "index.html",
        "providers/praktikertjanst-ab.html",
        "providers/region-testborg.html",
        "providers/script-alert-1-script-quotes.html",
    ]
    html = pages["providers/praktikertjanst-ab.html"]
    assert "zy-privat-8820" in html and "qx-norrvik-7311" in html and "qx-sodervik-7312" not in html


def test_a_provider_sees_the_regions_median_take_up_only_over_five_units_or_more(tmp_path: Path) -> None:
    few = load_catalog(write_catalogue(tmp_path / "few", usage=True)).catalog
    assert few is not None
    assert "Region median" not in build(few, date(2026, 11, 23)).pages["providers/zyxelgardens-lakarhus.html"]
    units = {f"unit-{i}": (f"Enhet {i}", "privat", "Mitt") for i in range(6)}
    many = load_catalog(write_catalogue(tmp_path / "many", units, usage=True)).catalog
    assert many is not None
    html = build(many, date(2026, 11, 23)).pages["providers/enhet-0.html"]
    assert '<th scope="row">Mina vårdkontakter</th><td>Region median</td>' in html
    assert "</svg>Region median</li>" in html  # the chart's legend
    # the median of six units' take-up, never one of the other units' own figures
    assert "unit-1" not in html and "Enhet 1" not in html


def test_without_usage_data_or_baseline_each_page_says_so_in_one_line(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalogue(tmp_path / "catalog")).catalog
    assert catalog is not None
    for html in build(catalog, date(2026, 11, 23)).pages.values():
        assert html.count("There is no usage data yet, so take-up cannot be shown.") == 1
        assert "Did patients move?" not in html


def test_with_usage_data_the_overview_shows_take_up_per_service_over_time(tmp_path: Path) -> None:
    catalog = load_catalog(write_catalogue(tmp_path / "catalog", usage=True)).catalog
    assert catalog is not None
    html = build(catalog, date(2026, 11, 23)).pages["index.html"]
    assert "There is no usage data yet" not in html
    assert 'id="take-up"' in html and 'aria-label="Share of all the region' in html
    assert "In the region, " in html and "of the errands were started in Min vård Testborg" in html


def test_with_a_baseline_each_unit_shows_its_steps_against_it(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    baseline = tmp_path / "baseline.yaml"
    assert (
        main(["plan", "-c", str(catalogue), "--format", "yaml", "--out", str(baseline), "--as-of", "2026-11-23"]) == 0
    )
    out = tmp_path / "out"
    # Weeks later, nothing was done: the first steps are overdue.
    assert (
        main(["report", "-c", str(catalogue), "--out", str(out), "--baseline", str(baseline), "--as-of", "2027-06-01"])
        == 0
    )
    html = (out / "providers" / "zyxelgardens-lakarhus.html").read_text(encoding="utf-8")
    assert "There is no baseline yet" not in html
    assert "Progress against the baseline" in html and ">overdue<" in html
    assert "was planned for week" in html  # what to do
    overview = (out / "index.html").read_text(encoding="utf-8")
    assert 'id="progress"' in overview and "steps of the baseline are done" in overview


def test_a_baseline_named_on_the_command_line_must_exist(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    code = main(
        ["report", "-c", str(catalogue), "--out", str(tmp_path / "out"), "--baseline", str(tmp_path / "no.yaml")]
    )
    assert code == 2
    assert "no such file" in capsys.readouterr().err


def test_a_baseline_that_is_not_a_plan_is_an_input_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    bad = tmp_path / "bad.yaml"
    bad.write_text("steps: 12\n", encoding="utf-8")
    assert main(["report", "-c", str(catalogue), "--out", str(tmp_path / "out"), "--baseline", str(bad)]) == 2
    assert "bad.yaml:" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()
