"""`schedule(catalog, options) -> Plan`: the migration plan, as a pure function.

The method is list scheduling week by week. Each week, every unit offers its best waiting
task that may start there now (not blacked out; for a migration a free parallel slot), and
the region's enable capacity goes to the best offers. A task is urgent once its latest
start has come; urgent tasks go first, least slack first; the others by `priority`. So
priority decides when capacity binds, unless honouring it would push the plan's end later.

Latest starts come from a backward list schedule from the lower bound that respects
capacity and parallel slots too, so a unit with many services late in the plan, or a
crowded stretch of weeks, makes its tasks urgent in time.

A few rankings are tried, cheapest first, and the plan that holds the most tasks and ends
first wins (then the one with fewer parallel periods stretched by a blackout): one that holds
back migrations whose redirect a blackout would push past E + min (shorter parallel
periods), one that does not (more throughput before a blackout), and plain priority order
(the naive greedy, so the result is never worse than it). Then the other classic list
scheduler, one task at a time at its earliest week that fits (serial), by latest start, by
priority and by unit: each kind finds plans the other misses. As soon as one reaches the
lower bound it is taken. On very large problems the one-at-a-time ones are skipped
(`SERIAL_MAX_TASKS`).

Every decision is explained afterwards from the final schedule (see `explain`), so the
scheduling loop itself stays lean.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from planner.plan import graph as g
from planner.plan import texts
from planner.plan.constraints import migration_obstacle, needs_free_slot, stretched
from planner.plan.explain import explain
from planner.plan.model import Plan, PlanOptions, Unschedulable
from planner.plan.tasks import Problem, Task, build_problem
from planner.plan.warnings import plan_warnings

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

UNSCHEDULED = -1


@dataclass(frozen=True)
class Ranking:
    """How the list scheduler ranks and holds back tasks."""

    name: str
    urgency: bool = True
    """Rank urgent tasks (latest start reached) first; off: priority order only (naive)."""
    defer_stretched: bool = False
    """Hold back a migration with slack whose redirect a blackout would push past E + min."""
    serial: SerialOrder | None = None
    """Instead of week by week, take the tasks one by one in this order (dependencies
    first) and give each the earliest week that fits (see `serial_schedule`)."""


SerialOrder = Literal["latest-start", "priority", "unit"]

RANKINGS = (
    Ranking("short-parallel", defer_stretched=True),
    Ranking("throughput"),
    Ranking("priority-only", urgency=False),
    Ranking("serial-latest-start", serial="latest-start"),
    Ranking("serial-priority", urgency=False, serial="priority"),
    Ranking("serial-unit", urgency=False, serial="unit"),
)


SERIAL_MAX_TASKS = 20_000
"""Above this many tasks the one-at-a-time rankings are skipped (each costs about 1.5 s on a
national catalogue, ~50,000 tasks, where the week-by-week ones already come within a week or
two of the bound); the naive greedy (`priority-only`) is always tried."""


@dataclass
class Schedule:
    """Week indices per task id: the enable and the redirect, or UNSCHEDULED."""

    enable: list[int]
    redirect: list[int]
    late: list[int]
    """The latest start each task was ranked by."""
    used: list[int]
    """Enables per week index."""
    ranking: Ranking

    def end(self) -> int:
        return max(max(self.enable, default=UNSCHEDULED), max(self.redirect, default=UNSCHEDULED))

    def stretched(self, problem: Problem) -> int:
        """Parallel periods a blackout stretches past their floor (the minimum, or the patient notice)."""
        return sum(
            1
            for t in problem.tasks
            if t.kind == "migration"
            and self.enable[t.id] >= 0
            and stretched(problem, self.enable[t.id], self.redirect[t.id])
        )


_WAITING, _RELAXED, _URGENT, _DONE = 0, 1, 2, 3
_MIGRATION, _INTRODUCTION = 0, 1
_NEVER = 1 << 30
_REPAIR = -_NEVER
"""The latest start a repair (case 5) is ranked by: urgent from its first week, and ahead of
every other urgent task."""

Key = tuple[int, int, int, int]


class _Queue:
    """A unit's waiting tasks of one kind, best first, with urgency that grows over time.

    Tasks wait in `relaxed` (by priority) until their latest start comes, then move to
    `urgent` (by latest start). Entries left behind in `relaxed` are skipped lazily.
    """

    __slots__ = ("pending", "relaxed", "urgent")

    def __init__(self) -> None:
        self.relaxed: list[tuple[int, int, int]] = []
        self.pending: list[tuple[int, int]] = []
        self.urgent: list[tuple[int, int, int]] = []

    def push(self, tid: int, week: int, late: int, priority: int, state: list[int]) -> None:
        if late <= week:
            state[tid] = _URGENT
            heapq.heappush(self.urgent, (late, priority, tid))
        else:
            state[tid] = _RELAXED
            heapq.heappush(self.relaxed, (priority, late, tid))
            heapq.heappush(self.pending, (late, tid))

    def best(self, week: int, state: list[int], late: list[int], priority: list[int]) -> Key | None:
        """The ranking key of the best task: (0, latest start, priority, id) when urgent,
        else (1, priority, latest start, id); None when there is none."""
        pending = self.pending
        while pending and pending[0][0] <= week:
            _, tid = heapq.heappop(pending)
            if state[tid] == _RELAXED:
                state[tid] = _URGENT
                heapq.heappush(self.urgent, (late[tid], priority[tid], tid))
        if self.urgent:
            lt, pr, tid = self.urgent[0]
            return (0, lt, pr, tid)
        relaxed = self.relaxed
        while relaxed and state[relaxed[0][2]] != _RELAXED:
            heapq.heappop(relaxed)
        if relaxed:
            pr, lt, tid = relaxed[0]
            return (1, pr, lt, tid)
        return None

    def take(self, key: Key) -> int:
        """Remove the task `best` just returned."""
        if key[0] == 0:
            return heapq.heappop(self.urgent)[2]
        return heapq.heappop(self.relaxed)[2]

    def empty(self) -> bool:
        return not self.urgent and not self.relaxed


def _running_redirects(problem: Problem, redirect: list[int]) -> Iterator[tuple[Task, int]]:
    """Each parallel period already running, with the week it ends: its redirect in the first
    week allowed (entered in `redirect`), or horizon + 1 when none is (it holds its slot to
    the end). Both kinds of scheduler start from these."""
    cal = problem.calendar
    for t in problem.tasks:
        if t.kind == "running":
            week = cal.next_allowed(t.unit, t.release)
            if week < cal.horizon:
                redirect[t.id] = week
            else:
                week = cal.horizon + 1
            yield t, week


def list_schedule(problem: Problem, children: Sequence[Sequence[int]], late: list[int], ranking: Ranking) -> Schedule:
    """Place every task in a week, greedily, week by week (see the module docstring)."""
    cal = problem.calendar
    tasks = problem.tasks
    horizon, capacity = cal.horizon, problem.capacity
    defer = ranking.defer_stretched
    n = len(tasks)
    enable = [UNSCHEDULED] * n
    redirect = [UNSCHEDULED] * n
    state = [_WAITING] * n
    priority = [t.priority for t in tasks]
    ranked_late = list(late) if ranking.urgency else [_NEVER] * n
    for t in tasks:
        if t.urgent:
            ranked_late[t.id] = _REPAIR  # before every other enable, in every ranking
    used = [0] * (horizon + 1)
    # Per unit, the redirect weeks of the parallel periods begun so far: each holds a slot
    # in week w while it ends after w. Periods only begin in the current week, so a slot
    # free now stays free for as long as a period begun now lasts.
    holding: dict[str, list[int]] = {}
    for t, week in _running_redirects(problem, redirect):
        if redirect[t.id] != UNSCHEDULED:
            state[t.id] = _DONE
        if week > 0:
            holding.setdefault(t.unit, []).append(week)

    waiting = [len(t.deps) for t in tasks]
    earliest = [t.release for t in tasks]
    future: list[tuple[int, int]] = [(t.release, t.id) for t in tasks if t.enables and not t.deps]
    heapq.heapify(future)
    queues: dict[str, tuple[_Queue, _Queue]] = {}
    active: dict[str, None] = {}  # units with waiting tasks (a dict keeps arrival order)
    offers: list[tuple[Key, str, int]] = []
    redirect_at: dict[str, int] = {}

    def offer(unit: str, which: int, week: int) -> None:
        key = queues[unit][which].best(week, state, ranked_late, priority)
        if key is None:
            return
        if which == _MIGRATION:
            r = redirect_at.get(unit)
            if r is None:
                r = redirect_at[unit] = problem.redirect_week(unit, week)
            if r >= horizon:
                return
            held = 0
            if needs_free_slot(week, r):
                ends = holding.get(unit)
                if ends is not None:
                    ends[:] = [e for e in ends if e > week]
                    held = len(ends)
            if migration_obstacle(problem, unit, week, r, held, key[0] == 1, defer) is not None:
                return
        heapq.heappush(offers, (key, unit, which))

    for week in range(horizon):
        while future and future[0][0] <= week:
            _, tid = heapq.heappop(future)
            task = tasks[tid]
            pair = queues.get(task.unit)
            if pair is None:
                pair = queues[task.unit] = (_Queue(), _Queue())
            which = _MIGRATION if task.kind == "migration" else _INTRODUCTION
            pair[which].push(tid, week, ranked_late[tid], task.priority, state)
            active[task.unit] = None
        if not future and not active:
            break
        if cal.region_blocked[week] is not None:
            continue

        offers.clear()
        redirect_at.clear()
        finished: list[str] = []
        for unit in active:
            mig, intro = queues[unit]
            if mig.empty() and intro.empty():
                finished.append(unit)
                continue
            own = cal.unit_blocked.get(unit)
            if own is not None and week in own:
                continue
            offer(unit, _MIGRATION, week)
            offer(unit, _INTRODUCTION, week)
        for unit in finished:
            del active[unit]

        while offers and used[week] < capacity:
            key, unit, which = heapq.heappop(offers)
            tid = queues[unit][which].take(key)
            state[tid] = _DONE
            enable[tid] = week
            used[week] += 1
            if which == _MIGRATION:
                r = redirect_at[unit]
                redirect[tid] = r
                if r > week:
                    holding.setdefault(unit, []).append(r)
            for c in children[tid]:
                earliest[c] = max(earliest[c], week + 1)
                waiting[c] -= 1
                if waiting[c] == 0:
                    heapq.heappush(future, (earliest[c], c))
            offer(unit, which, week)

    return Schedule(enable, redirect, ranked_late, used, ranking)


def serial_schedule(problem: Problem, children: Sequence[Sequence[int]], late: list[int], ranking: Ranking) -> Schedule:
    """Take the tasks one at a time, in the ranking's order with every dependency first, and
    give each the earliest week that fits what is placed already (a serial list schedule);
    then move every enable as early as it can go (see `_left_justify`).

    Week by week and one by one are the two classic list schedulers: each finds plans the
    other misses, so `solve` tries both kinds when the first does not reach the bound.
    """
    cal = problem.calendar
    tasks = problem.tasks
    horizon, capacity, slots = cal.horizon, problem.capacity, problem.slots
    n = len(tasks)
    enable = [UNSCHEDULED] * n
    redirect = [UNSCHEDULED] * n
    used = [0] * (horizon + 1)
    held: dict[str, list[int]] = {}
    for t, week in _running_redirects(problem, redirect):
        counts = held.setdefault(t.unit, [0] * (horizon + 2))
        for w in range(week):
            counts[w] += 1

    order = ranking.serial

    def key(t: Task) -> tuple[int, ...]:
        urgent = 0 if t.urgent else 1  # repairs first, in every order
        if order == "latest-start":
            return (urgent, late[t.id], t.priority, t.id)
        if order == "priority":
            return (urgent, t.priority, t.id)
        return (urgent, t.id)

    waiting = [len(t.deps) for t in tasks]
    earliest = [t.release for t in tasks]
    ready = [(key(t), t.id) for t in tasks if t.enables and not t.deps]
    heapq.heapify(ready)
    while ready:
        _, tid = heapq.heappop(ready)
        task = tasks[tid]
        migration = task.kind == "migration"
        own = held.get(task.unit)
        week, r = earliest[tid], UNSCHEDULED
        while True:
            week = cal.next_allowed(task.unit, week)
            if week >= horizon:
                break
            if used[week] >= capacity:
                week += 1
                continue
            if migration:
                r = problem.redirect_week(task.unit, week)
                if r >= horizon:
                    week = horizon  # a later enable only pushes the redirect later
                    break
                if own is not None:
                    # The last full week of the would-be parallel period: every enable up to
                    # it would hold a slot in that week too, so the next try is the week after.
                    full = next((w for w in range(r - 1, week - 1, -1) if own[w] >= slots), None)
                    if full is not None:
                        week = full + 1
                        continue
            break
        if week >= horizon:
            continue  # left unscheduled: beyond the horizon, and so is whatever depends on it
        enable[tid] = week
        used[week] += 1
        if migration:
            redirect[tid] = r
            if own is None:
                own = held[task.unit] = [0] * (horizon + 2)
            for w in range(week, r):
                own[w] += 1
        for c in children[tid]:
            earliest[c] = max(earliest[c], week + 1)
            waiting[c] -= 1
            if waiting[c] == 0:
                heapq.heappush(ready, (key(tasks[c]), c))
    _left_justify(problem, enable, redirect, used, held)
    return Schedule(enable, redirect, late, used, ranking)


def _left_justify(
    problem: Problem, enable: list[int], redirect: list[int], used: list[int], held: dict[str, list[int]]
) -> None:
    """Move enables earlier while one fits, earliest first, until none can move.

    Nothing gets later, so the plan's end does not either. Afterwards the week before each
    enable is closed to it by something in that very week (a blackout, a full week, a full
    unit) or by its earliest week, so every step's binding is read off the week before it,
    as for the week-by-week schedule.
    """
    cal = problem.calendar
    tasks = problem.tasks
    capacity, slots = problem.capacity, problem.slots
    moved = True
    while moved:
        moved = False
        for tid in sorted((t.id for t in tasks if t.enables and enable[t.id] >= 0), key=lambda i: (enable[i], i)):
            task = tasks[tid]
            floor = max([task.release] + [enable[d] + 1 for d in task.deps])
            e = enable[tid]
            own = held.get(task.unit)
            for week in range(floor, e):
                if cal.blocked(task.unit, week) is not None or used[week] >= capacity:
                    continue
                r = e
                if task.kind == "migration":
                    assert own is not None
                    r = problem.redirect_week(task.unit, week)
                    # Its own period [e, redirect) is counted in `own`: a week it holds already
                    # has room for it; before e it needs a free slot.
                    if any(own[w] >= slots for w in range(week, min(r, e))):
                        continue
                    for w in range(e, redirect[tid]):
                        own[w] -= 1
                    for w in range(week, r):
                        own[w] += 1
                    redirect[tid] = r
                used[e] -= 1
                used[week] += 1
                enable[tid] = week
                moved = True
                break


def backward_latest(problem: Problem, children: Sequence[Sequence[int]], late: Sequence[int]) -> list[int]:
    """Latest starts that respect capacity and parallel slots as well as the task graph:
    each task placed as late as it can go, latest first (a backward list schedule).

    Releases are ignored, so a task may land before its earliest week: it is critical.
    Weeks run down to -horizon (list index 0), where whatever does not fit is piled up.
    """
    cal = problem.calendar
    tasks = problem.tasks
    horizon, capacity, slots, minimum = cal.horizon, problem.capacity, problem.slots, problem.min_parallel
    offset = horizon  # the list index of week w is w + offset
    size = offset + horizon + max(minimum, problem.notice) + 3
    used = [0] * size
    # below[i]: a list index at or under i that may still have capacity (a union-find that
    # skips full weeks and region blackouts, so a long full stretch costs nothing to cross).
    below = list(range(size))
    for w in range(horizon + 1):
        if cal.region_blocked[w] is not None:
            below[w + offset] = w + offset - 1

    def free_at_or_below(index: int) -> int:
        root = index
        while root > 0 and below[root] != root:
            root = below[root]
        while index > root:
            below[index], index = root, below[index]
        return max(root, 0)

    held: dict[str, list[int]] = {}
    for t in tasks:
        if t.kind == "running":
            own = held.get(t.unit)
            if own is None:
                own = held[t.unit] = [0] * size
            for w in range(offset, offset + min(cal.next_allowed(t.unit, t.release), horizon + 1)):
                own[w] += 1
    placed = [0] * len(tasks)
    result = list(late)
    for t in sorted((t for t in tasks if t.enables), key=lambda t: (-late[t.id], -t.priority, -t.id)):
        week = min(late[t.id], horizon - 1)
        for c in children[t.id]:
            week = min(week, placed[c] - 1)
        own = held.get(t.unit) if t.kind == "migration" else None
        if own is None and t.kind == "migration":
            own = held[t.unit] = [0] * size
        index = free_at_or_below(max(week + offset, 0))
        while index > 0:
            week = index - offset
            below_full = index - 1
            if cal.blocked(t.unit, week) is None:
                if own is None:
                    break
                r = problem.redirect_week(t.unit, week) + offset
                full = next((w for w in range(index, r) if own[w] >= slots), None)
                if full is None:
                    for w in range(index, r):
                        own[w] += 1
                    break
                # Every later week whose parallel period reaches `full` fails the same way:
                # skip them, so a long minimum costs one scan per full stretch, not per week.
                below_full = min(below_full, full - minimum)
            index = free_at_or_below(below_full) if below_full > 0 else 0
        used[index] += 1
        if index > 0 and used[index] >= capacity:
            below[index] = index - 1
        placed[t.id] = result[t.id] = index - offset
    return result


def _unschedulable(problem: Problem, order: Sequence[int], result: Schedule) -> list[Unschedulable]:
    """Tasks left without a week: beyond the horizon, or waiting for a dependency that is."""
    out: list[Unschedulable] = []
    missing: set[int] = set()
    end = problem.calendar.monday(problem.calendar.horizon - 1)
    names = problem.service_names
    for tid in order:
        task = problem.tasks[tid]
        done = result.enable[tid] if task.enables else result.redirect[tid]
        if done != UNSCHEDULED:
            continue
        missing.add(tid)
        blocker = next((d for d in task.deps if d in missing), None)
        if blocker is None:
            out.append(Unschedulable(task.unit, task.service, "beyond_horizon", texts.beyond_horizon(end)))
        else:
            message = texts.dependency_unschedulable(names[task.service], names[problem.tasks[blocker].service])
            out.append(Unschedulable(task.unit, task.service, "dependency_unavailable", message))
    return out


@dataclass(frozen=True)
class Solved:
    """The chosen schedule and what the planner knows about it (for benchmarks and tests)."""

    problem: Problem
    schedule: Schedule
    bound: g.LowerBound
    """Over the tasks that were planned."""
    tried: tuple[tuple[str, int, int], ...]
    """(ranking, end week, stretched parallel periods) of every ranking tried, in order."""
    order: tuple[int, ...]
    """Task ids, every dependency before its dependents."""


def solve(problem: Problem, rankings: Sequence[Ranking] = RANKINGS) -> Solved:
    """Schedule `problem` with each ranking in turn until one plans everything that can be
    planned by the lower bound. The best plan holds the most tasks, then ends earliest, then
    has the fewest stretched parallel periods; ties go to the earlier ranking."""
    graph = g.task_graph(problem)
    order = g.topological_order(graph)
    children = g.children_of(problem)
    early = g.earliest(problem, order)
    possible = g.within_horizon(problem, order, early)
    target = g.lower_bound(problem, order, children, early, possible).week
    late = backward_latest(problem, children, g.latest(problem, order, children, target))
    everything = sum(possible)
    best: tuple[int, int, int, int] | None = None
    chosen: Schedule | None = None
    tried: list[tuple[str, int, int]] = []
    for n, ranking in enumerate(rankings):
        if ranking.serial is not None and len(problem.tasks) > SERIAL_MAX_TASKS and chosen is not None:
            continue  # seconds each at national scale, for a week or two at most
        if ranking.serial is not None:
            result = serial_schedule(problem, children, late, ranking)
        else:
            result = list_schedule(problem, children, late, ranking)
        if not repairs_first(problem, result) and chosen is not None:
            continue  # a one-at-a-time plan may fill a repair's week first; the first ranking never does
        planned = sum(1 for t in problem.tasks if _planned(t, result))
        score = (-planned, result.end(), result.stretched(problem), n)
        tried.append((ranking.name, score[1], score[2]))
        if best is None or score < best:
            best, chosen = score, result
        if planned == everything and score[1] <= target:
            break
    if chosen is None:
        raise ValueError("solve() needs at least one ranking")
    kept = [_planned(t, chosen) for t in problem.tasks]
    bound = g.lower_bound(problem, order, children, early, kept)
    return Solved(problem, chosen, bound, tuple(tried), tuple(order))


def repairs_first(problem: Problem, result: Schedule) -> bool:
    """Whether every repair (case 5) lies in the earliest week its own constraints allow,
    unless other repairs fill that week's capacity (SPEC §4: urgent, before every other enable)."""
    cal = problem.calendar
    repairs = [t for t in problem.tasks if t.urgent and result.enable[t.id] >= 0]
    if not repairs:
        return True
    by_repairs = [0] * (cal.horizon + 1)
    for t in repairs:
        by_repairs[result.enable[t.id]] += 1
    for t in repairs:
        floor = max([t.release] + [result.enable[d] + 1 for d in t.deps])
        for week in range(floor, result.enable[t.id]):
            if cal.blocked(t.unit, week) is None and by_repairs[week] < problem.capacity:
                return False
    return True


def _planned(task: Task, result: Schedule) -> bool:
    return (result.enable[task.id] if task.enables else result.redirect[task.id]) != UNSCHEDULED


def schedule(catalog: Catalog, options: PlanOptions) -> Plan:
    """The migration plan for `catalog` (docs/planning.md). Pure: the same inputs give the same plan."""
    return plan_from_solved(catalog, solve(build_problem(catalog, options)))


def plan_from_solved(catalog: Catalog, solved: Solved) -> Plan:
    problem, result = solved.problem, solved.schedule
    unschedulable = sorted(
        [*problem.unschedulable, *_unschedulable(problem, solved.order, result)], key=lambda u: (u.unit, u.service)
    )
    steps = explain(problem, result)
    cal = problem.calendar
    return Plan(
        as_of=problem.as_of,
        start_week=cal.start,
        catalog_digest=catalog.digest,
        steps=steps,
        unschedulable=tuple(unschedulable),
        warnings=plan_warnings(catalog, problem, result.enable, result.redirect),
        end_week=max((s.week for s in steps), default=None),
        lower_bound_week=cal.monday(solved.bound.week) if steps else None,
        overrides=dict(problem.overrides),
        configured_start_week=problem.configured_start,
    )
