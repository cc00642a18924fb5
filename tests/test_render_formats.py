"""Each output format of the plan, on a hand-built plan over the mini catalogue's names."""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path

import pytest
from icalendar import Calendar, Component

from planner.catalog.loader import Catalog, load_catalog
from planner.plan.model import Plan, PlanWarning, Step, Unschedulable
from planner.plan.render import EXTENSIONS, FORMATS, render
from planner.plan.render.markdown import cell
from planner.plan.render.mermaid import escape

MINI = Path(__file__).parent / "fixtures" / "mini"
D = date.fromisoformat


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = load_catalog(MINI)
    assert result.catalog is not None, result.problems
    return result.catalog


def sample_plan(**changes: object) -> Plan:
    """Two units, a migration, a running parallel period, a warning and an unschedulable item."""
    steps = (
        Step("hc-alfa", "omboka-tid", "brief_staff", "mvg", D("2027-01-25"), D("2027-01-25"), "lead_time", "briefed"),
        Step("hc-alfa", "omboka-tid", "enable", "mvg", D("2027-02-08"), D("2027-02-08"), "mvg_ready", "MVG ready"),
        Step(
            "hc-alfa",
            "omboka-tid",
            "redirect",
            "1177",
            D("2027-02-22"),
            D("2027-02-22"),
            "min_parallel",
            'after 2 weeks: a | pipe; a "quote", a # hash',
        ),
        Step("hc-gamma", "receptfornyelse", "brief_staff", "mvg", D("2027-01-25"), D("2027-01-25"), "lead_time", "b"),
        Step("hc-gamma", "mina-vardkontakter", "redirect", "1177", D("2027-01-11"), D("2027-01-11"), "start", "s"),
    )
    values: dict[str, object] = {
        "as_of": D("2026-11-23"),
        "start_week": D("2026-11-30"),
        "catalog_digest": "sha256:" + "0123456789abcdef" * 4,
        "steps": steps,
        "unschedulable": (Unschedulable("hc-beta", "egenremiss", "no_mvg_equivalent", "no MVG service yet"),),
        "warnings": (
            PlanWarning("parallel_undated", "warning", "hc-gamma", "mina-vardkontakter", "since missing"),
            PlanWarning("broken_redirect", "error", "hc-beta", "receptfornyelse", "forwards to nothing"),
        ),
        "end_week": D("2027-02-22"),
        "lower_bound_week": D("2027-02-15"),
    }
    values.update(changes)
    return Plan(**values)  # type: ignore[arg-type]


def test_the_command_line_offers_exactly_the_formats_there_are_renderers_for() -> None:
    from planner.plan import render as registry

    assert tuple(registry._RENDERERS) == FORMATS
    assert set(EXTENSIONS.values()) <= set(FORMATS)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_gives_the_same_bytes_for_the_same_plan(catalog: Catalog, fmt: str) -> None:
    assert render(sample_plan(), catalog, fmt) == render(sample_plan(), catalog, fmt)


