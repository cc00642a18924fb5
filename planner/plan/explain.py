"""Steps from a schedule, each with the constraint that last pushed it later and why.

The scheduling loop records only weeks; here the explanation is read back from the final
schedule: for an enable one week earlier than it is, what stood in the way (a blackout, a
full unit, a full week region-wide, a parallel period a blackout would stretch), and how
many weeks in a row that held; otherwise what set its earliest week (plan start and
briefing lead, mvg_ready, a dependency's enable).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from planner.calendar import first_working_day
from planner.plan import texts
from planner.plan.constraints import (
    CAPACITY_FULL,
    CapacityFull,
    Closed,
    Obstacle,
    Stretched,
    UnitFull,
    migration_obstacle,
)
from planner.plan.model import Binding, Step, plan_order
from planner.plan.tasks import Problem, Task

if TYPE_CHECKING:
    from planner.plan.scheduler import Schedule


class _Occupancy:
    """Parallel periods per unit and week, in the final schedule, built per unit on demand."""

    def __init__(self, problem: Problem, result: Schedule) -> None:
        self.problem = problem
        self.result = result
        self.by_unit: dict[str, list[Task]] = {}
        for t in problem.tasks:
            if t.redirects:
                self.by_unit.setdefault(t.unit, []).append(t)
        self.cache: dict[str, list[int]] = {}

    def at(self, unit: str, week: int) -> int:
        counts = self.cache.get(unit)
        if counts is None:
            size = self.problem.calendar.horizon + 2
            diff = [0] * (size + 1)
            enable, redirect = self.result.enable, self.result.redirect
            for t in self.by_unit.get(unit, []):
                first = 0 if t.kind == "running" else enable[t.id]
                last = redirect[t.id] if redirect[t.id] >= 0 else size
                if t.kind == "migration" and first < 0:
                    continue
                if last > first:
                    diff[first] += 1
                    diff[min(last, size)] -= 1
            counts = [0] * size
            running = 0
            for w in range(size):
                running += diff[w]
                counts[w] = running
            self.cache[unit] = counts
        return counts[week]


def explain(problem: Problem, result: Schedule) -> tuple[Step, ...]:
    cal = problem.calendar
    tasks = problem.tasks
    enable, redirect = result.enable, result.redirect
    names = problem.service_names
    occupancy = _Occupancy(problem, result)
    defer = result.ranking.defer_stretched
    dates: dict[int, tuple[date, date]] = {}

    def when(week: int) -> tuple[date, date]:
        cached = dates.get(week)
        if cached is None:
            monday = cal.monday(week)
            cached = dates[week] = (monday, first_working_day(monday))
        return cached

    def why_not(task: Task, week: int) -> Obstacle:
        """Why `task` was not enabled in `week` (a week it was waiting in): the scheduler's
        own predicates (`constraints`), asked again over the final schedule."""
        blocked = cal.blocked(task.unit, week)
        if blocked is not None:
            return Closed(blocked)
        if task.kind == "migration":
            r = problem.redirect_week(task.unit, week)
            relaxed = result.late[task.id] > week
            obstacle = migration_obstacle(problem, task.unit, week, r, occupancy.at(task.unit, week), relaxed, defer)
            if obstacle is not None:
                return obstacle
        return CAPACITY_FULL

    def run_back(last: int, floor: int, same: Callable[[int], bool]) -> int:
        first = last
        while first - 1 >= floor and same(first - 1):
            first -= 1
        return first

    def blackout_text(unit: str, last: int, floor: int) -> str:
        reason = cal.blocked(unit, last) or ""
        first = run_back(last, floor, lambda w: cal.blocked(unit, w) == reason)
        return texts.blackout(reason, cal.monday(first), cal.monday(last))

    def enable_binding(task: Task, week: int) -> tuple[Binding, str]:
        floor = task.release
        dep_week = max((enable[d] + 1 for d in task.deps), default=-1)
        floor = max(floor, dep_week)
        if week > floor:
            obstacle = why_not(task, week - 1)
            first = run_back(week - 1, floor, lambda w: why_not(task, w) == obstacle)
            a, b = cal.monday(first), cal.monday(week - 1)
            match obstacle:
                case Closed(reason):
                    return "blackout", texts.blackout(reason, a, b)
                case Stretched(over):
                    return "blackout", texts.stretched(over)
                case UnitFull():
                    return "unit_parallel_limit", texts.unit_full(a, b, problem.slots)
                case CapacityFull():
                    return "capacity", texts.capacity_full(a, b, problem.capacity)
        if task.deps and dep_week >= task.release:
            after = [names[tasks[d].service] for d in task.deps if enable[d] + 1 == dep_week]
            return "dependency", texts.after_dependency(after)
        if task.release_binding == "mvg_ready":
            return "mvg_ready", texts.mvg_ready(problem.ready[task.service])
        if task.release_binding == "lead_time":
            return "lead_time", texts.lead_time(problem.lead, cal.start)
        return "start", texts.plan_start(cal.start)

    def redirect_binding(task: Task, week: int) -> tuple[Binding, str]:
        if task.kind == "migration":
            floor = problem.redirect_floor(enable[task.id])
            if week > floor:
                return "blackout", blackout_text(task.unit, week - 1, floor)
            if floor > enable[task.id] + problem.min_parallel:
                return "patient_notice", texts.notice_first(problem.notice, cal.start)
            return "min_parallel", texts.min_parallel(problem.min_parallel)
        floor = task.release
        if week > floor:
            return "blackout", blackout_text(task.unit, week - 1, floor)
        if task.release_binding == "patient_notice":
            return "patient_notice", texts.notice_first(problem.notice, cal.start)
        if task.release_binding == "min_parallel" and task.since is not None:
            return "min_parallel", texts.running_min_parallel(task.since, problem.min_parallel)
        return "start", texts.running_start(task.since)

    steps: list[Step] = []
    for task in tasks:
        e, r = enable[task.id], redirect[task.id]
        if task.enables:
            if e < 0:
                continue
            brief = e - problem.lead
            monday, day = when(brief)
            reason = texts.briefing(problem.lead, cal.monday(e))
            steps.append(Step(task.unit, task.service, "brief_staff", problem.target, monday, day, "lead_time", reason))
            monday, day = when(e)
            binding, reason = enable_binding(task, e)
            if task.urgent:
                reason = texts.urgent_repair(reason)
            steps.append(Step(task.unit, task.service, "enable", problem.target, monday, day, binding, reason))
        if task.redirects and r >= 0:
            if problem.notice > 0:
                monday, day = when(r - problem.notice)
                reason = texts.inform_patients(problem.notice, cal.monday(r))
                step = Step(
                    task.unit, task.service, "inform_patients", problem.legacy, monday, day, "patient_notice", reason
                )
                steps.append(step)
            monday, day = when(r)
            binding, reason = redirect_binding(task, r)
            steps.append(Step(task.unit, task.service, "redirect", problem.legacy, monday, day, binding, reason))
    steps.sort(key=plan_order)
    return tuple(steps)
