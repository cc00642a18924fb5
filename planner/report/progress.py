"""Progress against the baseline (SPEC §7) as the reports show it: per unit its own tracked
steps, and for the region totals over at least five units and the cumulative curve."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from planner.report.privacy import MIN_UNITS

if TYPE_CHECKING:
    from planner.progress.model import NewStep, Progress, TrackedStep


@dataclass(frozen=True)
class UnitProgress:
    steps: tuple[TrackedStep, ...]
    """The unit's tracked steps of the baseline, in planned order."""
    new: tuple[NewStep, ...]
    """Steps of the current plan the baseline did not have."""

    def count(self, status: str) -> int:
        return sum(1 for s in self.steps if s.status == status)

    @property
    def late(self) -> int:
        return sum(1 for s in self.steps if s.slip_weeks is not None and s.slip_weeks > 0)

    @property
    def on_time(self) -> int:
        return sum(1 for s in self.steps if s.slip_weeks is not None and s.slip_weeks <= 0)


@dataclass(frozen=True)
class RegionProgress:
    """The region's progress: what a provider's page may show beside its own (totals over at
    least five units) and the overview's curve of steps done against the baseline."""

    units: int
    tracked: int
    done: int
    overdue: int
    baseline_end_week: date | None
    forecast_end_week: date | None
    slip_weeks: int | None
    months: tuple[str, ...]
    planned_by_month: tuple[int, ...]
    """Tracked steps the baseline planned up to the end of each month (cumulative)."""
    done_by_month: tuple[int | None, ...]
    """Steps done up to the end of each month (cumulative), None after the month of as_of."""


def _month(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def unit_progress(progress: Progress, unit_ids: list[str]) -> dict[str, UnitProgress]:
    steps: dict[str, list[TrackedStep]] = {u: [] for u in unit_ids}
    for s in progress.steps:
        if s.unit in steps:
            steps[s.unit].append(s)
    new: dict[str, list[NewStep]] = {u: [] for u in unit_ids}
    for n in progress.new:
        if n.unit in new:
            new[n.unit].append(n)
    return {u: UnitProgress(tuple(steps[u]), tuple(new[u])) for u in unit_ids}


def region_progress(progress: Progress, units: Mapping[str, UnitProgress]) -> RegionProgress:
    from planner.usage import months as mo

    summary = progress.summary
    planned_months = [_month(s.planned_week) for s in progress.steps]
    done_months = [_month(s.actual_date or progress.as_of) for s in progress.steps if s.status == "done"]
    planned = Counter(planned_months)
    done = Counter(done_months)
    now = _month(progress.as_of)
    first = min([*planned, *done, now])
    last = max([*planned, now])
    months = tuple(mo.span(first, last))
    planned_cum: list[int] = []
    done_cum: list[int | None] = []
    p = d = 0
    for m in months:
        p += planned[m]
        d += done[m]
        planned_cum.append(p)
        done_cum.append(d if m <= now else None)
    return RegionProgress(
        units=len(units),
        tracked=summary.tracked,
        done=summary.done,
        overdue=summary.overdue,
        baseline_end_week=summary.baseline_end_week,
        forecast_end_week=summary.forecast_end_week,
        slip_weeks=summary.slip_weeks,
        months=months,
        planned_by_month=tuple(planned_cum),
        done_by_month=tuple(done_cum),
    )


def for_providers(region: RegionProgress) -> RegionProgress | None:
    """The region's progress as a provider's page may see it: only over at least five units."""
    return region if region.units >= MIN_UNITS else None
