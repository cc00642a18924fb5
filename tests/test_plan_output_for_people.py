"""Plan output a person can use (issue 9 item 6): `plan --unit`, hälsocentraler by name in
Swedish order in every human format, counts that agree, and a markdown report that fits a
pull-request comment."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from planner.catalog.loader import Catalog, load_catalog
from planner.cli.main import main
from planner.collation import name_key
from planner.plan.model import Plan, PlanOptions, plan_order
from planner.plan.render import render
from planner.plan.render.markdown import LIMIT
from planner.plan.scheduler import schedule

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = ROOT / "catalog"


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    result = load_catalog(SHIPPED)
    assert result.catalog is not None
    return result.catalog


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["plan", "-c", str(SHIPPED), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


# --- Swedish collation ---------------------------------------------------------------------


def test_names_sort_in_swedish_order_with_a_a_o_after_z() -> None:
    names = ["Ödeshög", "Åre", "Zinkgruvan", "Ängelholm", "Alfta"]
    assert sorted(names, key=name_key) == ["Alfta", "Zinkgruvan", "Åre", "Ängelholm", "Ödeshög"]


def test_a_name_starting_with_halsocentralen_sorts_under_h() -> None:
    names = ["Iggesund", "Hälsocentralen City Gävle", "Gnarp", "Hudiksvall"]
    assert sorted(names, key=name_key) == ["Gnarp", "Hudiksvall", "Hälsocentralen City Gävle", "Iggesund"]


def test_numbers_in_names_sort_as_numbers() -> None:
    assert sorted(["Alfta 10", "Alfta 2", "alfta 3"], key=name_key) == ["Alfta 2", "alfta 3", "Alfta 10"]


def test_other_accents_sort_as_their_letter_and_case_does_not_matter() -> None:
    assert sorted(["Éva", "Eda", "ebbe"], key=name_key) == ["ebbe", "Eda", "Éva"]


def _units_in_order_of(text: str, names: list[str]) -> list[str]:
    found = sorted((text.index(name), name) for name in names if name in text)
    return [name for _, name in found]


@pytest.mark.parametrize("fmt", ["text", "markdown", "mermaid", "ics"])
def test_every_human_format_lists_halsocentraler_by_name(shipped: Catalog, fmt: str) -> None:
    assert shipped.as_of is not None
    plan = schedule(shipped, PlanOptions(as_of=shipped.as_of))
    # One busy week's units, and the mermaid sections, must come in name order.
    text = render(plan, shipped, fmt).replace("\r\n ", "")
    if fmt == "mermaid":
        sections = re.findall(r"^    section (.+)$", text, flags=re.MULTILINE)
        assert sections == sorted(sections, key=name_key)
        return
    first_week = min(s.week for s in plan.steps)
    units = sorted({s.unit for s in plan.steps if s.week == first_week})
    names = [shipped.unit_by_id[u].name for u in units]
    if fmt == "ics":
        text = "\n".join(line for line in text.splitlines() if line.startswith("LOCATION:"))
    elif fmt == "markdown":
        text = text.split("### ")[1]
    else:
        text = text.split("\nv. ")[1]
    assert _units_in_order_of(text, names) == sorted(names, key=name_key)


# --- the counts agree ------------------------------------------------------------------------


def test_the_step_count_line_and_the_summary_line_count_the_same_steps_and_weeks(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys)
    steps_line = next(line for line in out.splitlines() if line.startswith("Steps: "))
    summary = next(line for line in out.splitlines() if line.startswith("Summary: "))
    count = re.match(r"Steps: (\d+) from .* to (v\. \d+ \(\d+\)),", steps_line)
    assert count is not None
    assert summary.startswith(f"Summary: {count.group(1)} steps (")
    assert f"ends {count.group(2)}" in summary
    kinds = re.search(r"\((\d+) enables, (\d+) redirects, (\d+) staff briefings, (\d+) patient notices\)", summary)
    assert kinds is not None and sum(map(int, kinds.groups())) == int(count.group(1))


# --- plan --unit ------------------------------------------------------------------------------


def test_plan_unit_shows_only_those_units_from_the_region_wide_plan(capsys: pytest.CaptureFixture[str]) -> None:
    _, everything, _ = run(capsys, "--format", "json")
    code, some, _ = run(capsys, "--format", "json", "--unit", "delsbo", "--unit", "bollnas")
    assert code == 0
    full, part = json.loads(everything), json.loads(some)
    assert part["steps"] == [s for s in full["steps"] if s["unit"] in ("delsbo", "bollnas")]
    assert part["warnings"] == [w for w in full["warnings"] if w["unit"] in ("delsbo", "bollnas")]
    assert part["unschedulable"] == [u for u in full["unschedulable"] if u["unit"] in ("delsbo", "bollnas")]
    assert part["steps"] and part["warnings"] and part["unschedulable"]


def test_plan_unit_says_in_text_which_units_it_shows(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "--unit", "delsbo")
    assert "Showing 1 hälsocentral: Delsbo Din hälsocentral; the plan is made for the whole region." in out
    assert "Bollnäs" not in out


def test_plan_unit_with_an_unknown_id_exits_2_with_a_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--unit", "bolnas")
    assert code == 2 and out == ""
    assert "--unit: no hälsocentral with id 'bolnas'" in err and "did you mean 'bollnas'?" in err


# --- markdown for a pull request ----------------------------------------------------------------


def test_the_markdown_plan_of_the_shipped_catalogue_fits_a_pull_request_comment(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, md, _ = run(capsys, "--format", "markdown")
    assert len(md) <= LIMIT <= 60_000
    order = [md.index(heading) for heading in ("## Summary", "## The first 13 weeks", "## Later weeks")]
    assert order == sorted(order)
    assert md.count("<details>") == md.count("</details>") >= 1


def test_markdown_groups_unschedulable_items_by_reason_and_service(capsys: pytest.CaptureFixture[str]) -> None:
    _, md, _ = run(capsys, "--format", "markdown")
    section = md.split("## Unschedulable")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    keys = [tuple(row.split(" | ")[:2]) for row in rows]
    assert len(keys) == len(set(keys))  # one row per reason and e-tjänst
    assert any("hälsocentraler:" in row for row in rows)


def _national_scale(plan: Plan, catalog: Catalog) -> Plan:
    """`plan` with every step, warning and unschedulable item of the shipped catalogue many
    times over (at every unit, in the first weeks): as many rows as a national catalogue."""
    units = sorted(catalog.unit_by_id)
    first = plan.steps[0]
    steps = tuple(
        replace(first, unit=unit, service=f"{first.service}{i}", week=plan.start_week + timedelta(weeks=i % 13))
        for i in range(3000)
        for unit in units[:10]
    )
    warnings = tuple(replace(plan.warnings[0], unit=u, service=f"s{i}") for i in range(300) for u in units)
    unschedulable = tuple(
        replace(plan.unschedulable[0], unit=u, service=f"s{i % 40}") for i in range(50) for u in units
    )
    return replace(plan, steps=tuple(sorted(steps, key=plan_order)), warnings=warnings, unschedulable=unschedulable)


def test_the_markdown_plan_of_a_national_catalogue_fits_a_comment_and_says_what_it_left_out(shipped: Catalog) -> None:
    assert shipped.as_of is not None
    full = schedule(shipped, PlanOptions(as_of=shipped.as_of))
    big = _national_scale(full, shipped)
    md = render(big, shipped, "markdown")
    assert len(md) <= LIMIT
    left_out = [int(m) for m in re.findall(r"… and (\d+) more rows?, left out to fit a pull-request comment", md)]
    week_tables = md.split("## Warnings")[0].count("| Hälsocentral | Step |")
    assert week_tables == 13 and len(left_out) >= 13 + 2  # every week, the warnings, the unschedulable
    near = md.split("## Warnings")[0].splitlines()
    shown_steps = sum(1 for line in near if line.startswith("| ") and "`" in line)  # a step row names its binding
    assert shown_steps + sum(left_out[:week_tables]) == len(big.steps)
    assert "`mvgplan plan --format csv` has every step" in md
    # The rows shown are the first rows of the full report, in its order.
    first_rows = [line for line in md.splitlines() if line.startswith("| ") and "`" in line][:5]
    uncapped = render_uncapped_rows(big, shipped)
    assert first_rows == uncapped[:5]


def render_uncapped_rows(plan: Plan, catalog: Catalog) -> list[str]:
    """The step rows of the first weeks, none left out."""
    from planner.mdtable import Rows
    from planner.plan.render import markdown, view

    n = view.names(catalog)
    return [
        line for part in markdown._near(plan, view.weeks(plan, n), n) if isinstance(part, Rows) for line in part.lines
    ]


def test_a_markdown_plan_that_fits_is_never_cut(capsys: pytest.CaptureFixture[str]) -> None:
    _, md, _ = run(capsys, "--format", "markdown")
    assert "left out to fit a pull-request comment" not in md
