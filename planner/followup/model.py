"""The follow-up's result: plain frozen values, for the CLI, the explorer and the reports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal, get_args

FlagCode = Literal["low_take_up", "legacy_after_redirect", "usage_without_offering", "no_usage", "missing_data"]
Severity = Literal["warning", "info"]

FLAG_CODES: tuple[FlagCode, ...] = get_args(FlagCode)
"""Every flag code, in the order `flag_counts` lists them."""
SEVERITY: dict[FlagCode, Severity] = {
    "low_take_up": "warning",
    "legacy_after_redirect": "warning",
    "usage_without_offering": "warning",
    "no_usage": "info",
    "missing_data": "info",
}


def take_up(legacy: int, target: int) -> float | None:
    """The pooled share of errands in the target channel; None when there were none."""
    total = legacy + target
    return target / total if total else None


@dataclass(frozen=True)
class Figures:
    """Errands in the legacy and the target channel, and the target's share of them."""

    legacy: int
    target: int

    @property
    def take_up(self) -> float | None:
        return take_up(self.legacy, self.target)


@dataclass(frozen=True)
class UnitService(Figures):
    """One service at one unit, over the window."""

    service: str
    """The e-tjänst's id."""


@dataclass(frozen=True)
class UnitFollowUp(Figures):
    """One unit over the window: all its services pooled, and each of them."""

    unit: str
    name: str
    """The hälsocentral's name, as its unit file gives it."""
    provider: str
    """Its huvudman: a provider's report shows only its own units."""
    services: tuple[UnitService, ...]
    """The services with usage rows in the legacy or target channel in the window."""


@dataclass(frozen=True)
class MonthFigures(Figures):
    """One service over all units in one month."""

    month: str
    """YYYY-MM."""


@dataclass(frozen=True)
class ServiceFollowUp(Figures):
    """One service over all units: the window pooled, and month by month over all the data."""

    service: str
    name: str
    """The e-tjänst's name, as services.yaml gives it."""
    units_parallel: int
    """Units where both the legacy and the target offering were active on the window's first day."""
    monthly: tuple[MonthFigures, ...]
    """Every month from the first to the last in the data."""


@dataclass(frozen=True)
class Flag:
    """Something in the usage data that asks a person to act (a warning) or to know (info)."""

    code: FlagCode
    severity: Severity
    """From `SEVERITY`: the code decides it."""
    unit: str
    service: str | None
    """None for `missing_data`."""
    channel: str | None
    """Set only for `usage_without_offering`."""
    month: str
    """The report month, except for `usage_without_offering`: the first month it happened."""
    message: str
    file: str
    """The unit file, and the line a person would edit."""
    line: int
    months: tuple[str, ...] = ()
    """For `missing_data`: the months without any row."""


@dataclass(frozen=True)
class FollowUp:
    """What `mvgplan follow-up` reports: per unit, per service, and the flags."""

    as_of: date | None
    """The catalogue's as_of; it decides which offerings were active."""
    month: str
    """The report month M."""
    window: tuple[str, str]
    """First and last month judged."""
    take_up_target: float
    """`follow_up.take_up_target`: the share of errands in the target channel that counts as moved."""
    min_count: int
    """`follow_up.min_count`: fewer errands than this are too few to judge (and to show)."""
    legacy_channel: str
    target_channel: str
    units: tuple[UnitFollowUp, ...]
    """The units shown (`--unit`, `--provider`), sorted by id."""
    services: tuple[ServiceFollowUp, ...]
    """Region-wide, in services.yaml's order: the services with usage in the legacy or target channel."""
    flags: tuple[Flag, ...]
    """The flags of the units shown."""
    rows: int
    """Usage rows read, over every month."""
    units_with_data: int
    """Units with at least one usage row in the window."""
    total: Figures
    """The region over the window."""
    months: tuple[str, ...]
    """Every month from the first to the last in the data."""

    def flag_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for flag in self.flags:
            counts[flag.code] = counts.get(flag.code, 0) + 1
        return {code: counts[code] for code in FLAG_CODES if code in counts}

    @property
    def warnings(self) -> int:
        return sum(1 for f in self.flags if f.severity == "warning")