# json and yaml keep the scheduler's order: that document is the contract's, the scheduler's to sort.
@pytest.mark.parametrize("fmt", [f for f in FORMATS if f not in ("json", "yaml")])
def test_a_format_for_people_does_not_depend_on_the_order_steps_were_listed_in(catalog: Catalog, fmt: str) -> None:
    shuffled = sample_plan(steps=tuple(reversed(sample_plan().steps)), warnings=tuple(reversed(sample_plan().warnings)))
    assert render(shuffled, catalog, fmt) == render(sample_plan(), catalog, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_an_empty_plan(catalog: Catalog, fmt: str) -> None:
    empty = sample_plan(steps=(), unschedulable=(), warnings=(), end_week=None, lower_bound_week=None)
    assert render(empty, catalog, fmt).endswith("\n")


# --- text ------------------------------------------------------------------------------


def test_text_puts_warnings_first_then_unschedulables_then_weeks_then_the_summary(catalog: Catalog) -> None:
    text = render(sample_plan(), catalog, "text")
    order = [text.index(s) for s in ("Warnings: 2", "Unschedulable: 1", "v. 2 (2027), 2027-01-11", "Summary:")]
    assert order == sorted(order)
    assert text.rstrip("\n").splitlines()[-1].startswith("Summary:")


def test_text_lists_errors_before_plain_warnings(catalog: Catalog) -> None:
    text = render(sample_plan(), catalog, "text")
    assert text.index("broken_redirect") < text.index("parallel_undated")


def test_text_labels_weeks_the_swedish_way_with_the_date(catalog: Catalog) -> None:
    text = render(sample_plan(), catalog, "text")
    assert "v. 6 (2027), 2027-02-08" in text


def test_text_groups_a_weeks_steps_per_unit_by_name(catalog: Catalog) -> None:
    text = render(sample_plan(), catalog, "text")
    week = text[text.index("v. 4 (2027)") : text.index("v. 6 (2027)")]
    assert week.index("Alfa Din hälsocentral (hc-alfa)") < week.index("Gamma Din hälsocentral (hc-gamma)")


def test_text_summary_gives_the_end_week_and_the_lower_bound(catalog: Catalog) -> None:
    summary = render(sample_plan(), catalog, "text").splitlines()[-1]
    assert "ends v. 8 (2027)" in summary
    assert "no plan can end before v. 7 (2027)" in summary
    assert "1 enable, 2 redirects, 2 staff briefings" in summary


def test_text_says_which_overrides_were_used(catalog: Catalog) -> None:
    text = render(sample_plan(overrides={"capacity": "2 → 10", "parallel_min": "2 → 3"}), catalog, "text")
    assert "Overrides: capacity 2 → 10; parallel_min 2 → 3" in text


def test_text_says_when_no_override_was_used(catalog: Catalog) -> None:
    assert "Overrides: none" in render(sample_plan(), catalog, "text")


def test_text_has_no_trailing_blanks(catalog: Catalog) -> None:
    assert all(line == line.rstrip() for line in render(sample_plan(), catalog, "text").splitlines())


# --- csv -------------------------------------------------------------------------------


def _csv_rows(text: str) -> list[dict[str, str]]:
    assert not text.startswith("\ufeff"), "no BOM: it would become part of the first column's name"
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_step_with_the_agreed_columns(catalog: Catalog) -> None:
    rows = _csv_rows(render(sample_plan(), catalog, "csv"))
    assert len(rows) == len(sample_plan().steps)
    assert list(rows[0]) == [
        "week", "date", "unit", "unit_name", "service", "service_name", "action", "channel", "binding", "reason",
    ]  # fmt: skip


def test_csv_keeps_commas_and_quotes_inside_one_cell(catalog: Catalog) -> None:
    rows = _csv_rows(render(sample_plan(), catalog, "csv"))
    redirect = next(r for r in rows if r["unit"] == "hc-alfa" and r["action"] == "redirect")
    assert redirect["reason"] == 'after 2 weeks: a | pipe; a "quote", a # hash'
    assert redirect["week"] == "2027-W08"
    assert redirect["service_name"] == "Av- och omboka tid"
    assert redirect["unit_name"] == "Alfa Din hälsocentral"


def test_csv_rows_come_in_week_order(catalog: Catalog) -> None:
    rows = _csv_rows(render(sample_plan(), catalog, "csv"))
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)


# --- markdown --------------------------------------------------------------------------


def test_markdown_has_a_summary_a_warnings_table_and_a_table_per_week_of_the_first_quarter(catalog: Catalog) -> None:
    md = render(sample_plan(), catalog, "markdown")
    assert "## Summary" in md
    assert "| Severity | Code | Hälsocentral | E-tjänst | Message |" in md
    assert md.count("| Hälsocentral | Step | E-tjänst | Why this week |") == 4


def test_markdown_folds_the_weeks_after_the_first_quarter_in_details(catalog: Catalog) -> None:
    late = Step("hc-alfa", "omboka-tid", "brief_staff", "mvg", D("2027-06-07"), D("2027-06-07"), "lead_time", "b")
    md = render(sample_plan(steps=(*sample_plan().steps, late)), catalog, "markdown")
    near, folded = md.split("## Later weeks")
    assert "v. 23 (2027)" not in near
    assert "<details>" in folded and "| v. 23 (2027) | Alfa Din hälsocentral | brief staff Av- och omboka tid" in folded


def test_markdown_escapes_a_pipe_so_it_cannot_break_a_table(catalog: Catalog) -> None:
    md = render(sample_plan(), catalog, "markdown")
    row = next(line for line in md.splitlines() if "after 2 weeks" in line)
    assert "a \\| pipe" in row
    assert len(re.findall(r"(?<!\\)\|", row)) == 5  # four cells


def test_markdown_cells_hold_no_line_breaks_or_html() -> None:
    assert cell("a\nb <b>x</b>") == "a b &lt;b&gt;x&lt;/b&gt;"


# --- mermaid ---------------------------------------------------------------------------


def test_mermaid_is_a_gantt_chart_with_a_section_per_unit(catalog: Catalog) -> None:
    lines = render(sample_plan(), catalog, "mermaid").splitlines()
    assert lines[0] == "gantt"
    sections = [line.strip() for line in lines if line.strip().startswith("section ")]
    assert sections == ["section Alfa Din hälsocentral", "section Gamma Din hälsocentral"]


def test_mermaid_draws_a_parallel_period_from_enable_to_redirect(catalog: Catalog) -> None:
    chart = render(sample_plan(), catalog, "mermaid")
    assert "Av- och omboka tid, parallel period :2027-02-08, 2027-02-22" in chart


