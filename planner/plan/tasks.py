"""What needs a step (docs/planning.md), and the calendar of weeks the plan is laid out in.

`build_problem` turns a validated catalogue and the run's options into plain numbers the
scheduler can work with: weeks are indices counted from the plan's first week (week 0),
blackouts are per-week reasons, and every (unit, service) that needs a step is one `Task`.
Items that can never be planned (no MVG equivalent, a dependency that will never be in MVG
at that unit) are sorted out here, before any scheduling.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from graphlib import TopologicalSorter
from typing import TYPE_CHECKING, Literal

from planner.calendar import first_working_day, monday_of
from planner.plan import texts
from planner.plan.model import Binding, PlanOptions, Unschedulable

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.catalog.model import Blackout, Offering

TaskKind = Literal["migration", "running", "introduction"]
"""Case 1 (enable + redirect), case 2 (redirect only), case 3 (enable only)."""


@dataclass(frozen=True, slots=True)
class Task:
    """One (unit, service) that needs steps."""

    id: int
    """Index in `Problem.tasks`; tasks are numbered in (unit, service) order."""
    unit: str
    service: str
    kind: TaskKind
    priority: int
    release: int
    """Migration and introduction: the earliest week of the enable from the plan start, the
    briefing lead and mvg_ready. Running parallel: the earliest week of the redirect."""
    release_binding: Binding
    deps: tuple[int, ...]
    """Tasks (at the same unit) whose enable must lie at least a week before this one's."""
    since: date | None = None
    """Running parallel: when the service went live in the target channel."""

    @property
    def enables(self) -> bool:
        return self.kind != "running"

    @property
    def redirects(self) -> bool:
        return self.kind != "introduction"


@dataclass(frozen=True)
class Calendar:
    """The plan's weeks: index 0 is the first week, `horizon` the first one not usable."""

    start: date
    """The Monday of week 0."""
    horizon: int
    region_blocked: tuple[str | None, ...]
    """Per week index in [0, horizon]: the reason of a region blackout touching it, or None."""
    unit_blocked: Mapping[str, Mapping[int, str]]
    """Per unit, the week indices its own blackouts touch, with their reasons."""
    _region_next: tuple[int, ...] = field(repr=False, default=())

    def __post_init__(self) -> None:
        nxt = [0] * (self.horizon + 2)
        nxt[self.horizon + 1] = self.horizon + 1
        for i in range(self.horizon, -1, -1):
            nxt[i] = nxt[i + 1] if self.region_blocked[i] is not None else i
        object.__setattr__(self, "_region_next", tuple(nxt))

    def monday(self, index: int) -> date:
        return self.start + timedelta(weeks=index)

    def index(self, day: date) -> int:
        """The week index of the week containing `day` (negative before the start)."""
        return (monday_of(day) - self.start).days // 7

    def blocked(self, unit: str, index: int) -> str | None:
        """Why no enable or redirect may happen at `unit` in week `index`, or None."""
        if 0 <= index <= self.horizon:
            reason = self.region_blocked[index]
            if reason is not None:
                return reason
        return self.unit_blocked.get(unit, {}).get(index)

    def next_allowed(self, unit: str, index: int) -> int:
        """The first week ≥ `index` in which `unit` may enable or redirect (may be ≥ horizon)."""
        own = self.unit_blocked.get(unit)
        while True:
            if 0 <= index <= self.horizon:
                index = self._region_next[index]
            if own is None or index not in own:
                return index
            index += 1


@dataclass(frozen=True)
class Problem:
    """Everything the scheduler needs, in weeks and numbers."""

    as_of: date
    calendar: Calendar
    legacy: str
    """The legacy channel's id (1177)."""
    target: str
    """The target channel's id (mvg)."""
    lead: int
    min_parallel: int
    max_parallel: int
    capacity: int
    slots: int
    """Services in a parallel period at one unit at once."""
    tasks: tuple[Task, ...]
    unschedulable: tuple[Unschedulable, ...]
    """Items that no plan can hold, found before scheduling."""
    service_names: Mapping[str, str]
    ready: Mapping[str, date]
    """mvg_ready per service that has one."""
    overrides: dict[str, str]


