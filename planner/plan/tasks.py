"""What needs a step (docs/planning.md), and the calendar of weeks the plan is laid out in.

`build_problem` turns a validated catalogue and the run's options into plain numbers the
scheduler can work with: weeks are indices counted from the plan's first week (week 0),
blackouts are per-week reasons, and every (unit, service) that needs a step is one `Task`.
Items that can never be planned (no MVG equivalent, a dependency that will never be in MVG
at that unit) are sorted out here, before any scheduling.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from graphlib import TopologicalSorter
from typing import TYPE_CHECKING, Literal

from planner.calendar import first_monday_after, first_week_dated_from, monday_of
from planner.catalog import redirects
from planner.plan import texts
from planner.plan.blackouts import closed_weeks
from planner.plan.model import Binding, PlanOptions, Unschedulable

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.catalog.model import Offering, Status

TaskKind = Literal["migration", "running", "introduction", "repair"]
"""Case 1 (enable + redirect), case 2 (redirect only), case 3 (enable only), case 5 (an
urgent enable only: the legacy offering already forwards patients to the target, where the
service is not active)."""


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
        return self.kind in ("migration", "running")

    @property
    def urgent(self) -> bool:
        """A repair goes before every other enable when capacity binds (SPEC §4, case 5)."""
        return self.kind == "repair"


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
    notice: int
    """Weeks patients are told before each redirect (policy.patient_notice_weeks; 0: not at
    all). A redirect lies in week `notice` at the earliest, so its notice is in the plan."""
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
    configured_start: date | None = None
    """The first week plan.start (or --start) asked for, when as_of has passed it."""

    def redirect_floor(self, enable: int) -> int:
        """The earliest week a migration enabled in week `enable` may redirect, blackouts
        aside: the minimum parallel period, and the patient notice inside the plan."""
        return max(enable + self.min_parallel, self.notice)

    def redirect_week(self, unit: str, enable: int) -> int:
        """The redirect of a migration at `unit` enabled in week `enable`: the first week
        from `redirect_floor` that no blackout closes (may be ≥ horizon)."""
        return self.calendar.next_allowed(unit, self.redirect_floor(enable))


def first_week(as_of: date, start: date | None) -> date:
    """The plan's first week (SPEC §4, rolling start): the later of the week `start` (the
    configured `plan.start` or `--start`) begins in and the week of the first Monday strictly
    after `as_of`, so a plan never holds a step in the past. No `start`: the latter."""
    earliest = first_monday_after(as_of)
    return earliest if start is None else max(earliest, first_week_dated_from(start))


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


def _status(channels: Mapping[str, Offering], channel: str) -> Status | None:
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
    configured = options.start or region.plan.start
    start = first_week(as_of, configured)
    moved_from = first_week_dated_from(configured) if configured is not None else None
    horizon = region.plan.horizon_weeks
    lead = policy.briefing_lead_weeks
    notice = policy.patient_notice_weeks
    region_weeks = closed_weeks(policy.blackouts, start, horizon)
    calendar = Calendar(
        start=start,
        horizon=horizon,
        region_blocked=tuple(region_weeks.get(i) for i in range(horizon + 1)),
        unit_blocked={u.id: closed_weeks(u.blackouts, start, horizon) for u in catalog.units if u.blackouts},
    )
    legacy, target = region.legacy, region.target
    services = catalog.service_by_id
    order = {sid: n for n, sid in enumerate(service_order(catalog))}
    required = {r.service for r in catalog.basutbud.required if r.channel == target}
    ready_index = {
        s.id: calendar.index(first_week_dated_from(s.mvg_ready)) for s in catalog.services if s.mvg_ready is not None
    }
    lead_binding: Binding = "lead_time" if lead > 0 else "start"

    # Pass 1: the kind of every task, per unit.
    drafts: list[tuple[str, str, TaskKind]] = []
    for unit in catalog.units:
        exempt = {e.service for e in unit.exemptions if e.channel == target and e.until >= as_of}
        for sid in sorted(set(unit.offerings) | required):
            if not services[sid].migrate:
                continue
            channels = unit.offerings.get(sid, {})
            legacy_status = _status(channels, legacy)
            target_status = _status(channels, target)
            legacy_active = legacy_status == "active"
            target_active = target_status == "active"
            if redirects.is_broken(legacy_status, target_status):  # case 5: repair it
                drafts.append((unit.id, sid, "repair"))
            elif legacy_active and not target_active:
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
            repair = kinds[sid] == "repair"
            if svc.mvg_ready is None:
                message = texts.repair_no_mvg_equivalent(name) if repair else texts.no_mvg_equivalent(name)
                unschedulable.append(Unschedulable(uid, sid, "no_mvg_equivalent", message))
                bad.add((uid, sid))
                continue
            for dep in svc.depends_on:
                dep_name = services[dep].name
                if _status(unit.offerings.get(dep, {}), target) == "active":
                    continue
                if kinds.get(dep) in ("migration", "introduction", "repair"):
                    if (uid, dep) not in bad:
                        continue
                    message = texts.dependency_unschedulable(name, dep_name)
                else:
                    message = texts.dependency_missing(name, dep_name, f"units/{uid}.yaml")
                if repair:
                    message = texts.restore_legacy(message)
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
            if notice > release:
                release, binding = notice, "patient_notice"
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
        notice=notice,
        min_parallel=min_parallel,
        max_parallel=policy.parallel_weeks.max,
        capacity=capacity,
        slots=policy.capacity.parallel_per_unit,
        tasks=tuple(tasks),
        unschedulable=tuple(unschedulable),
        service_names={s.id: s.name for s in catalog.services},
        ready={s.id: s.mvg_ready for s in catalog.services if s.mvg_ready is not None},
        overrides=_overrides(catalog, options),
        configured_start=moved_from if moved_from is not None and moved_from < start else None,
    )
