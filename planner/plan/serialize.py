"""A plan as the JSON document of docs/planning.md, and back.

`plan_to_dict` gives exactly the contract's keys, in the contract's order, with weeks written
`2027-W03` and dates `2027-01-18`; `json.dumps` of it is the same bytes for the same plan.
`planner.plan.read` reads such a document back (a committed plan, for `--check`, `diff`
and `progress`).
"""

from __future__ import annotations

from datetime import date
from functools import cache
from typing import Any

from planner.calendar import iso_week_label
from planner.plan.model import Plan, Step

SCHEMA_VERSION = 1


@cache
def _label(week: date) -> str:
    return iso_week_label(week)


@cache
def _iso(day: date) -> str:
    return day.isoformat()


def step_to_dict(step: Step) -> dict[str, str]:
    return {
        "unit": step.unit,
        "service": step.service,
        "action": step.action,
        "channel": step.channel,
        "week": _label(step.week),
        "date": _iso(step.date),
        "binding": step.binding,
        "reason": step.reason,
    }


def summary_end_week(plan: Plan) -> date:
    """`summary.end_week` as the plan file writes it: a plan without steps ends in its first week."""
    return plan.end_week if plan.end_week is not None else plan.start_week


def plan_to_dict(plan: Plan) -> dict[str, Any]:
    """The plan as the documented JSON object (only built-in types: dict, list, str, int).

    A plan without steps ends in its first week (there is nothing to do) and no plan can end
    before that, so `end_week` and `lower_bound_week` are always ISO weeks, never null.
    """
    end = summary_end_week(plan)
    bound = plan.lower_bound_week if plan.lower_bound_week is not None else plan.start_week
    return {
        "schema_version": SCHEMA_VERSION,
        "as_of": plan.as_of.isoformat(),
        "start_week": iso_week_label(plan.start_week),
        "catalog_digest": plan.catalog_digest,
        "steps": [step_to_dict(s) for s in plan.steps],
        "unschedulable": [
            {"unit": u.unit, "service": u.service, "reason": u.reason, "message": u.message} for u in plan.unschedulable
        ],
        "warnings": [
            {"code": w.code, "severity": w.severity, "unit": w.unit, "service": w.service, "message": w.message}
            for w in plan.warnings
        ],
        "summary": {
            "enables": sum(1 for s in plan.steps if s.action == "enable"),
            "redirects": sum(1 for s in plan.steps if s.action == "redirect"),
            "end_week": iso_week_label(end),
            "lower_bound_week": iso_week_label(bound),
        },
    }