def default_start(as_of: date) -> date:
    """The first Monday strictly after `as_of` (docs/catalog.md)."""
    return as_of + timedelta(days=7 - as_of.weekday())


def first_week(start: date) -> date:
    """The plan's first week: the week of `start` when that week's date (its first working
    day) is not before `start`, else the next one, so that no step (week or date) lies
    before `start`. A start on Tuesday 2029-01-02, after nyårsdagen, keeps its week."""
    monday = monday_of(start)
    return monday if first_working_day(monday) >= start else monday + timedelta(weeks=1)


def ready_week(ready: date) -> date:
    """The first week whose date (its first working day) is on or after `ready`."""
    monday = monday_of(ready)
    return monday if first_working_day(monday) >= ready else monday + timedelta(weeks=1)


def _blocked_weeks(blackouts: Iterable[Blackout], start: date, horizon: int) -> dict[int, str]:
    weeks: dict[int, str] = {}
    for b in sorted(blackouts, key=lambda b: (b.from_, b.to)):
        first = max(0, (monday_of(b.from_) - start).days // 7)
        last = min(horizon, (monday_of(b.to) - start).days // 7)
        reason = b.reason or f"{b.from_.isoformat()}–{b.to.isoformat()}"
        for i in range(first, last + 1):
            weeks.setdefault(i, reason)
    return weeks


def _overrides(catalog: Catalog, options: PlanOptions) -> dict[str, str]:
    policy, settings = catalog.region.policy, catalog.region.plan
    out: dict[str, str] = {}
    if catalog.as_of is not None and options.as_of != catalog.as_of:
        out["as_of"] = f"{catalog.as_of.isoformat()} → {options.as_of.isoformat()}"
    if options.start is not None:
        before = settings.start.isoformat() if settings.start is not None else "default"
        if settings.start != options.start:
            out["plan.start"] = f"{before} → {options.start.isoformat()}"
    if options.enables_per_week is not None and options.enables_per_week != policy.capacity.enables_per_week:
        out["capacity.enables_per_week"] = f"{policy.capacity.enables_per_week} → {options.enables_per_week}"
    if options.parallel_min is not None and options.parallel_min != policy.parallel_weeks.min:
        out["parallel_weeks.min"] = f"{policy.parallel_weeks.min} → {options.parallel_min}"
    return out


def _status(channels: Mapping[str, Offering], channel: str) -> str | None:
    offering = channels.get(channel)
    return None if offering is None else offering.status


def service_order(catalog: Catalog) -> list[str]:
    """Service ids with every dependency before its dependents (ties by id)."""
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for s in sorted(catalog.services, key=lambda s: s.id):
        sorter.add(s.id, *sorted(s.depends_on))
    sorter.prepare()
    order: list[str] = []
    while sorter.is_active():
        ready = sorted(sorter.get_ready())
        order.extend(ready)
        sorter.done(*ready)
    return order


def build_problem(catalog: Catalog, options: PlanOptions) -> Problem:
    """The scheduling problem for `catalog` as of `options.as_of`, with the options applied."""
    region = catalog.region
    policy = region.policy
    as_of = options.as_of
    capacity = options.enables_per_week if options.enables_per_week is not None else policy.capacity.enables_per_week
    min_parallel = options.parallel_min if options.parallel_min is not None else policy.parallel_weeks.min
    if capacity < 1:
        raise ValueError(f"enables_per_week must be at least 1, got {capacity}")
    if min_parallel < 0:
        raise ValueError(f"parallel_min must not be negative, got {min_parallel}")
    start = first_week(options.start or region.plan.start or default_start(as_of))
    horizon = region.plan.horizon_weeks
    lead = policy.briefing_lead_weeks
    region_weeks = _blocked_weeks(policy.blackouts, start, horizon)
    calendar = Calendar(
        start=start,
        horizon=horizon,
        region_blocked=tuple(region_weeks.get(i) for i in range(horizon + 1)),
        unit_blocked={u.id: _blocked_weeks(u.blackouts, start, horizon) for u in catalog.units if u.blackouts},
    )
    legacy, target = region.legacy, region.target
    services = catalog.service_by_id
    order = {sid: n for n, sid in enumerate(service_order(catalog))}
    required = {r.service for r in catalog.basutbud.required if r.channel == target}
    ready_index = {s.id: calendar.index(ready_week(s.mvg_ready)) for s in catalog.services if s.mvg_ready is not None}
    lead_binding: Binding = "lead_time" if lead > 0 else "start"

    # Pass 1: the kind of every task, per unit.
    drafts: list[tuple[str, str, TaskKind]] = []
    for unit in catalog.units:
        exempt = {e.service for e in unit.exemptions if e.channel == target and e.until >= as_of}
        for sid in sorted(set(unit.offerings) | required):
            if not services[sid].migrate:
                continue
            channels = unit.offerings.get(sid, {})
            legacy_active = _status(channels, legacy) == "active"
            target_active = _status(channels, target) == "active"
            if legacy_active and not target_active:
                drafts.append((unit.id, sid, "migration"))
            elif legacy_active:
                drafts.append((unit.id, sid, "running"))
            elif not target_active and sid in required and sid not in exempt:
                drafts.append((unit.id, sid, "introduction"))

    # Pass 2: per unit, in dependency order, sort out what can never be planned.
    by_unit: dict[str, dict[str, TaskKind]] = {}
    for uid, sid, kind in drafts:
        by_unit.setdefault(uid, {})[sid] = kind
    unschedulable: list[Unschedulable] = []
    bad: set[tuple[str, str]] = set()
    for uid, kinds in by_unit.items():
        unit = catalog.unit_by_id[uid]
        for sid in sorted(kinds, key=order.__getitem__):
            if kinds[sid] == "running":
                continue
            svc = services[sid]
            name = svc.name
            if svc.mvg_ready is None:
                unschedulable.append(Unschedulable(uid, sid, "no_mvg_equivalent", texts.no_mvg_equivalent(name)))
                bad.add((uid, sid))
                continue
            for dep in svc.depends_on:
                dep_name = services[dep].name
                if _status(unit.offerings.get(dep, {}), target) == "active":
                    continue
                if kinds.get(dep) in ("migration", "introduction"):
                    if (uid, dep) not in bad:
                        continue
                    message = texts.dependency_unschedulable(name, dep_name)
                else:
                    message = texts.dependency_missing(name, dep_name, f"units/{uid}.yaml")
                unschedulable.append(Unschedulable(uid, sid, "dependency_unavailable", message))
                bad.add((uid, sid))
                break

    # Pass 3: number the tasks that remain and link their dependencies.
    ids: dict[tuple[str, str], int] = {}
    for uid, sid, _kind in drafts:
        if (uid, sid) not in bad:
            ids[(uid, sid)] = len(ids)
    tasks: list[Task] = []
    for uid, sid, kind in drafts:
        if (uid, sid) in bad:
            continue
        svc = services[sid]
        since: date | None = None
        deps: tuple[int, ...] = ()
        if kind == "running":
            channels = catalog.unit_by_id[uid].offerings[sid]
            since = channels[target].since
            release = 0 if since is None else calendar.index(since) + min_parallel
            binding: Binding = "min_parallel" if release > 0 else "start"
            release = max(release, 0)
        else:
            ready = ready_index[sid]
            release, binding = (ready, "mvg_ready") if ready > lead else (lead, lead_binding)
            kinds = by_unit[uid]
            deps = tuple(sorted(ids[(uid, d)] for d in svc.depends_on if (uid, d) in ids and kinds[d] != "running"))
        tasks.append(Task(ids[(uid, sid)], uid, sid, kind, svc.priority, release, binding, deps, since))

    return Problem(
        as_of=as_of,
        calendar=calendar,
        legacy=legacy,
        target=target,
        lead=lead,
        min_parallel=min_parallel,
        max_parallel=policy.parallel_weeks.max,
        capacity=capacity,
        slots=policy.capacity.parallel_per_unit,
        tasks=tuple(tasks),
        unschedulable=tuple(unschedulable),
        service_names={s.id: s.name for s in catalog.services},
        ready={s.id: s.mvg_ready for s in catalog.services if s.mvg_ready is not None},
        overrides=_overrides(catalog, options),
    )
