"""What a what-if changed, read off the plan diff the CLI's `mvgplan diff` uses. No Textual.

Per hälsocentral the steps that moved (from → to week), appeared or vanished; the end week
and the weeks spent in parallel (both channels open) before and after.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from planner.calendar import weeks_between
from planner.plan.diff import StepChange, diff_plans
from planner.plan.model import Plan, action_rank
from planner.tui.data import Model


@dataclass(frozen=True)
class ChangeRow:
    unit: str
    unit_name: str
    service: str
    service_name: str
    change: StepChange


@dataclass(frozen=True)
class WhatIfChanges:
    old_end: date | None
    new_end: date | None
    old_parallel_weeks: int
    new_parallel_weeks: int
    unchanged: int
    rows: tuple[ChangeRow, ...]
    """By hälsocentral name, then e-tjänst name, then the step's order in a week."""
    units: int
    """Hälsocentraler with at least one changed step."""
    items_appeared: int
    items_vanished: int
    """Warnings and unschedulable items only in the what-if / only in the current plan."""


def parallel_weeks(plan: Plan) -> int:
    """Weeks spent in both channels over the plan: enable to redirect, or start to redirect
    for a parallel period already running."""
    enables: dict[tuple[str, str], date] = {}
    redirects: dict[tuple[str, str], date] = {}
    for step in plan.steps:
        if step.action == "enable":
            enables[(step.unit, step.service)] = step.week
        elif step.action == "redirect":
            redirects[(step.unit, step.service)] = step.week
    return sum(max(weeks_between(enables.get(key, plan.start_week), week), 0) for key, week in redirects.items())


def what_if_changes(model: Model, plan: Plan) -> WhatIfChanges:
    """The current plan of `model` against a what-if `plan`."""
    current = model.plan
    if current is None:
        return WhatIfChanges(None, plan.end_week, 0, parallel_weeks(plan), 0, (), 0, 0, 0)
    diff = diff_plans(current, plan)
    far = len(model.unit_order)
    rows = sorted(
        (ChangeRow(c.unit, model.unit_name(c.unit), c.service, model.service_name(c.service), c) for c in diff.steps),
        key=lambda r: (
            model.unit_order.get(r.unit, far),
            model.service_order.get(r.service, far),
            action_rank(r.change.action),
        ),
    )
    return WhatIfChanges(
        old_end=current.end_week,
        new_end=plan.end_week,
        old_parallel_weeks=parallel_weeks(current),
        new_parallel_weeks=parallel_weeks(plan),
        unchanged=diff.unchanged,
        rows=tuple(rows),
        units=len({r.unit for r in rows}),
        items_appeared=sum(1 for i in diff.items if i.change == "appeared"),
        items_vanished=sum(1 for i in diff.items if i.change == "vanished"),
    )
