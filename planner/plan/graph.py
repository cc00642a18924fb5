"""The task graph and what it alone says about time: earliest and latest weeks, lower bound.

Edges run from a dependency's task to its dependent's at the same unit (the dependent's
enable comes at least a week later). Everything here ignores the region's capacity and the
units' parallel slots except `lower_bound`, which adds a bound for each of them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from planner.plan.tasks import Problem, Task


@dataclass(frozen=True)
class TaskGraph:
    """Per task id, the ids of the tasks that depend on it: each once, in task order."""

    children: tuple[tuple[int, ...], ...]


def task_graph(problem: Problem) -> TaskGraph:
    """One node per task (its id), one edge per dependency.

    Plain tuples of ids, not a networkx graph: everything the planner asks of this graph is a
    longest-path recurrence over weeks with each unit's own blackouts (`earliest`, `latest`,
    `_tails`), which no graph library computes; a 50,000-node `nx.DiGraph` took longer to
    build (0.7 s of a national plan) than all of those recurrences together. networkx names
    the catalogue's dependency cycles (planner/catalog/references.py), where its strongly
    connected components do work that would otherwise be ours to get right.
    """
    children: list[dict[int, None]] = [{} for _ in problem.tasks]
    for t in problem.tasks:
        for d in t.deps:
            children[d][t.id] = None
    return TaskGraph(tuple(tuple(c) for c in children))


def topological_order(graph: TaskGraph) -> list[int]:
    """Task ids, every dependency before its dependents: Kahn's algorithm one generation at a
    time, tasks without dependencies first in id order, so the order is the same on every run."""
    indegree = [0] * len(graph.children)
    for kids in graph.children:
        for c in kids:
            indegree[c] += 1
    generation = [tid for tid, n in enumerate(indegree) if n == 0]
    order: list[int] = []
    while generation:
        order.extend(generation)
        following: list[int] = []
        for tid in generation:
            for c in graph.children[tid]:
                indegree[c] -= 1
                if indegree[c] == 0:
                    following.append(c)
        generation = following
    if len(order) != len(graph.children):
        raise ValueError("the task graph has a cycle")  # validation refuses dependency cycles
    return order


def children_of(problem: Problem) -> list[list[int]]:
    children: list[list[int]] = [[] for _ in problem.tasks]
    for t in problem.tasks:
        for d in t.deps:
            children[d].append(t.id)
    return children


def redirect_week(problem: Problem, task: Task, enable: int) -> int:
    """The earliest allowed redirect for a migration enabled in week `enable`."""
    return problem.redirect_week(task.unit, enable)


@dataclass(frozen=True)
class Earliest:
    """Per task, ignoring capacity and parallel slots: the earliest enable (for a running
    parallel: its redirect) and the earliest week its last step can lie in."""

    start: list[int]
    finish: list[int]


def earliest(problem: Problem, order: Sequence[int]) -> Earliest:
    cal = problem.calendar
    start = [0] * len(problem.tasks)
    finish = [0] * len(problem.tasks)
    for tid in order:
        task = problem.tasks[tid]
        week = task.release
        for d in task.deps:
            week = max(week, start[d] + 1)
        week = cal.next_allowed(task.unit, week)
        start[tid] = week
        finish[tid] = redirect_week(problem, task, week) if task.kind == "migration" else week
    return Earliest(start, finish)


def within_horizon(problem: Problem, order: Sequence[int], early: Earliest) -> list[bool]:
    """Per task, whether any plan can hold it: its earliest last step lies within the
    horizon, and so does every dependency's."""
    horizon = problem.calendar.horizon
    ok = [True] * len(problem.tasks)
    for tid in order:
        task = problem.tasks[tid]
        ok[tid] = early.finish[tid] < horizon and all(ok[d] for d in task.deps)
    return ok


def _latest_allowed(problem: Problem, unit: str, week: int) -> int:
    cal = problem.calendar
    while week >= 0 and cal.blocked(unit, week) is not None:
        week -= 1
    return week


def latest(problem: Problem, order: Sequence[int], children: Sequence[Sequence[int]], end: int) -> list[int]:
    """Per task, the latest enable week that still lets it and its dependents finish by week
    `end` (ignoring capacity and slots). A running parallel's is its fixed redirect week."""
    late = [end] * len(problem.tasks)
    for tid in reversed(order):
        task = problem.tasks[tid]
        if task.kind == "running":
            continue
        week = end
        if task.kind == "migration":
            week = _latest_allowed(problem, task.unit, end - problem.min_parallel)
            while week >= 0 and redirect_week(problem, task, week) > end:
                week = _latest_allowed(problem, task.unit, week - 1)
        for c in children[tid]:
            week = min(week, late[c] - 1)
        late[tid] = _latest_allowed(problem, task.unit, week)
    return late


