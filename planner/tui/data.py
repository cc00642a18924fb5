"""The explorer's model: one place that loads the catalogue and asks the core for the basutbud
report and the plan. The screens render a `Model`; they never compute a rule themselves.

No Textual here, so everything the explorer shows can be tested without a terminal. Loading
comes in stages (`stages`) so the units appear as soon as the catalogue is read, before the
conformance check and the plan, which take longer on a national catalogue, are done.

The check and the scheduler are imported when first called (in the loading worker), so the
window is up before their modules are read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from typing import Any, Literal, TypeVar

from planner.catalog.loader import Catalog, load_catalog
from planner.catalog.model import Offering, Service, Unit
from planner.collation import name_key
from planner.conformance.model import ConformanceReport, UnitResult
from planner.followup.model import FollowUp
from planner.i18n import _
from planner.plan.model import Plan, PlanOptions, PlanWarning, Step, Unschedulable, action_rank
from planner.problems import Problem

T = TypeVar("T")

State = Literal["pending", "ready"]
"""Where a part of the model is: being computed, or there."""
FollowUpState = Literal["pending", "ready", "no_data"]
"""The follow-up (SPEC §8) also may have nothing to work on: no usage exports in the catalogue."""


def conformance_report(catalog: Catalog, as_of: date) -> ConformanceReport:
    """The basutbud report (docs/ci.md)."""
    from planner.conformance.check import check

    return check(catalog, as_of)


def make_plan(catalog: Catalog, options: PlanOptions) -> Plan:
    """The migration plan (docs/planning.md)."""
    from planner.plan.scheduler import schedule

    return schedule(catalog, options)


@dataclass(frozen=True, eq=False)
class Model:
    """Everything the screens show: the catalogue, its as-of date, the report and the plan.

    Immutable: a reload or a finished stage makes a new Model; the indexes below are built
    once per Model, on first use.
    """

    catalog: Catalog
    as_of: date
    report: ConformanceReport | None = None
    plan: Plan | None = None
    follow_up: FollowUp | None = None
    """Take-up and flags from the usage exports (SPEC §8); None while pending or without data."""
    report_state: State = "pending"
    plan_state: State = "pending"
    follow_up_state: FollowUpState = "pending"
    generation: int = 0
    """Counts loads, so a screen can tell a new model from the one it last drew."""
    views: dict[str, Any] = field(default_factory=dict, repr=False)
    """What `figures` derived from this model, kept so it is counted once (see `figures.prepare`)."""

    def memo(self, name: str, build: Callable[[], T]) -> T:
        """`build()` once per model: the worker fills these in, the screens then only read."""
        if name not in self.views:
            self.views[name] = build()
        value: T = self.views[name]
        return value

    def with_report(self, report: ConformanceReport) -> Model:
        return replace(self, report=report, report_state="ready", views={})

    def with_plan(self, plan: Plan) -> Model:
        return replace(self, plan=plan, plan_state="ready", views={})

    def with_follow_up(self, follow_up: FollowUp | None) -> Model:
        # The follow-up changes none of the other figures: they stay counted, and so do the
        # indexes below that are built already. (A cached property keeps its value in the
        # instance's __dict__, which `replace` does not copy: the first key that needs one
        # would group a national plan again, in the UI thread; opening a hälsocentral, the
        # steps per unit, took 0.2 s.) None of them reads the follow-up.
        state: FollowUpState = "ready" if follow_up is not None else "no_data"
        model = replace(self, follow_up=follow_up, follow_up_state=state, views=self.views)
        for name, value in vars(self).items():
            if isinstance(getattr(Model, name, None), cached_property):
                model.__dict__[name] = value
        return model

    @property
    def legacy(self) -> str:
        return self.catalog.region.legacy

    @property
    def target(self) -> str:
        return self.catalog.region.target

    def plan_options(self) -> PlanOptions:
        return PlanOptions(as_of=self.as_of)

    # Indexes (built once per Model).

    @cached_property
    def results_by_unit(self) -> dict[str, UnitResult]:
        return {r.unit: r for r in self.report.units} if self.report else {}

    @cached_property
    def unit_order(self) -> dict[str, int]:
        """Each unit's place when listed by name (Swedish order, numbers as numbers)."""
        ordered = sorted(self.catalog.units, key=lambda u: (name_key(u.name), u.id))
        return {unit.id: i for i, unit in enumerate(ordered)}

    @cached_property
    def service_order(self) -> dict[str, int]:
        """Each e-tjänst's place when listed by name."""
        ordered = sorted(self.catalog.services, key=lambda s: (name_key(s.name), s.id))
        return {service.id: i for i, service in enumerate(ordered)}

    @cached_property
    def units_by_name(self) -> list[Unit]:
        order = self.unit_order
        return sorted(self.catalog.units, key=lambda u: order[u.id])

    @cached_property
    def services_by_name(self) -> list[Service]:
        order = self.service_order
        return sorted(self.catalog.services, key=lambda s: order[s.id])

    def unit_name(self, unit_id: str) -> str:
        unit = self.catalog.unit_by_id.get(unit_id)
        return unit.name if unit else unit_id

    def service_name(self, service_id: str) -> str:
        service = self.catalog.service_by_id.get(service_id)
        return service.name if service else service_id

    def step_order(self, step: Step) -> tuple[date, int, int, int]:
        """By week, then action, hälsocentral and e-tjänst by name."""
        far = len(self.unit_order)
        return (
            step.week,
            action_rank(step.action),
            self.unit_order.get(step.unit, far),
            self.service_order.get(step.service, far),
        )

    @cached_property
    def steps(self) -> list[Step]:
        """The plan's steps in the order a person reads them: by week, then action, unit, service."""
        return sorted(self.plan.steps, key=self.step_order) if self.plan else []

    @cached_property
    def steps_by_unit(self) -> dict[str, list[Step]]:
        return _group(self.steps, lambda s: s.unit)

    @cached_property
    def steps_by_service(self) -> dict[str, list[Step]]:
        return _group(self.steps, lambda s: s.service)

    @cached_property
    def steps_by_week(self) -> dict[date, list[Step]]:
        return _group(self.steps, lambda s: s.week)

    @cached_property
    def warnings_by_unit(self) -> dict[str, list[PlanWarning]]:
        return _group(self.plan.warnings if self.plan else (), lambda w: w.unit)

    @cached_property
    def unschedulable_by_unit(self) -> dict[str, list[Unschedulable]]:
        return _group(self.plan.unschedulable if self.plan else (), lambda u: u.unit)

    @cached_property
    def blocked_pairs(self) -> frozenset[tuple[str, str]]:
        return frozenset((u.unit, u.service) for u in self.plan.unschedulable) if self.plan else frozenset()

    @cached_property
    def parallel_pairs(self) -> frozenset[tuple[str, str]]:
        """(unit, service) in a running parallel period: a service being migrated that is
        `active` in both the legacy and the target channel (as the plan's warnings count them)."""
        migrating = {service.id for service in self.catalog.services if service.migrate}
        legacy, target = self.legacy, self.target
        return frozenset(
            (unit.id, service)
            for unit in self.catalog.units
            for service, channels in unit.offerings.items()
            if service in migrating and _active(channels.get(legacy)) and _active(channels.get(target))
        )

    def unit(self, unit_id: str) -> Unit | None:
        return self.catalog.unit_by_id.get(unit_id)


