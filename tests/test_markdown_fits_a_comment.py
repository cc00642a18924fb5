"""A markdown report fits a pull-request comment on any catalogue (`planner.mdtable.fit`):
one that fits is never cut; one that does not keeps the first rows of every table, the same
number of each, and says under each cut table how many rows it left out and where they are."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from planner.mdtable import COMMENT_LIMIT, Rows, fit
from planner.progress.model import Progress, Summary, TrackedStep
from planner.progress.render import render

LEFT_OUT = re.compile(r"… and (\d+) more rows?, left out to fit a pull-request comment: (.*)\.")


def _parts(tables: int, rows: int) -> list[str | Rows]:
    parts: list[str | Rows] = ["# Report", ""]
    for t in range(tables):
        parts += [f"## Table {t}", "", "| a | b |", "|---|---|"]
        parts.append(Rows([f"| {t}-{r} | {'x' * 40} |" for r in range(rows * (t + 1))], f"see table {t}"))
    return [*parts, "", "The end."]


def test_a_report_that_fits_is_joined_as_it_is() -> None:
    parts = _parts(3, 10)
    lines = [line for p in parts for line in (p.lines if isinstance(p, Rows) else [p])]
    assert fit(parts) == "\n".join(lines) + "\n"


def test_a_report_too_long_keeps_the_same_number_of_first_rows_of_every_table_and_fits() -> None:
    parts = _parts(3, 2000)
    text = fit(parts)
    assert len(text) <= COMMENT_LIMIT
    kept = [sum(1 for line in text.splitlines() if line.startswith(f"| {t}-")) for t in range(3)]
    assert kept[0] == kept[1] == kept[2] >= 1
    for t in range(3):  # the first rows, in their order
        shown = [line for line in text.splitlines() if line.startswith(f"| {t}-")]
        assert shown == [f"| {t}-{r} | {'x' * 40} |" for r in range(kept[t])]
    said = LEFT_OUT.findall(text)
    assert [(int(n), where) for n, where in said] == [(2000 * (t + 1) - kept[t], f"see table {t}") for t in range(3)]
    assert text.endswith("The end.\n")


def test_the_cut_keeps_as_many_rows_as_fit() -> None:
    parts = _parts(2, 3000)
    text = fit(parts)
    kept = sum(1 for line in text.splitlines() if line.startswith("| 0-"))
    one_more = fit(parts, limit=len(text) + 200)  # room for about one more row of each table
    assert sum(1 for line in one_more.splitlines() if line.startswith("| 0-")) == kept + 1


def test_a_table_shorter_than_the_cut_is_shown_whole_and_says_nothing() -> None:
    parts: list[str | Rows] = ["# R", Rows(["| short |"], "nowhere"), Rows([f"| {'y' * 50} |"] * 5000, "the csv")]
    text = fit(parts)
    assert "| short |" in text and "nowhere" not in text and "the csv" in text


def _progress_at_national_scale() -> Progress:
    step = TrackedStep("alfta", "boka-tid", "enable", "mvg", date(2027, 1, 4), "overdue", None, None)
    steps = tuple(
        replace(
            step,
            unit=f"unit-{u:04d}",
            service=f"service-{s:03d}",
            planned_week=date(2027, 1, 4) + timedelta(weeks=s % 20),
        )
        for u in range(1200)
        for s in range(20)
    )
    summary = Summary(len(steps), 0, 0, 0, len(steps), 0, 0, 0, 0, date(2028, 1, 3), date(2028, 6, 5), 22)
    return Progress(date(2027, 6, 1), "plans/baseline.yaml", summary, steps, (), {})


def test_the_progress_markdown_of_a_national_catalogue_fits_a_comment() -> None:
    progress = _progress_at_national_scale()
    text = render(progress, "markdown")
    assert len(text) <= COMMENT_LIMIT
    (count, where), *_ = LEFT_OUT.findall(text)
    shown = sum(1 for line in text.splitlines() if "**overdue" in line)
    assert shown >= 1 and shown + int(count) == len(progress.steps)
    assert where == "`mvgplan progress --format csv` has every step"


def test_the_follow_up_markdown_of_a_national_catalogue_fits_a_comment() -> None:
    from pathlib import Path

    from planner.catalog.loader import load_catalog
    from planner.followup.compute import follow_up
    from planner.followup.render import render as render_follow_up

    catalog = load_catalog(Path(__file__).resolve().parents[1] / "catalog").catalog
    assert catalog is not None and catalog.usage is not None
    shipped = follow_up(catalog, catalog.usage)
    units = tuple(replace(u, unit=f"{u.unit}-{i}") for i in range(60) for u in shipped.units)
    flags = tuple(replace(f, unit=f"{f.unit}-{i}") for i in range(60) for f in shipped.flags)
    big = replace(shipped, units=units, flags=flags)
    text = render_follow_up("markdown", big)
    assert len(text) <= COMMENT_LIMIT
    said = LEFT_OUT.findall(text)
    assert len(said) == 2 and {where for _, where in said} == {"`mvgplan follow-up --format csv` has every row"}
    flag_rows = sum(1 for line in text.split("### Flags")[1].splitlines() if line.startswith("| ") and "`" in line)
    assert flag_rows + int(said[1][0]) == len(flags)
