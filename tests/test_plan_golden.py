"""The plan of tests/fixtures/plan_small, byte for byte: a change to what the planner decides
or says shows up as a readable diff of expected-plan.json in review.

After an intended change, rewrite the file with:
    MVGPLAN_UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_plan_golden.py
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from plan_verifier import Options, verify

from planner.catalog.loader import load_catalog
from planner.plan.model import PlanOptions
from planner.plan.scheduler import schedule
from planner.plan.serialize import plan_to_dict

REPO = Path(__file__).resolve().parents[1]
FIXTURE = "tests/fixtures/plan_small"
GOLDEN = REPO / FIXTURE / "expected-plan.json"


def _document(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.chdir(REPO)  # paths in messages are shown as given: relative to the repository
    catalog = load_catalog(FIXTURE).catalog
    assert catalog is not None and catalog.as_of is not None
    plan = schedule(catalog, PlanOptions(as_of=catalog.as_of))
    document = plan_to_dict(plan)
    assert verify(catalog, Options(as_of=catalog.as_of), document) == []
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_the_small_catalogue_plans_exactly_as_recorded(monkeypatch: pytest.MonkeyPatch) -> None:
    text = _document(monkeypatch)
    if os.environ.get("MVGPLAN_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    assert text == GOLDEN.read_text(encoding="utf-8")


def test_the_small_catalogue_exercises_every_binding_and_outcome(monkeypatch: pytest.MonkeyPatch) -> None:
    document = json.loads(_document(monkeypatch))
    bindings = {s["binding"] for s in document["steps"]}
    assert bindings == {
        "start",
        "dependency",
        "mvg_ready",
        "capacity",
        "unit_parallel_limit",
        "blackout",
        "min_parallel",
        "lead_time",
    }
    assert {u["reason"] for u in document["unschedulable"]} == {
        "no_mvg_equivalent",
        "dependency_unavailable",
        "beyond_horizon",
    }
    assert {w["code"] for w in document["warnings"]} == {
        "parallel_overdue",
        "parallel_undated",
        "parallel_exceeds_max",
        "broken_redirect",
    }
    assert document["summary"]["end_week"] == document["summary"]["lower_bound_week"]