K = TypeVar("K")


def _group(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """The items by key, each list in the items' order."""
    index: dict[K, list[T]] = defaultdict(list)
    for item in items:
        index[key(item)].append(item)
    return dict(index)


def _active(offering: Offering | None) -> bool:
    return offering is not None and offering.status == "active"


@dataclass(frozen=True)
class Failed:
    """A load that found input errors: every problem, with file:line:column."""

    problems: tuple[Problem, ...]


def effective_as_of(catalog: Catalog, override: date | None, today: date) -> date:
    """`--as-of`, else the catalogue's `as_of`, else today (read once, at the edge)."""
    return override or catalog.as_of or today


def follow_up_of(catalog: Catalog) -> FollowUp | None:
    """The follow-up of the catalogue's usage exports (as `mvgplan follow-up`), None without any."""
    if catalog.usage.empty:
        return None
    from planner.followup.compute import follow_up

    return follow_up(catalog, catalog.usage)


def stages(path: str, as_of: date | None, today: date, generation: int = 0) -> Iterator[Model | Failed]:
    """Load `path` and yield what there is to show after each step.

    First the catalogue alone (or `Failed` with every problem, and nothing more), then the
    same model with the basutbud report, then with the plan, then with the follow-up. A
    caller may stop between stages: a newer load makes the rest pointless.
    """
    result = load_catalog(path)
    if result.catalog is None:
        yield Failed(tuple(result.problems) or (Problem(path, 1, 1, "invalid_value", _("catalogue not loaded")),))
        return
    model = Model(result.catalog, effective_as_of(result.catalog, as_of, today), generation=generation)
    yield model
    model = model.with_report(conformance_report(model.catalog, model.as_of))
    yield model
    model = model.with_plan(make_plan(model.catalog, model.plan_options()))
    yield model
    yield model.with_follow_up(follow_up_of(model.catalog))


def load_model(path: str, as_of: date | None, today: date) -> Model | Failed:
    """Every stage at once: for tests, benchmarks and documentation screenshots."""
    *_, last = stages(path, as_of, today)
    return last


def what_if(model: Model, *, start: date | None, enables_per_week: int | None, parallel_min: int | None) -> PlanOptions:
    """The plan options of a what-if; values equal to the catalogue's count as unchanged."""
    policy = model.catalog.region.policy
    return PlanOptions(
        as_of=model.as_of,
        start=start,
        enables_per_week=None if enables_per_week == policy.capacity.enables_per_week else enables_per_week,
        parallel_min=None if parallel_min == policy.parallel_weeks.min else parallel_min,
    )


def run_what_if(model: Model, options: PlanOptions) -> Plan:
    """The plan under `options` (runs the scheduler: call it from a worker thread)."""
    return make_plan(model.catalog, options)