def test_mermaid_draws_briefings_as_milestones(catalog: Catalog) -> None:
    chart = render(sample_plan(), catalog, "mermaid")
    assert "Av- och omboka tid, brief staff :milestone, 2027-01-25, 0d" in chart


def test_mermaid_draws_a_running_parallel_period_from_the_plans_start(catalog: Catalog) -> None:
    chart = render(sample_plan(), catalog, "mermaid")
    assert "Mina vårdkontakter, running parallel period :active, 2026-11-30, 2027-01-11" in chart


@pytest.mark.parametrize("text", ["Tid: 10:30", "Rum #3", "a; b", "50% rabatt", "rad\nbrytning"])
def test_mermaid_names_hold_no_character_the_gantt_grammar_reads_as_syntax(text: str) -> None:
    assert not set(escape(text)) & set(":;#%\n")


@pytest.mark.parametrize("text", ["Section B", "click here", "title page", "2027-01-01 start"])
def test_mermaid_names_cannot_start_a_gantt_statement(text: str) -> None:
    assert escape(text).startswith("\u2060")


def test_mermaid_escapes_a_colon_in_a_unit_name(catalog: Catalog) -> None:
    unit = catalog.units[0].model_copy(update={"name": "Hälsocentral: Öst #2"})
    odd = catalog.__class__(**{**catalog.__dict__, "units": (unit, *catalog.units[1:])})
    chart = render(sample_plan(), odd, "mermaid")
    section = next(line for line in chart.splitlines() if "Öst" in line)
    assert ":" not in section and "#" not in section


# --- ics -------------------------------------------------------------------------------


def _events(text: str) -> list[Component]:
    calendar = Calendar.from_ical(text)
    return list(calendar.walk("VEVENT"))


def test_ics_has_one_event_per_unit_and_week(catalog: Catalog) -> None:
    events = _events(render(sample_plan(), catalog, "ics"))
    pairs = {(s.unit, s.week) for s in sample_plan().steps}
    assert len(events) == len(pairs) == 5
    assert {(str(e["location"]), e.decoded("dtstart")) for e in events} == {
        (catalog.unit_by_id[u].name, w) for u, w in pairs
    }


def test_ics_events_are_all_day_on_the_step_date(catalog: Catalog) -> None:
    for event in _events(render(sample_plan(), catalog, "ics")):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date and (end - start).days == 1


def test_ics_uids_are_stable_per_unit_and_week_so_a_reimport_updates_the_event(catalog: Catalog) -> None:
    uids = [str(e["uid"]) for e in _events(render(sample_plan(), catalog, "ics"))]
    assert len(set(uids)) == len(uids)
    assert "hc-alfa.2027-W06@mvgplan.invalid" in uids
    other = sample_plan(catalog_digest="sha256:" + "f" * 64)
    assert set(uids) == {str(e["uid"]) for e in _events(render(other, catalog, "ics"))}


def test_ics_stamps_events_with_the_plans_as_of_not_the_clock(catalog: Catalog) -> None:
    text = render(sample_plan(), catalog, "ics")
    stamps = {line for line in text.splitlines() if line.startswith("DTSTAMP")}
    assert stamps == {"DTSTAMP:20261123T000000Z"}


def test_ics_lists_the_weeks_steps_in_the_description(catalog: Catalog) -> None:
    events = _events(render(sample_plan(), catalog, "ics"))
    week4 = [e for e in events if e.decoded("dtstart") == D("2027-01-25")]
    alfa = next(e for e in week4 if "Alfa" in str(e["location"]))
    assert "brief staff Av- och omboka tid" in str(alfa["description"])


def test_mermaid_draws_a_redirect_in_the_plans_first_week_as_a_milestone(catalog: Catalog) -> None:
    first = Step("hc-gamma", "mina-vardkontakter", "redirect", "1177", D("2026-11-30"), D("2026-11-30"), "start", "s")
    chart = render(sample_plan(steps=(first,)), catalog, "mermaid")
    assert "Mina vårdkontakter, redirect :milestone, 2026-11-30, 0d" in chart


def test_text_names_the_units_once_when_a_service_is_unschedulable_for_the_same_reason(catalog: Catalog) -> None:
    items = tuple(
        Unschedulable(u, "egenremiss", "no_mvg_equivalent", "no MVG service yet") for u in ("hc-beta", "hc-alfa")
    )
    items += (Unschedulable("hc-gamma", "omboka-tid", "beyond_horizon", "too late"),)
    text = render(sample_plan(unschedulable=items), catalog, "text")
    assert text.count("no MVG service yet") == 1
    assert "2 hälsocentraler: hc-alfa, hc-beta" in text
    assert "Gamma Din hälsocentral (hc-gamma)" in text
    assert "Unschedulable: 3" in text
