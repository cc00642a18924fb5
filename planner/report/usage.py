"""The usage figures the reports show (SPEC §8, §9): per unit, its own monthly errands per
service and channel; for the region, the median take-up per service and month over the
units that have a share to show, when there are at least five of them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from planner.report.privacy import Spread, share, share_beside_counts, shown_exactly, shown_sum, spread

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.followup.model import Flag, FollowUp, UnitService

SHOWN_MONTHS = 12
"""Months shown month by month: the year ending with the report month."""


@dataclass(frozen=True)
class ServiceSeries:
    """One service at one unit, month by month (the months of `UnitUsage.months`)."""

    service: str
    legacy: tuple[int, ...]
    target: tuple[int, ...]

    def take_up(self, i: int, min_count: int) -> float | None:
        """The target channel's share in month i, None when too few errands to show one."""
        return share(self.target[i], self.legacy[i] + self.target[i], min_count)

    def shown_take_up(self, i: int, min_count: int) -> float | None:
        """The share as a page may show it beside month i's counts (`share_beside_counts`)."""
        return share_beside_counts(self.target[i], self.legacy[i], min_count)

    def shown_take_ups(self, min_count: int) -> list[float | None]:
        """`shown_take_up` of every month."""
        return [share_beside_counts(new, old, min_count) for old, new in zip(self.legacy, self.target, strict=True)]

    @property
    def errands(self) -> int:
        return sum(self.legacy) + sum(self.target)


@dataclass(frozen=True)
class UnitUsage:
    """One unit's usage as its provider's page may show it (true counts: suppression is the
    page's, through `privacy`, so the rule sits in one place)."""

    months: tuple[str, ...]
    series: tuple[ServiceSeries, ...]
    """Services with usage in the legacy or target channel in the months shown, most errands first."""
    window: tuple[UnitService, ...]
    """Per service over the follow-up window."""
    legacy: int
    target: int
    """All its services over the window."""
    flags: tuple[Flag, ...]
    window_monthly: Mapping[str, tuple[tuple[int, ...], tuple[int, ...]]] = field(default_factory=dict)
    """Service → its legacy and target counts in each month of the window, the months
    whose sums `window` holds."""

    def window_cells(self, row: UnitService, min_count: int) -> tuple[str, str, float | None]:
        """A service's window sums as a page may show them beside its monthly counts, and
        its share when both sums are shown exactly (else the share would give a hidden one)."""
        legacy, target = self.window_monthly.get(row.service, ((row.legacy,), (row.target,)))
        old, new = shown_sum(legacy, min_count), shown_sum(target, min_count)
        exact = shown_exactly(old) and shown_exactly(new)
        return old, new, share(row.target, row.legacy + row.target, min_count) if exact else None

    def shown_take_up(self, min_count: int) -> float | None:
        """The unit's share over the window as a page may show it: only when every service's
        window sums are shown exactly, since those sums and the share would give a hidden one."""
        for row in self.window:
            old, new, _share = self.window_cells(row, min_count)
            if not (shown_exactly(old) and shown_exactly(new)):
                return None
        return share(self.target, self.legacy + self.target, min_count)


@dataclass(frozen=True)
class Medians:
    """What a provider's page may show of the region's usage: the spread (median, quartiles)
    of the units' take-up per service and month, only where at least five units have a share."""

    month: str
    """The report month."""
    window: tuple[str, str]
    months: tuple[str, ...]
    min_count: int
    take_up_target: float
    spreads: Mapping[tuple[str, str], Spread]
    """(service, month) → the spread of unit take-ups."""


@dataclass(frozen=True)
class RegionUsage:
    """The region's usage figures for the nämnd's overview: pooled totals too."""

    medians: Medians
    pooled: Mapping[str, tuple[tuple[int, int], ...]]
    """Service → (legacy, target) per month of `medians.months`, summed over every unit."""
    legacy: int
    target: int
    """The region over the window."""
    units_with_data: int


def shown_months(follow_up: FollowUp) -> tuple[str, ...]:
    return follow_up.months[-SHOWN_MONTHS:]


def unit_usage(catalog: Catalog, follow_up: FollowUp) -> dict[str, UnitUsage]:
    """Per unit id, its usage over the months shown (every unit, with or without rows)."""
    from planner.usage import months as mo

    months = shown_months(follow_up)
    index = {m: i for i, m in enumerate(months)}
    window = mo.span(*follow_up.window)
    in_window = {m: i for i, m in enumerate(window)}
    legacy, target = follow_up.legacy_channel, follow_up.target_channel
    counts: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    window_counts: dict[tuple[str, str], tuple[list[int], list[int]]] = {}
    for (unit_id, service, channel), by_month in catalog.usage.series.items():
        if channel not in (legacy, target):
            continue
        pair = counts.setdefault((unit_id, service), ([0] * len(months), [0] * len(months)))
        row = pair[0] if channel == legacy else pair[1]
        for month, n in by_month.items():
            i = index.get(month)
            if i is not None:
                row[i] += n
            i = in_window.get(month)
            if i is not None:
                in_pair = window_counts.setdefault((unit_id, service), ([0] * len(window), [0] * len(window)))
                (in_pair[0] if channel == legacy else in_pair[1])[i] += n
    window_monthly: dict[str, dict[str, tuple[tuple[int, ...], tuple[int, ...]]]] = {}
    for (unit_id, service), (old, new) in window_counts.items():
        window_monthly.setdefault(unit_id, {})[service] = (tuple(old), tuple(new))
    per_unit: dict[str, list[ServiceSeries]] = {}
    for (unit_id, service), (old, new) in counts.items():
        if any(old) or any(new):
            per_unit.setdefault(unit_id, []).append(ServiceSeries(service, tuple(old), tuple(new)))
    flags: dict[str, list[Flag]] = {}
    for flag in follow_up.flags:
        flags.setdefault(flag.unit, []).append(flag)
    figures = {u.unit: u for u in follow_up.units}
    found: dict[str, UnitUsage] = {}
    for unit in catalog.units:
        series = sorted(per_unit.get(unit.id, []), key=lambda s: (-s.errands, s.service))
        mine = figures.get(unit.id)
        found[unit.id] = UnitUsage(
            months=months,
            series=tuple(series),
            window=mine.services if mine else (),
            legacy=mine.legacy if mine else 0,
            target=mine.target if mine else 0,
            flags=tuple(flags.get(unit.id, ())),
            window_monthly=window_monthly.get(unit.id, {}),
        )
    return found


def region_usage(follow_up: FollowUp, units: Sequence[UnitUsage]) -> RegionUsage:
    months = shown_months(follow_up)
    wanted = set(months)
    pooled = {
        s.service: tuple((m.legacy, m.target) for m in s.monthly if m.month in wanted) for s in follow_up.services
    }
    shares: dict[tuple[str, str], list[float]] = {}
    for usage in units:
        for series in usage.series:
            for i, month in enumerate(months):
                value = series.take_up(i, follow_up.min_count)
                if value is not None:
                    shares.setdefault((series.service, month), []).append(value)
    spreads = {key: found for key, values in shares.items() if (found := spread(values)) is not None}
    medians = Medians(
        month=follow_up.month,
        window=follow_up.window,
        months=months,
        min_count=follow_up.min_count,
        take_up_target=follow_up.take_up_target,
        spreads=spreads,
    )
    return RegionUsage(
        medians=medians,
        pooled=pooled,
        legacy=follow_up.total.legacy,
        target=follow_up.total.target,
        units_with_data=follow_up.units_with_data,
    )
