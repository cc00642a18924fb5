"""SPEC §8's figures and flags: a pure function of the catalogue, its usage data and options.

An offering's history is read from its current status: `active` since X was active from X on
(always, without `since`); `redirect` or `retired` since Y was active before Y (never, without
`since`: redirected before all data); `planned` or absent never.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from planner.catalog.loader import Catalog
from planner.catalog.model import Offering, Unit
from planner.followup import texts
from planner.followup.model import (
    SEVERITY,
    Figures,
    Flag,
    FlagCode,
    FollowUp,
    MonthFigures,
    ServiceFollowUp,
    UnitFollowUp,
    UnitService,
)
from planner.usage import months as mo
from planner.usage.data import UsageData


@dataclass(frozen=True)
class FollowUpOptions:
    month: str | None = None
    """The report month `YYYY-MM`; default the latest month in the usage data."""
    units: Collection[str] | None = None
    """Show only these units (their figures and flags); None: all."""
    providers: Collection[str] | None = None
    """Show only the units these huvudmän run; None: all."""


def report_month(usage: UsageData, options: FollowUpOptions) -> str | None:
    return options.month or usage.last_month


def active_on(offering: Offering | None, day: date) -> bool:
    """Whether the offering was active on `day`, by the history rule."""
    if offering is None:
        return False
    if offering.status == "active":
        return offering.since is None or offering.since <= day
    if offering.status in ("redirect", "retired"):
        return offering.since is not None and day < offering.since
    return False


def offered_in(offering: Offering | None, month: str) -> bool:
    """Whether usage in `month` is explained by the offering: active at some point of it."""
    return _offered_in(offering, mo.first_day(month), mo.last_day(month))


def _offered_in(offering: Offering | None, first: date, last: date) -> bool:
    if offering is None:
        return False
    if offering.status == "active":
        return offering.since is None or offering.since <= last
    if offering.status in ("redirect", "retired"):
        return offering.since is not None and offering.since > first
    return False


def follow_up(catalog: Catalog, usage: UsageData, options: FollowUpOptions | None = None) -> FollowUp:
    """Every figure and flag of SPEC §8. `usage` must not be empty (there is no report month)."""
    options = options or FollowUpOptions()
    month = report_month(usage, options)
    if month is None:
        raise ValueError("follow_up needs usage data")
    policy = catalog.region.follow_up
    legacy, target = catalog.region.legacy, catalog.region.target
    window = mo.span(mo.shift(month, 1 - policy.window_months), month)
    in_window = frozenset(window)
    first_day = mo.first_day(window[0])
    all_months = mo.span(usage.first_month, usage.last_month) if usage.first_month and usage.last_month else []

    # One pass over the series: window sums per unit and service, monthly sums per service.
    pair_sums: dict[tuple[str, str], list[int]] = {}
    service_monthly: dict[str, dict[str, list[int]]] = {}
    for (unit_id, service_id, channel), counts in usage.series.items():
        if channel == legacy:
            role = 0
        elif channel == target:
            role = 1
        else:
            continue
        sums = pair_sums.get((unit_id, service_id))
        if sums is None:
            sums = pair_sums[(unit_id, service_id)] = [0, 0, 0]
        monthly = service_monthly.setdefault(service_id, {})
        for m, n in counts.items():
            if m in in_window:
                sums[role] += n
                sums[2] = 1  # rows in the window
            cell = monthly.get(m)
            if cell is None:
                cell = monthly[m] = [0, 0]
            cell[role] += n

    units_with_rows = {u for u, seen in usage.unit_months.items() if not seen.isdisjoint(in_window)}
    flags: list[Flag] = []
    parallel: dict[str, int] = {}
    for unit in catalog.units:
        _unit_flags(catalog, usage, unit, window, first_day, pair_sums, unit.id in units_with_rows, flags, parallel)
    _usage_without_offering(catalog, usage, window, flags)

    shown = _shown_units(catalog, options)
    by_unit: dict[str, list[tuple[str, list[int]]]] = {}
    for (unit_id, service_id), sums in pair_sums.items():
        if sums[2]:
            by_unit.setdefault(unit_id, []).append((service_id, sums))
    order = {s.id: i for i, s in enumerate(catalog.services)}
    units = tuple(
        _unit_figures(catalog, u, sorted(by_unit.get(u.id, []), key=lambda p: order[p[0]]))
        for u in catalog.units
        if u.id in shown
    )
    services = _service_figures(catalog, pair_sums, service_monthly, parallel, all_months)
    total_legacy = sum(s[0] for s in pair_sums.values())
    total_target = sum(s[1] for s in pair_sums.values())
    flags.sort(key=lambda f: (f.unit, f.service or "", f.channel or "", _ORDER[f.code]))
    return FollowUp(
        as_of=catalog.as_of,
        month=month,
        window=(window[0], window[-1]),
        take_up_target=policy.take_up_target,
        min_count=policy.min_count,
        legacy_channel=legacy,
        target_channel=target,
        units=units,
        services=services,
        flags=tuple(f for f in flags if f.unit in shown),
        rows=usage.rows,
        units_with_data=len(units_with_rows),
        total=Figures(total_legacy, total_target),
        months=tuple(all_months),
    )


_ORDER = {code: i for i, code in enumerate(SEVERITY)}


def _shown_units(catalog: Catalog, options: FollowUpOptions) -> set[str]:
    shown = {u.id for u in catalog.units}
    if options.units is not None:
        shown &= set(options.units)
    if options.providers is not None:
        wanted = set(options.providers)
        region = catalog.region.region
        shown = {u for u in shown if catalog.unit_by_id[u].provider_name(region) in wanted}
    return shown


def _flag(
    catalog: Catalog,
    code: FlagCode,
    unit: Unit,
    service: str | None,
    month: str,
    message: str,
    *,
    channel: str | None = None,
    at_channel: str | None = None,
    months: tuple[str, ...] = (),
) -> Flag:
    """A flag pointing at the line of the unit file a person would edit."""
    line = catalog.offering_line(unit.id, service or "", at_channel or channel)
    path = catalog.unit_source(unit.id).path
    return Flag(code, SEVERITY[code], unit.id, service, channel, month, message, path, line, months)


def _unit_flags(
    catalog: Catalog,
    usage: UsageData,
    unit: Unit,
    window: list[str],
    first_day: date,
    pair_sums: dict[tuple[str, str], list[int]],
    has_rows: bool,
    flags: list[Flag],
    parallel: dict[str, int],
) -> None:
    policy = catalog.region.follow_up
    legacy_id, target_id = catalog.region.legacy, catalog.region.target
    month = window[-1]
    any_active = False
    for service_id, by_channel in unit.offerings.items():
        old, new = by_channel.get(legacy_id), by_channel.get(target_id)
        if (old is not None and old.status == "active") or (new is not None and new.status == "active"):
            any_active = True
        sums = pair_sums.get((unit.id, service_id), _NONE)
        n_old, n_new = sums[0], sums[1]
        both_open = active_on(old, first_day) and active_on(new, first_day)
        if both_open:
            parallel[service_id] = parallel.get(service_id, 0) + 1
        service = catalog.service_by_id[service_id]
        if (
            both_open
            and service.migrate
            and old is not None
            and new is not None
            and old.status == "active"
            and new.status == "active"
            and n_old + n_new >= policy.min_count
            and n_old + n_new > 0  # with min_count 0, no errands at all: no take-up to judge
            and n_new / (n_old + n_new) < policy.take_up_target
        ):
            message = texts.low_take_up(catalog, unit, service.id, n_old, n_new, window)
            flags.append(_flag(catalog, "low_take_up", unit, service_id, month, message, at_channel=target_id))
        if (
            old is not None
            and old.status in ("redirect", "retired")
            and (old.since is None or old.since <= first_day)
            and n_old >= policy.min_count
        ):
            message = texts.legacy_after_redirect(catalog, unit, service.id, old, n_old, window)
            flags.append(
                _flag(catalog, "legacy_after_redirect", unit, service_id, month, message, at_channel=legacy_id)
            )
        if active_on(new, first_day) and has_rows and n_new == 0:
            message = texts.no_usage(catalog, unit, service.id, window)
            flags.append(_flag(catalog, "no_usage", unit, service_id, month, message, at_channel=target_id))
    if any_active:
        first = usage.first_month or month
        seen = usage.unit_months.get(unit.id, frozenset())
        missing = tuple(m for m in window if m >= first and m not in seen)
        if missing:
            message = texts.missing_data(unit, missing)
            flags.append(_flag(catalog, "missing_data", unit, None, month, message, months=missing))


_NONE = [0, 0, 0]


def _usage_without_offering(catalog: Catalog, usage: UsageData, window: list[str], flags: list[Flag]) -> None:
    min_count = catalog.region.follow_up.min_count
    legacy_id = catalog.region.legacy
    bounds = {m: (mo.first_day(m), mo.last_day(m)) for m in window}
    for (unit_id, service_id, channel), counts in usage.series.items():
        unit = catalog.unit_by_id[unit_id]
        offering = unit.offerings.get(service_id, {}).get(channel)
        if offering is not None and offering.status == "active" and offering.since is None:
            continue  # offered all along
        if channel == legacy_id and offering is not None and offering.status in ("redirect", "retired"):
            continue  # legacy use after a redirect is legacy_after_redirect's
        for m in window:
            n = counts.get(m)
            if n is not None and n >= min_count and not _offered_in(offering, *bounds[m]):
                message = texts.usage_without_offering(catalog, unit, service_id, channel, offering, n, m)
                flags.append(_flag(catalog, "usage_without_offering", unit, service_id, m, message, channel=channel))
                break


def _unit_figures(catalog: Catalog, unit: Unit, pairs: list[tuple[str, list[int]]]) -> UnitFollowUp:
    services = tuple(UnitService(sums[0], sums[1], service) for service, sums in pairs)
    return UnitFollowUp(
        sum(s.legacy for s in services),
        sum(s.target for s in services),
        unit.id,
        unit.name,
        unit.provider_name(catalog.region.region),
        services,
    )


def _service_figures(
    catalog: Catalog,
    pair_sums: dict[tuple[str, str], list[int]],
    service_monthly: dict[str, dict[str, list[int]]],
    parallel: dict[str, int],
    all_months: list[str],
) -> tuple[ServiceFollowUp, ...]:
    window_sums: dict[str, list[int]] = {}
    for (_unit_id, service_id), sums in pair_sums.items():
        acc = window_sums.setdefault(service_id, [0, 0])
        acc[0] += sums[0]
        acc[1] += sums[1]
    result = []
    for service in catalog.services:
        monthly = service_monthly.get(service.id)
        if monthly is None:
            continue
        sums = window_sums.get(service.id, [0, 0])
        result.append(
            ServiceFollowUp(
                sums[0],
                sums[1],
                service.id,
                service.name,
                parallel.get(service.id, 0),
                tuple(_month_figures(monthly, m) for m in all_months),
            )
        )
    return tuple(result)


def _month_figures(monthly: dict[str, list[int]], month: str) -> MonthFigures:
    cell = monthly.get(month)
    return MonthFigures(cell[0], cell[1], month) if cell is not None else MonthFigures(0, 0, month)
