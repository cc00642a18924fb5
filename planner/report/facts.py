"""Everything the reports may show of one unit, gathered once from the region's results.

The region-wide results (the conformance check and the plan) are computed for every unit;
here they are cut into one `UnitFacts` per unit. From then on a page sees units only
through these: a provider's page gets its own units' facts and the region aggregates, and
nothing that could name or count another provider's unit.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from planner.collation import name_key
from planner.report.providers import provider_of

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.catalog.model import Unit
    from planner.conformance.model import ConformanceReport, UnitResult
    from planner.plan.model import Plan, PlanWarning, Step, Unschedulable
    from planner.report.progress import UnitProgress
    from planner.report.usage import UnitUsage

Stage = Literal["legacy_only", "both", "moved", "not_offered"]
STAGES: tuple[Stage, ...] = ("legacy_only", "both", "moved", "not_offered")
"""Where a unit is with a service that is to move: in the order of the move."""


@dataclass(frozen=True)
class UnitFacts:
    """One unit as the reports see it: its own results, nothing of any other unit."""

    id: str
    name: str
    regi: str
    area: str | None
    provider: str
    conformance: UnitResult
    steps: tuple[Step, ...]
    """Its planned steps, in plan order."""
    unschedulable: tuple[Unschedulable, ...]
    warnings: tuple[PlanWarning, ...]
    stages: Mapping[str, Stage]
    """Per service with `migrate: true`, where the unit is with it now."""
    usage: UnitUsage | None = None
    """Its usage (SPEC §8); None when the catalogue has no usage data."""
    progress: UnitProgress | None = None
    """Its steps of the baseline (SPEC §7); None when there is no baseline."""


def stage(unit: Unit, service: str, legacy: str, target: str) -> Stage:
    """`both` while a parallel period runs, `moved` once only the target channel offers it."""
    offered = unit.offerings.get(service, {})
    old = offered.get(legacy)
    new = offered.get(target)
    in_legacy = old is not None and old.status == "active"
    in_target = new is not None and new.status == "active"
    if in_legacy:
        return "both" if in_target else "legacy_only"
    return "moved" if in_target else "not_offered"


def gather(
    catalog: Catalog,
    conformance: ConformanceReport,
    plan: Plan,
    usage: Mapping[str, UnitUsage] | None = None,
    progress: Mapping[str, UnitProgress] | None = None,
) -> dict[str, UnitFacts]:
    """Per unit id (sorted), its facts."""
    region = catalog.region
    legacy, target = region.legacy, region.target
    results: dict[str, UnitResult] = {u.unit: u for u in conformance.units}
    steps: dict[str, list[Step]] = defaultdict(list)
    for s in plan.steps:
        steps[s.unit].append(s)
    unschedulable: dict[str, list[Unschedulable]] = defaultdict(list)
    for u in plan.unschedulable:
        unschedulable[u.unit].append(u)
    warnings: dict[str, list[PlanWarning]] = defaultdict(list)
    for w in plan.warnings:
        warnings[w.unit].append(w)
    moving = [s.id for s in catalog.services if s.migrate]
    return {
        unit.id: UnitFacts(
            id=unit.id,
            name=unit.name,
            regi=unit.regi,
            area=unit.area,
            provider=provider_of(unit, region.region),
            conformance=results[unit.id],
            steps=tuple(steps[unit.id]),
            unschedulable=tuple(unschedulable[unit.id]),
            warnings=tuple(warnings[unit.id]),
            stages={service: stage(unit, service, legacy, target) for service in moving},
            usage=usage.get(unit.id) if usage is not None else None,
            progress=progress.get(unit.id) if progress is not None else None,
        )
        for unit in catalog.units
    }


def by_provider(facts: Mapping[str, UnitFacts]) -> dict[str, tuple[UnitFacts, ...]]:
    """Provider name → its units' facts (in Swedish name order, then id); providers likewise."""
    grouped: dict[str, list[UnitFacts]] = defaultdict(list)
    for f in facts.values():
        grouped[f.provider].append(f)
    return {
        p: tuple(sorted(grouped[p], key=lambda f: (name_key(f.name), f.id)))
        for p in sorted(grouped, key=lambda p: (name_key(p), p))
    }
