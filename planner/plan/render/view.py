"""What every renderer needs from a plan: display names, a stable order, weeks and counts.

Renderers are pure and byte-identical for the same input, so every collection they print is
sorted here, never by dict or set order: hälsocentraler by name in Swedish order
(`planner.collation`), everything else by codes and ids.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import groupby
from typing import TYPE_CHECKING

from planner.calendar import swedish_week_label
from planner.collation import NameKey, name_key
from planner.i18n import _, ngettext
from planner.plan.model import Plan, PlanWarning, Step, Unschedulable, action_rank, reading_order
from planner.plan.render.labels import NO_OVERRIDES

if TYPE_CHECKING:
    from planner.catalog.loader import Catalog

SEVERITY_ORDER: Mapping[str, int] = {"error": 0, "warning": 1}


@dataclass(frozen=True)
class Names:
    """Display names from the catalogue; an id stands in for a name the catalogue lacks."""

    region: str
    units: Mapping[str, str]
    services: Mapping[str, str]
    channels: Mapping[str, str]
    legacy: str
    target: str

    def unit(self, unit_id: str) -> str:
        return self.units.get(unit_id, unit_id)

    def unit_key(self, unit_id: str) -> tuple[NameKey, str]:
        """Hälsocentraler in the order a person looks them up: by name, Swedish collation."""
        return (name_key(self.unit(unit_id)), unit_id)

    def service(self, service_id: str) -> str:
        return self.services.get(service_id, service_id)

    def channel(self, channel_id: str) -> str:
        return self.channels.get(channel_id, channel_id)


def names(catalog: Catalog) -> Names:
    region = catalog.region
    return Names(
        region=region.region,
        units={u.id: u.name for u in catalog.units},
        services={s.id: s.name for s in catalog.services},
        channels={c.id: c.name or c.id for c in region.channels},
        legacy=region.legacy,
        target=region.target,
    )


def sorted_steps(steps: Iterable[Step]) -> list[Step]:
    return sorted(steps, key=reading_order)


def sorted_warnings(warnings: Iterable[PlanWarning], n: Names) -> list[PlanWarning]:
    """Errors first, then by code, hälsocentral (by name), e-tjänst."""
    return sorted(
        warnings, key=lambda w: (SEVERITY_ORDER.get(w.severity, 2), w.code, n.unit_key(w.unit), w.service, w.message)
    )


def sorted_unschedulable(items: Iterable[Unschedulable], n: Names) -> list[Unschedulable]:
    """By reason, then hälsocentral (by name), e-tjänst."""
    return sorted(items, key=lambda u: (u.reason, n.unit_key(u.unit), u.service, u.message))


@dataclass(frozen=True)
class UnschedulableGroup:
    """The units where one service is unschedulable for one reason, with one message."""

    reason: str
    service: str
    message: str
    units: tuple[str, ...]
    """Unit ids, by name."""


def unschedulable_groups(plan: Plan, n: Names) -> list[UnschedulableGroup]:
    """The same service is often unschedulable for the same reason at many units (no MVG
    equivalent yet): one group per reason, service and message, naming the units, reads far
    better than forty identical lines. By reason, then service, then units."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for u in sorted_unschedulable(plan.unschedulable, n):
        groups.setdefault((u.reason, u.service, u.message), []).append(u.unit)
    ordered = sorted(groups.items(), key=lambda g: (g[0][0], g[0][1], [n.unit_key(u) for u in g[1]], g[0][2]))
    return [UnschedulableGroup(reason, service, message, tuple(units)) for (reason, service, message), units in ordered]


@dataclass(frozen=True)
class UnitWeek:
    """The steps of one unit in one week."""

    unit: str
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Week:
    """One ISO week of the plan: its Monday, the date its steps carry, and its units."""

    monday: date
    date: date
    units: tuple[UnitWeek, ...]

    @property
    def label(self) -> str:
        return swedish_week_label(self.monday)

    @property
    def steps(self) -> tuple[Step, ...]:
        return tuple(s for u in self.units for s in u.steps)


