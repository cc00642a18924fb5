"""The basutbud rules (docs/ci.md): a pure function from a validated catalogue and a date to a report.

No clock, no file access: the as-of date comes in as an argument (the CLI reads the clock),
and the lines come from the positions the loader kept. Status alone decides; `since` and
`from` never change a verdict.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from datetime import date
from typing import TYPE_CHECKING

from planner.catalog import redirects
from planner.conformance import words
from planner.conformance.model import (
    ConformanceReport,
    Deviation,
    DeviationKind,
    Exempt,
    UnitResult,
    UnusedExemption,
)

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog
    from planner.catalog.model import Exemption, Unit

_KIND_BY_STATUS: dict[str | None, DeviationKind] = {
    None: "missing",
    "planned": "planned",
    "retired": "retired",
    "redirect": "redirect_only",
}


def check(catalog: Catalog, as_of: date, units: Collection[str] | None = None) -> ConformanceReport:
    """Check every unit (or only those in `units`) against the basutbud as of `as_of`.

    Raises `ValueError` for a unit id the catalogue does not have: the caller validates
    user input first (the CLI turns it into a usage error with a suggestion).
    """
    if units is not None:
        unknown = sorted(set(units) - catalog.unit_by_id.keys())
        if unknown:
            raise ValueError(f"unknown unit(s): {', '.join(unknown)}")
    effective = catalog.basutbud.effective
    in_force = effective is None or as_of >= effective
    # A requirement listed twice is one requirement.
    requirements = list(dict.fromkeys((r.service, r.channel) for r in catalog.basutbud.required)) if in_force else []
    wanted = None if units is None else set(units)
    chosen = catalog.units if wanted is None else tuple(u for u in catalog.units if u.id in wanted)
    channels = (catalog.region.legacy, catalog.region.target)
    return ConformanceReport(
        as_of=as_of,
        units=tuple(_check_unit(catalog, unit, as_of, requirements, channels) for unit in chosen),
        effective=effective,
        in_force=in_force,
    )


def _check_unit(
    catalog: Catalog, unit: Unit, as_of: date, requirements: Collection[tuple[str, str]], channels: tuple[str, str]
) -> UnitResult:
    file = catalog.unit_source(unit.id).path
    deviations: list[Deviation] = []
    exempt: list[Exempt] = []
    for service, channel in requirements:
        offering = unit.offerings.get(service, {}).get(channel)
        status = offering.status if offering is not None else None
        if status == "active":
            continue
        kind = _KIND_BY_STATUS[status]
        label = _service_label(catalog, service)
        waiver = _latest_exemption(unit, service, channel)
        if waiver is None:
            message = words.requirement_message(kind, label, channel)
        else:
            index, exemption = waiver
            exemption_line = catalog.unit_source(unit.id).at("exemptions", index, "until")[0]
            if exemption.until >= as_of:
                exempt.append(
                    Exempt(
                        unit=unit.id,
                        service=service,
                        channel=channel,
                        until=exemption.until,
                        reason=exemption.reason,
                        decision=exemption.decision,
                        file=file,
                        line=exemption_line,
                        expires_soon=(exemption.until - as_of).days <= words.EXPIRES_SOON_DAYS,
                    )
                )
                continue
            message = words.expired_message(kind, label, channel, exemption.until, exemption_line)
            kind = "exemption_expired"
        line = catalog.offering_line(unit.id, service, channel)
        deviations.append(Deviation(unit.id, service, channel, kind, file, line, message))
    deviations.extend(_broken_redirects(catalog, unit, file, *channels))
    unused = list(_unused_exemptions(catalog, unit, file, requirements)) if requirements else []
    return UnitResult(
        unit=unit.id,
        name=unit.name,
        regi=unit.regi,
        area=unit.area,
        file=file,
        # In the order of the file, so a person reading down the list reads down the file.
        deviations=tuple(sorted(deviations, key=lambda d: (d.line, d.service, d.channel, d.kind))),
        exempt=tuple(sorted(exempt, key=lambda e: (e.line, e.service, e.channel))),
        unused_exemptions=tuple(unused),
    )


def _unused_exemptions(
    catalog: Catalog, unit: Unit, file: str, requirements: Collection[tuple[str, str]]
) -> Iterable[UnusedExemption]:
    """Exemptions that waive nothing: no such requirement, or it is met (`active`) now."""
    required = set(requirements)
    for index, exemption in enumerate(unit.exemptions):
        service, channel = exemption.service, exemption.channel
        label = _service_label(catalog, service)
        line = catalog.unit_source(unit.id).at("exemptions", index)[0]
        if (service, channel) not in required:
            elsewhere = sorted(c for s, c in required if s == service)
            message = words.unused_not_required(label, channel, elsewhere)
            yield UnusedExemption(unit.id, service, channel, exemption.until, "not_required", file, line, message)
            continue
        offering = unit.offerings.get(service, {}).get(channel)
        if offering is not None and offering.status == "active":
            message = words.unused_requirement_met(label, channel)
            yield UnusedExemption(unit.id, service, channel, exemption.until, "requirement_met", file, line, message)


def _latest_exemption(unit: Unit, service: str, channel: str) -> tuple[int, Exemption] | None:
    """The exemption for this requirement that lasts longest (the most favourable one), if any."""
    matching = [(i, e) for i, e in enumerate(unit.exemptions) if e.service == service and e.channel == channel]
    return max(matching, key=lambda pair: (pair[1].until, -pair[0])) if matching else None


def _broken_redirects(catalog: Catalog, unit: Unit, file: str, legacy: str, target: str) -> Iterable[Deviation]:
    """A legacy `redirect` while the target is not `active`: patients forwarded to nothing."""
    for service, channels in unit.offerings.items():
        redirect, landing = channels.get(legacy), channels.get(target)
        landing_status = landing.status if landing else None
        if not redirects.is_broken(redirect.status if redirect else None, landing_status):
            continue
        message = redirects.broken_redirect_message(_service_label(catalog, service), legacy, target, landing_status)
        line = catalog.offering_line(unit.id, service, legacy)
        yield Deviation(unit.id, service, legacy, "broken_redirect", file, line, message)


def _service_label(catalog: Catalog, service_id: str) -> str:
    service = catalog.service_by_id.get(service_id)
    return words.service_label(service_id, service.name if service else None)
