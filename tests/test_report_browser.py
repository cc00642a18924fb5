"""Every page of the shipped catalogue's report in a real browser (SPEC §9): headless
Chromium loads it with no console error and no network request, and draws something.

One browser for the whole module, a tab per page. Without Chromium the tests are skipped,
except in CI (`CI` set), where .ci/run installs it and a missing browser is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import Browser, blank_share, chromium
from report_support import write_catalogue

from planner.cli.main import main

REPO = Path(__file__).resolve().parents[1]
MOSTLY_WHITE = 0.995
"""A screenshot with more white than this shows nothing."""


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    executable = chromium()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run installs it with apt-get")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    with Browser(executable) as b:
        yield b


@pytest.fixture(scope="module")
def shipped_report(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("shipped") / "report"
    assert main(["report", "-c", str(REPO / "catalog"), "--out", str(out)]) == 0
    return [out / "index.html", *sorted((out / "providers").glob("*.html"))]


def _check(browser: Browser, page: Path) -> None:
    visit = browser.visit(page)
    assert visit.console == [], f"{page.name}: {visit.console}"
    assert [url for url in visit.requests if url != visit.url] == [], page.name
    assert blank_share(visit.screenshot) < MOSTLY_WHITE, f"{page.name}: the screenshot is blank"


def test_every_page_of_the_shipped_report_loads_in_chromium_without_errors_or_requests(
    browser: Browser, shipped_report: list[Path]
) -> None:
    assert len(shipped_report) > 2
    for page in shipped_report:
        _check(browser, page)


def test_the_pages_with_a_hostile_unit_name_load_in_chromium_and_show_it(browser: Browser, tmp_path: Path) -> None:
    catalogue = write_catalogue(tmp_path / "catalog")
    out = tmp_path / "out"
    assert main(["report", "-c", str(catalogue), "--out", str(out)]) == 0
    for page in [out / "index.html", *sorted((out / "providers").glob("*.html"))]:
        _check(browser, page)


def test_the_browser_check_sees_a_network_request_and_a_console_error(browser: Browser, tmp_path: Path) -> None:
    # The check itself: a page that breaks both rules must be caught.
    page = tmp_path / "bad.html"
    page.write_text(
        '<!DOCTYPE html><html><body><p>x</p><img src="http://127.0.0.1:9/x.png">'
        "<script>console.error('boom')</script></body></html>",
        encoding="utf-8",
    )
    visit = browser.visit(page)
    assert any(url.startswith("http://127.0.0.1:9/") for url in visit.requests)
    assert any("boom" in line for line in visit.console)