def weeks(plan: Plan, n: Names) -> list[Week]:
    """The plan's steps week by week and, inside a week, unit by unit, units by name (only
    weeks with steps)."""
    result: list[Week] = []
    ordered = sorted(plan.steps, key=lambda s: (s.week, n.unit_key(s.unit), action_rank(s.action), s.service))
    for monday, in_week in groupby(ordered, key=lambda s: s.week):
        week_steps = list(in_week)
        units = tuple(UnitWeek(unit, tuple(group)) for unit, group in groupby(week_steps, key=lambda s: s.unit))
        # Steps of one week share the first working day; min() keeps it stable if they do not.
        result.append(Week(monday, min(s.date for s in week_steps), units))
    return result


@dataclass(frozen=True)
class Counts:
    briefings: int
    enables: int
    redirects: int
    notices: int
    """`inform_patients` steps."""
    errors: int
    """Warnings of severity `error`."""
    warnings: int
    """All warnings, errors included."""
    unschedulable: int

    @property
    def steps(self) -> int:
        """Every step: the four kinds above add up to it."""
        return self.briefings + self.enables + self.redirects + self.notices

    @property
    def findings(self) -> bool:
        """What `--strict` fails on: an error-level warning or an unschedulable item."""
        return self.errors > 0 or self.unschedulable > 0


def counts(plan: Plan) -> Counts:
    actions = Counter(s.action for s in plan.steps)
    return Counts(
        briefings=actions["brief_staff"],
        enables=actions["enable"],
        redirects=actions["redirect"],
        notices=actions["inform_patients"],
        errors=sum(1 for w in plan.warnings if w.severity == "error"),
        warnings=len(plan.warnings),
        unschedulable=len(plan.unschedulable),
    )


def overrides_text(plan: Plan) -> str:
    """`capacity 6 → 10; parallel_min 2 → 3`, or a plain word when the policy is untouched."""
    if not plan.overrides:
        return _(NO_OVERRIDES)
    return "; ".join(f"{key} {value}" for key, value in sorted(plan.overrides.items()))


def start_moved(plan: Plan) -> str:
    """Why the plan starts later than plan.start asked (the rolling start), for a person."""
    configured = plan.configured_start_week
    assert configured is not None
    return _(
        "The start moved from {configured} to {start}: as_of {as_of} has passed plan.start, "
        "and a plan never holds a step in the past."
    ).format(
        configured=swedish_week_label(configured),
        start=swedish_week_label(plan.start_week),
        as_of=plan.as_of.isoformat(),
    )


def shown_units(plan: Plan, n: Names) -> str:
    """Which hälsocentraler a `plan --unit` output is limited to, by name."""
    units = ", ".join(n.unit(u) for u in sorted(plan.shown_units, key=n.unit_key))
    return ngettext(
        "Showing {count} hälsocentral: {units}; the plan is made for the whole region.",
        "Showing {count} hälsocentraler: {units}; the plan is made for the whole region.",
        len(plan.shown_units),
    ).format(count=len(plan.shown_units), units=units)


def short_digest(digest: str, length: int = 12) -> str:
    """`sha256:0123456789ab`: enough to tell two catalogues apart in a heading."""
    algorithm, _, hexdigest = digest.partition(":")
    return f"{algorithm}:{hexdigest[:length]}" if hexdigest else digest[:length]


def week_or_none(monday: date | None) -> str:
    return swedish_week_label(monday) if monday is not None else "–"


def columns(rows: Sequence[Sequence[str]], indent: str = "", gap: str = "  ") -> list[str]:
    """Left-aligned columns, the last one unpadded, so lines carry no trailing blanks."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [cell.ljust(width) for cell, width in zip(row[:-1], widths, strict=True)] + [row[-1]]
        lines.append((indent + gap.join(cells)).rstrip())
    return lines
