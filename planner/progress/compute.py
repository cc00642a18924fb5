"""The comparison of a baseline with the catalogue and the current plan: a pure function."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from planner.calendar import monday_of, weeks_between
from planner.problems import Problem
from planner.progress.model import TRACKED, NewStep, Progress, Status, Summary, TrackedAction, TrackedStep

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.catalog.model import Offering
    from planner.plan.model import Plan, Step

DONE_STATUSES: Mapping[TrackedAction, frozenset[str]] = {
    "enable": frozenset({"active"}),
    "redirect": frozenset({"redirect", "retired"}),
}
"""The offering statuses that show a step was carried out (SPEC §7)."""


@dataclass(frozen=True)
class ProgressResult:
    """The progress against a baseline file, or the problems that stop reading it."""

    progress: Progress | None
    problems: list[Problem] = field(default_factory=list)


def progress_against(catalog: Catalog, baseline_file: str, as_of: date) -> ProgressResult:
    """Read the baseline file, make the current plan as of `as_of`, and compare them.

    What the CLI, the explorer and the reports call; the baseline's problems (missing, not a
    plan) come back as rows with file, line and column, never as an exception.
    """
    from planner.i18n import _
    from planner.plan.model import PlanOptions
    from planner.plan.read import read_plan_file
    from planner.plan.scheduler import schedule

    if not Path(baseline_file).exists():
        hint = _("no such file; approve a plan and write it with: mvgplan plan --format yaml --out {path}")
        return ProgressResult(None, [Problem(baseline_file, 1, 1, "invalid_value", hint.format(path=baseline_file))])
    # The garbage collector is the front end's business (planner/speed.py), as for the loader.
    baseline = read_plan_file(baseline_file)
    if baseline.plan is None:
        return ProgressResult(None, baseline.problems)
    current = schedule(catalog, PlanOptions(as_of=as_of))
    return ProgressResult(progress(baseline.plan, baseline_file, catalog, current, as_of))


def progress(baseline: Plan, baseline_name: str, catalog: Catalog, current: Plan, as_of: date) -> Progress:
    """Every tracked step of `baseline` with its status as of `as_of`, and the new steps.

    `current` is the plan the catalogue gives now, made with the same options (`as_of`); it
    tells which undone steps are still needed (else `dropped`) and which steps are `new`.
    """
    from planner.plan.serialize import summary_end_week

    this_week = monday_of(as_of)
    still_needed: set[tuple[str, str, str]] = {(s.unit, s.service, s.action) for s in current.steps}
    still_needed |= {(u.unit, u.service, action) for u in current.unschedulable for action in TRACKED}
    steps = tuple(_tracked(step, catalog, still_needed, this_week) for step in baseline.steps if step.action in TRACKED)
    in_baseline = {(s.unit, s.service, s.action) for s in steps}
    new = tuple(
        NewStep(s.unit, s.service, s.action, s.channel, s.week)
        for s in current.steps
        if s.action in TRACKED and (s.unit, s.service, s.action) not in in_baseline
    )
    count = {status: sum(1 for s in steps if s.status == status) for status in ("done", "dropped", "overdue", "due")}
    forecast = summary_end_week(current)
    base_end = baseline.end_week
    summary = Summary(
        tracked=len(steps),
        done=count["done"],
        on_time=sum(1 for s in steps if s.slip_weeks is not None and s.slip_weeks <= 0),
        late=sum(1 for s in steps if s.slip_weeks is not None and s.slip_weeks > 0),
        overdue=count["overdue"],
        due=count["due"],
        upcoming=sum(1 for s in steps if s.status == "upcoming"),
        dropped=count["dropped"],
        new=len(new),
        baseline_end_week=base_end,
        forecast_end_week=forecast,
        slip_weeks=weeks_between(base_end, forecast) if base_end is not None else None,
    )
    names = {u.id: u.name for u in catalog.units}
    return Progress(as_of, baseline_name, summary, steps, new, names)


def _tracked(step: Step, catalog: Catalog, still_needed: set[tuple[str, str, str]], this_week: date) -> TrackedStep:
    action: TrackedAction = "enable" if step.action == "enable" else "redirect"
    offering = _offering(catalog, step.unit, step.service, step.channel)
    if offering is not None and offering.status in DONE_STATUSES[action]:
        actual = offering.since
        slip = weeks_between(step.week, actual) if actual is not None else None
        return TrackedStep(step.unit, step.service, action, step.channel, step.week, "done", actual, slip)
    status: Status
    if (step.unit, step.service, step.action) not in still_needed:
        status = "dropped"
    elif step.week < this_week:
        status = "overdue"
    elif step.week == this_week:
        status = "due"
    else:
        status = "upcoming"
    return TrackedStep(step.unit, step.service, action, step.channel, step.week, status, None, None)


def _offering(catalog: Catalog, unit_id: str, service: str, channel: str) -> Offering | None:
    unit = catalog.unit_by_id.get(unit_id)
    if unit is None:
        return None
    return unit.offerings.get(service, {}).get(channel)
