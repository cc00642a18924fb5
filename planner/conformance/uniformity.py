"""Uniformity of the target channel (`mvgplan check --uniformity`): which MVG e-tjänster some
hälsocentraler offer and others do not. Handbok Hälsoval asks every unit for the same digital
offer, beyond the basutbud too, so a manager wants to see the gaps; they are information and
never fail the check.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection
from typing import TYPE_CHECKING

from planner.conformance.model import Uniformity, UniformityGap

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog


def uniformity(catalog: Catalog, units: Collection[str] | None = None) -> Uniformity:
    """Services active in the target channel at some, but not all, of the (chosen) units."""
    target = catalog.region.target
    wanted = None if units is None else set(units)
    chosen = [u for u in catalog.units if wanted is None or u.id in wanted]
    offered: defaultdict[str, list[str]] = defaultdict(list)
    for unit in chosen:  # sorted by id, so every list below is too
        for service, channels in unit.offerings.items():
            offering = channels.get(target)
            if offering is not None and offering.status == "active":
                offered[service].append(unit.id)
    gaps = []
    for service in sorted(offered):
        at = offered[service]
        if len(at) < len(chosen):
            present = set(at)
            missing = tuple(u.id for u in chosen if u.id not in present)
            gaps.append(UniformityGap(service=service, offered_by=tuple(at), not_offered_by=missing))
    return Uniformity(channel=target, units=len(chosen), gaps=tuple(gaps))