@dataclass(frozen=True)
class LowerBound:
    """Weeks (indices) before which no plan of these tasks can end, per argument."""

    chain: int
    capacity: int
    unit: int

    @property
    def week(self) -> int:
        return max(self.chain, self.capacity, self.unit)


def _tails(
    problem: Problem, order: Sequence[int], children: Sequence[Sequence[int]], keep: Sequence[bool]
) -> list[int]:
    """Per task, the fewest weeks from its enable to the last step of it and its dependents."""
    tail = [0] * len(problem.tasks)
    for tid in reversed(order):
        if not keep[tid]:
            continue
        own = problem.min_parallel if problem.tasks[tid].kind == "migration" else 0
        tail[tid] = max([own] + [1 + tail[c] for c in children[tid] if keep[c]])
    return tail


def _capacity_bound(problem: Problem, starts: list[tuple[int, int]]) -> int:
    """With enables ≤ capacity in each week that no region blackout touches: for every k,
    the k tasks that can start latest need k enable slots from the k-th latest start on,
    and the last of them still has its tail to run. `starts` holds (earliest start, tail)."""
    cal = problem.calendar
    if not starts:
        return 0
    latest_start = max(s for s, _ in starts)
    weeks = max(cal.horizon, latest_start) + len(starts) + 1
    prefix = [0] * (weeks + 1)
    for i in range(weeks):
        open_ = i >= cal.horizon or cal.region_blocked[i] is None
        prefix[i + 1] = prefix[i] + (problem.capacity if open_ else 0)
    best = 0
    min_tail = None
    for k, (start, tail) in enumerate(sorted(starts, reverse=True), start=1):
        min_tail = tail if min_tail is None else min(min_tail, tail)
        # The first week W with prefix[W + 1] - prefix[start] >= k.
        last = bisect_left(prefix, prefix[start] + k) - 1
        best = max(best, last + min_tail)
    return best


def _unit_bound(problem: Problem, unit: str, starts: list[int], running_until: list[int]) -> int:
    """At one unit, each migration holds one of `slots` parallel slots for at least `min`
    weeks between its earliest start and the unit's last redirect; running parallels hold
    theirs from week 0 until their fixed redirect."""
    need_each = problem.min_parallel
    if need_each == 0 or not starts:
        return 0
    slots = problem.slots
    limit = max(running_until, default=0)
    free = [0] * (limit + 1)  # prefix sums of free slot-weeks over [0, limit)
    for w in range(limit):
        held = sum(1 for r in running_until if r > w)
        free[w + 1] = free[w] + max(0, slots - held)

    def cumulative(x: int) -> int:
        return free[x] if x <= limit else free[limit] + slots * (x - limit)

    best = 0
    for k, start in enumerate(sorted(starts, reverse=True), start=1):
        target = cumulative(start) + k * need_each
        beyond = target - free[limit]
        best = max(best, bisect_left(free, target) if beyond <= 0 else limit + -(-beyond // slots))
    return problem.calendar.next_allowed(unit, best)


def lower_bound(
    problem: Problem,
    order: Sequence[int],
    children: Sequence[Sequence[int]],
    early: Earliest,
    keep: Sequence[bool],
) -> LowerBound:
    """A week before which no plan holding the tasks marked in `keep` can end."""
    cal = problem.calendar
    tasks = problem.tasks
    chain = max((early.finish[t.id] for t in tasks if keep[t.id]), default=0)
    tail = _tails(problem, order, children, keep)
    capacity = _capacity_bound(problem, [(early.start[t.id], tail[t.id]) for t in tasks if keep[t.id] and t.enables])
    per_unit_starts: dict[str, list[int]] = {}
    per_unit_running: dict[str, list[int]] = {}
    for t in tasks:
        if not keep[t.id]:
            continue
        if t.kind == "migration":
            per_unit_starts.setdefault(t.unit, []).append(early.start[t.id])
        elif t.kind == "running":
            per_unit_running.setdefault(t.unit, []).append(early.start[t.id])
    unit = max(
        (_unit_bound(problem, u, s, per_unit_running.get(u, [])) for u, s in per_unit_starts.items()),
        default=0,
    )
    # The last step is an enable or a redirect, so it lies in a week no region blackout touches.
    return LowerBound(
        chain=chain,
        capacity=cal.next_allowed("", capacity),
        unit=cal.next_allowed("", unit),
    )
