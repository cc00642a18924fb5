"""`mvgplan report` end to end (SPEC §9, issue 11's acceptance): every page is a safe,
self-contained HTML file, and a provider's page carries nothing of another provider."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from report_support import (
    HOSTILE,
    UNITS,
    USAGE_MONTHS,
    structure_errors,
    urls_outside_namespaces,
    usage_counts,
    without_charts,
    write_catalogue,
)

from planner.cli.main import main
from planner.report.html import CSP

REGION = "Region Testborg"
MAX_PAGE_BYTES = 1_000_000


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    catalogue = write_catalogue(root / "catalog", usage=True)
    cwd = os.getcwd()
    os.chdir(root)  # no plans/baseline.yaml here: the report shows no progress
    try:
        assert main(["report", "-c", str(catalogue), "--out", str(root / "out")]) == 0
    finally:
        os.chdir(cwd)
    return root / "out"


def _pages(out: Path) -> list[Path]:
    return [out / "index.html", *sorted((out / "providers").glob("*.html"))]


def test_the_report_is_an_overview_and_one_page_per_provider(written: Path) -> None:
    assert (written / "index.html").is_file()
    assert sorted(p.name for p in (written / "providers").iterdir()) == [
        "region-testborg.html",
        "script-alert-1-script-quotes.html",
        "zyxelgardens-lakarhus.html",
    ]


def test_every_page_is_well_formed_html_without_scripts(written: Path) -> None:
    for page in _pages(written):
        assert structure_errors(page.read_text(encoding="utf-8")) == [], page.name


def test_no_page_refers_to_anything_outside_itself(written: Path) -> None:
    for page in _pages(written):
        html = page.read_text(encoding="utf-8")
        assert urls_outside_namespaces(html) == [], page.name
        assert " src=" not in html and "<link" not in html, page.name
        assert re.search(r"url\((?!#)", html) is None, page.name  # only references inside the SVG


def test_every_page_has_a_content_security_policy_that_loads_nothing(written: Path) -> None:
    for page in _pages(written):
        html = page.read_text(encoding="utf-8")
        assert f'<meta http-equiv="Content-Security-Policy" content="{CSP}">' in html, page.name
    assert "default-src 'none'" in CSP and "script-src" not in CSP


def test_the_inline_stylesheet_is_not_html_escaped(written: Path) -> None:
    html = (written / "index.html").read_text(encoding="utf-8")
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "&#" not in style and '"Segoe UI"' in style


def test_a_hostile_unit_name_is_shown_as_text(written: Path) -> None:
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;"
    for page in (written / "index.html", written / "providers" / "script-alert-1-script-quotes.html"):
        html = page.read_text(encoding="utf-8")
        assert escaped in html, page.name
        assert "<script" not in html and HOSTILE not in html, page.name


def test_a_provider_page_carries_no_other_providers_unit_names_or_ids(written: Path) -> None:
    owners = {
        "region-testborg.html": {"qx-norrvik-7311", "qx-sodervik-7312"},
        "zyxelgardens-lakarhus.html": {"zy-privat-8820"},
        "script-alert-1-script-quotes.html": {"wv-hostile-9931"},
    }
    for page, own in owners.items():
        html = (written / "providers" / page).read_text(encoding="utf-8")
        for unit_id, (name, _regi, area) in UNITS.items():
            shown = name.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
            if unit_id in own:
                assert unit_id in html and shown in html, (page, unit_id)
            else:
                assert unit_id not in html, (page, unit_id)
                assert shown not in html, (page, name)
                assert area not in html, (page, area)


def test_a_provider_page_carries_no_other_providers_figures(written: Path) -> None:
    owners = {
        "region-testborg.html": {"qx-norrvik-7311", "qx-sodervik-7312"},
        "zyxelgardens-lakarhus.html": {"zy-privat-8820"},
        "script-alert-1-script-quotes.html": {"wv-hostile-9931"},
    }
    index = {unit_id: i for i, unit_id in enumerate(sorted(UNITS))}
    for page, own in owners.items():
        text = without_charts((written / "providers" / page).read_text(encoding="utf-8"))
        for unit_id, i in index.items():
            for m in range(1, len(USAGE_MONTHS) + 1):
                for count in usage_counts(i, m).values():
                    if count < 5:
                        continue
                    if unit_id in own:
                        assert f">{count}<" in text, (page, unit_id, count)
                    else:
                        assert str(count) not in text, (page, unit_id, count)


def test_small_counts_are_shown_as_less_than_min_count(written: Path) -> None:
    for page in sorted((written / "providers").glob("*.html")):
        text = without_charts(page.read_text(encoding="utf-8"))
        follow_ups = re.findall(r'-follow-up".*?</section>', text, flags=re.DOTALL)
        assert follow_ups, page.name
        for section in follow_ups:
            assert ">&lt;5<" in section, page.name
            assert ">2<" not in section, page.name


def test_a_region_with_fewer_than_five_units_shows_no_region_figures_to_a_provider(written: Path) -> None:
    html = (written / "providers" / "zyxelgardens-lakarhus.html").read_text(encoding="utf-8")
    assert "In the region" not in html


def test_every_page_is_under_one_megabyte(written: Path) -> None:
    for page in _pages(written):
        assert page.stat().st_size < MAX_PAGE_BYTES, page.name


def test_provider_writes_only_that_providers_page(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    out = tmp_path / "out"
    assert main(["report", "-c", str(catalogue), "--out", str(out), "--provider", "Zyxelgårdens läkarhus"]) == 0
    assert [p.relative_to(out).as_posix() for p in sorted(out.rglob("*.html"))] == [
        "providers/zyxelgardens-lakarhus.html"
    ]


def test_provider_may_be_named_by_its_page_name(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    out = tmp_path / "out"
    assert main(["report", "-c", str(catalogue), "--out", str(out), "--provider", "region-testborg"]) == 0
    assert [p.name for p in out.rglob("*.html")] == ["region-testborg.html"]


def test_an_unknown_provider_is_a_usage_error_naming_the_nearest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    assert main(["report", "-c", str(catalogue), "--out", str(tmp_path / "out"), "--provider", "Region Testborgg"]) == 2
    assert "Region Testborg" in capsys.readouterr().err
    assert not (tmp_path / "out").exists()


def test_the_same_catalogue_gives_byte_identical_pages(
    tmp_path: Path, written: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # as `written`: no default baseline
    catalogue = write_catalogue(tmp_path / "catalog", usage=True)
    assert main(["report", "-c", str(catalogue), "--out", str(tmp_path / "again")]) == 0
    for page in _pages(written):
        again = tmp_path / "again" / page.relative_to(written)
        assert again.read_bytes() == page.read_bytes(), page.name


def test_a_catalogue_with_input_errors_writes_nothing_and_exits_2(tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    (catalogue / "units" / "zy-privat-8820.yaml").write_text("id: zy-privat-8820\nregi: privat\n", encoding="utf-8")
    assert main(["report", "-c", str(catalogue), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()
