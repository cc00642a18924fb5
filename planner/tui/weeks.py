"""The plan laid out in weeks: the week-by-week table and the timeline's symbols. No Textual.

A timeline row has one symbol per week from the plan's start to its end, the strongest thing
that happens in it: an enable, a redirect, telling patients of a redirect, a week of parallel
running, a staff briefing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from planner.calendar import add_weeks, weeks_between
from planner.plan.blackouts import closing
from planner.plan.model import Step
from planner.tui.data import Model

# Timeline symbols, strongest first: a week shows the most important thing in it. Patients
# are told of a redirect while both channels run, so that mark outranks the parallel one.
SYM_ENABLE, SYM_REDIRECT, SYM_INFORM, SYM_PARALLEL, SYM_BRIEF, SYM_EMPTY = "E", "R", "i", "━", "b", "·"
STRENGTH = (SYM_ENABLE, SYM_REDIRECT, SYM_INFORM, SYM_PARALLEL, SYM_BRIEF, SYM_EMPTY)
SYM_MANY = "+"


@dataclass(frozen=True)
class WeekRow:
    week: date
    briefings: int
    enables: int
    redirects: int
    blackout: str | None
    """The reason of a region blackout touching this week, if any."""


def plan_weeks(model: Model) -> list[date]:
    """Every week from the plan's start to its end (empty weeks too: blackouts show)."""
    return model.memo("plan_weeks", lambda: _plan_weeks(model))


def _plan_weeks(model: Model) -> list[date]:
    plan = model.plan
    if plan is None:
        return []
    last = plan.end_week or plan.start_week
    if model.steps_by_week:
        last = max(last, max(model.steps_by_week))
    return [add_weeks(plan.start_week, i) for i in range(weeks_between(plan.start_week, last) + 1)]


def week_rows(model: Model) -> list[WeekRow]:
    return model.memo("week_rows", lambda: _week_rows(model))


def _week_rows(model: Model) -> list[WeekRow]:
    rows = []
    blackouts = model.catalog.region.policy.blackouts
    for monday in plan_weeks(model):
        actions = Counter(s.action for s in model.steps_by_week.get(monday, ()))
        rows.append(
            WeekRow(
                monday,
                actions["brief_staff"],
                actions["enable"],
                actions["redirect"],
                closing(blackouts, monday),
            )
        )
    return rows


def region_blackout_weeks(model: Model, weeks: list[date]) -> frozenset[int]:
    blackouts = model.catalog.region.policy.blackouts
    return frozenset(i for i, w in enumerate(weeks) if closing(blackouts, w) is not None)


def unit_blackout_weeks(model: Model, unit_id: str, weeks: list[date]) -> frozenset[int]:
    unit = model.unit(unit_id)
    if unit is None or not unit.blackouts:
        return frozenset()
    return frozenset(i for i, w in enumerate(weeks) if closing(unit.blackouts, w) is not None)


def _mark(cells: list[str], index: int, symbol: str) -> None:
    if 0 <= index < len(cells) and STRENGTH.index(symbol) < STRENGTH.index(cells[index]):
        cells[index] = symbol


def _scan(steps: Iterable[Step], weeks: list[date], key: Callable[[Step], str]) -> tuple[list[str], list[int]]:
    """One symbol per week for redirects, patient notices, briefings and the parallel runs between each
    `key`'s enable and redirect (a running period, with no enable in the plan, counts from
    the start); and the index of every enable, for the caller to show its own way."""
    start = weeks[0]
    cells = [SYM_EMPTY] * len(weeks)
    enables: list[int] = []
    opened: dict[str, int] = {}
    closed: dict[str, int] = {}
    for step in steps:
        index = weeks_between(start, step.week)
        if step.action == "enable":
            enables.append(index)
            opened[key(step)] = index
        elif step.action == "redirect":
            closed[key(step)] = index
            _mark(cells, index, SYM_REDIRECT)
        elif step.action == "inform_patients":
            _mark(cells, index, SYM_INFORM)
        else:
            _mark(cells, index, SYM_BRIEF)
    for k, end in closed.items():
        for index in range(max(opened.get(k, -1) + 1, 0), min(end, len(cells))):
            _mark(cells, index, SYM_PARALLEL)
    return cells, enables


def unit_cells(model: Model, unit_id: str, weeks: list[date]) -> str:
    """One symbol per week for one hälsocentral: enable, redirect, patient notice, parallel, briefing."""
    if not weeks:
        return ""
    cells, enables = _scan(model.steps_by_unit.get(unit_id, ()), weeks, lambda step: step.service)
    for index in enables:
        _mark(cells, index, SYM_ENABLE)
    return "".join(cells)


def service_cells(model: Model, service_id: str, weeks: list[date]) -> str:
    """One symbol per week for one e-tjänst across all units; enables shown as a count."""
    if not weeks:
        return ""
    cells, enables = _scan(model.steps_by_service.get(service_id, ()), weeks, lambda step: step.unit)
    for index, n in Counter(enables).items():
        if 0 <= index < len(cells):
            cells[index] = str(n) if n < 10 else SYM_MANY
    return "".join(cells)
