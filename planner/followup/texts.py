"""The follow-up's flag messages: what was seen, and what to do about it."""

from __future__ import annotations

from planner.catalog.loader import Catalog
from planner.catalog.model import Offering, Unit
from planner.i18n import N_, _

STATUS_WORDS = {
    "active": N_("active"),
    "redirect": N_("redirected"),
    "planned": N_("planned"),
    "retired": N_("retired"),
}


def share(value: float | None) -> str:
    """A take-up for a person: `83%`, or `–` when there were no errands."""
    return "–" if value is None else f"{value:.0%}"


def _window(window: list[str]) -> str:
    return window[0] if len(window) == 1 else f"{window[0]}–{window[-1]}"


def _channel(catalog: Catalog, channel: str) -> str:
    found = next((c for c in catalog.region.channels if c.id == channel), None)
    return found.name if found is not None and found.name else channel


def _where(catalog: Catalog, unit: Unit, service: str, channel: str) -> str:
    return f"{catalog.unit_source(unit.id).path}:{catalog.offering_line(unit.id, service, channel)}"


def low_take_up(catalog: Catalog, unit: Unit, service: str, legacy: int, target: int, window: list[str]) -> str:
    region = catalog.region
    return _(
        "Only {share} of the {total} errands of {service} at {unit} came through {target} in {window} "
        "(the target is {goal}), while both channels are open. Do not redirect {legacy} yet: tell "
        "patients about {target} (staff, the unit's web page, a notice in {legacy}) and set a date for the redirect."
    ).format(
        share=share(target / (legacy + target)),
        total=legacy + target,
        service=service,
        unit=unit.id,
        target=_channel(catalog, region.target),
        legacy=_channel(catalog, region.legacy),
        window=_window(window),
        goal=share(region.follow_up.take_up_target),
    )


def legacy_after_redirect(
    catalog: Catalog, unit: Unit, service: str, offering: Offering, legacy: int, window: list[str]
) -> str:
    status = _(STATUS_WORDS[offering.status])
    since = offering.since.isoformat() if offering.since is not None else _("before the data begins")
    return _(
        "{count} errands of {service} at {unit} still came through {legacy} in {window}, although it is "
        "{status} there since {since}: the redirect is not working, or the catalogue is wrong ({where})."
    ).format(
        count=legacy,
        service=service,
        unit=unit.id,
        legacy=_channel(catalog, catalog.region.legacy),
        window=_window(window),
        status=status,
        since=since,
        where=_where(catalog, unit, service, catalog.region.legacy),
    )


def usage_without_offering(
    catalog: Catalog, unit: Unit, service: str, channel: str, offering: Offering | None, count: int, month: str
) -> str:
    where = _where(catalog, unit, service, channel)
    values = {"count": count, "service": service, "unit": unit.id, "channel": channel, "month": month, "where": where}
    if offering is None:
        return _(
            "{count} errands of {service} came through {channel} at {unit} in {month}, but the catalogue does "
            "not list {service} in {channel} there: update the catalogue ({where}: add the offering with its "
            "status and since), or correct the export."
        ).format(**values)
    if offering.status == "active" and offering.since is not None:
        return _(
            "{count} errands of {service} came through {channel} at {unit} in {month}, but the catalogue says it "
            "is active there only since {since}: update the catalogue ({where}: correct since), or correct the export."
        ).format(**values, since=offering.since.isoformat())
    return _(
        "{count} errands of {service} came through {channel} at {unit} in {month}, but the catalogue says it is "
        "{status} there: update the catalogue ({where}: status and since), or correct the export."
    ).format(**values, status=_(STATUS_WORDS[offering.status]))


def no_usage(catalog: Catalog, unit: Unit, service: str, window: list[str]) -> str:
    return _(
        "No errands of {service} came through {target} at {unit} in {window}, although it is active there: "
        "check that patients can find it, and that the export covers it."
    ).format(service=service, target=_channel(catalog, catalog.region.target), unit=unit.id, window=_window(window))


def missing_data(unit: Unit, months: tuple[str, ...]) -> str:
    return _(
        "{unit} has no usage rows at all for {months}: add its exports for those months to usage/, "
        "or the take-up shown leaves them out."
    ).format(unit=unit.id, months=", ".join(months))
