"""The formats agree with the plan itself, on the scheduler's plan for the mini catalogue."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from icalendar import Calendar

from planner.catalog.loader import Catalog, load_catalog
from planner.plan.model import Plan, PlanOptions
from planner.plan.read import plan_from_bytes
from planner.plan.render import render
from planner.plan.scheduler import schedule
from planner.plan.serialize import plan_to_dict

MINI = Path(__file__).parent / "fixtures" / "mini"


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    result = load_catalog(MINI)
    assert result.catalog is not None, result.problems
    return result.catalog


@pytest.fixture(scope="module")
def plan(catalog: Catalog) -> Plan:
    assert catalog.as_of is not None
    made = schedule(catalog, PlanOptions(as_of=catalog.as_of))
    assert made.steps, "the mini catalogue has steps to plan"
    return made


def test_the_csv_has_one_row_per_step_of_the_plan(catalog: Catalog, plan: Plan) -> None:
    text = render(plan, catalog, "csv")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert len(rows) == len(plan.steps)
    assert {(r["unit"], r["service"], r["action"]) for r in rows} == {(s.unit, s.service, s.action) for s in plan.steps}


def test_the_ics_has_one_event_per_unit_and_week_of_the_plan(catalog: Catalog, plan: Plan) -> None:
    events = Calendar.from_ical(render(plan, catalog, "ics")).walk("VEVENT")
    assert len(events) == len({(s.unit, s.week) for s in plan.steps})


def test_the_mermaid_chart_has_a_section_per_unit_with_steps(catalog: Catalog, plan: Plan) -> None:
    chart = render(plan, catalog, "mermaid")
    sections = [line.strip().removeprefix("section ") for line in chart.splitlines() if "section " in line]
    assert sections == [catalog.unit_by_id[u].name for u in sorted({s.unit for s in plan.steps})]


def test_the_yaml_and_json_plans_read_back_to_the_same_plan(catalog: Catalog, plan: Plan) -> None:
    from_json = plan_from_bytes(render(plan, catalog, "json").encode(), "plan.json").plan
    from_yaml = plan_from_bytes(render(plan, catalog, "yaml").encode(), "plan.yaml").plan
    assert from_yaml is not None
    assert from_json == from_yaml
    assert plan_to_dict(from_yaml) == plan_to_dict(plan)


def test_the_text_names_every_week_with_steps(catalog: Catalog, plan: Plan) -> None:
    text = render(plan, catalog, "text")
    for step in plan.steps:
        iso = step.week.isocalendar()
        assert f"v. {iso.week} ({iso.year}), {step.date.isoformat()}" in text
