"""The plan's JSON document (SPEC §4): exact keys, stable bytes, and reading it back."""

from __future__ import annotations

import copy
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from plan_builder import MIGRATE, Spec, off, plan_for, svc

from planner.plan.model import Plan
from planner.plan.read import plan_from_data
from planner.plan.serialize import plan_to_dict


def plan_from_dict(doc: Any) -> Plan:
    found = plan_from_data(doc)
    if found.plan is None:
        raise ValueError("; ".join(p.message for p in found.problems))
    return found.plan


@pytest.fixture
def plan(tmp_path: Path) -> Plan:
    services = [svc("a"), svc("b", deps=("a",)), svc("c", ready=None)]
    offerings = {
        "a": MIGRATE,
        "b": MIGRATE,
        "c": MIGRATE,
        "d": {"1177": off("active", "2020-01-01"), "mvg": off("active", "2026-01-01")},
    }
    _, result = plan_for(Spec([*services, svc("d")], {"hc": offerings}), tmp_path)
    return result


def test_the_document_has_exactly_the_contract_keys_in_order(plan: Plan) -> None:
    doc = plan_to_dict(plan)
    assert list(doc) == [
        "schema_version",
        "as_of",
        "start_week",
        "catalog_digest",
        "steps",
        "unschedulable",
        "warnings",
        "summary",
    ]
    assert list(doc["steps"][0]) == ["unit", "service", "action", "channel", "week", "date", "binding", "reason"]
    assert list(doc["unschedulable"][0]) == ["unit", "service", "reason", "message"]
    assert list(doc["warnings"][0]) == ["code", "severity", "unit", "service", "message"]
    assert list(doc["summary"]) == ["enables", "redirects", "end_week", "lower_bound_week"]


def test_weeks_are_iso_labels_and_dates_iso_dates(plan: Plan) -> None:
    doc = plan_to_dict(plan)
    assert doc["start_week"] == "2026-W49"
    first = doc["steps"][0]
    assert (first["week"], first["date"]) == ("2026-W49", "2026-11-30")
    assert doc["summary"] == {"enables": 2, "redirects": 3, "end_week": "2027-W01", "lower_bound_week": "2027-W01"}


def test_the_document_is_plain_json(plan: Plan) -> None:
    doc = plan_to_dict(plan)
    assert json.loads(json.dumps(doc)) == doc


def test_a_plan_reads_back_as_itself(plan: Plan) -> None:
    back = plan_from_dict(json.loads(json.dumps(plan_to_dict(plan))))
    assert back == Plan(**{**plan.__dict__, "overrides": {}})


def _broken(plan: Plan, change: Any) -> dict[str, Any]:
    doc = copy.deepcopy(plan_to_dict(plan))
    change(doc)
    return doc


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version=2), "schema_version 2 is not supported"),
        (lambda d: d.pop("steps"), "missing required field 'steps'"),
        (lambda d: d["steps"][0].update(week="2027-W54"), "no such ISO week: '2027-W54'"),
        (lambda d: d["steps"][0].update(action="teleport"), "action: 'teleport' is not one of"),
        (lambda d: d["steps"][1].update(date="2027-02-30"), "2027-02-30 is not a date"),
        (lambda d: d["unschedulable"][0].update(reason="bad_luck"), "reason: 'bad_luck' is not one of"),
        (lambda d: d["summary"].update(end_week=3), "expected an ISO week"),
        (lambda d: d.update(steps={}), "steps"),
    ],
    ids=["version", "no-steps", "week-54", "action", "date", "reason", "end-week-type", "steps-type"],
)
def test_a_document_that_is_not_a_plan_is_refused_with_a_reason(plan: Plan, change: Any, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        plan_from_dict(_broken(plan, change))


def test_a_document_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(ValueError, match="expected a mapping"):
        plan_from_dict(["not", "a", "plan"])


def test_an_empty_plan_ends_in_its_first_week(tmp_path: Path) -> None:
    # Nothing to do: the plan is done when it starts, and no plan can end before that. The
    # weeks stay ISO week strings, so `lower_bound_week <= end_week` holds for every plan.
    _, empty = plan_for(Spec([svc("a")], {"hc": {"a": {"mvg": "active"}}}), tmp_path)
    doc = plan_to_dict(empty)
    start = doc["start_week"]
    assert doc["summary"] == {"enables": 0, "redirects": 0, "end_week": start, "lower_bound_week": start}
    assert plan_from_dict(doc).end_week == empty.start_week


def test_the_plan_depends_on_as_of_never_on_the_clock(tmp_path: Path) -> None:
    spec = Spec([svc("a")], {"hc": {"a": MIGRATE}})
    _, one = plan_for(spec, tmp_path / "one")
    _, two = plan_for(spec, tmp_path / "two")
    assert json.dumps(plan_to_dict(one)) == json.dumps(plan_to_dict(two))
    _, later = plan_for(spec, tmp_path / "later", as_of=date(2027, 1, 13))
    assert plan_to_dict(later)["as_of"] == "2027-01-13"
    assert plan_to_dict(later)["start_week"] == "2027-W03"
