"""The region's figures: what the overview shows, and the only figures a provider's page may
show beside its own (aggregates over at least `privacy.MIN_UNITS` units)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from planner.report.facts import STAGES, Stage, UnitFacts
from planner.report.privacy import MIN_UNITS

if TYPE_CHECKING:
    from planner.plan.model import Plan


@dataclass(frozen=True)
class RegionFigures:
    """Aggregates over every unit of the region; each None when there are fewer than 5 units."""

    units: int
    conforming: int | None
    """Units that meet the basutbud."""
    stage_counts: Mapping[str, Mapping[Stage, int]] | None
    """Per service with `migrate: true`: how many units are at each stage."""
    parallel_over_max: int | None
    """Parallel periods longer than the maximum: running now, or forced by the plan."""


@dataclass(frozen=True)
class PlanFigures:
    """The plan as a whole: weeks only, which say nothing about any one unit."""

    start_week: date
    end_week: date | None
    lower_bound_week: date | None
    steps: int
    enables: int
    redirects: int
    unschedulable: int


def region_figures(facts: Mapping[str, UnitFacts], min_units: int = MIN_UNITS) -> RegionFigures:
    """The aggregates; with fewer than `min_units` units, none (what a provider's page gets).
    The nämnd's overview, which lists every unit anyway, asks with `min_units=0`."""
    units = list(facts.values())
    if len(units) < min_units:
        return RegionFigures(len(units), None, None, None)
    stage_counts: dict[str, Counter[Stage]] = {}
    for f in units:
        for service, where in f.stages.items():
            stage_counts.setdefault(service, Counter())[where] += 1
    over = sum(1 for f in units for w in f.warnings if w.code in ("parallel_overdue", "parallel_exceeds_max"))
    return RegionFigures(
        units=len(units),
        conforming=sum(1 for f in units if f.conformance.conformant),
        stage_counts={s: {k: c[k] for k in STAGES} for s, c in sorted(stage_counts.items())},
        parallel_over_max=over,
    )


def plan_figures(plan: Plan) -> PlanFigures:
    actions = Counter(s.action for s in plan.steps)
    return PlanFigures(
        start_week=plan.start_week,
        end_week=plan.end_week,
        lower_bound_week=plan.lower_bound_week,
        steps=len(plan.steps),
        enables=actions["enable"],
        redirects=actions["redirect"],
        unschedulable=len(plan.unschedulable),
    )
